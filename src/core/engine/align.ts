// Cross-outlet alignment: which sentences of outlet A and outlet B report the
// same fact, quote or claim (`same`), or the same point with a different claim
// (`related`). Offline and explainable: sentences are compared as weighted bags
// of stems, actors (names that stand for one another: "Cairo"/"Egypt",
// "Albusaidi"/"Al Busaidi"), numbers and word pairs, with weights from how rare
// each feature is across both texts (TF-IDF) and a boost for shared quoted words.
import {
  actorFor,
  canonicalNumber,
  MAX_ALIAS_WORDS,
  numberFor,
  STOPWORDS,
  synonymFor,
  UNIT_WORDS,
} from './lexicon';
import { stem } from './stem';
import type { Sentence, SentenceLink } from './types';
import type { WordVectors } from './wordVectors';

export interface AlignOptions {
  /** Score from which two sentences report the same claim. */
  sameThreshold?: number;
  /** Score from which two sentences are on the same point. */
  relatedThreshold?: number;
  /** How many sentences of the other side one sentence may link to as `same`. */
  maxSamePerSentence?: number;
  /** Word vectors, so paraphrases ("determined" / "decide") count as partly shared words. */
  vectors?: WordVectors;
}

// Set on the dev gold pairs (see align.test.ts and fixtures/pairs); the held-out pairs were not used.
const CANDIDATES_PER_SENTENCE = 6;

const DEFAULTS: Required<Omit<AlignOptions, 'vectors'>> = {
  sameThreshold: 0.2,
  relatedThreshold: 0.12,
  maxSamePerSentence: 2,
};

type Features = Map<string, number>;

/** Plain content words by feature key ("determin" → "determined"): what word vectors are looked up by. */
type SurfaceWords = Map<string, string>;

/** Lower-case words with diacritics and abbreviation dots removed ("U.S." → "us"). */
function words(text: string): { word: string; capital: boolean }[] {
  const plain = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\b(\p{L})\.(?=\p{L}\.)/gu, '$1');
  // Digits apart from letters ("Won30.5tn" → "won 30.5 tn"), decimals kept whole.
  return [...plain.matchAll(/\d+(?:[.,]\d+)*|\p{L}+(?:['’]\p{L}+)?|%/gu)].map((m) => ({
    word: m[0].toLowerCase().replace(/['’]s$/, ''),
    capital: /^\p{Lu}/u.test(m[0]),
  }));
}

/**
 * A name's consonant skeleton, so transliterations meet ("Nasreen"/"Nasrin",
 * "Akter"/"Akhter", "Seong"/"Sung"): vowels after the first letter, "h" and
 * doubled letters dropped.
 */
function nameKey(word: string): string {
  return `$${word[0]}${word
    .slice(1)
    .replace(/[aeiouyh]/g, '')
    .replace(/(.)\1+/g, '$1')}`;
}

/** The quoted stretches of a sentence, for quote overlap. */
function quoted(text: string): string {
  return [...text.matchAll(/["“]([^"”]{3,})["”]/g)].map((m) => m[1]).join(' ');
}

function featuresOf(text: string, surface?: SurfaceWords): Features {
  const features: Features = new Map();
  const add = (key: string, weight = 1) => features.set(key, (features.get(key) ?? 0) + weight);
  const list = words(text);
  const content: string[] = [];
  for (let i = 0; i < list.length; i++) {
    // Actors first, longest name first ("white house" before "white").
    let matched = 0;
    for (let n = Math.min(MAX_ALIAS_WORDS, list.length - i); n >= 1 && !matched; n--) {
      const actor = actorFor(
        list
          .slice(i, i + n)
          .map((w) => w.word)
          .join(' '),
      );
      if (actor) {
        add(actor);
        content.push(actor);
        matched = n;
      }
    }
    if (matched) {
      i += matched - 1;
      continue;
    }
    const { word, capital } = list[i]!;
    const next = list[i + 1];
    // A name written as one word or two ("Albusaidi" / "Al Busaidi") meets in its joined form.
    if (capital && next?.capital) add(`${word}${next.word}`, 0.5);
    const number = /^\d/.test(word)
      ? { value: canonicalNumber(word), words: 1 }
      : numberFor(word, next?.word);
    if (number) {
      add(`#${number.value}`);
      content.push(`#${number.value}`);
      i += number.words - 1;
      continue;
    }
    const unit = word === 'per' && next?.word === 'cent' ? '%' : (UNIT_WORDS.get(word) ?? word);
    if (unit !== word || word === '%') {
      add(unit);
      content.push(unit);
      if (word === 'per') i++;
      continue;
    }
    if (STOPWORDS.has(word) || word.length < 2) continue;
    const key = synonymFor(stem(word));
    add(key);
    // Capitalized inside a sentence: a name, which also meets its other spellings.
    if (capital && i > 0) add(nameKey(word), 0.5);
    content.push(key);
    if (surface && !capital && !surface.has(key)) surface.set(key, word);
  }
  // Adjacent content words: shared phrases weigh more than shared words.
  for (let i = 0; i + 1 < content.length; i++) add(`${content[i]}~${content[i + 1]}`, 0.5);
  for (const w of words(quoted(text)))
    if (!STOPWORDS.has(w.word)) add(`"${synonymFor(stem(w.word))}`, 0.5);
  return features;
}

/** A sentence as parallel arrays of feature ids and TF-IDF weights, with its norm. */
interface Vector {
  ids: Int32Array;
  weights: Float64Array;
  norm: number;
}

/** TF-IDF vectors of all sentences, and the feature key of each id. */
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
      norm: 0,
    };
    let k = 0;
    for (const [key, tf] of f) {
      const id = ids.get(key)!;
      const weight = tf * (Math.log((n + 1) / (df[id]! + 1)) + 1);
      vector.ids[k] = id;
      vector.weights[k++] = weight;
      vector.norm += weight * weight;
    }
    vector.norm = Math.sqrt(vector.norm);
    return vector;
  });
  return { vectors, keys };
}

