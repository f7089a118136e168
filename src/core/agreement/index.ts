// Agreement between coders over coded text: Cohen's κ (two coders) and
// Krippendorff's α (any number, missing values allowed), overall and per code.
import { krippendorffAlpha } from './alpha';
import type { Coefficient } from './coefficient';
import { cohenKappa } from './kappa';
import {
  codesUsed,
  codeUnits,
  joinTables,
  overallUnits,
  type CodedText,
  type UnitTable,
} from './units';

export type { Coefficient } from './coefficient';
export { coincidenceMatrix, krippendorffAlpha } from './alpha';
export { cohenKappa } from './kappa';
export { codedText, coderOf, isCoded, UNNAMED_CODER } from './codedText';
export {
  codeUnits,
  overallUnits,
  type CodedSpan,
  type CodedText,
  type UnitRun,
  type UnitTable,
} from './units';

/** κ and α over one set of units, and how many characters were coded (by anyone). */
export interface AgreementMeasures {
  units: number;
  kappa: Coefficient;
  alpha: Coefficient;
}

export interface AgreementSummary {
  coders: string[];
  /** Nominal: which code each coder gave each coded character, or none. */
  overall: AgreementMeasures;
  /** Binary per code: gave this code or not, over the characters anyone gave it. */
  codes: (AgreementMeasures & { code: string })[];
}

/**
 * Agreement of these coders over these texts taken together (one text, or every
 * version of a study); codes in the order they were first used.
 */
export function measureAgreement(
  coders: readonly string[],
  texts: readonly CodedText[],
): AgreementSummary {
  const overall = joinTables(
    coders,
    texts.map((text) => overallUnits(coders, text)),
  );
  return {
    coders: [...coders],
    overall: measure(overall),
    codes: codesUsed(texts).map((code) => ({
      code,
      ...measure(
        joinTables(
          coders,
          texts.map((text) => codeUnits(coders, text, code)),
        ),
      ),
    })),
  };
}

function measure<V>(table: UnitTable<V>): AgreementMeasures {
  return {
    units: table.runs.reduce((sum, run) => sum + run.count, 0),
    kappa: cohenKappa(table),
    alpha: krippendorffAlpha(table),
  };
}
