// Fuzzing re-anchoring (issue 7): on an unchanged body a span comes back exactly
// where it was; on an edited body whatever comes back lies inside the body, an
// exact quote is the quote, and a fuzzy match still resembles it. Seeded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldTypography, reanchor, selectorsFor } from './index';
import { similarity } from './fuzzy';

const SEED = 42;

const word = fc.constantFrom(
  'talks',
  'Muscat',
  'sanctions',
  'the',
  'U.S.',
  'said',
  '“next',
  'round”',
  '—',
  'Iran',
  'Oman',
  '2026',
  'مذاکرات',
  '会谈',
);
/** Article-like text with lots of repeated words, so quotes recur and context matters. */
const body = fc
  .array(fc.tuple(word, fc.constantFrom(' ', ' ', ', ', '. ', '\n\n')), {
    minLength: 3,
    maxLength: 150,
  })
  .map((parts) => parts.map(([w, gap]) => w + gap).join(''));
/** A body and a non-empty span of it. */
const bodyAndSpan = body.chain((text) =>
  fc
    .tuple(fc.nat({ max: text.length - 1 }), fc.nat({ max: text.length - 1 }))
    .map(([x, y]) => ({ text, start: Math.min(x, y), end: Math.max(x, y) + 1 })),
);

/** Random edits: insertions, deletions and replacements, applied left to right. */
const edits = fc.array(
  fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    remove: fc.nat({ max: 40 }),
    insert: fc.oneof(fc.constant(''), word, fc.string({ unit: 'grapheme', maxLength: 30 })),
  }),
  { maxLength: 6 },
);
function applyEdits(text: string, changes: { at: number; remove: number; insert: string }[]) {
  let result = text;
  for (const { at, remove, insert } of changes) {
    const from = Math.floor(at * result.length);
    result = result.slice(0, from) + insert + result.slice(from + remove);
  }
  return result;
}

function selectors(text: string, start: number, end: number) {
  const made = selectorsFor(text, start, end);
  if ('error' in made) throw new Error(made.error);
  return made;
}

describe('reanchor, fuzzed', () => {
  it('on the unchanged body: always the exact position it was made at', () => {
    fc.assert(
      fc.property(bodyAndSpan, ({ text, start, end }) => {
        const result = reanchor(selectors(text, start, end), text);
        expect(result).toMatchObject({ status: 'exact-position', start, end });
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('on an edited body: inside the body, and the same or similar words', () => {
    fc.assert(
      fc.property(bodyAndSpan, edits, ({ text, start, end }, changes) => {
        const edited = applyEdits(text, changes);
        const quote = text.slice(start, end);
        const result = reanchor(selectors(text, start, end), edited);
        if (result.status === 'orphaned') {
          expect(result.exact).toBe(quote);
          expect(result.reason).not.toBe('');
          return;
        }
        expect(Number.isInteger(result.start) && Number.isInteger(result.end)).toBe(true);
        expect(result.start).toBeGreaterThanOrEqual(0);
        expect(result.end).toBeGreaterThan(result.start);
        expect(result.end).toBeLessThanOrEqual(edited.length);
        expect(result.score).toBeGreaterThan(0);
        expect(result.score).toBeLessThanOrEqual(1);
        const found = foldTypography(edited.slice(result.start, result.end));
        if (result.status === 'fuzzy') {
          expect(similarity(foldTypography(quote), found)).toBeGreaterThanOrEqual(0.75 - 1e-9);
        } else {
          expect(found).toBe(foldTypography(quote));
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('never throws on selectors that do not fit the body at all', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 10 }),
        fc.string({ maxLength: 10 }),
        fc.integer({ min: -5, max: 500 }),
        fc.integer({ min: -5, max: 500 }),
        fc.string({ maxLength: 200 }),
        (exact, prefix, suffix, start, end, newBody) => {
          const result = reanchor(
            [
              { type: 'TextQuoteSelector', exact, prefix, suffix },
              { type: 'TextPositionSelector', start, end },
            ],
            newBody,
          );
          if (result.status !== 'orphaned') {
            expect(result.start).toBeGreaterThanOrEqual(0);
            expect(result.end).toBeLessThanOrEqual(newBody.length);
            expect(result.end).toBeGreaterThan(result.start);
          }
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });
});
