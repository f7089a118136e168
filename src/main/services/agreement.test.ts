import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../shared/result';
import { proposedArticle } from '../testing/proposedArticle';
import { tempLibrary } from '../testing/tempLibrary';
import { agreementReport } from './agreement';
import { saveArticles } from './saveArticles';

const BODY =
  'Iran and the United States held indirect talks in Muscat on Friday, with Oman as the go-between.';

/** A library with two versions (CGTN, Tehran Times) and a codebook with codes Label, Source, x, y. */
function studyLibrary() {
  const library = tempLibrary();
  const saved = saveArticles(library, {
    articles: [
      proposedArticle({ outlet: 'CGTN', headline: 'Talks in Muscat', paragraphs: [BODY] }),
      proposedArticle({ outlet: 'Tehran Times', headline: 'Muscat talks', paragraphs: [BODY] }),
    ],
    rawInput: BODY,
    sourceKind: 'paste',
    sourceName: null,
  });
  const book = library.codebooks.create('Framing', '', [
    { name: 'Source', description: '', color: '#112233', group: '' },
    { name: 'Label', description: '', color: '#445566', group: '' },
    { name: 'x', description: '', color: '#778899', group: '' },
    { name: 'y', description: '', color: '#aabbcc', group: '' },
  ]);
  const code = Object.fromEntries(book.codes.map((c) => [c.name, c.id]));
  let clock = 0;
  /** Adds an annotation by `annotator` over characters [start, end); null code is a plain note. */
  const annotate = (
    versionId: string,
    annotator: string,
    codeName: string | null,
    start: number,
    end: number,
  ) => {
    const stamp = new Date(Date.UTC(2026, 1, 6, 10, 0, clock++)).toISOString();
    library.annotations.insert({
      id: randomUUID(),
      versionId,
      comparisonId: null,
      codeId: codeName === null ? null : code[codeName]!,
      note: '',
      selectors: [
        { type: 'TextQuoteSelector', exact: BODY.slice(start, end) },
        { type: 'TextPositionSelector', start, end },
      ],
      pairId: null,
      annotator,
      createdAt: stamp,
      updatedAt: stamp,
      carriedFrom: null,
    });
  };
  return { library, v1: saved[0]!.versionId, v2: saved[1]!.versionId, annotate };
}

/** Worked example 1 of core/agreement (κ = 2/11, α = 43/220 overall) by Ana and Ben. */
function twoCoders(annotate: ReturnType<typeof studyLibrary>['annotate'], versionId: string) {
  annotate(versionId, 'Ana', 'Label', 0, 10);
  annotate(versionId, 'Ana', 'Source', 10, 20);
  annotate(versionId, 'Ana', 'Source', 40, 45);
  annotate(versionId, 'Ben', 'Label', 0, 5);
  annotate(versionId, 'Ben', 'Source', 5, 20);
  annotate(versionId, 'Ben', 'Label', 30, 35);
}

describe('agreementReport', () => {
  it('measures two annotators of one version, overall and per code by name', () => {
    const { library, v1, annotate } = studyLibrary();
    twoCoders(annotate, v1);
    const report = agreementReport(library);
    expect(report.coders).toEqual(['Ana', 'Ben']);
    expect(report.overall.all.units).toBe(30);
    expect(report.overall.all.kappa.value).toBeCloseTo(2 / 11, 12);
    expect(report.overall.all.alpha.value).toBeCloseTo(43 / 220, 12);
    expect(report.overall.codes.map((c) => [c.code, c.units])).toEqual([
      ['Label', 15],
      ['Source', 20],
    ]);
    expect(report.overall.codes[0]!.kappa.value).toBeCloseTo(-1 / 2, 12);
    expect(report.overall.codes[1]!.alpha.value).toBeCloseTo(-3 / 10, 12);
    expect(report.versions).toHaveLength(1);
    expect(report.versions[0]).toMatchObject({
      versionId: v1,
      outlet: 'CGTN',
      headline: 'Talks in Muscat',
      seq: 1,
      coders: ['Ana', 'Ben'],
    });
    expect(report.versions[0]!.all).toEqual(report.overall.all);
  });

  it('measures three annotators across versions, one of them missing from a version', () => {
    // Worked example 2 of core/agreement: overall α = 12/173; the unnamed annotator is one coder.
    const { library, v1, v2, annotate } = studyLibrary();
    annotate(v1, '', 'x', 0, 4);
    annotate(v1, '', 'y', 4, 6);
    annotate(v1, 'Ben', 'x', 0, 4);
    annotate(v1, 'Ben', 'y', 4, 6);
    annotate(v1, 'Cleo', 'y', 0, 6);
    annotate(v2, '', 'x', 0, 3);
    // Ben only left a note on v2: he read it and coded nothing, so he is "none" there, not missing.
    annotate(v2, 'Ben', null, 50, 60);
    const report = agreementReport(library);
    expect(report.coders).toEqual(['(unnamed)', 'Ben', 'Cleo']);
    expect(report.overall.all.units).toBe(9);
    expect(report.overall.all.alpha.value).toBeCloseTo(12 / 173, 12);
    expect(report.overall.all.kappa).toMatchObject({
      value: null,
      reason: expect.stringMatching(/exactly two coders; there are 3/),
    });
    expect(report.overall.codes.find((c) => c.code === 'x')!.alpha.value).toBeCloseTo(-6 / 11, 12);
    // On v2 only two coders worked, so κ applies: (x, none)×3 gives pₒ = 0, pₑ = 0, κ = 0;
    // α: o(x,none) = o(none,x) = 3, n = 6, Aₑ = (3·2 + 3·2)/(6·5) = 2/5, α = (0 − 2/5)/(3/5) = −2/3.
    const second = report.versions.find((v) => v.versionId === v2)!;
    expect(second).toMatchObject({ outlet: 'Tehran Times', coders: ['(unnamed)', 'Ben'] });
    expect(second.all.kappa.value).toBe(0);
    expect(second.all.alpha.value).toBeCloseTo(-2 / 3, 12);
  });

  it('reports one version alone with --version', () => {
    const { library, v1, v2, annotate } = studyLibrary();
    twoCoders(annotate, v1);
    annotate(v2, 'Ana', 'Label', 0, 10);
    annotate(v2, 'Ben', 'Label', 0, 10);
    const report = agreementReport(library, { versionId: v2 });
    expect(report.versions.map((v) => v.versionId)).toEqual([v2]);
    expect(report.overall.all).toMatchObject({
      units: 10,
      kappa: { value: 1 },
      alpha: { value: 1 },
    });
  });

  it('refuses when there are not two coders to compare, or no such version', () => {
    const { library, v1, annotate } = studyLibrary();
    const refusal = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(UserError);
        return (error as Error).message;
      }
      throw new Error('expected a refusal');
    };
    expect(refusal(() => agreementReport(library))).toBe(
      'There are no coded annotations in this library, so there is no agreement to measure.',
    );
    annotate(v1, 'Ana', 'Label', 0, 10);
    annotate(v1, 'Ben', null, 0, 10);
    expect(refusal(() => agreementReport(library))).toBe(
      'Agreement needs at least two coders, but every coded annotation in this library is by Ana.',
    );
    const unknown = randomUUID();
    expect(refusal(() => agreementReport(library, { versionId: unknown }))).toBe(
      `There is no version ${unknown} in this library.`,
    );
  });
});
