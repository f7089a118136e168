import { useEffect } from 'react';
import { isShortcutBlocked } from './shortcuts';

interface GlobalShortcutActions {
  toggleShortcuts: () => void;
  /** Shows the library (if folded away) and puts the cursor in its search box. */
  search: () => void;
}

/** `?` and `/`, wherever focus is, except while the reader types in a field or a dialog is open. */
export function useGlobalShortcuts({ toggleShortcuts, search }: GlobalShortcutActions): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isShortcutBlocked(event)) return;
      if (event.key === '?') {
        event.preventDefault();
        toggleShortcuts();
      } else if (event.key === '/') {
        event.preventDefault();
        search();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [toggleShortcuts, search]);
}
