import { describe, expect, it } from 'vitest';
import {
  formatFirstPosition,
  formatShare,
  lensForKey,
  ordinal,
  summarizeCoverage,
  type LensCoverage,
} from './lensCoverage';

const sentence = (id: number, paragraph: number) => ({
  id,
  text: `Sentence ${id}.`,
  start: id * 20,
  end: id * 20 + 12,
  paragraph,
});
// Five paragraphs of two sentences each.
const sentences = Array.from({ length: 10 }, (_, id) => sentence(id, Math.floor(id / 2)));

function coverage(patch: Partial<LensCoverage>): LensCoverage {
  return {
    lens: 'Sanctions',
    sentences: [],
    matches: [],
    words: 0,
    share: 0,
    firstPosition: null,
    absent: true,
    ...patch,
  };
}

describe('ordinal', () => {
  it('names positions as a reader says them', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
    ]);
  });
});

describe('formatShare', () => {
  it('rounds to whole percent', () => {
    expect(formatShare(0.11618)).toBe('12%');
    expect(formatShare(0.37)).toBe('37%');
    expect(formatShare(1)).toBe('100%');
  });

  it('never shows a mention as 0%', () => {
    expect(formatShare(0.003)).toBe('under 1%');
    expect(formatShare(0)).toBe('0%');
  });
});

describe('formatFirstPosition', () => {
  it('names the opening paragraphs', () => {
    expect(formatFirstPosition(0, 0)).toBe('from the 1st paragraph');
    expect(formatFirstPosition(0.12, 2)).toBe('from the 3rd paragraph');
  });

  it('gives later first mentions as a share of the text', () => {
    expect(formatFirstPosition(0.62, 7)).toBe('first at 62% of the text');
    expect(formatFirstPosition(0.415, null)).toBe('first at 42% of the text');
  });
});

describe('summarizeCoverage', () => {
  it('says loudly that an outlet never mentions the topic', () => {
    const summary = summarizeCoverage(coverage({}), 'Tehran Times', sentences);
    expect(summary).toEqual({
      absent: true,
      badge: 'Not in Tehran Times',
      text: 'Tehran Times never mentions it.',
    });
  });

  it('gives sentences, words, share and where the topic first comes up', () => {
    const summary = summarizeCoverage(
      coverage({
        sentences: [1, 6, 7, 8],
        words: 112,
        share: 0.11618,
        firstPosition: 0.05,
        absent: false,
      }),
      'CGTN',
      sentences,
    );
    expect(summary).toMatchObject({
      absent: false,
      sentences: '4 sentences',
      words: '112 words',
      share: '12%',
      position: 'from the 1st paragraph',
    });
    expect(summary.text).toBe(
      'CGTN: 4 sentences, 112 words (12% of the text), from the 1st paragraph.',
    );
  });

  it('places a topic first raised deep in the text by its share', () => {
    const summary = summarizeCoverage(
      coverage({ sentences: [8], words: 1, share: 0.01, firstPosition: 0.8, absent: false }),
      'CGTN',
      sentences,
    );
    expect(summary).toMatchObject({
      sentences: '1 sentence',
      words: '1 word',
      position: 'first at 80% of the text',
    });
  });
});

describe('lensForKey', () => {
  const lenses = ['Next round timing', 'Sanctions'];

  it('picks lens N with key N and clears with 0', () => {
    expect(lensForKey('1', lenses)).toEqual({ lens: 'Next round timing' });
    expect(lensForKey('2', lenses)).toEqual({ lens: 'Sanctions' });
    expect(lensForKey('0', lenses)).toEqual({ lens: null });
  });

  it('ignores numbers past the last lens and other keys', () => {
    expect(lensForKey('3', lenses)).toBeNull();
    expect(lensForKey('a', lenses)).toBeNull();
    expect(lensForKey('F1', lenses)).toBeNull();
  });
});
