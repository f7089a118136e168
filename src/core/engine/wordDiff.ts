// Word-level diff of two short texts (a linked sentence pair, or two versions of
// a paragraph): which wording the two share and which is only on one side.

import { diffWords, type Change } from 'diff';

export type WordDiffKind = 'same' | 'onlyA' | 'onlyB';

export interface WordDiffPart {
  kind: WordDiffKind;
  text: string;
}

export interface WordDiffOptions {
  /** Milliseconds jsdiff may spend before giving up (default 200). */
  timeoutMs?: number;
  /** Largest edit distance, in tokens, jsdiff explores before giving up. */
  maxEditLength?: number;
}

export interface BoundedWordDiff {
  parts: WordDiffPart[];
  /** jsdiff hit its bound; `parts` is the coarse "all of A replaced by all of B". */
  timedOut: boolean;
}

const DEFAULT_TIMEOUT_MS = 200;

/** Words as readers count them: letters and digits, with inner apostrophes kept ("Iran's"). */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;

/** Whitespace and punctuation only: nothing a reader would call a word. */
const NO_WORD = /^[^\p{L}\p{M}\p{N}]*$/u;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/**
 * Shared vs one-sided wording of `a` and `b`. Tiny shared runs of whitespace or
 * punctuation between two changes are folded into the changes, so a highlight
 * reads as one phrase ("cat sat" → "dog ran") rather than word confetti.
 */
export function diffWordsInPair(
  a: string,
  b: string,
  options: WordDiffOptions = {},
): WordDiffPart[] {
  return diffWordsBounded(a, b, options).parts;
}

/** `diffWordsInPair`, also saying whether the bound was hit (the version diff reports it). */
export function diffWordsBounded(
  a: string,
  b: string,
  options: WordDiffOptions = {},
): BoundedWordDiff {
  if (a === b) return { parts: a === '' ? [] : [{ kind: 'same', text: a }], timedOut: false };
  const changes = diffWords(a, b, {
    timeout: Math.max(1, options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    ...(options.maxEditLength === undefined ? {} : { maxEditLength: options.maxEditLength }),
  });
  if (!changes) return { parts: wholeReplacement(a, b), timedOut: true };
  return { parts: mergeTinySameRuns(changes.map(toPart)), timedOut: false };
}

/** The fallback when a diff would take too long: everything differs. */
export function wholeReplacement(a: string, b: string): WordDiffPart[] {
  const parts: WordDiffPart[] = [];
  if (a !== '') parts.push({ kind: 'onlyA', text: a });
  if (b !== '') parts.push({ kind: 'onlyB', text: b });
  return parts;
}

function toPart(change: Change): WordDiffPart {
  const kind: WordDiffKind = change.added ? 'onlyB' : change.removed ? 'onlyA' : 'same';
  return { kind, text: change.value };
}

/**
 * Folds each whitespace/punctuation-only "same" run that sits between two
 * changes into them: the run is appended to both the A and the B side of one
 * merged change. Each side still reads as its own text, in order.
 */
function mergeTinySameRuns(parts: WordDiffPart[]): WordDiffPart[] {
  const out: WordDiffPart[] = [];
  let pendingA = '';
  let pendingB = '';
  let inChange = false;
  const flushChange = () => {
    out.push(...wholeReplacement(pendingA, pendingB));
    pendingA = '';
    pendingB = '';
    inChange = false;
  };
  parts.forEach((part, i) => {
    if (part.kind === 'onlyA') {
      pendingA += part.text;
      inChange = true;
    } else if (part.kind === 'onlyB') {
      pendingB += part.text;
      inChange = true;
    } else if (inChange && NO_WORD.test(part.text) && isChange(parts[i + 1])) {
      pendingA += part.text;
      pendingB += part.text;
    } else {
      if (inChange) flushChange();
      out.push(part);
    }
  });
  if (inChange) flushChange();
  return out;
}

function isChange(part: WordDiffPart | undefined): boolean {
  return part !== undefined && part.kind !== 'same';
}

/**
 * Share of words the two sides have in common, 0–1: shared words over the
 * mean length of the two sides (Dice), so an insertion on one side lowers it as
 * much as a deletion. Two empty texts are identical (1).
 */
export function sharedWordRatio(parts: readonly WordDiffPart[]): number {
  let same = 0;
  let onlyA = 0;
  let onlyB = 0;
  for (const part of parts) {
    const words = countWords(part.text);
    if (part.kind === 'same') same += words;
    else if (part.kind === 'onlyA') onlyA += words;
    else onlyB += words;
  }
  const total = 2 * same + onlyA + onlyB;
  return total === 0 ? 1 : (2 * same) / total;
}

/** The two texts the parts were made from (A from same+onlyA, B from same+onlyB). */
export function sidesOfParts(parts: readonly WordDiffPart[]): { a: string; b: string } {
  let a = '';
  let b = '';
  for (const part of parts) {
    if (part.kind !== 'onlyB') a += part.text;
    if (part.kind !== 'onlyA') b += part.text;
  }
  return { a, b };
}
