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

/** Elements that keep their own keys: fields, and widgets that navigate with letters and arrows. */
const OWN_KEYS =
  'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="menu"], [role="listbox"], [role="combobox"]';
/** An open dialog or popover takes the keyboard; the page's shortcuts wait. */
const OPEN_DIALOGS =
  'dialog[open], [role="dialog"]:not([hidden]), [role="alertdialog"]:not([hidden])';

/** True when the target is a field or widget whose keys are its own (typing goes there). */
export function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as {
    closest?: (selector: string) => unknown;
    isContentEditable?: boolean;
  } | null;
  return Boolean(element?.isContentEditable || element?.closest?.(OWN_KEYS));
}

/**
 * True when a key press must not trigger a page shortcut: typing in a field,
 * a modifier chord, or an open dialog or popover.
 */
export function isShortcutBlocked(
  event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>,
  page: Pick<Document, 'querySelector'> = document,
): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return true;
  return isTypingTarget(event.target) || page.querySelector(OPEN_DIALOGS) !== null;
}
