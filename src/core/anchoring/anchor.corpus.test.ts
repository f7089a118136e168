// Measures re-anchoring on a corpus of edited versions with known truth (see editCorpus).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reanchor } from './anchor';
import { editVersion, generateText, pickSpans, seededRandom, type Span } from './editCorpus';
import { selectorsFor } from './selectors';

const samples = join(__dirname, '../../../resources/samples');
const seedTexts = ['cgtn-article.txt', 'tehran-times-page.txt'].map((f) =>
  readFileSync(join(samples, f), 'utf8'),
);
const vocabulary = [
  ...new Set(
    seedTexts
      .join(' ')
      .toLowerCase()
      .match(/[a-z]{3,}/g) ?? [],
  ),
];

const selectorsOn = (body: string, span: Span) => {
  const selectors = selectorsFor(body, span.start, span.end);
  if ('error' in selectors) throw new Error(selectors.error);
  return selectors;
};

/** Overlap as a share of the longer of the two spans. */
const overlapShare = (a: Span, b: Span): number =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start)) /
  Math.max(a.end - a.start, b.end - b.start);

describe('re-anchoring on an edit corpus', () => {
  it('places spans that survive and orphans the rest, without wrong anchors', () => {
    const tally = { alive: 0, correct: 0, exactBounds: 0, wrong: 0, missed: 0 };
    const gone = { total: 0, orphaned: 0 };
    const byStatus: Record<string, number> = {};
    const bases = [...seedTexts, generateText(vocabulary, 2500, seededRandom(99))];
    let versions = 0;
    for (const [b, base] of bases.entries()) {
      for (let seed = 1; seed <= 40; seed++) {
        const rand = seededRandom(seed * 31 + b);
        const spans = pickSpans(base, 12, rand);
        const version = editVersion(base, spans, 4 + Math.floor(rand() * 12), rand);
        versions++;
        spans.forEach((span, i) => {
          const result = reanchor(selectorsOn(base, span), version.body);
          byStatus[result.status] = (byStatus[result.status] ?? 0) + 1;
          const truth = version.truth[i];
          if (!truth) {
            gone.total++;
            if (result.status === 'orphaned') gone.orphaned++;
            else tally.wrong++;
            return;
          }
          tally.alive++;
          if (result.status === 'orphaned') tally.missed++;
          else if (overlapShare(result, truth) >= 0.5) {
            tally.correct++;
            if (result.start === truth.start && result.end === truth.end) tally.exactBounds++;
          } else tally.wrong++;
        });
      }
    }
    const all = tally.alive + gone.total;
    const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
    console.log(
      `[anchoring] ${versions} edited versions, ${all} spans (${tally.alive} still there, ${gone.total} deleted)`,
    );
    console.log(
      `[anchoring] correct ${pct(tally.correct, tally.alive)} of surviving spans (exact bounds ${pct(tally.exactBounds, tally.alive)}), orphaned though present ${pct(tally.missed, tally.alive)}`,
    );
    console.log(
      `[anchoring] wrongly placed ${pct(tally.wrong, all)} of all spans (${tally.wrong}); deleted spans orphaned ${pct(gone.orphaned, gone.total)}`,
    );
    console.log(`[anchoring] by status ${JSON.stringify(byStatus)}`);
    expect(tally.wrong / all).toBeLessThanOrEqual(0.02);
    expect(tally.correct / tally.alive).toBeGreaterThanOrEqual(0.9);
  });
});
