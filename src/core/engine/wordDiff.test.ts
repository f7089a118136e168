import { describe, expect, it } from 'vitest';
import { diffWordsBounded, diffWordsInPair, sharedWordRatio, sidesOfParts } from './wordDiff';

describe('diffWordsInPair', () => {
  it('marks only the differing word of a paraphrase', () => {
    const parts = diffWordsInPair(
      'prevailing atmosphere of distrust',
      'pervading atmosphere of distrust',
    );
    expect(parts).toEqual([
      { kind: 'onlyA', text: 'prevailing' },
      { kind: 'onlyB', text: 'pervading' },
      { kind: 'same', text: ' atmosphere of distrust' },
    ]);
    expect(sharedWordRatio(parts)).toBeCloseTo(0.75);
  });

  it('gives one shared part for identical texts', () => {
    const text = 'Trump said the talks will continue early next week.';
    const parts = diffWordsInPair(text, text);
    expect(parts).toEqual([{ kind: 'same', text }]);
    expect(sharedWordRatio(parts)).toBe(1);
  });

  it('gives a ratio of 0 for texts with no word in common', () => {
    const parts = diffWordsInPair('Sanctions were announced.', 'Talks continue today');
    expect(parts.some((part) => part.kind === 'same' && /\w/.test(part.text))).toBe(false);
    expect(sharedWordRatio(parts)).toBe(0);
  });

  it('folds whitespace and punctuation between changes into one phrase per side', () => {
    const parts = diffWordsInPair('the cat sat, on the mat', 'the dog ran, on the mat');
    expect(parts).toEqual([
      { kind: 'same', text: 'the ' },
      { kind: 'onlyA', text: 'cat sat' },
      { kind: 'onlyB', text: 'dog ran' },
      { kind: 'same', text: ', on the mat' },
    ]);
  });

  it('keeps each side readable from its parts', () => {
    const a = 'Iran and the US held talks in Muscat on Friday.';
    const b = 'Iran and the United States held indirect talks in Oman on Friday.';
    expect(sidesOfParts(diffWordsInPair(a, b))).toEqual({ a, b });
  });

  it('falls back to a whole replacement when the bound is hit', () => {
    const a = Array.from({ length: 400 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 400 }, (_, i) => `b${i}`).join(' ');
    const result = diffWordsBounded(a, b, { maxEditLength: 10 });
    expect(result.timedOut).toBe(true);
    expect(result.parts).toEqual([
      { kind: 'onlyA', text: a },
      { kind: 'onlyB', text: b },
    ]);
  });
});
