// `npm run eval:align`: the aligner measured on the development set, with counts.
// Per pair and pooled: the shipped model (trained on all of it, so optimistic)
// and leave one event out (trained and tuned without the event's pairs: what to
// expect on new pairs), and the simpler rule the learned model has to beat.
//   npm run eval:align -- --write   also rewrites the committed baseline and the README table
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LINK_MODEL } from '../src/core/engine/align';
import {
  ratio,
  SCORE_NAMES,
  type AlignmentScores,
} from '../src/core/engine/evaluation/alignmentScores';
import { runAlignmentEvaluation } from '../src/core/engine/evaluation/alignmentReport';
import { qualityTable } from '../src/core/engine/evaluation/qualityTable';
import { findAppRoot } from '../src/main/appRoot';
import { alignmentDevSet, devWordVectors } from '../src/main/engine/alignmentDevSet';

const root = findAppRoot();
const started = performance.now();
const result = runAlignmentEvaluation(alignmentDevSet(), DEFAULT_LINK_MODEL, devWordVectors());

const LABELS: Record<keyof AlignmentScores, string> = {
  linkPrecision: 'link precision (same+contrast)',
  samePrecision: 'same-claim precision',
  strongRecallShown: 'strong recall, shown',
  strongRecallWithPossible: 'strong recall, shown+possible',
  possiblePrecision: 'possible precision',
  contrastPrecision: 'contrast precision',
  contrastRecall: 'contrast recall (of weak)',
  omissionPrecision: 'omission precision',
  omissionRecall: 'omission recall',
};
const cell = (s: AlignmentScores, n: keyof AlignmentScores) =>
  `${ratio(s[n]).toFixed(2)} (${s[n].hits}/${s[n].of})`.padEnd(16);
const table = (title: string, rows: { name: string; scores: AlignmentScores }[]) => {
  console.log(`\n${title}`);
  console.log(`${'pair'.padEnd(30)}${SCORE_NAMES.map((n) => n.slice(0, 15).padEnd(16)).join('')}`);
  for (const row of rows)
    console.log(`${row.name.padEnd(30)}${SCORE_NAMES.map((n) => cell(row.scores, n)).join('')}`);
};
table('Leave one event out (trained and tuned on the other events):', [
  ...result.leaveOneOut.perPair,
  { name: 'POOLED', scores: result.leaveOneOut.pooled },
]);
table('The shipped model (resources/alignment/link-model.json, trained on all pairs):', [
  ...result.shipped.perPair,
  { name: 'POOLED', scores: result.shipped.pooled },
]);
console.log('\nPooled, leave one event out: the learned model against the similarity score alone');
for (const n of SCORE_NAMES)
  console.log(
    `  ${LABELS[n].padEnd(32)} learned ${cell(result.leaveOneOut.pooled, n)} score only ${cell(result.scoreOnly.pooled, n)}`,
  );
console.log('\nThresholds chosen per held-out event:');
for (const [event, model] of Object.entries(result.leaveOneOut.models))
  console.log(
    `  ${event.padEnd(28)} assert ≥ ${model.assertFrom}, near-best ≥ ${model.nearBest}, possible ≥ ${model.possibleFrom}${model.possibleOnlyBest ? ' (best only)' : ''}`,
  );
console.log(
  `\n${result.leaveOneOut.perPair.length} pairs, ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

if (process.argv.includes('--write')) {
  const baseline = join(root, 'src', 'core', 'engine', 'evaluation', 'alignment-baseline.json');
  writeFileSync(
    baseline,
    `${JSON.stringify({ shipped: result.shipped.pooled, leaveOneOut: result.leaveOneOut.pooled }, null, 2)}\n`,
  );
  const readme = join(root, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- alignment-quality:start -->';
  const end = '<!-- alignment-quality:end -->';
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to === -1) throw new Error('README.md has no alignment-quality markers');
  writeFileSync(
    readme,
    `${text.slice(0, from + start.length)}\n${qualityTable(result.shipped.pooled, result.leaveOneOut.pooled)}\n${text.slice(to)}`,
  );
  console.log(`wrote ${baseline} and the README's quality table`);
}
