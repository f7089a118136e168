// Re-anchoring annotations on a new version of a long article: 100 spans on a
// 20,000-word body, edited (insertions, deletions, rewording, moves). Baseline in
// the same run: a bare indexOf of each quote, which is all an exact-quote search costs.
import { reanchor } from '../src/core/anchoring/anchor';
import {
  editVersion,
  generateText,
  pickSpans,
  seededRandom,
} from '../src/core/anchoring/editCorpus';
import { selectorsFor } from '../src/core/anchoring/selectors';
import { loadSeedPair } from './corpus';
import { formatMs, formatRatio, machineNote, measure, printTable } from './measure';

const seed = loadSeedPair();
const vocabulary = [...new Set(`${seed.a} ${seed.b}`.toLowerCase().match(/[a-z]{3,}/g) ?? [])];
const rand = seededRandom(2026);
const base = generateText(vocabulary, 20_000, rand);
const spans = pickSpans(base, 100, rand);
const edited = editVersion(base, spans, 60, rand);
const selectors = spans.map((span) => {
  const found = selectorsFor(base, span.start, span.end);
  if ('error' in found) throw new Error(found.error);
  return found;
});
const quotes = spans.map((span) => base.slice(span.start, span.end));

const ours = measure(() => selectors.map((s) => reanchor(s, edited.body)));
const baseline = measure(() => quotes.map((q) => edited.body.indexOf(q)));
const statuses = selectors.map((s) => reanchor(s, edited.body).status);
const count = (status: string) => statuses.filter((s) => s === status).length;

console.log('\n== Re-anchoring benchmark ==');
console.log(machineNote());
printTable(
  [
    'annotations',
    'words',
    'reanchor (ms)',
    'indexOf (ms)',
    'ratio',
    'exact / quote / fuzzy / orphaned',
  ],
  [
    [
      '100',
      '20,000',
      formatMs(ours),
      formatMs(baseline),
      formatRatio(ours, baseline),
      `${count('exact-position')} / ${count('exact-quote')} / ${count('fuzzy')} / ${count('orphaned')}`,
    ],
  ],
);
