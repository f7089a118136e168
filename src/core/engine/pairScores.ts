// How alike every sentence of A is to every sentence of B: the cosine of their
// TF-IDF feature vectors, plus paraphrase from word vectors on each sentence's
// best candidates. Kept apart: the part of the score that comes from content
// (words, phrases, quotes, paraphrase) and the part from names and numbers,
// because two sentences that share only a name are rarely one claim.
import { featuresOf, type FeatureKind, type Features, type SurfaceWords } from './sentenceFeatures';
import type { Sentence } from './types';
import type { WordVectors } from './wordVectors';

/** A sentence as parallel arrays of feature ids, TF-IDF weights and kinds, with its norm. */
export interface Vector {
  ids: Int32Array;
  weights: Float64Array;
  /** 1 where the feature is a name or a number in this sentence. */
  nameOrNumber: Uint8Array;
  /** 1 where the feature is one word, name or number (not a pair of words, a quote or a spelling skeleton). */
  single: Uint8Array;
  norm: number;
}

const isNameOrNumber = (kind: FeatureKind) => kind === 'name' || kind === 'number';

export interface Scoring {
  features: { a: Features[]; b: Features[] };
  va: Vector[];
  vb: Vector[];
  keys: string[];
  surface: SurfaceWords;
  /** Row-major a × b: the whole similarity, 0–1. */
  scores: Float64Array;
  /** Row-major a × b: the part of `scores` from content words, phrases, quotes and paraphrase. */
  content: Float64Array;
  /** The paraphrase pairs behind the paraphrase part of a cell's score, for the cells that have one. */
  paraphrases: Map<number, SoftPair[]>;
  /** Paraphrase and word alignment over the word vectors, when there are vectors. */
  soft: SoftMatcher | undefined;
}

function toVectors(all: Features[]): { vectors: Vector[]; keys: string[] } {
  const ids = new Map<string, number>();
  const keys: string[] = [];
  const df: number[] = [];
  for (const f of all) {
    for (const key of f.keys()) {
      let id = ids.get(key);
      if (id === undefined) {
        id = keys.length;
        ids.set(key, id);
        keys.push(key);
        df.push(0);
      }
      df[id]!++;
    }
  }
  const n = all.length;
  const vectors = all.map((f) => {
    const vector: Vector = {
      ids: new Int32Array(f.size),
      weights: new Float64Array(f.size),
      nameOrNumber: new Uint8Array(f.size),
      single: new Uint8Array(f.size),
      norm: 0,
    };
    let k = 0;
    for (const [key, feature] of f) {
      const id = ids.get(key)!;
      const weight = feature.weight * (Math.log((n + 1) / (df[id]! + 1)) + 1);
      vector.ids[k] = id;
      vector.weights[k] = weight;
      vector.nameOrNumber[k] = isNameOrNumber(feature.kind) ? 1 : 0;
      vector.single[k++] =
        feature.kind !== 'phrase' && feature.kind !== 'quote' && !key.startsWith('$') ? 1 : 0;
      vector.norm += weight * weight;
    }
    vector.norm = Math.sqrt(vector.norm);
    return vector;
  });
  return { vectors, keys };
}

/** Cosines for every pair through an inverted index of B; only pairs that share a feature cost anything. */
function addLexicalScores(scoring: Scoring): void {
  const { va, vb, scores, content } = scoring;
  const postings = new Map<number, { sentence: number; weight: number; plain: boolean }[]>();
  vb.forEach((v, j) => {
    for (let k = 0; k < v.ids.length; k++) {
      const id = v.ids[k]!;
      let list = postings.get(id);
      if (!list) postings.set(id, (list = []));
      list.push({ sentence: j, weight: v.weights[k]!, plain: v.nameOrNumber[k] === 0 });
    }
  });
  const width = vb.length;
  va.forEach((v, i) => {
    const row = i * width;
    for (let k = 0; k < v.ids.length; k++) {
      const list = postings.get(v.ids[k]!);
      if (!list) continue;
      const w = v.weights[k]!;
      const plain = v.nameOrNumber[k] === 0;
      for (const p of list) {
        scores[row + p.sentence]! += w * p.weight;
        if (plain && p.plain) content[row + p.sentence]! += w * p.weight;
      }
    }
    for (let j = 0; j < width; j++) {
      const norms = v.norm * vb[j]!.norm;
      scores[row + j] = norms === 0 ? 0 : scores[row + j]! / norms;
      content[row + j] = norms === 0 ? 0 : content[row + j]! / norms;
    }
  });
}