/** Both texts' sentences as vectors, and what soft matching needs to look words up. */
interface Scoring {
  va: Vector[];
  vb: Vector[];
  keys: string[];
  surface: SurfaceWords;
}

function scoringFor(a: Sentence[], b: Sentence[]): Scoring {
  const surface: SurfaceWords = new Map();
  const { vectors, keys } = toVectors([...a, ...b].map((s) => featuresOf(s.text, surface)));
  return { va: vectors.slice(0, a.length), vb: vectors.slice(a.length), keys, surface };
}

/** Cosine of TF-IDF vectors for every pair, row-major (a × b), through an inverted index of B. */
function lexicalScores({ va, vb }: Scoring): Float64Array {
  const postings = new Map<number, { sentence: number; weight: number }[]>();
  vb.forEach((v, j) => {
    for (let k = 0; k < v.ids.length; k++) {
      const id = v.ids[k]!;
      let list = postings.get(id);
      if (!list) postings.set(id, (list = []));
      list.push({ sentence: j, weight: v.weights[k]! });
    }
  });
  const width = vb.length;
  const scores = new Float64Array(va.length * width);
  va.forEach((v, i) => {
    const row = i * width;
    for (let k = 0; k < v.ids.length; k++) {
      const list = postings.get(v.ids[k]!);
      if (!list) continue;
      const w = v.weights[k]!;
      for (const p of list) scores[row + p.sentence]! += w * p.weight;
    }
    for (let j = 0; j < width; j++) {
      const norms = v.norm * vb[j]!.norm;
      scores[row + j] = norms === 0 ? 0 : scores[row + j]! / norms;
    }
  });
  return scores;
}

/**
 * Similarity (cosine of TF-IDF vectors) of every sentence of A with every
 * sentence of B, 0–1, row-major (a × b). Only pairs that share a feature cost anything.
 */
export function similarityMatrix(a: Sentence[], b: Sentence[]): Float64Array {
  return lexicalScores(scoringFor(a, b));
}

// Two different words count as partly shared from this cosine of their vectors;
// below it, vectors pair co-hyponyms ("Friday"/"Monday") as readily as paraphrases.
const SOFT_MATCH_FLOOR = 0.6;

/**
 * Adds paraphrase to a pair's lexical score: each content word of one sentence
 * that the other lacks is matched (one to one, best first) to the other's
 * closest unshared word, and counts by how far their cosine clears the floor.
 */
