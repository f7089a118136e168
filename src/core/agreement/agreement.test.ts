import { describe, expect, it } from 'vitest';
import {
  codeUnits,
  coincidenceMatrix,
  cohenKappa,
  krippendorffAlpha,
  measureAgreement,
  overallUnits,
  type CodedSpan,
  type CodedText,
  type Coefficient,
} from './index';

const span = (coder: string, code: string, start: number, end: number): CodedSpan => ({
  coder,
  code,
  start,
  end,
});

const valueOf = (c: Coefficient): number | null => c.value;

/*
 * Worked example 1: coders A and B, one text, codes L (label) and S (source).
 *   A: L [0,10)   S [10,20)            S [40,45)
 *   B: L [0,5)    S [5,20)   L [30,35)
 * Coded characters (units): [0,20) ∪ [30,35) ∪ [40,45) = 30; the rest of the text is not a unit.
 *   (A,B) = (L,L)×5, (L,S)×5, (S,S)×10, (none,L)×5, (S,none)×5
 *
 * Overall κ: pₒ = (5+10)/30 = 1/2. Marginals A: L 10, S 15, none 5; B: L 10, S 15, none 5.
 *   pₑ = (10·10 + 15·15 + 5·5)/30² = 350/900 = 7/18.  κ = (1/2 − 7/18)/(1 − 7/18) = 2/11.
 * Overall α: two values per unit, so each unit adds 1 to o[a][b] and 1 to o[b][a]:
 *          L    S   none | n_c
 *   L     10    5    5   |  20
 *   S      5   20    5   |  30
 *   none   5    5    0   |  10          n = 60
 *   Aₒ = (10+20)/60 = 1/2.  Aₑ = (20·19 + 30·29 + 10·9)/(60·59) = 1340/3540 = 67/177.
 *   α = (1/2 − 67/177)/(1 − 67/177) = (43/354)/(110/177) = 43/220.
 *
 * Code L, binary over [0,10) ∪ [30,35) = 15 units: (T,T)×5, (T,F)×5, (F,T)×5.
 *   κ: pₒ = 5/15 = 1/3; A: T 10, F 5; B: T 10, F 5; pₑ = (100+25)/225 = 5/9; κ = (1/3 − 5/9)/(4/9) = −1/2.
 *   α: o_TT = 10, o_TF = o_FT = 10; n_T = 20, n_F = 10, n = 30.
 *      Aₒ = 10/30 = 1/3; Aₑ = (20·19 + 10·9)/(30·29) = 470/870 = 47/87; α = (−18/87)/(40/87) = −9/20.
 * Code S, binary over [5,20) ∪ [40,45) = 20 units: (F,T)×5, (T,T)×10, (T,F)×5.
 *   κ: pₒ = 10/20 = 1/2; A: T 15, F 5; B: T 15, F 5; pₑ = (225+25)/400 = 5/8; κ = (−1/8)/(3/8) = −1/3.
 *   α: o_TT = 20, o_TF = o_FT = 10; n_T = 30, n_F = 10, n = 40.
 *      Aₒ = 1/2; Aₑ = (30·29 + 10·9)/(40·39) = 960/1560 = 8/13; α = (−3/26)/(5/13) = −3/10.
 */
const twoCoders: CodedText = {
  present: ['A', 'B'],
  spans: [
    span('A', 'L', 0, 10),
    span('A', 'S', 10, 20),
    span('A', 'S', 40, 45),
    span('B', 'L', 0, 5),
    span('B', 'S', 5, 20),
    span('B', 'L', 30, 35),
  ],
};

/*
 * Worked example 2: coders A, B, C over two texts; C never worked on the second
 * text, so C is missing there (not "none").
 *   Text 1 (A, B, C): A x [0,4), y [4,6); B x [0,4), y [4,6); C y [0,6).
 *   Text 2 (A, B):    A x [0,3); B coded elsewhere only.
 * Units: (x,x,y)×4, (y,y,y)×2, (x,none,missing)×3.
 * Coincidences: (x,x,y) has m = 3, six ordered pairs weighted 1/2 each: o_xx += 1, o_xy += 1, o_yx += 1
 *   per character; (y,y,y): o_yy += 3 per character; (x,none): o_x,none += 1, o_none,x += 1.
 *          x    y   none | n_c
 *   x      4    4    3   |  11
 *   y      4    6    0   |  10
 *   none   3    0    0   |   3          n = 24 (= 4·3 + 2·3 + 3·2 values)
 *   Aₒ = (4+6)/24 = 5/12.  Aₑ = (11·10 + 10·9 + 3·2)/(24·23) = 206/552 = 103/276.
 *   α = (115/276 − 103/276)/(173/276) = 12/173.
 * Code x, binary: (T,T,F)×4, (T,F,missing)×3 → o_TT = 4, o_TF = o_FT = 4 + 3 = 7, o_FF = 0;
 *   n_T = 11, n_F = 7, n = 18; Aₒ = 4/18 = 2/9; Aₑ = (11·10 + 7·6)/(18·17) = 152/306 = 76/153;
 *   α = (34/153 − 76/153)/(77/153) = −42/77 = −6/11.
 */
