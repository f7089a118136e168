import { chanceCorrected, noCodedText, tooFewCoders, type Coefficient } from './coefficient';
import type { UnitTable } from './units';

/**
 * The coincidence matrix of Krippendorff's α: o[c][k] counts, over units with at
 * least two values, the ordered pairs of values (c, k) from different coders, each
 * unit's pairs weighted 1 / (mᵤ − 1) where mᵤ is how many coders gave it a value.
 * Missing values and units only one coder valued add nothing.
 */
export function coincidenceMatrix<V>(table: UnitTable<V>): Map<V, Map<V, number>> {
  const matrix = new Map<V, Map<V, number>>();
  for (const { values, count } of table.runs) {
    const given = values.filter((v): v is V => v !== undefined);
    if (given.length < 2) continue;
    const weight = count / (given.length - 1);
    given.forEach((c, i) => {
      given.forEach((k, j) => {
        if (i === j) return;
        const row = matrix.get(c) ?? new Map<V, number>();
        row.set(k, (row.get(k) ?? 0) + weight);
        matrix.set(c, row);
      });
    });
  }
  return matrix;
}

/**
 * Krippendorff's α for nominal values, any number of coders, missing values allowed:
 * α = (Aₒ − Aₑ) / (1 − Aₑ) with Aₒ = Σ_c o_cc / n and Aₑ = Σ_c n_c(n_c − 1) / (n(n − 1)),
 * where n_c is row c's total of the coincidence matrix and n the sum of all of them
 * (the same as α = 1 − Dₒ/Dₑ).
 */
export function krippendorffAlpha<V>(table: UnitTable<V>): Coefficient {
  if (table.coders.length < 2) return tooFewCoders(table.coders.length);
  if (table.runs.length === 0) return noCodedText();
  const matrix = coincidenceMatrix(table);
  let n = 0;
  let agreeing = 0;
  let chancePairs = 0;
  for (const [c, row] of matrix) {
    let nc = 0;
    for (const o of row.values()) nc += o;
    n += nc;
    agreeing += row.get(c) ?? 0;
    chancePairs += nc * (nc - 1);
  }
  const units = table.runs.reduce(
    (sum, { values, count }) =>
      sum + (values.filter((v) => v !== undefined).length >= 2 ? count : 0),
    0,
  );
  if (units === 0) {
    return {
      value: null,
      reason: 'No coded character was seen by two coders, so there is nothing to compare.',
      units: 0,
    };
  }
  const perfect = table.runs.every(({ values }) => {
    const given = values.filter((v) => v !== undefined);
    return given.length < 2 || given.every((v) => v === given[0]);
  });
  return chanceCorrected(agreeing / n, chancePairs / (n * (n - 1)), units, perfect);
}
