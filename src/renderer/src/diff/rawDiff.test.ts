import { describe, expect, it } from 'vitest';
import { diffRawAndCleaned, foldUnchanged } from './rawDiff';

describe('diffRawAndCleaned', () => {
  it('marks what cleanup took out and put in, counting words', () => {
    const result = diffRawAndCleaned('Senior offi-\n\ncials met. CARTOON', 'Senior officials met.');
    expect(result.kind).toBe('diff');
    if (result.kind !== 'diff') return;
    expect(result.parts.filter((p) => p.removed).map((p) => p.value.trim())).toEqual([
      'offi-\n\ncials',
      'CARTOON',
    ]);
    expect(result.parts.filter((p) => p.added).map((p) => p.value)).toEqual(['officials']);
    expect(result.added).toBe(1);
  });

  it('says when nothing changed, and gives up on texts too large to diff quickly', () => {
    expect(diffRawAndCleaned('Same  text', 'Same text').kind).toBe('same');
    expect(diffRawAndCleaned('x '.repeat(400_000), 'y').kind).toBe('too-different');
  });
});

describe('foldUnchanged', () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');

  it('leaves short runs alone', () => {
    expect(foldUnchanged(words(80), { first: false, last: false })).toBeNull();
  });

  it('keeps context next to changes and hides the middle, losing no text', () => {
    const text = words(200);
    const fold = foldUnchanged(text, { first: false, last: false })!;
    expect(fold.head + fold.hidden + fold.tail).toBe(text);
    expect(fold.hiddenWords).toBe(150);
    const first = foldUnchanged(text, { first: true, last: false })!;
    expect(first.head).toBe('');
    expect(first.hiddenWords).toBe(175);
  });
});
