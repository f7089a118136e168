// Raw input against cleaned text, word by word. jsdiff runs on the UI thread,
// so it is bounded twice: texts past a size are not tried, and the diff itself
// gives up after a time limit (a wholly rewritten or markup-heavy input).
import { diffWords, type ChangeObject } from 'diff';
import { countWords } from '../../../core/canonicalText';

const DIFF_TIMEOUT_MS = 1500;
/** Past this many characters (both texts together) a word diff is not attempted. */
const MAX_DIFF_CHARS = 600_000;

export type RawDiffResult =
  | {
      kind: 'diff';
      parts: ChangeObject<string>[];
      /** Words only in the raw input, and only in the cleaned text. */
      removed: number;
      added: number;
    }
  | { kind: 'same' }
  | { kind: 'too-different' };

export function diffRawAndCleaned(raw: string, cleaned: string): RawDiffResult {
  if (raw.length + cleaned.length > MAX_DIFF_CHARS) return { kind: 'too-different' };
  const parts = diffWords(raw, cleaned, { timeout: DIFF_TIMEOUT_MS });
  if (parts === undefined) return { kind: 'too-different' };
  let removed = 0;
  let added = 0;
  let changed = false;
  for (const part of parts) {
    if (part.removed) removed += countWords(part.value);
    else if (part.added) added += countWords(part.value);
    changed ||= part.added || part.removed;
  }
  if (!changed) return { kind: 'same' };
  return { kind: 'diff', parts, removed, added };
}

/** Unchanged runs longer than this many words are folded to their ends. */
const FOLD_OVER_WORDS = 80;
/** Words kept visible on each side of a fold, as context for the changes around it. */
const FOLD_CONTEXT_WORDS = 25;

export interface Fold {
  head: string;
  hidden: string;
  hiddenWords: number;
  tail: string;
}

/**
 * A long unchanged run, folded: some context words kept on the side(s) next to a
 * change, the rest hidden. The first run needs no head, the last no tail.
 */
export function foldUnchanged(
  text: string,
  position: { first: boolean; last: boolean },
): Fold | null {
  const tokens = text.match(/\s*\S+\s*/g) ?? [];
  if (tokens.length <= FOLD_OVER_WORDS) return null;
  const headCount = position.first ? 0 : FOLD_CONTEXT_WORDS;
  const tailCount = position.last ? 0 : FOLD_CONTEXT_WORDS;
  const head = tokens.slice(0, headCount).join('');
  const tail = tokens.slice(tokens.length - tailCount).join('');
  const middle = tokens.slice(headCount, tokens.length - tailCount);
  return { head, hidden: middle.join(''), hiddenWords: countWords(middle.join('')), tail };
}
