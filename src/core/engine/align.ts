// Cross-outlet alignment: which sentences of outlet A and outlet B report the
// same claim (`same`), the same point with a different claim (`contrast`), or
// perhaps the same claim, for the reader to check (`possible`).
//
// Precision first. Every pair of sentences gets a similarity (pairScores.ts)
// and a confidence: the probability, learned on the hand-labelled dev gold
// (resources/alignment/link-model.json, scripts/train-link-model.ts), that the
// two are on the same point. A pair is asserted only when it is confident and
// near-best for both sentences (so one sentence may link to the two halves of a
// claim split in two, but not to everything that shares a name); the less sure
// are asked about. An asserted pair is a contrast only when a slot differs
// (contrastSlots.ts) — never because the score is low.
import linkModelFile from '../../../resources/alignment/link-model.json';
import { readContrast, type SpeakerOf } from './contrastSlots';
import { evidenceFor, isContentEvidence } from './linkEvidence';
import { bestCells, scoreSentencePairs, type Scoring } from './pairScores';
import type { Features } from './sentenceFeatures';
import type {
  ContrastSlot,
  LinkContrast,
  LinkEvidence,
  LinkKind,
  Sentence,
  SentenceLink,
} from './types';
import type { WordVectors } from './wordVectors';

/** The learned part of the aligner: logistic weights over `pairFeatures`, and the decision thresholds. */
export interface LinkModel {
  weights: number[];
  /** Confidence from which a near-best pair is asserted (`same` or `contrast`). */
  assertFrom: number;
  /** Confidence from which a pair is asked about (`possible`). */
  possibleFrom: number;
  /** Share of each sentence's best score a pair must reach to be asserted. */
  nearBest: number;
  /** Ask only about pairs that are one sentence's best match. */
  possibleOnlyBest: boolean;
}

export const DEFAULT_LINK_MODEL: LinkModel = linkModelFile;

export interface AlignOptions {
  /** Word vectors, so paraphrases ("determined" / "decide") count as partly shared words. */
  vectors?: WordVectors;
  /** Who speaks in each sentence (from the voices), so a claim from two speakers is a contrast. */
  speakers?: { a: SpeakerOf; b: SpeakerOf };
  model?: LinkModel;
}

/** One candidate pair with what the model reads of it. */
export interface PairCandidate {
  /** Indexes into the two sentence lists. */
  i: number;
  j: number;
  score: number;
  features: number[];
}

// Only a sentence's few best candidates can become links; keeping just those
// keeps long texts fast (a 1,000 × 1,000 matrix has a million pairs).
const CANDIDATES_PER_SENTENCE = 4;
// Below this similarity two sentences share too little to ask a reader about.
const CANDIDATE_FLOOR = 0.05;

/** The names of a candidate's features, in order (the model file's weights follow them). */
export const PAIR_FEATURES = [
  'bias',
  'score',
  'content',
  'nameNumberShare',
  'ratioToBestMin',
  'ratioToBestMax',
  'mutualBest',
  'rankInverseA',
  'rankInverseB',
  'sharedContentWords',
  'sharedQuoteWords',
  'positionGap',
  'lengthRatio',
  'wordAlignment',
] as const;

/** Shared feature keys of two sentences, by what they are. */
function sharedCounts(x: Features, y: Features): { content: number; quotes: number } {
  let content = 0;
  let quotes = 0;
  for (const [key, f] of x) {
    const g = y.get(key);
    if (!g) continue;
    if (f.kind === 'quote') quotes++;
    else if (f.kind === 'word' && g.kind === 'word') content++;
  }
  return { content, quotes };
}

/** Each sentence's best candidates, with the model's features. */
export function pairCandidates(scoring: Scoring): PairCandidate[] {
  const { soft } = scoring;
  const { scores, content } = scoring;
  const height = scoring.va.length;
  const width = scoring.vb.length;
  const bestOfA = new Float64Array(height);
  const bestOfB = new Float64Array(width);
  for (let i = 0; i < height; i++)
    for (let j = 0; j < width; j++) {
      const s = scores[i * width + j]!;
      if (s > bestOfA[i]!) bestOfA[i] = s;
      if (s > bestOfB[j]!) bestOfB[j] = s;
    }
  const cells = new Set<number>();
  /** Rank of a cell among its row's (A) and its column's (B) candidates, 0 = best. */
  const rankA = new Map<number, number>();
  const rankB = new Map<number, number>();
  const top = (cellAt: (k: number) => number, length: number, ranks: Map<number, number>) => {
    bestCells(scores, length, cellAt, CANDIDATES_PER_SENTENCE).forEach((cell, rank) => {
      if (scores[cell]! < CANDIDATE_FLOOR) return;
      cells.add(cell);
      ranks.set(cell, rank);
    });
  };
  for (let i = 0; i < height; i++) top((j) => i * width + j, width, rankA);
  for (let j = 0; j < width; j++) top((i) => i * width + j, height, rankB);
  return [...cells]
    .sort((x, y) => x - y)
    .map((cell) => {
      const i = Math.floor(cell / width);
      const j = cell % width;
      const score = scores[cell]!;
      const ra = score / bestOfA[i]!;
      const rb = score / bestOfB[j]!;
      const fa = scoring.features.a[i]!;
      const fb = scoring.features.b[j]!;
      const shared = sharedCounts(fa, fb);
      const la = scoring.va[i]!.ids.length;
      const lb = scoring.vb[j]!.ids.length;
      const features = [
        1,
        score,
        content[cell]!,
        score === 0 ? 0 : 1 - Math.min(1, content[cell]! / score),
        Math.min(ra, rb),
        Math.max(ra, rb),
        ra === 1 && rb === 1 ? 1 : 0,
        1 / (1 + (rankA.get(cell) ?? CANDIDATES_PER_SENTENCE)),
        1 / (1 + (rankB.get(cell) ?? CANDIDATES_PER_SENTENCE)),
        Math.log1p(shared.content),
        Math.log1p(shared.quotes),
        Math.abs(i / Math.max(1, height - 1) - j / Math.max(1, width - 1)),
        Math.min(la, lb) / Math.max(1, la, lb),
        soft ? soft.wordAlignment(i, j) : 0,
      ];
      return { i, j, score, features };
    });
}

