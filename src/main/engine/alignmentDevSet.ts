// The aligner's development set, read from the repo: the BASIL pairs labelled by
// hand (src/core/engine/fixtures/alignment-gold), the sample pair (Tehran Times /
// CGTN) and the hand-written pairs in src/core/engine/fixtures/pairs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupText } from '../../core/cleanup';
import { readPrefixGoldPair, type GoldPair } from '../../core/engine/evaluation/goldAlignment';
import { loadGoldPairs } from '../../core/engine/evaluation/goldFiles';
import { parseWordVectors, type WordVectors } from '../../core/engine/wordVectors';
import { findAppRoot } from '../appRoot';

const root = findAppRoot();
const fixtures = join(root, 'src', 'core', 'engine', 'fixtures');

type PrefixGold = { same: [string, string][]; related: [string, string][] };
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as PrefixGold;

/** The sample's two bodies as the library stores them (cleaned, first article of the page). */
export function sampleBodies(): { a: string; b: string } {
  const body = (file: string) =>
    cleanupText(readFileSync(join(root, 'resources', 'samples', file), 'utf8'), {
      mode: 'page',
    }).articles[0]!.paragraphs.join('\n\n');
  return { a: body('tehran-times-page.txt'), b: body('cgtn-article.txt') };
}

export function alignmentDevSet(): GoldPair[] {
  const basil = join(fixtures, 'alignment-gold');
  const pairsDir = join(fixtures, 'pairs');
  const sample = sampleBodies();
  return [
    ...loadGoldPairs({
      list: () => readdirSync(basil),
      read: (file) => readFileSync(join(basil, file), 'utf8'),
    }),
    readPrefixGoldPair(
      'sample_tehrantimes-cgtn',
      sample.a,
      sample.b,
      readJson(join(fixtures, 'seed-alignment.gold.json')),
    ),
    ...readdirSync(pairsDir)
      .filter((f) => f.endsWith('.gold.json'))
      .sort()
      .map((f) => f.replace('.gold.json', ''))
      .map((name) =>
        readPrefixGoldPair(
          `written_${name}`,
          readFileSync(join(pairsDir, `${name}.a.txt`), 'utf8'),
          readFileSync(join(pairsDir, `${name}.b.txt`), 'utf8'),
          readJson(join(pairsDir, `${name}.gold.json`)),
        ),
      ),
  ];
}

let vectors: WordVectors | undefined;
/** The shipped word vectors (read once). */
export function devWordVectors(): WordVectors {
  vectors ??= parseWordVectors(
    readFileSync(join(root, 'resources', 'wordvectors', 'glove-100d.bin')),
  );
  return vectors;
}
