// The aligned view's window keydown listener: added with the view, removed with
// it, and quiet while the reader types, works in a dialog or a menu.

import { useEffect, useLayoutEffect, useRef } from 'react';
import type { RefObject } from 'react';
import { alignedKeyAction, type AlignedAction } from './alignedKeys';

const DIALOGS = 'dialog[open], [role="dialog"]:not([hidden]), [role="alertdialog"]:not([hidden])';
const OWN_KEYS =
  'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="menu"], [role="listbox"], [role="combobox"]';

/** Typing, dialogs and menus keep their keys. */
function keysBelongElsewhere(target: EventTarget | null): boolean {
  if (document.querySelector(DIALOGS)) return true;
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest(OWN_KEYS) !== null;
}

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
      if (event.defaultPrevented || keysBelongElsewhere(event.target)) return;
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
