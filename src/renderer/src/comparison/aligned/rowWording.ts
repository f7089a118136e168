// What a linked row highlights in its sentences, computed when the row is first
// rendered (a 20k-word pair has hundreds of rows; most are never on screen) and
// kept for as long as the analysis lives: a new analysis means new offsets.
//
// A word diff of two paraphrases underlines nearly every word, which tells the
// reader nothing. So a row shows what its links rest on: the evidence both sides
// share (names, numbers, quoted words, paraphrase pairs; plain shared words are
// listed in the row's details only, or they would be confetti again) and, in a
// contrast, the phrase that differs on each side. Only two near-identical
// wordings (wire copy, two versions of one story) get the word diff, where it
// says what was changed.

import type { TextComparisonResult } from '../../../../shared/engine';
import { isFinding, SLOT_LABEL } from '../../../../shared/linkWording';
import type { Side } from '../workspaceTypes';
import type { AlignedRow } from './alignedRows';
import { wordingOfPair, type DiffersRange, type TextRange } from './sentenceSpans';

type Sentence = TextComparisonResult['a']['sentences'][number];

export interface SideHighlights {
  /** Words only this side uses: the word diff, on near-identical pairs only. */
  only: TextRange[];
  /** Evidence of the row's links: what both sides share. */
  shared: TextRange[];
  /** The phrases that differ in the row's contrasts. */
  differs: DiffersRange[];
}

export type RowHighlights = { a: SideHighlights; b: SideHighlights };

const NONE: SideHighlights = { only: [], shared: [], differs: [] };
export const NO_HIGHLIGHTS: RowHighlights = { a: NONE, b: NONE };

/** Share of words two wordings must have in common (Dice) for their word diff to be worth showing. */
export const NEAR_IDENTICAL = 0.8;

/** Evidence marked in the text; shared words (`word`) are too many to mark. */
const MARKED = new Set(['name', 'number', 'quote', 'paraphrase']);

const cache = new WeakMap<TextComparisonResult, Map<string, RowHighlights>>();

/** A span of a sentence's own text as a body range; null when it does not fit the sentence. */
function toBody(sentence: Sentence | undefined, span: TextRange | null): TextRange | null {
  if (!sentence || !span) return null;
  const length = sentence.end - sentence.start;
  if (!(span.start >= 0 && span.start < span.end && span.end <= length)) return null;
  return { start: sentence.start + span.start, end: sentence.start + span.end };
}

function byStart<T extends TextRange>(ranges: T[]): T[] {
  const seen = new Set<string>();
  return ranges
    .filter((r) => {
      const key = `${r.start}-${r.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((x, y) => x.start - y.start || x.end - y.end);
}

/** Body ranges a row of both sides highlights; none for one-sided, elsewhere or identical rows. */
export function highlightsOfRow(
  analysis: TextComparisonResult,
  bodies: { a: string; b: string },
  row: AlignedRow,
): RowHighlights {
  const paired = row.kind === 'match' || row.kind === 'contrast' || row.kind === 'possible';
  if (!paired || row.identical) return NO_HIGHLIGHTS;
  let rows = cache.get(analysis);
  if (!rows) {
    rows = new Map();
    cache.set(analysis, rows);
  }
  const cached = rows.get(row.key);
  if (cached) return cached;

  const texts = (side: Side) =>
    row[side].flatMap((id) => {
      const s = analysis[side].sentences[id];
      return s ? [{ start: s.start, end: s.end, text: bodies[side].slice(s.start, s.end) }] : [];
    });
  const wording = wordingOfPair(texts('a'), texts('b'));
  const nearIdentical = wording.shared >= NEAR_IDENTICAL;

  const highlights: RowHighlights = {
    a: { only: nearIdentical ? wording.a : [], shared: [], differs: [] },
    b: { only: nearIdentical ? wording.b : [], shared: [], differs: [] },
  };
  const sentence = (side: Side, id: number) => analysis[side].sentences[id];
  // A row of findings marks what its findings rest on; a row of questions, what its questions do.
  const shown = row.kind === 'possible' ? row.links : row.links.filter(isFinding);
  for (const link of shown) {
    if (!nearIdentical) {
      for (const evidence of link.evidence.filter((e) => MARKED.has(e.kind))) {
        const a = toBody(sentence('a', link.a), evidence.aSpan);
        const b = toBody(sentence('b', link.b), evidence.bSpan);
        if (a) highlights.a.shared.push(a);
        if (b) highlights.b.shared.push(b);
      }
    }
    if (link.kind === 'contrast' && link.contrast) {
      const label = SLOT_LABEL[link.contrast.slot];
      const a = toBody(sentence('a', link.a), link.contrast.aSpan);
      const b = toBody(sentence('b', link.b), link.contrast.bSpan);
      if (a) highlights.a.differs.push({ ...a, label });
      if (b) highlights.b.differs.push({ ...b, label });
    }
  }
  for (const side of ['a', 'b'] as const) {
    highlights[side].shared = byStart(highlights[side].shared);
    highlights[side].differs = byStart(highlights[side].differs);
  }
  rows.set(row.key, highlights);
  return highlights;
}
