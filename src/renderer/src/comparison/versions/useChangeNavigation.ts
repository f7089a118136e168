import { useCallback, useEffect, useState, type RefObject } from 'react';
import { isShortcutBlocked } from '../../shell/shortcuts';
import { jumpTo } from './ChangeMarks';
import { stepChange } from './versionDiffModel';

export interface ChangeNavigation {
  /** The change last gone to (0-based), or -1 before the first move. */
  current: number;
  /** The reader tried to go past the first or last change. */
  atEdge: 'first' | 'last' | null;
  go: (direction: 1 | -1) => void;
}

/** Changes are the elements marked `data-change-stop`, in page order. */
function stopsIn(container: HTMLElement | null): HTMLElement[] {
  return container ? [...container.querySelectorAll<HTMLElement>('[data-change-stop]')] : [];
}

/**
 * Next/previous change, by button or by `j`/`k` (never while typing in a field
 * or inside a dialog). Starts from the change that has focus, so a click or a
 * followed link moves the starting point too. `resetKey` changes when the list
 * of changes does (another diff), which starts over from the top.
 */
export function useChangeNavigation(
  container: RefObject<HTMLElement | null>,
  resetKey: unknown,
): ChangeNavigation {
  const [position, setPosition] = useState<{
    key: unknown;
    current: number;
    atEdge: ChangeNavigation['atEdge'];
  }>({ key: resetKey, current: -1, atEdge: null });
  const current = position.key === resetKey ? position.current : -1;

  const go = useCallback(
    (direction: 1 | -1) => {
      const stops = stopsIn(container.current);
      const focused = stops.findIndex((stop) => stop.contains(document.activeElement));
      const next = stepChange(focused >= 0 ? focused : current, stops.length, direction);
      if (next === null) {
        const atEdge = stops.length === 0 ? null : direction === 1 ? 'last' : 'first';
        setPosition({ key: resetKey, current, atEdge });
        return;
      }
      setPosition({ key: resetKey, current: next, atEdge: null });
      jumpTo(stops[next]!.id);
    },
    [container, current, resetKey],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isShortcutBlocked(event) || event.shiftKey) return;
      if (event.key !== 'j' && event.key !== 'k') return;
      event.preventDefault();
      go(event.key === 'j' ? 1 : -1);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [go]);

  return { current, atEdge: position.key === resetKey ? position.atEdge : null, go };
}
