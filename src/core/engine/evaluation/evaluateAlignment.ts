// The aligner measured on hand-labelled gold pairs, honestly: the link model is
// trained and its thresholds are tuned on the other events' pairs, and scored on
// the held-out event's (leave one triplet out: the three pairs of an event share
// their texts, so leaving out one pair would still tune on its sentences).
import {
  alignSentences,
  confidenceOf,
  kindOf,
  pairCandidates,
  readPair,
  type PairReader,
  type PairReading,
  PAIR_FEATURES,
  type LinkModel,
  type PairCandidate,
} from '../align';
import { scoreSentencePairs } from '../pairScores';
import type { SentenceLink } from '../types';
import { findQuotes, speakersBySentence } from '../voices';
import type { WordVectors } from '../wordVectors';
import { pairKey, type GoldPair } from './goldAlignment';
import { poolScores, ratio, scoreAlignment, type AlignmentScores } from './alignmentScores';

/** A gold pair's candidate pairs, read once: what tuning chooses among. */
interface PreparedPair {
  gold: GoldPair;
  candidates: PairCandidate[];
  /** Per candidate: gold calls it strong or weak (1) or not (0); null when a sentence is unlabelled. */
  labels: (0 | 1 | null)[];
  /** Per candidate: what `kindOf` reads besides the confidence. */
  reads: PairReading[];
}

export function preparePair(gold: GoldPair, vectors?: WordVectors): PreparedPair {
  const scoring = scoreSentencePairs(gold.a, gold.b, vectors);
  const candidates = pairCandidates(scoring);
  const read: PairReader = {
    a: gold.a,
    b: gold.b,
    scoring,
    speakers: {
      a: speakersBySentence(findQuotes(gold.a, gold.aBody)),
      b: speakersBySentence(findQuotes(gold.b, gold.bBody)),
    },
  };
  return {
    gold,
    candidates,
    labels: candidates.map(({ i, j }) => {
      if (!gold.labelledA.has(i) || !gold.labelledB.has(j)) return null;
      const key = pairKey(i, j);
      return gold.strong.has(key) || gold.weak.has(key) ? 1 : 0;
    }),
    reads: candidates.map((candidate) => readPair(read, candidate).reading),
  };
}

/** The links a model makes on a prepared pair (what `alignSentences` makes, minus evidence). */
function linksOf(pair: PreparedPair, model: LinkModel): SentenceLink[] {
  const links: SentenceLink[] = [];
  pair.candidates.forEach((candidate, k) => {
    const confidence = confidenceOf(candidate, model);
    const kind = kindOf(candidate, confidence, pair.reads[k]!, model);
    if (kind)
      links.push({
        a: candidate.i,
        b: candidate.j,
        kind,
        score: candidate.score,
        confidence,
        evidence: [],
      });
  });
  return links;
}

/** Logistic regression (L2, gradient descent on standardized features) of "gold pairs them". */
export function trainWeights(pairs: readonly PreparedPair[], featureMask?: boolean[]): number[] {
  const rows: { x: number[]; y: number }[] = [];
  for (const pair of pairs)
    pair.candidates.forEach((c, k) => {
      const y = pair.labels[k];
      if (y === null || y === undefined) return;
      rows.push({ x: c.features.map((v, f) => (featureMask && !featureMask[f] ? 0 : v)), y });
    });
  const n = PAIR_FEATURES.length;
  const mean = new Array<number>(n).fill(0);
  const sd = new Array<number>(n).fill(0);
  for (const { x } of rows) for (let f = 1; f < n; f++) mean[f]! += x[f]! / rows.length;
  for (const { x } of rows)
    for (let f = 1; f < n; f++) sd[f]! += (x[f]! - mean[f]!) ** 2 / rows.length;
  for (let f = 1; f < n; f++) sd[f] = Math.sqrt(sd[f]!) || 1;
  const z = rows.map(({ x, y }) => ({
    x: x.map((v, f) => (f === 0 ? 1 : (v - mean[f]!) / sd[f]!)),
    y,
  }));
  const w = new Array<number>(n).fill(0);
  const l2 = 1e-2;
  for (let step = 0; step < 1500; step++) {
    const grad = new Array<number>(n).fill(0);
    for (const { x, y } of z) {
      let s = 0;
      for (let f = 0; f < n; f++) s += w[f]! * x[f]!;
      const p = 1 / (1 + Math.exp(-s));
      for (let f = 0; f < n; f++) grad[f]! += (p - y) * x[f]!;
    }
    for (let f = 0; f < n; f++) w[f]! -= 0.5 * (grad[f]! / z.length + (f === 0 ? 0 : l2 * w[f]!));
  }
  // Back to the raw features' scale, which is what the aligner multiplies.
  const raw = w.map((v, f) => (f === 0 ? v : v / sd[f]!));
  for (let f = 1; f < n; f++) raw[0]! -= (w[f]! * mean[f]!) / sd[f]!;
  return raw.map((v) => Math.round(v * 1e4) / 1e4);
}