function softMatcher(scoring: Scoring, vectors: WordVectors) {
  const dims = vectors.dimensions;
  // Unit vectors of the content words both texts use, one row per feature id (-1: none).
  const row = new Int32Array(scoring.keys.length).fill(-1);
  const units: number[] = [];
  scoring.keys.forEach((key, id) => {
    const word = scoring.surface.get(key);
    const sum = new Float64Array(dims);
    if (word === undefined || !vectors.addTo(word, sum, 1)) return;
    row[id] = units.length / dims;
    units.push(...sum);
  });
  const unit = Float64Array.from(units);
  const cosine = (x: number, y: number) => {
    let c = 0;
    for (let d = 0, p = row[x]! * dims, q = row[y]! * dims; d < dims; d++)
      c += unit[p + d]! * unit[q + d]!;
    return c;
  };
  const idSets = new Map<Vector, Set<number>>();
  const idsOf = (v: Vector) => {
    let set = idSets.get(v);
    if (!set) idSets.set(v, (set = new Set(v.ids)));
    return set;
  };
  /** The words of `v` that `other` lacks and that have a vector. */
  const unshared = (v: Vector, other: Vector) => {
    const present = idsOf(other);
    const out: { id: number; weight: number }[] = [];
    for (let k = 0; k < v.ids.length; k++) {
      const id = v.ids[k]!;
      if (row[id] !== -1 && !present.has(id)) out.push({ id, weight: v.weights[k]! });
    }
    return out;
  };
  return (i: number, j: number): number => {
    const x = scoring.va[i]!;
    const y = scoring.vb[j]!;
    if (x.norm === 0 || y.norm === 0) return 0;
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
    for (const { p, q, c } of candidates) {
      if (usedX.has(p) || usedY.has(q)) continue;
      usedX.add(p);
      usedY.add(q);
      sum += ux[p]!.weight * uy[q]!.weight * ((c - SOFT_MATCH_FLOOR) / (1 - SOFT_MATCH_FLOOR));
    }
    return sum / (x.norm * y.norm);
  };
}

// Soft matching costs a few hundred multiplications per pair, so it refines only
// each sentence's best lexical candidates (on both sides), never all a × b pairs.
const SOFT_CANDIDATES = 4;