const threeCoders: CodedText[] = [
  {
    present: ['A', 'B', 'C'],
    spans: [
      span('A', 'x', 0, 4),
      span('A', 'y', 4, 6),
      span('B', 'x', 0, 4),
      span('B', 'y', 4, 6),
      span('C', 'y', 0, 6),
    ],
  },
  { present: ['A', 'B'], spans: [span('A', 'x', 0, 3)] },
];

describe('agreement units', () => {
  it('counts only coded characters, with each coder’s code, none, or missing', () => {
    const { runs } = overallUnits(['A', 'B', 'C'], {
      present: ['A', 'B'],
      spans: [span('A', 'x', 2, 5), span('B', 'y', 4, 8)],
    });
    expect(runs).toEqual([
      { values: ['x', null, undefined], count: 2 },
      { values: ['x', 'y', undefined], count: 1 },
      { values: [null, 'y', undefined], count: 3 },
    ]);
  });

  it('gives a character a coder coded twice the code of their later span', () => {
    const overlapping: CodedText = {
      present: ['A', 'B'],
      spans: [span('A', 'x', 0, 10), span('A', 'y', 5, 10), span('B', 'x', 0, 10)],
    };
    expect(overallUnits(['A', 'B'], overlapping).runs).toEqual([
      { values: ['x', 'x'], count: 5 },
      { values: ['y', 'x'], count: 5 },
    ]);
    // Per code, overlaps need no rule: A gave x to all ten characters.
    expect(codeUnits(['A', 'B'], overlapping, 'x').runs).toEqual([
      { values: [true, true], count: 10 },
    ]);
  });

  it('refuses a span by someone who is not a coder, or one that runs backwards', () => {
    expect(() => overallUnits(['A', 'B'], { present: [], spans: [span('Z', 'x', 0, 1)] })).toThrow(
      /"Z", who is not among the coders/,
    );
    expect(() => overallUnits(['A', 'B'], { present: [], spans: [span('A', 'x', 5, 1)] })).toThrow(
      /from 5 to 1/,
    );
  });
});

describe('agreement of two coders (worked example 1)', () => {
  const summary = measureAgreement(['A', 'B'], [twoCoders]);

  it('computes κ and α over all coded text as worked out by hand', () => {
    expect(summary.overall.units).toBe(30);
    expect(summary.overall.kappa).toMatchObject({ observed: 1 / 2, units: 30 });
    expect(summary.overall.kappa.value).toBeCloseTo(2 / 11, 12);
    expect(summary.overall.kappa).toHaveProperty('expected', 7 / 18);
    expect(summary.overall.alpha.value).toBeCloseTo(43 / 220, 12);
    expect(summary.overall.alpha).toHaveProperty('expected', 67 / 177);
  });

  it('builds the coincidence matrix worked out by hand', () => {
    const matrix = coincidenceMatrix(overallUnits(['A', 'B'], twoCoders));
    const plain = Object.fromEntries(
      [...matrix].map(([c, row]) => [
        String(c),
        Object.fromEntries([...row].map(([k, o]) => [String(k), o])),
      ]),
    );
    expect(plain).toEqual({
      L: { L: 10, S: 5, null: 5 },
      S: { L: 5, S: 20, null: 5 },
      null: { L: 5, S: 5 },
    });
  });

  it('computes κ and α per code as worked out by hand', () => {
    expect(summary.codes.map((c) => c.code)).toEqual(['L', 'S']);
    const [label, source] = summary.codes;
    expect(label!.units).toBe(15);
    expect(label!.kappa.value).toBeCloseTo(-1 / 2, 12);
    expect(label!.alpha.value).toBeCloseTo(-9 / 20, 12);
    expect(source!.units).toBe(20);
    expect(source!.kappa.value).toBeCloseTo(-1 / 3, 12);
    expect(source!.alpha.value).toBeCloseTo(-3 / 10, 12);
  });

  it('gives α close to κ when both coders use the codes equally often, closer as units grow', () => {
    // Same marginals for A and B: κ equals Scott's π, and α is π corrected for sample size.
    const scaled: CodedText = {
      present: twoCoders.present,
      spans: twoCoders.spans.map((s) => ({ ...s, start: s.start * 100, end: s.end * 100 })),
    };
    const big = measureAgreement(['A', 'B'], [scaled]).overall;
    expect(big.kappa.value).toBeCloseTo(2 / 11, 12);
    // α = 1 − (n − 1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k = 1 − 5999·3000 / 22,000,000 = 4003/22000.
    expect(big.alpha.value).toBeCloseTo(4003 / 22000, 12);
    expect(Math.abs(big.alpha.value! - big.kappa.value!)).toBeLessThan(0.001);
    expect(Math.abs(summary.overall.alpha.value! - summary.overall.kappa.value!)).toBeLessThan(
      0.02,
    );
  });
});

