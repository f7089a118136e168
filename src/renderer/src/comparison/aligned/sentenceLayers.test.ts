import { describe, expect, it } from 'vitest';
import type { TextMark } from '../workspaceTypes';
import { indexRowsBySentence, type AlignedRow } from './alignedRows';
import { layersOfRows, rangesBySentence, sameRowLayers } from './sentenceLayers';

// Side A: "One two. Three four. Five six." — three sentences.
const sentencesA = [
  { start: 0, end: 8 },
  { start: 9, end: 20 },
  { start: 21, end: 30 },
];
// Side B: two sentences.
const sentencesB = [
  { start: 0, end: 10 },
  { start: 11, end: 25 },
];

function row(a: number[], b: number[]): AlignedRow {
  return {
    key: `a${a.join(',')}|b${b.join(',')}`,
    kind: a.length && b.length ? 'match' : a.length ? 'onlyA' : 'onlyB',
    a,
    b,
    contrasting: { a: [], b: [] },
    possible: { a: [], b: [] },
    elsewhere: [],
    links: [],
    identical: false,
  };
}

const mark = (id: string, side: 'a' | 'b', start: number, end: number, color = '#aa0000') =>
  ({ id, side, start, end, color, label: `Code ${id}` }) satisfies TextMark;

describe('rangesBySentence', () => {
  it('gives each sentence the ranges that overlap it, a range across two to both', () => {
    const ranges = [
      { start: 4, end: 12 }, // "two. Thr": sentences 0 and 1
      { start: 22, end: 25 }, // inside sentence 2
      { start: 8, end: 9 }, // the space between 0 and 1: neither
    ];
    const grouped = rangesBySentence(sentencesA, ranges);
    expect(grouped.get(0)).toEqual([ranges[0]]);
    expect(grouped.get(1)).toEqual([ranges[0]]);
    expect(grouped.get(2)).toEqual([ranges[1]]);
    expect(grouped.size).toBe(3);
  });

  it('keeps the given order within a sentence (the nesting of marks)', () => {
    const outer = { start: 0, end: 30 };
    const inner = { start: 10, end: 12 };
    expect(rangesBySentence(sentencesA, [outer, inner]).get(1)).toEqual([outer, inner]);
    expect(rangesBySentence(sentencesA, [inner, outer]).get(1)).toEqual([inner, outer]);
  });
});

describe('layersOfRows', () => {
  const rows = [row([0], [0]), row([1, 2], []), row([], [1])];
  const rowIndex = indexRowsBySentence(rows);
  const sentences = { a: sentencesA, b: sentencesB };
  const noLens = { a: [], b: [] };

  it('gives a row only the marks and lens terms of its own sentences, per side', () => {
    const marks = [mark('m1', 'a', 2, 5), mark('m2', 'b', 12, 14), mark('m3', 'a', 15, 24)];
    const lens = { a: [{ start: 0, end: 3 }], b: [] };
    const layers = layersOfRows(rows, rowIndex, sentences, lens, marks);
    const first = layers.get(rows[0]!.key)!;
    expect([...first.keys()]).toEqual(['a:0']);
    expect(first.get('a:0')!.marks.map((m) => m.id)).toEqual(['m1']);
    expect(first.get('a:0')!.lens).toEqual([{ start: 0, end: 3 }]);
    // m3 runs across the second row's two sentences: each has it once.
    const second = layers.get(rows[1]!.key)!;
    expect(second.get('a:1')!.marks.map((m) => m.id)).toEqual(['m3']);
    expect(second.get('a:2')!.marks.map((m) => m.id)).toEqual(['m3']);
    // Same offsets on side B are B's sentences, not A's.
    expect(
      layers
        .get(rows[2]!.key)!
        .get('b:1')!
        .marks.map((m) => m.id),
    ).toEqual(['m2']);
  });

  it('skips sentences the lens filtered out of the rows', () => {
    const shown = [rows[0]!];
    const layers = layersOfRows(shown, indexRowsBySentence(shown), sentences, noLens, [
      mark('m1', 'a', 22, 24),
    ]);
    expect(layers.size).toBe(0);
  });

  it('a change to one mark changes only the layers of the row it is in', () => {
    const before = layersOfRows(rows, rowIndex, sentences, noLens, [
      mark('m1', 'a', 2, 5),
      mark('draft-0', 'b', 12, 14, '#777777'),
    ]);
    // The draft gets a code's colour: every mark is a new object, one differs.
    const after = layersOfRows(rows, rowIndex, sentences, noLens, [
      mark('m1', 'a', 2, 5),
      mark('draft-0', 'b', 12, 14, '#0055aa'),
    ]);
    const key = (i: number) => rows[i]!.key;
    expect(sameRowLayers(before.get(key(0))!, after.get(key(0))!)).toBe(true);
    expect(sameRowLayers(before.get(key(2))!, after.get(key(2))!)).toBe(false);
  });

  it('tells a moved, relabelled, added or removed mark from an unchanged one', () => {
    const base = [mark('m1', 'a', 2, 5)];
    const layersWith = (marks: TextMark[]) =>
      layersOfRows(rows, rowIndex, sentences, noLens, marks).get(rows[0]!.key) ?? new Map();
    const same = (marks: TextMark[]) => sameRowLayers(layersWith(base), layersWith(marks));
    expect(same([mark('m1', 'a', 2, 5)])).toBe(true);
    expect(same([mark('m1', 'a', 2, 6)])).toBe(false);
    expect(same([{ ...mark('m1', 'a', 2, 5), label: 'Other code' }])).toBe(false);
    expect(same([mark('m1', 'a', 2, 5), mark('m2', 'a', 0, 1)])).toBe(false);
    expect(same([])).toBe(false);
  });
});
