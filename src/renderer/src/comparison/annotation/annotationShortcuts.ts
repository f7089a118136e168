// The annotation keys, for the workspace's list of shortcuts and for the code
// that handles them (one table, so the two cannot disagree).
import type { Shortcut } from '../../shell/shortcuts';

export const ANNOTATE_KEY = 'a';

export const ANNOTATION_SHORTCUTS: readonly Shortcut[] = [
  { keys: 'A', action: 'Annotate the selected text, or the focused sentence' },
  { keys: 'Enter', action: 'In the code list: save with the highlighted code' },
  { keys: 'Ctrl+Enter', action: 'In the note: save the annotation' },
  { keys: 'Esc', action: 'Cancel the annotation (or the pairing)' },
];
