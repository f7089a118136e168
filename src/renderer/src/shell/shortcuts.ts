// Keyboard shortcuts: what the sheet (`?`) lists, and when a key press is a
// shortcut at all (never while the reader types in a field).

export interface Shortcut {
  keys: string;
  action: string;
}

export interface ShortcutGroup {
  title: string;
  shortcuts: readonly Shortcut[];
}

export const GLOBAL_SHORTCUTS: readonly Shortcut[] = [
  { keys: '?', action: 'Show or hide this list of shortcuts' },
  { keys: '/', action: 'Search the library' },
  { keys: 'Esc', action: 'Close a dialog or popover' },
];

/** True when a key press should not trigger a shortcut: typing in a field, or modifier chords. */
export function isTypingOrChord(
  event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>,
): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return true;
  const target = event.target as { closest?: (selector: string) => unknown } | null;
  return Boolean(
    target?.closest?.('input, textarea, select, [contenteditable=""], [contenteditable="true"]'),
  );
}