/** The model's probability that a candidate pair is on the same point. */
export function confidenceOf(candidate: PairCandidate, model: LinkModel): number {
  let z = 0;
  for (let k = 0; k < candidate.features.length; k++)
    z += (model.weights[k] ?? 0) * candidate.features[k]!;
  return 1 / (1 + Math.exp(-z));
}

/** What `kindOf` reads of a pair besides its confidence. */
export interface PairReading {
  /** A slot differs. */
  slot: ContrastSlot | null;
  /** …and it is a concrete one (see `readContrast`). */
  concrete: boolean;
  /** The pair shares more than names and numbers. */
  sharesContent: boolean;
}

const feature = (candidate: PairCandidate, name: (typeof PAIR_FEATURES)[number]) =>
  candidate.features[PAIR_FEATURES.indexOf(name)]!;

/**
 * What a candidate pair becomes: asserted when confident and near-best for both
 * sentences (a contrast if a slot differs); otherwise a question when it is
 * likely enough, or when it is one sentence's best match and the two give
 * different times ahead. Nothing when the two share only names and numbers.
 */
export function kindOf(
  candidate: PairCandidate,
  confidence: number,
  read: PairReading,
  model: LinkModel,
): LinkKind | null {
  if (!read.sharesContent) return null;
  const bestForOne = feature(candidate, 'ratioToBestMax') >= 1;
  if (confidence >= model.assertFrom && feature(candidate, 'ratioToBestMin') >= model.nearBest)
    return read.slot ? 'contrast' : 'same';
  // Two different times ahead for what both speak of are worth a question however
  // little else the two share: the engine is unsure they are one point, so it asks.
  if (read.concrete && bestForOne) return 'possible';
  if (confidence >= model.possibleFrom && (bestForOne || !model.possibleOnlyBest))
    return 'possible';
  return null;
}

/** What two texts' pairs are read with: their scoring and who speaks where. */
export interface PairReader {
  a: Sentence[];
  b: Sentence[];
  scoring: Scoring;
  speakers: { a: SpeakerOf; b: SpeakerOf } | undefined;
}

/** A candidate pair's evidence and the slot that differs, if any: what `kindOf` reads besides the confidence. */
export function readPair(
  { a, b, scoring, speakers }: PairReader,
  { i, j }: PairCandidate,
): { evidence: LinkEvidence[]; contrast: LinkContrast | undefined; reading: PairReading } {
  const evidence = evidenceFor(
    a[i]!,
    b[j]!,
    scoring.features.a[i]!,
    scoring.features.b[j]!,
    scoring.paraphrases.get(i * b.length + j) ?? [],
    scoring.keys,
  );
  const slots = readContrast(a[i]!, b[j]!, evidence, speakers);
  return {
    evidence,
    contrast: slots?.contrast,
    reading: {
      slot: slots?.contrast.slot ?? null,
      concrete: slots?.concrete ?? false,
      sharesContent: evidence.some(isContentEvidence),
    },
  };
}

/**
 * Links between the two outlets' sentences, in any order and many-to-many,
 * each with its kind, confidence and evidence. Everything unlinked is what
 * only one outlet says.
 */
export function alignSentences(
  a: Sentence[],
  b: Sentence[],
  options: AlignOptions = {},
): SentenceLink[] {
  const model = options.model ?? DEFAULT_LINK_MODEL;
  const scoring = scoreSentencePairs(a, b, options.vectors);
  const read: PairReader = { a, b, scoring, speakers: options.speakers };
  const links: SentenceLink[] = [];
  for (const candidate of pairCandidates(scoring)) {
    const confidence = confidenceOf(candidate, model);
    // Reading evidence costs: skip a pair that no reading could make a link.
    const asserted =
      confidence >= model.assertFrom && feature(candidate, 'ratioToBestMin') >= model.nearBest;
    const bestForOne = feature(candidate, 'ratioToBestMax') >= 1;
    if (!asserted && !(bestForOne || (!model.possibleOnlyBest && confidence >= model.possibleFrom)))
      continue;
    const { evidence, contrast, reading } = readPair(read, candidate);
    const kind = kindOf(candidate, confidence, reading, model);
    if (!kind) continue;
    links.push({
      a: a[candidate.i]!.id,
      b: b[candidate.j]!.id,
      kind,
      score: round(Math.min(1, candidate.score)),
      confidence: round(confidence),
      evidence,
      // On a question, what would differ if the reader confirms it is one point.
      ...(contrast ? { contrast } : {}),
    });
  }
  return links.sort((x, y) => x.a - y.a || x.b - y.b);
}

const round = (n: number) => Math.round(n * 1000) / 1000;
