// The lens terms and annotation marks each row shows. They are grouped by
// sentence once per change of marks or lens, and each row is given only what
// touches its own sentences: a change to one mark (a draft's colour while the
// reader filters the codes) then re-renders the rows that mark is in, not all.

import type { Side, TextMark } from '../workspaceTypes';
import type { AlignedRow } from './alignedRows';
import type { TextRange } from './sentenceSpans';

/** What one sentence shows over its text besides the row's diff. */
export interface SentenceLayers {
  lens: readonly TextRange[];
  marks: readonly TextMark[];
}

/** Layers of a row's sentences, by "a:3"; sentences without any are absent. */
export type RowLayers = ReadonlyMap<string, SentenceLayers>;

export const NO_LAYERS: SentenceLayers = { lens: [], marks: [] };
export const NO_ROW_LAYERS: RowLayers = new Map();

/** Index of the first sentence that ends after `offset` (sentences in body order). */
function firstEndingAfter(sentences: readonly TextRange[], offset: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sentences[mid]!.end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * For each sentence (by its index), the ranges that overlap it, in their given
 * order (a mark's order is its nesting). A binary search per range: ranges
 * cost their own number, not the text's length.
 */
export function rangesBySentence<T extends TextRange>(
  sentences: readonly TextRange[],
  ranges: readonly T[],
): Map<number, T[]> {
  const bySentence = new Map<number, T[]>();
  for (const range of ranges) {
    for (
      let i = firstEndingAfter(sentences, range.start);
      i < sentences.length && sentences[i]!.start < range.end;
      i++
    ) {
      const list = bySentence.get(i);
      if (list) list.push(range);
      else bySentence.set(i, [range]);
    }
  }
  return bySentence;
}

/**
 * The layers of every row that has any, by row key. Sentences not in `rows`
 * (filtered out by the lens) are skipped; `rowIndex` is `indexRowsBySentence(rows)`.
 */
export function layersOfRows(
  rows: readonly AlignedRow[],
  rowIndex: ReadonlyMap<string, number>,
  sentences: Record<Side, readonly TextRange[]>,
  lens: Record<Side, readonly TextRange[]>,
  marks: readonly TextMark[],
): Map<string, RowLayers> {
  const byRow = new Map<string, Map<string, SentenceLayers>>();
  for (const side of ['a', 'b'] as const) {
    const lensOf = rangesBySentence(sentences[side], lens[side]);
    const marksOf = rangesBySentence(
      sentences[side],
      marks.filter((m) => m.side === side),
    );
    for (const id of new Set([...lensOf.keys(), ...marksOf.keys()])) {
      const key = `${side}:${id}`;
      const index = rowIndex.get(key);
      const row = index === undefined ? undefined : rows[index];
      if (!row) continue;
      let layers = byRow.get(row.key);
      if (!layers) {
        layers = new Map();
        byRow.set(row.key, layers);
      }
      layers.set(key, { lens: lensOf.get(id) ?? [], marks: marksOf.get(id) ?? [] });
    }
  }
  return byRow;
}

const sameRange = (x: TextRange, y: TextRange) => x.start === y.start && x.end === y.end;

const sameMark = (x: TextMark, y: TextMark) =>
  x.id === y.id && sameRange(x, y) && x.color === y.color && x.label === y.label;

function sameList<T>(xs: readonly T[], ys: readonly T[], same: (x: T, y: T) => boolean): boolean {
  return xs.length === ys.length && xs.every((x, i) => same(x, ys[i]!));
}

/**
 * Whether two rows' layers draw the same. Marks are rebuilt as new objects on
 * every change, so they are compared by what they show, not by identity.
 */
export function sameRowLayers(x: RowLayers, y: RowLayers): boolean {
  if (x === y) return true;
  if (x.size !== y.size) return false;
  for (const [key, layers] of x) {
    const other = y.get(key);
    if (
      !other ||
      !sameList(layers.lens, other.lens, sameRange) ||
      !sameList(layers.marks, other.marks, sameMark)
    ) {
      return false;
    }
  }
  return true;
}
