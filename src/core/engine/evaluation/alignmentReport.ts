// Everything `npm run eval:align` and the baseline test report, computed once.
import { PAIR_FEATURES, type LinkModel } from '../align';
import type { WordVectors } from '../wordVectors';
import type { GoldPair } from './goldAlignment';
import {
  evaluateModel,
  leaveOneTripletOut,
  preparePair,
  type Evaluation,
} from './evaluateAlignment';

export interface AlignmentEvaluation {
  /** The shipped model on every pair (it was trained on them: optimistic). */
  shipped: Evaluation;
  /** Each event's pairs with a model trained and tuned on the other events. */
  leaveOneOut: ReturnType<typeof leaveOneTripletOut>;
  /** The same, with the similarity score as the only feature: the simple rule to beat. */
  scoreOnly: ReturnType<typeof leaveOneTripletOut>;
}

export function runAlignmentEvaluation(
  golds: readonly GoldPair[],
  shippedModel: LinkModel,
  vectors: WordVectors,
): AlignmentEvaluation {
  const prepared = golds.map((gold) => preparePair(gold, vectors));
  const scoreOnlyMask = PAIR_FEATURES.map((name) => name === 'bias' || name === 'score');
  return {
    shipped: evaluateModel(golds, shippedModel, vectors),
    leaveOneOut: leaveOneTripletOut(prepared),
    scoreOnly: leaveOneTripletOut(prepared, scoreOnlyMask),
  };
}
