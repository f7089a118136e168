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
});
