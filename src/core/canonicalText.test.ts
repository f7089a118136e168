import { describe, expect, it } from 'vitest';
import { canonicalText, countWords, splitParagraphs } from './canonicalText';

describe('canonicalText', () => {
  it('treats line-ending style, trailing spaces and blank-line runs as the same text', () => {
    const a = 'Iran and the US\r\nheld talks.  \r\n\r\n\r\n\r\nIn Muscat.';
    const b = 'Iran and the US\nheld talks.\n\nIn Muscat.\n';
    expect(canonicalText(a)).toBe(canonicalText(b));
  });

  it('treats composed and decomposed accents as the same text', () => {
    expect(canonicalText('Caf\u00e9')).toBe(canonicalText('Cafe\u0301'));
  });

  it('keeps differences a reader can see', () => {
    expect(canonicalText('early next week')).not.toBe(canonicalText('early  next week'));
    expect(canonicalText('"good start"')).not.toBe(canonicalText('\u201cgood start\u201d'));
  });
});

describe('splitParagraphs', () => {
  it('splits on blank lines and joins wrapped lines', () => {
    expect(splitParagraphs('One\nline.\n\nTwo.')).toEqual(['One line.', 'Two.']);
  });
  it('falls back to one paragraph per line when the text has no blank lines', () => {
    expect(splitParagraphs('First.\nSecond.\n')).toEqual(['First.', 'Second.']);
  });
});

describe('on long runs of spaces (untrusted text)', () => {
  // Before, /[ \t\u00a0]+$/gm and /\s*\n\s*/ backtracked over such runs: 100,000 spaces took 26 s.
  const run = ' \u00a0\t'.repeat(350_000);
  const text = `Talks${run}end   \nNext${run}\n  line.  \n\nLast.`;
  it('strips trailing spaces and joins lines in linear time', () => {
    const start = performance.now();
    const canonical = canonicalText(text);
    const paragraphs = splitParagraphs(text);
    expect(performance.now() - start).toBeLessThan(500);
    // Compared as booleans: a failing diff of two 1 MB strings would itself take minutes.
    expect(canonical === `Talks${run}end\nNext\n  line.\n\nLast.`).toBe(true);
    expect(paragraphs.length).toBe(2);
    expect(paragraphs[0] === `Talks${run}end Next line.`).toBe(true);
    expect(paragraphs[1]).toBe('Last.');
  });
});

describe('countWords', () => {
  it('counts words with apostrophes, abbreviations and hyphens as one', () => {
    expect(countWords("Iran's U.S.-backed long-standing talks, 15 entities")).toBe(6);
  });
  it('is zero for punctuation only', () => {
    expect(countWords(' — … ')).toBe(0);
  });
});
