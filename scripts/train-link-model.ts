// Trains the aligner's link model on the development set and writes it to
// resources/alignment/link-model.json: logistic weights over the candidate pair
// features (PAIR_FEATURES in src/core/engine/align.ts) and the decision
// thresholds tuned on them. Deterministic: the same data gives the same file.
//   npm run train:align
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAIR_FEATURES } from '../src/core/engine/align';
import { fitLinkModel, preparePair } from '../src/core/engine/evaluation/evaluateAlignment';
import { findAppRoot } from '../src/main/appRoot';
import { alignmentDevSet, devWordVectors } from '../src/main/engine/alignmentDevSet';

const vectors = devWordVectors();
const model = fitLinkModel(alignmentDevSet().map((gold) => preparePair(gold, vectors)));
const file = join(findAppRoot(), 'resources', 'alignment', 'link-model.json');
writeFileSync(file, `${JSON.stringify({ features: PAIR_FEATURES, ...model }, null, 2)}\n`);
console.log(`wrote ${file}`);
