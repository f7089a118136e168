import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../shared/result';
import { openLibrary } from '../db/library';
import { saveArticles } from '../services/saveArticles';
import { proposedArticle } from '../testing/proposedArticle';
import { tempDir } from '../testing/tempLibrary';
import { agreementCommand } from './agreementCommand';

const BODY = 'Iran and the United States held indirect talks in Muscat on Friday.';

/**
 * A library file where Ana and Ben coded one version, and Cleo joined them on it:
 *   Ana: Label [0,10), Source [10,20);  Ben: Label [0,10), Source [10,15);  Cleo: Label [0,10)
 * Overall units: (L,L,L)×10, (S,S,none)×5, (S,none,none)×5 — 20 characters.
 * With `coders` limited to Ana and Ben, only their annotations are written.
 */
function libraryFile(coders: string[]): { db: string; versionId: string } {
  const db = join(tempDir(), 'study.db');
  const library = openLibrary(db);
  try {
    const [saved] = saveArticles(library, {
      articles: [proposedArticle({ headline: 'Talks in Muscat', paragraphs: [BODY] })],
      rawInput: BODY,
      sourceKind: 'paste',
      sourceName: null,
    });
    const versionId = saved!.versionId;
    const book = library.codebooks.create('Framing', '', [
      { name: 'Label', description: '', color: '#112233', group: '' },
      { name: 'Source', description: '', color: '#445566', group: '' },
    ]);
    const [label, source] = book.codes.map((c) => c.id);
    const spans: [string, string, number, number][] = [
      ['Ana', label!, 0, 10],
      ['Ana', source!, 10, 20],
      ['Ben', label!, 0, 10],
      ['Ben', source!, 10, 15],
      ['Cleo', label!, 0, 10],
    ];
    for (const [annotator, codeId, start, end] of spans.filter(([a]) => coders.includes(a))) {
      library.annotations.insert({
        id: randomUUID(),
        versionId,
        comparisonId: null,
        codeId,
        note: '',
        selectors: [{ type: 'TextPositionSelector', start, end }],
        pairId: null,
        annotator,
        createdAt: '2026-02-06T10:00:00.000Z',
        updatedAt: '2026-02-06T10:00:00.000Z',
        carriedFrom: null,
      });
    }
    return { db, versionId };
  } finally {
    library.close();
  }
}

function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = agreementCommand(args, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: {},
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('parallax agreement', () => {
  it('prints a table of κ, α and units per code for two coders', () => {
    // Ana vs Ben, overall: (L,L)×10, (S,S)×5, (S,none)×5 over 20 characters.
    //   κ: pₒ = 15/20 = 3/4; Ana L 10, S 10; Ben L 10, S 5, none 5; pₑ = (100 + 50)/400 = 3/8;
    //      κ = (3/4 − 3/8)/(5/8) = 3/5.
    //   α: o_LL = 20, o_SS = 10, o_S,none = o_none,S = 5; n_L = 20, n_S = 15, n_none = 5, n = 40;
    //      Aₒ = 30/40 = 3/4; Aₑ = (20·19 + 15·14 + 5·4)/(40·39) = 610/1560 = 61/156;
    //      α = (117/156 − 61/156)/(95/156) = 56/95 ≈ 0.589.
    // Label: (T,T)×10 → 1. Source, binary over [10,20): (T,T)×5, (T,F)×5; o_TT = 10, o_TF = o_FT = 5;
    //   n_T = 15, n_F = 5, n = 20; Aₒ = 1/2; Aₑ = (15·14 + 5·4)/(20·19) = 230/380 = 23/38;
    //   α = (19/38 − 23/38)/(15/38) = −4/15 ≈ −0.267; κ: pₒ = 1/2, pₑ = 1·(1/2) = 1/2, κ = 0.
    const { db, versionId } = libraryFile(['Ana', 'Ben']);
    const { code, out } = run('--db', db);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe('Agreement between 2 coders: Ana, Ben');
    expect(lines).toContain('All versions (1)');
    expect(lines).toContain(`CGTN v1: Talks in Muscat  [version ${versionId}]`);
    expect(lines).toContain('  Coders: Ana, Ben');
    expect(out).toContain(
      [
        '  Code            κ       α    Units',
        '  All codes   0.600   0.589       20',
        '  Label       1.000   1.000       10',
        '  Source      0.000  -0.267       10',
      ].join('\n'),
    );
  });

  it('prints JSON with --json, and says why κ is missing for three coders', () => {
    const { db } = libraryFile(['Ana', 'Ben', 'Cleo']);
    const { code, out } = run('--db', db, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.coders).toEqual(['Ana', 'Ben', 'Cleo']);
    expect(report.overall.all.units).toBe(20);
    expect(report.overall.all.kappa).toEqual({
      value: null,
      reason:
        "Cohen's κ compares exactly two coders; there are 3 (Krippendorff's α takes any number).",
      units: 0,
    });
    // (L,L,L)×10: o_LL += 3 per character (six pairs × 1/2) → 30;
    // (S,S,none)×5: o_SS += 1, o_S,none += 1, o_none,S += 1 per character → 5 each;
    // (S,none,none)×5: o_S,none += 1, o_none,S += 1, o_none,none += 1 per character → 5 each.
    //   n_L = 30, n_S = 5 + 10 = 15, n_none = 10 + 5 = 15, n = 60.
    //   Aₒ = (30 + 5 + 5)/60 = 2/3; Aₑ = (30·29 + 15·14 + 15·14)/(60·59) = 1290/3540 = 43/118;
    //   α = (2/3 − 43/118)/(1 − 43/118) = (107/354)/(75/118) = 107/225.
    expect(report.overall.all.alpha.value).toBeCloseTo(107 / 225, 12);
    const { out: table } = run('--db', db);
    expect(table).toContain('  All codes       –   0.476       20');
    expect(table).toContain(
      "  – Cohen's κ compares exactly two coders; there are 3 (Krippendorff's α takes any number).",
    );
  });

  it('reports one version with --version, without the all-versions table', () => {
    const { db, versionId } = libraryFile(['Ana', 'Ben']);
    const { code, out } = run('--db', db, '--version', versionId);
    expect(code).toBe(0);
    expect(out).not.toContain('All versions');
    expect(out).toContain(`[version ${versionId}]`);
  });

  it('refuses one coder, a missing library and an unknown option', () => {
    const { db } = libraryFile(['Ana']);
    expect(() => run('--db', db)).toThrow(
      new UserError(
        'Agreement needs at least two coders, but every coded annotation in this library is by Ana.',
      ),
    );
    const nowhere = join(tempDir(), 'none.db');
    expect(() => run('--db', nowhere)).toThrow(`There is no library at ${nowhere}.`);
    expect(existsSync(nowhere)).toBe(false);
    const { code, err } = run('--db', db, '--format', 'csv');
    expect(code).toBe(2);
    expect(err).toMatch(/^parallax: Unknown option '--format'/);
    expect(err).toContain('agreement [--db PATH] [--version ID] [--json]');
  });
});
