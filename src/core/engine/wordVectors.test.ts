import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWordVectors, type WordVectors } from './wordVectors';

const file = readFileSync(join(__dirname, '../../../resources/wordvectors/glove-100d.bin'));

function cosine(vectors: WordVectors, x: string, y: string): number {
  const u = new Float64Array(vectors.dimensions);
  const v = new Float64Array(vectors.dimensions);
  expect(vectors.addTo(x, u, 1) && vectors.addTo(y, v, 1)).toBe(true);
  return u.reduce((sum, value, d) => sum + value * v[d]!, 0);
}

describe('parseWordVectors', () => {
  const vectors = parseWordVectors(file);

  it('reads the shipped file: 30,000 words of 100 dimensions, unit length', () => {
    expect(vectors.size).toBe(30_000);
    expect(vectors.dimensions).toBe(100);
    expect(cosine(vectors, 'talks', 'talks')).toBeCloseTo(1, 2);
    expect(vectors.has('negotiations')).toBe(true);
    expect(vectors.addTo('xqzzy', new Float64Array(100), 1)).toBe(false);
  });

  it('puts paraphrases nearer than unrelated words', () => {
    expect(cosine(vectors, 'talks', 'negotiations')).toBeGreaterThan(0.8);
    expect(cosine(vectors, 'mistrust', 'distrust')).toBeGreaterThan(0.8);
    expect(cosine(vectors, 'talks', 'banana')).toBeLessThan(0.3);
  });

  it('refuses a file that is not one, or is cut short', () => {
    expect(() => parseWordVectors(new TextEncoder().encode('not vectors at all'))).toThrow(
      /not a Parallax word-vector file/,
    );
    expect(() => parseWordVectors(file.subarray(0, file.length - 10))).toThrow(/truncated/);
  });
});
