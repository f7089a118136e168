// Cross-outlet alignment: which sentences of outlet A and outlet B report the
// same fact, quote or claim (`same`), or the same point with a different claim
// (`related`). Offline and explainable: sentences are compared as weighted bags
// of stems, actors (names that stand for one another: "Cairo"/"Egypt",
// "Albusaidi"/"Al Busaidi"), numbers and word pairs, with weights from how rare
// each feature is across both texts (TF-IDF) and a boost for shared quoted words.
import { actorFor, MAX_ALIAS_WORDS, numberFor, STOPWORDS, synonymFor } from './lexicon';
import { stem } from './stem';
import type { Sentence, SentenceLink } from './types';

export interface AlignOptions {
  /** Score from which two sentences report the same claim. */
  sameThreshold?: number;
  /** Score from which two sentences are on the same point. */
  relatedThreshold?: number;
  /** How many sentences of the other side one sentence may link to as `same`. */
  maxSamePerSentence?: number;
}

// Set on the seed pair, the only gold alignment so far (see align.test.ts); revisit with more pairs.
const CANDIDATES_PER_SENTENCE = 6;

const DEFAULTS: Required<AlignOptions> = {
  sameThreshold: 0.2,
  relatedThreshold: 0.12,
  maxSamePerSentence: 2,
};

type Features = Map<string, number>;

/** Lower-case words with diacritics and abbreviation dots removed ("U.S." → "us"). */
function words(text: string): { word: string; capital: boolean }[] {
  const plain = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\b(\p{L})\.(?=\p{L}\.)/gu, '$1')
    .replace(/(\d),(?=\d{3}\b)/g, '$1');
  return [...plain.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)].map((m) => ({
    word: m[0].toLowerCase().replace(/['’]s$/, ''),
    capital: /^\p{Lu}/u.test(m[0]),
  }));
}

/** The quoted stretches of a sentence, for quote overlap. */
function quoted(text: string): string {
  return [...text.matchAll(/["“]([^"”]{3,})["”]/g)].map((m) => m[1]).join(' ');
}

function featuresOf(text: string): Features {
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
    const number = /^\d+$/.test(word) ? word : numberFor(word);
    if (number) {
      add(`#${number}`);
      content.push(`#${number}`);
      continue;
    }
    if (STOPWORDS.has(word) || word.length < 2) continue;
    const key = synonymFor(stem(word));
    add(key);
    content.push(key);
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

function toVectors(all: Features[]): Vector[] {
  const ids = new Map<string, number>();
  const df: number[] = [];
  for (const f of all) {
    for (const key of f.keys()) {
      let id = ids.get(key);
      if (id === undefined) {
        id = df.length;
        ids.set(key, id);
        df.push(0);
      }
      df[id]!++;
    }
  }
  const n = all.length;
  return all.map((f) => {
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
}

/**
 * Similarity (cosine of TF-IDF vectors) of every sentence of A with every
 * sentence of B, 0–1, row-major (a × b). Dot products are accumulated through an
 * inverted index of B, so only pairs that share a feature cost anything.
 */
export function similarityMatrix(a: Sentence[], b: Sentence[]): Float64Array {
  const vectors = toVectors([...a, ...b].map((s) => featuresOf(s.text)));
  const va = vectors.slice(0, a.length);
  const vb = vectors.slice(a.length);
  const postings = new Map<number, { sentence: number; weight: number }[]>();
  vb.forEach((v, j) => {
    for (let k = 0; k < v.ids.length; k++) {
      const id = v.ids[k]!;
      let list = postings.get(id);
      if (!list) postings.set(id, (list = []));
      list.push({ sentence: j, weight: v.weights[k]! });
    }
  });
  const scores = new Float64Array(a.length * b.length);
  va.forEach((v, i) => {
    const row = i * b.length;
    for (let k = 0; k < v.ids.length; k++) {
      const list = postings.get(v.ids[k]!);
      if (!list) continue;
      const w = v.weights[k]!;
      for (const p of list) scores[row + p.sentence]! += w * p.weight;
    }
    for (let j = 0; j < b.length; j++) {
      const norms = v.norm * vb[j]!.norm;
      scores[row + j] = norms === 0 ? 0 : scores[row + j]! / norms;
    }
  });
  return scores;
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
  const scores = similarityMatrix(a, b);
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
  return links.sort((x, y) => x.a - y.a || x.b - y.b);
}

const round = (n: number) => Math.round(n * 1000) / 1000;
