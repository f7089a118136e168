// The aligned view's window keydown listener: added with the view, removed with
// it, and quiet while the reader types, works in a dialog or a menu.

import { useEffect, useLayoutEffect, useRef } from 'react';
import type { RefObject } from 'react';
import { isShortcutBlocked } from '../../shell/shortcuts';
import { alignedKeyAction, type AlignedAction } from './alignedKeys';

/**
 * Calls `perform` with the action a key press means (see alignedKeys.ts).
 * Arrow keys count only while a sentence inside `listRef` has focus.
 */
export function useAlignedKeyboard(
  listRef: RefObject<HTMLElement | null>,
  perform: (action: AlignedAction) => void,
): void {
  // One listener for the view's life, reading the latest `perform` through a ref.
  const performRef = useRef(perform);
  useLayoutEffect(() => {
    performRef.current = perform;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // Typing, dialogs and menus keep their keys.
      if (event.defaultPrevented || isShortcutBlocked(event)) return;
      const active = document.activeElement;
      const onSentence =
        active instanceof HTMLElement &&
        active.dataset.focusKey !== undefined &&
        listRef.current?.contains(active) === true;
      const action = alignedKeyAction(event, onSentence);
      if (!action) return;
      event.preventDefault();
      performRef.current(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [listRef]);
}
