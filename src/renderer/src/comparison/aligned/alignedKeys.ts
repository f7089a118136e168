// The aligned view's keyboard shortcuts: which key does what. The view listens
// on the window (so j/k work wherever the reader's focus rests), and decides
// here, without the DOM, what a key press means.

export type AlignedAction =
  | { kind: 'difference'; direction: 1 | -1 }
  | { kind: 'omission'; direction: 1 | -1 }
  /** Rows with a possible match for the reader to check. */
  | { kind: 'check'; direction: 1 | -1 }
  | { kind: 'sentence'; direction: 1 | -1 }
  | { kind: 'side'; side: 'a' | 'b' };

/** For the shortcuts sheet: every key the aligned view answers to. */
export const ALIGNED_SHORTCUTS: { keys: string; action: string }[] = [
  { keys: 'j', action: 'Next difference' },
  { keys: 'k', action: 'Previous difference' },
  { keys: 'o', action: 'Next omission (said by only one outlet)' },
  { keys: 'Shift+O', action: 'Previous omission' },
  { keys: 'c', action: 'Next possible match to check' },
  { keys: 'Shift+C', action: 'Previous possible match to check' },
  { keys: 'h / ←', action: 'Left side (A) of the row' },
  { keys: 'l / →', action: 'Right side (B) of the row' },
  { keys: '↓ / ↑', action: 'Next / previous sentence on this side' },
];

export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/**
 * What a key press means in the aligned view. Arrow keys act only while a
 * sentence has focus, so they still scroll the page otherwise; letters act
 * anywhere outside text fields (the caller checks that).
 */
export function alignedKeyAction(press: KeyPress, sentenceFocused: boolean): AlignedAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  switch (press.key) {
    case 'j':
      return press.shiftKey ? null : { kind: 'difference', direction: 1 };
    case 'k':
      return press.shiftKey ? null : { kind: 'difference', direction: -1 };
    case 'o':
      return press.shiftKey ? null : { kind: 'omission', direction: 1 };
    case 'O':
      return press.shiftKey ? { kind: 'omission', direction: -1 } : null;
    case 'c':
      return press.shiftKey ? null : { kind: 'check', direction: 1 };
    case 'C':
      return press.shiftKey ? { kind: 'check', direction: -1 } : null;
    case 'h':
      return press.shiftKey ? null : { kind: 'side', side: 'a' };
    case 'l':
      return press.shiftKey ? null : { kind: 'side', side: 'b' };
    case 'ArrowLeft':
      return sentenceFocused && !press.shiftKey ? { kind: 'side', side: 'a' } : null;
    case 'ArrowRight':
      return sentenceFocused && !press.shiftKey ? { kind: 'side', side: 'b' } : null;
    case 'ArrowDown':
      return sentenceFocused && !press.shiftKey ? { kind: 'sentence', direction: 1 } : null;
    case 'ArrowUp':
      return sentenceFocused && !press.shiftKey ? { kind: 'sentence', direction: -1 } : null;
    default:
      return null;
  }
}

/**
 * The row an action starts from. With a sentence focused, its row. Without
 * one, the row at the top of the window: h/l act on that row itself, while
 * j/k/o step from just above it, so the first step can land on it.
 */
export function startingRow(
  action: AlignedAction,
  focusedRow: number | undefined,
  firstVisibleRow: number,
): number {
  if (focusedRow !== undefined) return focusedRow;
  return action.kind === 'side' ? firstVisibleRow : firstVisibleRow - 1;
}
