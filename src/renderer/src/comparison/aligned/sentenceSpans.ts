// How one sentence's text is cut into spans: what its row's link rests on (the
// evidence both sides share, the phrase that differs in a contrast), wording only
// this side uses (the word diff of a near-identical pair), a lens's matched terms
// and annotation marks overlap freely, so the sentence is split at every boundary
// of every layer and each piece carries the layers that cover it. Offsets are
// body offsets throughout, the coordinates annotations are anchored in.

import { diffWordsInPair, sharedWordRatio } from '../../../../core/engine/wordDiff';
import type { TextMark } from '../workspaceTypes';

export interface TextRange {
  start: number;
  end: number;
}

/** A sentence as the aligned view knows it: its text is `body.slice(start, end)`. */
export interface SentenceText extends TextRange {
  text: string;
}

/** The phrase of a contrast on this side, with the name of what differs ("Timing"). */
export interface DiffersRange extends TextRange {
  label: string;
}

export interface TextSpan extends TextRange {
  /** Wording only this side of the row uses. */
  only: boolean;
  /** Evidence of the row's link: a name, number, quote or paraphrase both sides have. */
  shared: boolean;
  /** The phrase that differs in a contrast, by what differs; null outside one. */
  differs: string | null;
  /** A differing phrase ends with this span: its label follows it. */
  differsEnd: boolean;
  /** A term of the active lens. */
  lens: boolean;
  /** Annotation marks covering the span, outermost first. */
  marks: TextMark[];
}

/** Sentences of one side of a row joined into one text, remembering where each starts. */
function joinSentences(sentences: readonly SentenceText[]) {
  let at = 0;
  const pieces = sentences.map((sentence) => {
    const piece = { sentence, joinedStart: at };
    at += sentence.text.length + 1;
    return piece;
  });
  return { text: sentences.map((s) => s.text).join(' '), pieces };
}

/** A range of the joined text as body ranges, one per sentence it touches, without edge whitespace. */
function toBodyRanges(
  joined: ReturnType<typeof joinSentences>,
  from: number,
  to: number,
): TextRange[] {
  const ranges: TextRange[] = [];
  for (const { sentence, joinedStart } of joined.pieces) {
    let lo = Math.max(from, joinedStart);
    let hi = Math.min(to, joinedStart + sentence.text.length);
    while (lo < hi && /\s/.test(joined.text[lo]!)) lo++;
    while (hi > lo && /\s/.test(joined.text[hi - 1]!)) hi--;
    if (lo < hi) {
      ranges.push({
        start: sentence.start + lo - joinedStart,
        end: sentence.start + hi - joinedStart,
      });
    }
  }
  return ranges;
}

/**
 * Wording each side of a linked row uses and the other does not, as body
 * ranges, and the share of words the two sides have in common (0–1). A row may
 * hold several sentences a side (one-to-many links): they are diffed as one
 * passage, so a phrase split across two sentences on one side still finds its match.
 */
export function wordingOfPair(
  a: readonly SentenceText[],
  b: readonly SentenceText[],
): { a: TextRange[]; b: TextRange[]; shared: number } {
  const joinedA = joinSentences(a);
  const joinedB = joinSentences(b);
  const ranges = { a: [] as TextRange[], b: [] as TextRange[] };
  let atA = 0;
  let atB = 0;
  const parts = diffWordsInPair(joinedA.text, joinedB.text);
  for (const part of parts) {
    const length = part.text.length;
    if (part.kind !== 'onlyB') {
      if (part.kind === 'onlyA') ranges.a.push(...toBodyRanges(joinedA, atA, atA + length));
      atA += length;
    }
    if (part.kind !== 'onlyA') {
      if (part.kind === 'onlyB') ranges.b.push(...toBodyRanges(joinedB, atB, atB + length));
      atB += length;
    }
  }
  return {
    a: tidyRanges(ranges.a, a),
    b: tidyRanges(ranges.b, b),
    shared: sharedWordRatio(parts),
  };
}

/** `wordingOfPair` without the share: the word diff's ranges alone. */
export function onlyWordingRanges(
  a: readonly SentenceText[],
  b: readonly SentenceText[],
): { a: TextRange[]; b: TextRange[] } {
  const { a: onlyA, b: onlyB } = wordingOfPair(a, b);
  return { a: onlyA, b: onlyB };
}

/** At most one short word ("a", "the", "of") and punctuation: too little to show as shared. */
const TINY_GAP = /^[\s\p{P}]*(?:[\p{L}\p{N}]{1,3}[\s\p{P}]*)?$/u;
const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * Highlights that read as phrases rather than confetti: two changes in one
 * sentence separated by a tiny gap become one, and changes of punctuation
 * alone are dropped (a comma is not a different wording).
 */
function tidyRanges(ranges: TextRange[], sentences: readonly SentenceText[]): TextRange[] {
  const textOf = (start: number, end: number) => {
    const s = sentences.find((x) => x.start <= start && end <= x.end);
    return s ? s.text.slice(start - s.start, end - s.start) : null;
  };
  const merged: TextRange[] = [];
  for (const range of ranges) {
    const previous = merged.at(-1);
    const gap = previous ? textOf(previous.end, range.start) : null;
    if (previous && gap !== null && TINY_GAP.test(gap)) previous.end = range.end;
    else merged.push({ ...range });
  }
  return merged.filter((r) => HAS_WORD.test(textOf(r.start, r.end) ?? ''));
}

const covers = (range: TextRange, start: number, end: number) =>
  range.start <= start && range.end >= end;

/**
 * The sentence `range` cut at every boundary of the diff, evidence, contrast
 * and lens ranges and marks that fall inside it. Neighbouring pieces with the
 * same layers are merged; the pieces cover the sentence exactly, in order.
 */
export function splitIntoSpans(
  range: TextRange,
  layers: {
    only?: readonly TextRange[];
    shared?: readonly TextRange[];
    differs?: readonly DiffersRange[];
    lens?: readonly TextRange[];
    marks?: readonly TextMark[];
  },
): TextSpan[] {
  const only = layers.only ?? [];
  const shared = layers.shared ?? [];
  const differs = layers.differs ?? [];
  const lens = layers.lens ?? [];
  const marks = (layers.marks ?? []).filter((m) => m.end > range.start && m.start < range.end);
  const cuts = new Set([range.start, range.end]);
  for (const r of [...only, ...shared, ...differs, ...lens, ...marks]) {
    if (r.start > range.start && r.start < range.end) cuts.add(r.start);
    if (r.end > range.start && r.end < range.end) cuts.add(r.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const spans: TextSpan[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const span: TextSpan = {
      start,
      end,
      only: only.some((r) => covers(r, start, end)),
      shared: shared.some((r) => covers(r, start, end)),
      differs: differs.find((r) => covers(r, start, end))?.label ?? null,
      differsEnd: differs.some((r) => covers(r, start, end) && r.end === end),
      lens: lens.some((r) => covers(r, start, end)),
      marks: marks.filter((m) => covers(m, start, end)),
    };
    const previous = spans.at(-1);
    if (previous && sameLayers(previous, span)) {
      previous.end = end;
      previous.differsEnd = span.differsEnd;
    } else spans.push(span);
  }
  return spans;
}

function sameLayers(x: TextSpan, y: TextSpan): boolean {
  return (
    x.only === y.only &&
    x.shared === y.shared &&
    x.differs === y.differs &&
    x.lens === y.lens &&
    x.marks.length === y.marks.length &&
    x.marks.every((m, i) => m.id === y.marks[i]?.id)
  );
}