const fBeta = (p: number, r: number, beta: number) =>
  p + r === 0 ? 0 : ((1 + beta * beta) * p * r) / (beta * beta * p + r);

/** Thresholds that serve a reader best on these pairs: precision first for what is asserted. */
export function tuneThresholds(pairs: readonly PreparedPair[], weights: number[]): LinkModel {
  const score = (model: LinkModel) =>
    poolScores(pairs.map((p) => scoreAlignment(p.gold, linksOf(p, model))));
  const best = <T>(options: T[], value: (option: T) => number): T => {
    let chosen = 0;
    let top = -Infinity;
    options.forEach((option, k) => {
      const v = value(option);
      if (v > top + 1e-9) [chosen, top] = [k, v];
    });
    return options[chosen]!;
  };
  const steps = (from: number, to: number, by: number) =>
    Array.from({ length: Math.round((to - from) / by) + 1 }, (_, k) => round2(from + k * by));
  const off = { weights, possibleFrom: 1, possibleOnlyBest: true };
  // What is asserted: the most same-claim pairs found while shown links stay at the
  // target precision; where no setting reaches it, the most precise.
  const model = best(
    steps(0.3, 0.95, 0.025).flatMap((assertFrom) =>
      [0.5, 0.6, 0.7, 0.8, 0.9, 1].map((nearBest) => ({ ...off, assertFrom, nearBest })),
    ),
    (m) => {
      const s = score(m);
      const precision = ratio(s.linkPrecision);
      if (s.linkPrecision.of === 0) return -2;
      return precision >= PRECISION_TARGET ? ratio(s.strongRecallShown) : precision - 1;
    },
  );
  // Questions (only about a sentence's best match, so a reader is asked once, not six
  // times): as many strong pairs found as possible without hiding true omissions.
  return best(
    steps(0.05, model.assertFrom, 0.025).map((possibleFrom) => ({ ...model, possibleFrom })),
    (m) => {
      const s = score(m);
      return fBeta(ratio(s.omissionRecall), ratio(s.strongRecallWithPossible), 1);
    },
  );
}

/** What a shown link must be: right nine times in ten (issue 12's target). */
const PRECISION_TARGET = 0.9;

const round2 = (n: number) => Math.round(n * 1000) / 1000;

/** Train and tune on all pairs: the model Parallax ships. */
export function fitLinkModel(pairs: readonly PreparedPair[], featureMask?: boolean[]): LinkModel {
  return tuneThresholds(pairs, trainWeights(pairs, featureMask));
}

export interface Evaluation {
  perPair: { name: string; scores: AlignmentScores }[];
  pooled: AlignmentScores;
}

/** Each triplet's pairs scored with a model trained and tuned on the other triplets. */
export function leaveOneTripletOut(
  pairs: readonly PreparedPair[],
  featureMask?: boolean[],
): Evaluation & { models: Record<string, LinkModel> } {
  const triplets = [...new Set(pairs.map((p) => p.gold.triplet))];
  const perPair: Evaluation['perPair'] = [];
  const models: Record<string, LinkModel> = {};
  for (const triplet of triplets) {
    const model = fitLinkModel(
      pairs.filter((p) => p.gold.triplet !== triplet),
      featureMask,
    );
    models[triplet] = model;
    for (const p of pairs.filter((q) => q.gold.triplet === triplet))
      perPair.push({ name: p.gold.name, scores: scoreAlignment(p.gold, linksOf(p, model)) });
  }
  perPair.sort((x, y) => x.name.localeCompare(y.name));
  return { perPair, pooled: poolScores(perPair.map((p) => p.scores)), models };
}

/** The aligner as shipped (`alignSentences` with this model), scored on every pair. */
export function evaluateModel(
  golds: readonly GoldPair[],
  model: LinkModel,
  vectors?: WordVectors,
): Evaluation {
  const perPair = golds.map((gold) => {
    const speakers = {
      a: speakersBySentence(findQuotes(gold.a, gold.aBody)),
      b: speakersBySentence(findQuotes(gold.b, gold.bBody)),
    };
    const links = alignSentences(gold.a, gold.b, { vectors, model, speakers });
    return { name: gold.name, scores: scoreAlignment(gold, links) };
  });
  return { perPair, pooled: poolScores(perPair.map((p) => p.scores)) };
}
