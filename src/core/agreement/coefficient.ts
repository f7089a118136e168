/**
 * A chance-corrected agreement coefficient, (observed − expected) / (1 − expected),
 * with the agreement proportions it came from and the number of units (characters)
 * it compared; or no value and the reason there is none.
 */
export type Coefficient =
  | { value: number; observed: number; expected: number; units: number }
  | { value: null; reason: string; units: number };

/**
 * Coders who never disagree agree perfectly: 1, even where they used a single value
 * and chance agreement leaves the formula at 0/0.
 */
export function chanceCorrected(
  observed: number,
  expected: number,
  units: number,
  perfect: boolean,
): Coefficient {
  const value = perfect ? 1 : (observed - expected) / (1 - expected);
  return { value, observed, expected, units };
}

export const noCodedText = (): Coefficient => ({
  value: null,
  reason: 'No text was coded here, so there is nothing to agree on.',
  units: 0,
});

export const tooFewCoders = (coders: number): Coefficient => ({
  value: null,
  reason: `Agreement needs at least two coders; there ${coders === 1 ? 'is one' : `are ${coders}`}.`,
  units: 0,
});
