// Hand-made evidence for tests of what shows links (the aligned view, reports):
// one shared thing, found in each sentence by its words.
import type { TextComparisonResult } from '../engine';

type LinkEvidence = TextComparisonResult['links'][number]['evidence'][number];

/** The sentence-relative span of `phrase` in `text`. */
export function spanOf(text: string, phrase: string): { start: number; end: number } {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in "${text}"`);
  return { start, end: start + phrase.length };
}

/** Evidence that sentence `a` writes `aPhrase` where sentence `b` writes `bPhrase`. */
export function sharedEvidence(
  kind: LinkEvidence['kind'],
  a: string,
  b: string,
  aPhrase: string,
  bPhrase = aPhrase,
): LinkEvidence {
  return { kind, a: aPhrase, b: bPhrase, aSpan: spanOf(a, aPhrase), bSpan: spanOf(b, bPhrase) };
}
