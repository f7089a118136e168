// The annotation keys, for the workspace's list of shortcuts and for the code
// that handles them (one table, so the two cannot disagree).

export interface Shortcut {
  /** As shown to the reader, e.g. "Ctrl+Enter". */
  keys: string;
  action: string;
}

export const ANNOTATE_KEY = 'a';

export const ANNOTATION_SHORTCUTS: Shortcut[] = [
  { keys: 'A', action: 'Annotate the selected text, or the focused sentence' },
  { keys: 'Enter', action: 'In the code list: save with the highlighted code' },
  { keys: 'Ctrl+Enter', action: 'In the note: save the annotation' },
  { keys: 'Esc', action: 'Cancel the annotation (or the pairing)' },
];

/** Keys typed into a field belong to the field, not to shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  return (
    (target as Element).closest(
      'input, textarea, select, [contenteditable=""], [contenteditable="true"]',
    ) !== null
  );
}
