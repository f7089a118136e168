// Fuzzing the segmenter (issue 7): whatever the text, sentences come in order,
// never overlap, lie inside the text, slice to their own text, and together
// hold every non-space character. Seeded, so a failure replays the same way.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentSentences } from './sentences';

const SEED = 42;

/** Newsroom text from a small grammar: abbreviations, quotes, numbers, other scripts, odd breaks. */
const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('Talks', 'the', 'said', 'Iran', 'Muscat', 'he', 'But') },
  {
    weight: 4,
    arbitrary: fc.constantFrom('U.S.', 'Adm.', 'Dr.', 'Feb. 6', 'No. 10', 'J.', 'a.m.', 'etc.'),
  },
  { weight: 4, arbitrary: fc.constantFrom('.', '?', '!', '...', '…', '?!', '.)', '."', '.”') },
  { weight: 3, arbitrary: fc.constantFrom('"', '“', '”', '‘', '’', "'", '(', ')', '—', '-') },
  { weight: 2, arbitrary: fc.constantFrom('3.5', '2026', '37%', '$1.2bn') },
  { weight: 2, arbitrary: fc.constantFrom('مذاکرات؟', '会谈。', 'वार्ता।', 'Переговоры.') },
  { weight: 3, arbitrary: fc.constantFrom('\n', '\n\n', '\r\n\r\n', '\t', '\u00a0', '\u2029', '') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
);
const newsText = fc
  .array(fc.tuple(token, fc.constantFrom(' ', '', '  ', '\n')), { maxLength: 120 })
  .map((parts) => parts.map(([word, gap]) => word + gap).join(''));

const nonSpace = (text: string) => text.replace(/\s+/g, '');

function checkSentences(body: string): void {
  const sentences = segmentSentences(body);
  let previousEnd = 0;
  let previousParagraph = 0;
  sentences.forEach((sentence, index) => {
    expect(sentence.id).toBe(index);
    expect(sentence.start).toBeGreaterThanOrEqual(previousEnd);
    expect(sentence.end).toBeGreaterThan(sentence.start);
    expect(sentence.end).toBeLessThanOrEqual(body.length);
    expect(body.slice(sentence.start, sentence.end)).toBe(sentence.text);
    expect(sentence.text.trim()).toBe(sentence.text);
    expect(sentence.paragraph).toBeGreaterThanOrEqual(previousParagraph);
    previousEnd = sentence.end;
    previousParagraph = sentence.paragraph;
  });
  expect(sentences.map((s) => nonSpace(s.text)).join('')).toBe(nonSpace(body));
}

describe('segmentSentences, fuzzed', () => {
  it('on newsroom-like text from a grammar', () => {
    fc.assert(fc.property(newsText, checkSentences), { seed: SEED, numRuns: 400 });
  });

  it('on arbitrary unicode, surrogates and controls included', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.oneof(
            fc.constant('.'),
            fc.constant(' '),
            fc.string({ unit: 'binary', maxLength: 1 }),
          ),
          maxLength: 200,
        }),
        checkSentences,
      ),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('on long texts (many paragraphs) in reasonable time', () => {
    const paragraph = fc.array(newsText, { minLength: 1, maxLength: 5 }).map((p) => p.join(' '));
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 20, maxLength: 60 }), (paragraphs) =>
        checkSentences(paragraphs.join('\n\n')),
      ),
      { seed: SEED, numRuns: 30 },
    );
  });
});