// Two different words count as partly shared from this cosine of their vectors;
// below it, vectors pair co-hyponyms ("Friday"/"Monday") as readily as paraphrases.
const SOFT_MATCH_FLOOR = 0.6;

/** A paraphrase pair: feature ids of a word in A and one in B, and how much it adds. */
export interface SoftPair {
  a: number;
  b: number;
  gain: number;
  /** Cosine of the two words' vectors. */
  cosine: number;
}

/**
 * Paraphrase between two sentences: each content word of one that the other
 * lacks is matched (one to one, best first) to the other's closest unshared
 * word, and counts by how far their cosine clears the floor.
 */
export type SoftMatcher = ReturnType<typeof softMatcher>;

function softMatcher(
  scoring: Pick<Scoring, 'va' | 'vb' | 'keys' | 'surface'>,
  vectors: WordVectors,
) {
  const dims = vectors.dimensions;
  // Unit vectors of the content words both texts use, one row per feature id (-1: none).
  const row = new Int32Array(scoring.keys.length).fill(-1);
  let rows = 0;
  const unit = new Float64Array(scoring.keys.length * dims);
  scoring.keys.forEach((key, id) => {
    const word = scoring.surface.get(key);
    if (word === undefined) return;
    if (!vectors.addTo(word, unit.subarray(rows * dims, (rows + 1) * dims), 1)) return;
    row[id] = rows++;
  });
  // Words recur across a text's pairs, so each pair of words is multiplied out once.
  const cosines = new Map<number, number>();
  const cosine = (x: number, y: number) => {
    const key = x < y ? x * scoring.keys.length + y : y * scoring.keys.length + x;
    let c = cosines.get(key);
    if (c !== undefined) return c;
    c = 0;
    for (let d = 0, p = row[x]! * dims, q = row[y]! * dims; d < dims; d++)
      c += unit[p + d]! * unit[q + d]!;
    cosines.set(key, c);
    return c;
  };
  /** The words of `v` that `other` lacks and that have a vector. */
  const unshared = (v: Vector, other: Vector) => {
    const present = new Set(other.ids);
    const out: { id: number; weight: number }[] = [];
    for (let k = 0; k < v.ids.length; k++) {
      const id = v.ids[k]!;
      if (row[id] !== -1 && !present.has(id)) out.push({ id, weight: v.weights[k]! });
    }
    return out;
  };
  const paraphrase = (i: number, j: number): { score: number; pairs: SoftPair[] } => {
    const x = scoring.va[i]!;
    const y = scoring.vb[j]!;
    if (x.norm === 0 || y.norm === 0) return { score: 0, pairs: [] };
    const ux = unshared(x, y);
    const uy = unshared(y, x);
    const candidates: { p: number; q: number; c: number }[] = [];
    for (let p = 0; p < ux.length; p++)
      for (let q = 0; q < uy.length; q++) {
        const c = cosine(ux[p]!.id, uy[q]!.id);
        if (c >= SOFT_MATCH_FLOOR) candidates.push({ p, q, c });
      }
    candidates.sort((m, n) => n.c - m.c);
    const usedX = new Set<number>();
    const usedY = new Set<number>();
    let sum = 0;
    const pairs: SoftPair[] = [];
    for (const { p, q, c } of candidates) {
      if (usedX.has(p) || usedY.has(q)) continue;
      usedX.add(p);
      usedY.add(q);
      const gain =
        (ux[p]!.weight * uy[q]!.weight * ((c - SOFT_MATCH_FLOOR) / (1 - SOFT_MATCH_FLOOR))) /
        (x.norm * y.norm);
      sum += gain;
      pairs.push({ a: ux[p]!.id, b: uy[q]!.id, gain, cosine: c });
    }
    return { score: sum, pairs };
  };
  // A sentence meets many candidates: its id set and its words with vectors are built once.
  const idSets = new WeakMap<Vector, Set<number>>();
  const idSetOf = (v: Vector) => {
    let set = idSets.get(v);
    if (!set) idSets.set(v, (set = new Set(v.ids)));
    return set;
  };
  const vectored = new WeakMap<Vector, number[]>();
  const vectoredWordsOf = (v: Vector) => {
    let list = vectored.get(v);
    if (!list) {
      list = [];
      for (let m = 0; m < v.ids.length; m++)
        if (v.single[m] && row[v.ids[m]!] !== -1) list.push(v.ids[m]!);
      vectored.set(v, list);
    }
    return list;
  };
  /** How well each word of one sentence finds a counterpart in the other (itself, or its nearest word by vector), weighted by rarity; the harmonic mean of both directions. */
  const wordAlignment = (i: number, j: number): number => {
    const x = scoring.va[i]!;
    const y = scoring.vb[j]!;
    const covered = (v: Vector, other: Vector) => {
      const present = idSetOf(other);
      const candidates = vectoredWordsOf(other);
      let total = 0;
      let found = 0;
      for (let k = 0; k < v.ids.length; k++) {
        if (!v.single[k]) continue;
        const id = v.ids[k]!;
        const w = v.weights[k]!;
        total += w;
        if (present.has(id)) {
          found += w;
          continue;
        }
        if (row[id] === -1) continue;
        let best = 0;
        for (let m = 0; m < candidates.length; m++)
          best = Math.max(best, cosine(id, candidates[m]!));
        found += w * Math.max(0, best);
      }
      return total === 0 ? 0 : found / total;
    };
    const p = covered(x, y);
    const r = covered(y, x);
    return p + r === 0 ? 0 : (2 * p * r) / (p + r);
  };
  return Object.assign(paraphrase, { wordAlignment });
}

