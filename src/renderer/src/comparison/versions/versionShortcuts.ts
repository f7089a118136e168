// The Changes mode's keys, for the shortcuts sheet (`?`).
import type { Shortcut } from '../../shell/shortcuts';

export const VERSION_SHORTCUTS: readonly Shortcut[] = [
  { keys: 'j', action: 'Changes: go to the next change' },
  { keys: 'k', action: 'Changes: go to the previous change' },
];
