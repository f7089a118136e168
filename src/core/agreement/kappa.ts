import { chanceCorrected, noCodedText, tooFewCoders, type Coefficient } from './coefficient';
import type { UnitTable } from './units';

/**
 * Cohen's κ for exactly two coders, over the units both of them coded or saw
 * (a unit where either one is missing is left out):
 * κ = (pₒ − pₑ) / (1 − pₑ), pₑ = Σ_v p₁(v)·p₂(v) from each coder's own proportions.
 */
export function cohenKappa<V>(table: UnitTable<V>): Coefficient {
  if (table.coders.length < 2) return tooFewCoders(table.coders.length);
  if (table.coders.length > 2) {
    return {
      value: null,
      reason: `Cohen's κ compares exactly two coders; there are ${table.coders.length} (Krippendorff's α takes any number).`,
      units: 0,
    };
  }
  if (table.runs.length === 0) return noCodedText();
  let units = 0;
  let agreed = 0;
  const first = new Map<V, number>();
  const second = new Map<V, number>();
  for (const { values, count } of table.runs) {
    const [a, b] = values;
    if (a === undefined || b === undefined) continue;
    units += count;
    if (a === b) agreed += count;
    first.set(a, (first.get(a) ?? 0) + count);
    second.set(b, (second.get(b) ?? 0) + count);
  }
  if (units === 0) {
    return {
      value: null,
      reason: `Only one of ${table.coders.join(' and ')} worked on the coded text, so there is nothing to compare.`,
      units: 0,
    };
  }
  let expected = 0;
  for (const [value, n] of first) expected += (n / units) * ((second.get(value) ?? 0) / units);
  return chanceCorrected(agreed / units, expected, units, agreed === units);
}
