// The aligner against its committed baseline on the development set: a pooled
// figure that drops fails the run, and the README's table must be the one the
// baseline gives (npm run eval:align -- --write rewrites both).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LINK_MODEL } from '../../core/engine/align';
import {
  ratio,
  SCORE_NAMES,
  type AlignmentScores,
} from '../../core/engine/evaluation/alignmentScores';
import {
  evaluateModel,
  leaveOneTripletOut,
  preparePair,
} from '../../core/engine/evaluation/evaluateAlignment';
import { qualityTable } from '../../core/engine/evaluation/qualityTable';
import { findAppRoot } from '../appRoot';
import { alignmentDevSet, devWordVectors } from './alignmentDevSet';

const root = findAppRoot();
const baseline = JSON.parse(
  readFileSync(join(root, 'src/core/engine/evaluation/alignment-baseline.json'), 'utf8'),
) as { shipped: AlignmentScores; leaveOneOut: AlignmentScores };

function expectNoDrop(label: string, now: AlignmentScores, before: AlignmentScores) {
  for (const name of SCORE_NAMES) {
    const [n, b] = [now[name], before[name]];
    console.log(
      `[alignment] ${label} ${name}: ${ratio(n).toFixed(3)} (${n.hits}/${n.of}), baseline ${ratio(b).toFixed(3)} (${b.hits}/${b.of})`,
    );
  }
  const dropped = SCORE_NAMES.filter((name) => ratio(now[name]) < ratio(before[name]) - 1e-9);
  expect(dropped, `${label}: pooled figures below the committed baseline`).toEqual([]);
}

describe('alignment quality on the development set', () => {
  const golds = alignmentDevSet();
  const vectors = devWordVectors();

  it('holds the baseline with the shipped model', { timeout: 120_000 }, () => {
    expectNoDrop(
      'shipped',
      evaluateModel(golds, DEFAULT_LINK_MODEL, vectors).pooled,
      baseline.shipped,
    );
  });

  it(
    'holds the baseline leaving one event out (trained and tuned without it)',
    { timeout: 240_000 },
    () => {
      const prepared = golds.map((gold) => preparePair(gold, vectors));
      expectNoDrop(
        'leave one event out',
        leaveOneTripletOut(prepared).pooled,
        baseline.leaveOneOut,
      );
    },
  );

  it('shows the baseline in the README, as generated', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain(qualityTable(baseline.shipped, baseline.leaveOneOut));
  });

  it("places every gold snippet on one of Parallax's sentences", () => {
    // loading throws on a snippet that is missing, repeated, or spans no sentence
    expect(golds.length).toBe(23);
    for (const gold of golds) expect(gold.strong.size + gold.weak.size).toBeGreaterThan(0);
  });
});
