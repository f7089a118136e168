// How an alignment measures up against a gold pair, as counts (ratios are
// derived, so pooled figures add counts and never average ratios).
import type { SentenceLink } from '../types';
import { pairKey, type GoldPair } from './goldAlignment';

/** A ratio's parts: `hits` of `of`. */
export interface Count {
  hits: number;
  of: number;
}

export interface AlignmentScores {
  /** Shown links (`same` + `contrast`) that gold pairs as strong or weak. */
  linkPrecision: Count;
  /** `same` links that gold calls strong. */
  samePrecision: Count;
  /** Gold strong pairs found among shown links. */
  strongRecallShown: Count;
  /** Gold strong pairs found among shown and `possible` links. */
  strongRecallWithPossible: Count;
  /** `possible` links that gold pairs as strong or weak. */
  possiblePrecision: Count;
  /** `contrast` links that gold calls weak. */
  contrastPrecision: Count;
  /** Gold weak pairs found as `contrast`. */
  contrastRecall: Count;
  /** Sentences left with no link at all that gold says have no counterpart. */
  omissionPrecision: Count;
  /** Gold's unmatched sentences that are left with no link at all. */
  omissionRecall: Count;
}

export const SCORE_NAMES = [
  'linkPrecision',
  'samePrecision',
  'strongRecallShown',
  'strongRecallWithPossible',
  'possiblePrecision',
  'contrastPrecision',
  'contrastRecall',
  'omissionPrecision',
  'omissionRecall',
] as const satisfies readonly (keyof AlignmentScores)[];

const count = (hits: number, of: number): Count => ({ hits, of });

export function scoreAlignment(gold: GoldPair, links: readonly SentenceLink[]): AlignmentScores {
  const labelled = links.filter((l) => gold.labelledA.has(l.a) && gold.labelledB.has(l.b));
  const keyOf = (l: SentenceLink) => pairKey(l.a, l.b);
  const paired = (l: SentenceLink) => gold.strong.has(keyOf(l)) || gold.weak.has(keyOf(l));
  const shown = labelled.filter((l) => l.kind !== 'possible');
  const same = labelled.filter((l) => l.kind === 'same');
  const possible = labelled.filter((l) => l.kind === 'possible');
  const contrast = labelled.filter((l) => l.kind === 'contrast');
  const shownKeys = new Set(shown.map(keyOf));
  const anyKeys = new Set(labelled.map(keyOf));
  const strong = [...gold.strong];

  const linkedA = new Set(links.map((l) => l.a));
  const linkedB = new Set(links.map((l) => l.b));
  const goldLinkedA = new Set([...gold.strong, ...gold.weak].map((k) => Number(k.split('-')[0])));
  const goldLinkedB = new Set([...gold.strong, ...gold.weak].map((k) => Number(k.split('-')[1])));
  const goldOmissions = [
    ...[...gold.onlyA].filter((id) => !goldLinkedA.has(id)).map((id) => `a${id}`),
    ...[...gold.onlyB].filter((id) => !goldLinkedB.has(id)).map((id) => `b${id}`),
  ];
  const predictedOmissions = [
    ...[...gold.labelledA].filter((id) => !linkedA.has(id)).map((id) => `a${id}`),
    ...[...gold.labelledB].filter((id) => !linkedB.has(id)).map((id) => `b${id}`),
  ];
  const isGoldOmission = new Set(goldOmissions);
  const isPredictedOmission = new Set(predictedOmissions);

  return {
    linkPrecision: count(shown.filter(paired).length, shown.length),
    samePrecision: count(same.filter((l) => gold.strong.has(keyOf(l))).length, same.length),
    strongRecallShown: count(strong.filter((k) => shownKeys.has(k)).length, strong.length),
    strongRecallWithPossible: count(strong.filter((k) => anyKeys.has(k)).length, strong.length),
    possiblePrecision: count(possible.filter(paired).length, possible.length),
    contrastPrecision: count(
      contrast.filter((l) => gold.weak.has(keyOf(l))).length,
      contrast.length,
    ),
    contrastRecall: count(contrast.filter((l) => gold.weak.has(keyOf(l))).length, gold.weak.size),
    omissionPrecision: count(
      predictedOmissions.filter((s) => isGoldOmission.has(s)).length,
      predictedOmissions.length,
    ),
    omissionRecall: count(
      goldOmissions.filter((s) => isPredictedOmission.has(s)).length,
      goldOmissions.length,
    ),
  };
}

/** Scores added up over several pairs. */
export function poolScores(all: readonly AlignmentScores[]): AlignmentScores {
  const pooled = Object.fromEntries(
    SCORE_NAMES.map((n) => [n, count(0, 0)]),
  ) as unknown as AlignmentScores;
  for (const scores of all)
    for (const name of SCORE_NAMES) {
      pooled[name].hits += scores[name].hits;
      pooled[name].of += scores[name].of;
    }
  return pooled;
}

export const ratio = ({ hits, of }: Count) => (of === 0 ? 1 : hits / of);
