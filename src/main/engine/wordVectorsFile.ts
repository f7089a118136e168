// The word vectors the aligner uses for paraphrase, read once per process from
// resources/wordvectors (3.4 MB; derived from GloVe by scripts/derive-word-vectors.mjs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWordVectors, type WordVectors } from '../../core/engine/wordVectors';
import { findAppRoot } from '../appRoot';

let loaded: WordVectors | undefined;

export function wordVectors(): WordVectors {
  loaded ??= parseWordVectors(
    readFileSync(join(findAppRoot(), 'resources', 'wordvectors', 'glove-100d.bin')),
  );
  return loaded;
}