describe('agreement of three coders with a missing value (worked example 2)', () => {
  const summary = measureAgreement(['A', 'B', 'C'], threeCoders);

  it('treats a coder who never saw a text as missing, not as coding nothing', () => {
    const { runs } = overallUnits(['A', 'B', 'C'], threeCoders[1]!);
    expect(runs).toEqual([{ values: ['x', null, undefined], count: 3 }]);
  });

  it('computes α over both texts as worked out by hand, and refuses κ for three coders', () => {
    expect(summary.overall.units).toBe(9);
    expect(summary.overall.alpha.value).toBeCloseTo(12 / 173, 12);
    expect(summary.overall.alpha).toMatchObject({ observed: 5 / 12, units: 9 });
    expect(summary.overall.alpha).toHaveProperty('expected', 103 / 276);
    expect(summary.overall.kappa).toEqual({
      value: null,
      reason:
        "Cohen's κ compares exactly two coders; there are 3 (Krippendorff's α takes any number).",
      units: 0,
    });
    const x = summary.codes.find((c) => c.code === 'x')!;
    expect(x.alpha.value).toBeCloseTo(-6 / 11, 12);
  });
});

describe('agreement edge cases', () => {
  it('is 1 for perfect agreement, overall and for each code', () => {
    const spans = ['A', 'B'].flatMap((coder) => [span(coder, 'x', 0, 5), span(coder, 'y', 8, 12)]);
    const summary = measureAgreement(['A', 'B'], [{ present: ['A', 'B'], spans }]);
    expect(summary.overall.kappa).toMatchObject({ value: 1, observed: 1, units: 9 });
    expect(summary.overall.alpha).toMatchObject({ value: 1, observed: 1, units: 9 });
    for (const code of summary.codes) {
      expect(valueOf(code.kappa)).toBe(1);
      expect(valueOf(code.alpha)).toBe(1);
    }
  });

  it('has no value, and says why, when nothing was coded', () => {
    const summary = measureAgreement(['A', 'B'], [{ present: ['A', 'B'], spans: [] }]);
    expect(summary.overall.units).toBe(0);
    expect(summary.codes).toEqual([]);
    for (const c of [summary.overall.kappa, summary.overall.alpha]) {
      expect(c).toEqual({
        value: null,
        reason: expect.stringMatching(/^No text was coded/),
        units: 0,
      });
    }
  });

  it('refuses one coder with a message', () => {
    const summary = measureAgreement(['A'], [{ present: ['A'], spans: [span('A', 'x', 0, 3)] }]);
    expect(summary.overall.alpha).toEqual({
      value: null,
      reason: 'Agreement needs at least two coders; there is one.',
      units: 0,
    });
    expect(cohenKappa({ coders: ['A'], runs: [] }).value).toBeNull();
    expect(krippendorffAlpha({ coders: [], runs: [] })).toMatchObject({
      reason: 'Agreement needs at least two coders; there are 0.',
    });
  });

  it('has no value when only one coder worked on the coded text', () => {
    const summary = measureAgreement(
      ['A', 'B'],
      [{ present: ['A'], spans: [span('A', 'x', 0, 3)] }],
    );
    expect(summary.overall.units).toBe(3);
    expect(summary.overall.kappa).toMatchObject({
      value: null,
      reason: expect.stringMatching(/Only one of A and B/),
    });
    expect(summary.overall.alpha).toMatchObject({
      value: null,
      reason: expect.stringMatching(/seen by two coders/),
    });
  });
});