/** The cells (indexes into scores) of the `count` highest positive scores among `cellAt(0..length)`. */
function bestCells(
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

/**
 * Adds paraphrase to the scores of each sentence's few best lexical candidates.
 * Only pairs that already share a feature: paraphrase refines a match rather
 * than inventing one.
 */
function addSoftMatches(scores: Float64Array, scoring: Scoring, vectors: WordVectors): void {
  const width = scoring.vb.length;
  const height = scoring.va.length;
  const soft = softMatcher(scoring, vectors);
  const chosen = new Set<number>();
  for (let i = 0; i < height; i++)
    for (const cell of bestCells(scores, width, (j) => i * width + j, SOFT_CANDIDATES))
      chosen.add(cell);
  for (let j = 0; j < width; j++)
    for (const cell of bestCells(scores, height, (i) => i * width + j, SOFT_CANDIDATES))
      chosen.add(cell);
  for (const cell of chosen) scores[cell]! += soft(Math.floor(cell / width), cell % width);
}

/**
 * Links between the two outlets' sentences, in any order. A sentence links as
 * `same` to its best match when the score clears the threshold and the pair is
 * (near-)best for both sides; one-to-many when an outlet splits a claim over two
 * sentences. Sentences left unlinked on the `same` level may get one `related`
 * link to their best remaining match. Everything unlinked is an omission.
 */
export function alignSentences(
  a: Sentence[],
  b: Sentence[],
  options: AlignOptions = {},
): SentenceLink[] {
  const { sameThreshold, relatedThreshold, maxSamePerSentence } = { ...DEFAULTS, ...options };
  const scoring = scoringFor(a, b);
  const scores = lexicalScores(scoring);
  if (options.vectors) addSoftMatches(scores, scoring, options.vectors);
  const width = b.length;
  const bestOfA = new Float64Array(a.length);
  const bestOfB = new Float64Array(b.length);
  const pairs: { a: number; b: number; score: number }[] = [];
  for (let i = 0; i < a.length; i++) {
    // Only a sentence's few best candidates can become links; keeping just those
    // keeps long texts fast (a 1,000 × 1,000 matrix has a million pairs).
    const top: { a: number; b: number; score: number }[] = [];
    for (let j = 0; j < width; j++) {
      const score = scores[i * width + j]!;
      if (score > bestOfA[i]!) bestOfA[i] = score;
      if (score > bestOfB[j]!) bestOfB[j] = score;
      if (score < relatedThreshold) continue;
      if (top.length < CANDIDATES_PER_SENTENCE) top.push({ a: i, b: j, score });
      else {
        const weakest = top.reduce((w, p, k) => (p.score < top[w]!.score ? k : w), 0);
        if (score > top[weakest]!.score) top[weakest] = { a: i, b: j, score };
      }
    }
    pairs.push(...top);
  }
  pairs.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);

  const links: SentenceLink[] = [];
  const sameCountA = new Map<number, number>();
  const sameCountB = new Map<number, number>();
  const nearBest = (score: number, best: number) => score >= best * 0.5;
  for (const p of pairs) {
    if (p.score < sameThreshold) break;
    if (
      (sameCountA.get(p.a) ?? 0) >= maxSamePerSentence ||
      (sameCountB.get(p.b) ?? 0) >= maxSamePerSentence
    )
      continue;
    if (!nearBest(p.score, bestOfA[p.a]!) || !nearBest(p.score, bestOfB[p.b]!)) continue;
    links.push({ a: a[p.a]!.id, b: b[p.b]!.id, kind: 'same', score: round(p.score) });
    sameCountA.set(p.a, (sameCountA.get(p.a) ?? 0) + 1);
    sameCountB.set(p.b, (sameCountB.get(p.b) ?? 0) + 1);
  }
  const relatedA = new Set<number>();
  const relatedB = new Set<number>();
  const linkedSame = new Set(links.map((l) => `${l.a}-${l.b}`));
  for (const p of pairs) {
    if (linkedSame.has(`${a[p.a]!.id}-${b[p.b]!.id}`)) continue;
    if (sameCountA.has(p.a) && sameCountB.has(p.b)) continue;
    if (relatedA.has(p.a) || relatedB.has(p.b)) continue;
    links.push({ a: a[p.a]!.id, b: b[p.b]!.id, kind: 'related', score: round(p.score) });
    relatedA.add(p.a);
    relatedB.add(p.b);
  }
  // Outlets often give a claim twice, reported and then quoted ("Trump said talks will
  // continue early next week" … "We're going to meet again early next week"): a
  // sentence on the same point as one of them is on the same point as its echo.
  const linked = new Set(links.map((l) => `${l.a}-${l.b}`));
  for (const link of links.filter((l) => l.kind === 'related')) {
    for (const echo of echoesOf(scoring.vb, link.b)) {
      if (linked.has(`${link.a}-${echo}`)) continue;
      links.push({ a: link.a, b: echo, kind: 'related', score: link.score });
      linked.add(`${link.a}-${echo}`);
    }
    for (const echo of echoesOf(scoring.va, link.a)) {
      if (linked.has(`${echo}-${link.b}`)) continue;
      links.push({ a: echo, b: link.b, kind: 'related', score: link.score });
      linked.add(`${echo}-${link.b}`);
    }
  }
  return links.sort((x, y) => x.a - y.a || x.b - y.b);
}

// An echo is a nearby sentence of the same text that repeats a claim.
const ECHO_SPAN = 3;
const ECHO_SIMILARITY = 0.3;

function echoesOf(side: Vector[], k: number): number[] {
  const v = side[k]!;
  const echoes: number[] = [];
  for (let m = Math.max(0, k - ECHO_SPAN); m <= Math.min(side.length - 1, k + ECHO_SPAN); m++) {
    const w = side[m]!;
    if (m === k || v.norm === 0 || w.norm === 0) continue;
    const similarity = dot(v, w) / (v.norm * w.norm);
    if (similarity >= ECHO_SIMILARITY) echoes.push(m);
  }
  return echoes;
}

function dot(x: Vector, y: Vector): number {
  const weights = new Map<number, number>();
  for (let k = 0; k < x.ids.length; k++) weights.set(x.ids[k]!, x.weights[k]!);
  let sum = 0;
  for (let k = 0; k < y.ids.length; k++) sum += (weights.get(y.ids[k]!) ?? 0) * y.weights[k]!;
  return sum;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
