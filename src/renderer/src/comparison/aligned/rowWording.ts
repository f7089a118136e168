// Which words of a row only one side uses, computed when the row is first
// rendered (a 20k-word pair has hundreds of rows; most are never on screen)
// and kept for as long as the analysis lives: a new analysis means new offsets.

import type { TextComparisonResult } from '../../../../shared/engine';
import type { Side } from '../workspaceTypes';
import type { AlignedRow } from './alignedRows';
import { onlyWordingRanges, type TextRange } from './sentenceSpans';

export type RowWording = { a: TextRange[]; b: TextRange[] };

export const NO_WORDING: RowWording = { a: [], b: [] };

const cache = new WeakMap<TextComparisonResult, Map<string, RowWording>>();

/** Body ranges of the wording only one side of a linked row uses; none for one-sided or identical rows. */
export function onlyWordingOfRow(
  analysis: TextComparisonResult,
  bodies: { a: string; b: string },
  row: AlignedRow,
): RowWording {
  if ((row.kind !== 'match' && row.kind !== 'related') || row.identical) return NO_WORDING;
  let rows = cache.get(analysis);
  if (!rows) {
    rows = new Map();
    cache.set(analysis, rows);
  }
  let wording = rows.get(row.key);
  if (!wording) {
    const texts = (side: Side) =>
      row[side].flatMap((id) => {
        const s = analysis[side].sentences[id];
        return s ? [{ start: s.start, end: s.end, text: bodies[side].slice(s.start, s.end) }] : [];
      });
    wording = onlyWordingRanges(texts('a'), texts('b'));
    rows.set(row.key, wording);
  }
  return wording;
}