// Soft matching costs a few hundred multiplications per pair, so it refines only
// each sentence's best lexical candidates (on both sides), never all a × b pairs.
const SOFT_CANDIDATES = 4;

/** The cells (indexes into scores) of the `count` highest positive scores among `cellAt(0..length)`. */
export function bestCells(
  scores: Float64Array,
  length: number,
  cellAt: (k: number) => number,
  count: number,
): number[] {
  const best: number[] = [];
  for (let k = 0; k < length; k++) {
    const cell = cellAt(k);
    const score = scores[cell]!;
    if (score <= 0 || (best.length === count && score <= scores[best[count - 1]!]!)) continue;
    let at = best.length === count ? count - 1 : best.length;
    while (at > 0 && scores[best[at - 1]!]! < score) {
      best[at] = best[at - 1]!;
      at--;
    }
    best[at] = cell;
    if (best.length > count) best.length = count;
  }
  return best;
}

/** Paraphrase on each sentence's few best lexical candidates: it refines a match rather than inventing one. */
function addSoftMatches(scoring: Scoring, soft: SoftMatcher): void {
  const { scores, content } = scoring;
  const width = scoring.vb.length;
  const height = scoring.va.length;
  const chosen = new Set<number>();
  for (let i = 0; i < height; i++)
    for (const cell of bestCells(scores, width, (j) => i * width + j, SOFT_CANDIDATES))
      chosen.add(cell);
  for (let j = 0; j < width; j++)
    for (const cell of bestCells(scores, height, (i) => i * width + j, SOFT_CANDIDATES))
      chosen.add(cell);
  for (const cell of chosen) {
    const { score, pairs } = soft(Math.floor(cell / width), cell % width);
    scores[cell]! += score;
    content[cell]! += score;
    if (pairs.length > 0) scoring.paraphrases.set(cell, pairs);
  }
}

/** Every pair's similarity and its content part, for two texts' sentences. */
export function scoreSentencePairs(a: Sentence[], b: Sentence[], vectors?: WordVectors): Scoring {
  const surface: SurfaceWords = new Map();
  const features = [...a, ...b].map((s) => featuresOf(s.text, surface));
  const { vectors: all, keys } = toVectors(features);
  const scoring: Scoring = {
    features: { a: features.slice(0, a.length), b: features.slice(a.length) },
    va: all.slice(0, a.length),
    vb: all.slice(a.length),
    keys,
    surface,
    scores: new Float64Array(a.length * b.length),
    content: new Float64Array(a.length * b.length),
    paraphrases: new Map(),
    soft: undefined,
  };
  addLexicalScores(scoring);
  if (vectors) {
    scoring.soft = softMatcher(scoring, vectors);
    addSoftMatches(scoring, scoring.soft);
  }
  return scoring;
}
