// Properties the cleanup must keep for any input, checked with fast-check over
// text built from the pieces real pages are made of.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanupText } from './cleanupText';

const word = fc.constantFrom(
  'Iran',
  'talks',
  'Oman',
  'officials',
  'said',
  'the',
  'next',
  'round',
  'sanctions',
  'Muscat',
  'minister',
  'week',
  'long-standing',
  'U.S.',
  'Araghchi',
  'continue',
  'distrust',
  '3,100',
  'Azerbaijan',
  'de-escalation',
);
const words = fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The kinds of lines print pages and web copies are made of. */
const line = fc.oneof(
  words.map((w) => `${capitalised(w)}.`), // a sentence
  words.map((w) => capitalised(w)), // a title-like line or an unfinished one
  words.map((w) => w.toLowerCase()), // the rest of a cut sentence
  words.map((w) => `${capitalised(w)} offi-`), // a word hyphenated at a break...
  words.map((w) => `cials ${w}.`), // ...and its rest
  words.map((w) => `In this photo ${w} /VCG`), // a caption
  fc.constantFrom(
    '● IRNA',
    'International Desk',
    'CHOOSE YOUR LANGUAGE',
    'Cartoonist',
    'By Sara Ahmadi',
  ),
  fc.string({ maxLength: 30 }), // anything at all
);
const page = fc
  .array(fc.tuple(line, fc.constantFrom('\n', '\n\n', '\n\n\n')), { maxLength: 25 })
  .map((parts) => parts.map(([l, sep]) => l + sep).join(''));

const tokens = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];

describe('cleanup properties', () => {
  it('is idempotent: cleaning a cleaned body changes nothing', () => {
    fc.assert(
      fc.property(page, (text) => {
        const once = cleanupText(text, { mode: 'article' }).articles;
        const body = once.flatMap((a) => a.paragraphs).join('\n\n');
        const twice = cleanupText(body, { mode: 'article' }).articles;
        expect(twice.flatMap((a) => a.paragraphs)).toEqual(once.flatMap((a) => a.paragraphs));
        expect(twice.flatMap((a) => a.subheads)).toEqual(once.flatMap((a) => a.subheads));
      }),
      { numRuns: 400 },
    );
  });

  it('invents no body word: each occurs in the input or is a recorded hyphenation join', () => {
    fc.assert(
      fc.property(page, fc.constantFrom<'page' | 'article'>('page', 'article'), (text, mode) => {
        const result = cleanupText(text, { mode });
        const known = new Set([
          ...tokens(text),
          ...result.changes.flatMap((c) =>
            c.kind === 'joined-hyphenation' ? tokens(c.result ?? '') : [],
          ),
        ]);
        const output = result.articles.flatMap((a) => [
          ...a.paragraphs,
          ...a.captions,
          a.headline ?? '',
          a.deck ?? '',
        ]);
        for (const token of tokens(output.join(' '))) expect(known).toContain(token);
      }),
      { numRuns: 400 },
    );
  });

  it('drops no body word silently: each input word is in the output or in a recorded change', () => {
    fc.assert(
      fc.property(page, (text) => {
        const result = cleanupText(text, { mode: 'page' });
        const kept = new Set(
          tokens(
            [
              ...result.articles.flatMap((a) => [
                ...a.paragraphs,
                ...a.captions,
                a.headline ?? '',
                a.deck ?? '',
                a.byline ?? '',
              ]),
              ...result.changes.map((c) => c.text),
            ].join(' '),
          ),
        );
        for (const token of tokens(text)) expect(kept).toContain(token);
      }),
      { numRuns: 400 },
    );
  });

  it('never takes a headline out of a single article', () => {
    fc.assert(
      fc.property(page, (text) => {
        expect(
          cleanupText(text, { mode: 'article' }).articles.every((a) => a.headline === null),
        ).toBe(true);
      }),
    );
  });
});
