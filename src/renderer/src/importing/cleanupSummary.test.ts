import { describe, expect, it } from 'vitest';
import { summarizeChanges } from './cleanupSummary';

describe('summarizeChanges', () => {
  it('counts changes by kind, in reading order, with singular and plural names', () => {
    const groups = summarizeChanges([
      { kind: 'boilerplate', text: 'CARTOON' },
      { kind: 'joined-hyphenation', text: 'offi- cials', result: 'officials' },
      { kind: 'joined-hyphenation', text: 'Azer- baijan', result: 'Azerbaijan' },
      { kind: 'caption', text: 'In this photo…' },
      { kind: 'something-new', text: 'x' },
    ]);
    expect(groups.map((g) => g.label)).toEqual([
      '2 words re-joined across line breaks',
      '1 caption moved out',
      '1 line of boilerplate dropped',
      '1 × something new',
    ]);
    expect(groups[0]!.items.map((i) => i.result)).toEqual(['officials', 'Azerbaijan']);
  });

  it('counts the changes past the listed examples, and lists only the examples', () => {
    const groups = summarizeChanges([
      { kind: 'joined-hyphenation', text: 'offi- cials', result: 'officials' },
      { kind: 'caption', text: 'In this photo…' },
      { kind: 'joined-hyphenation', text: '', more: 349_999 },
    ]);
    expect(groups.map((g) => [g.label, g.items.length, g.more])).toEqual([
      ['350,000 words re-joined across line breaks', 1, 349_999],
      ['1 caption moved out', 1, 0],
    ]);
  });
});
