import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../db/library';
import { createAnnotations } from '../services/annotations';
import { seedSampleCorpus } from '../services/sampleCorpus';
import { span } from '../testing/sampleWorkspace';
import { sampleFolder, tempDir } from '../testing/tempLibrary';
import { reportCommand } from './reportCommand';
import type { CliIo } from './runCli';
import { UsageError } from './usageError';

/** A library file with the sample comparison and one annotation on CGTN. */
async function libraryFile() {
  const dir = tempDir();
  const db = join(dir, 'class.db');
  const library = openLibrary(db);
  await seedSampleCorpus(library, sampleFolder());
  const comparison = library.comparisons.list()[0]!;
  const a = library.versions.get(comparison.aVersionId)!;
  const b = library.versions.get(comparison.bVersionId)!;
  const code = library.codebooks.list()[0]!.codes[0]!;
  createAnnotations(library, {
    versionId: b.id,
    comparisonId: comparison.id,
    codeId: code.id,
    note: 'Only CGTN mentions the same-day sanctions.',
    selectors: span(b, 'fresh sanctions'),
  });
  library.close();
  return { dir, db, a, b, code };
}

async function run(args: string[], printPdf?: (html: string) => Promise<Buffer>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {} };
  const code = await reportCommand(args, io, printPdf);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('parallax report', () => {
  it('prints the HTML report with the annotations to standard output', async () => {
    const { db, a, b, code } = await libraryFile();
    const result = await run([a.id, b.id, '--db', db]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^<!doctype html>/);
    expect(result.out).toContain('<h1>Tehran Times vs CGTN</h1>');
    expect(result.out).toContain(code.name);
    expect(result.out).toContain('Only CGTN mentions the same-day sanctions.');
  });

  it('writes Markdown, and a PDF, to --out', async () => {
    const { dir, db, a, b } = await libraryFile();
    const md = join(dir, 'report.md');
    expect(await run([a.id, b.id, '--db', db, '--format', 'md', '--out', md])).toEqual({
      code: 0,
      out: '',
      err: `Wrote ${md}`,
    });
    expect(readFileSync(md, 'utf8')).toContain('## B: CGTN');
    const pdf = join(dir, 'report.pdf');
    const printed: string[] = [];
    const fakePdf = (html: string) => {
      printed.push(html);
      return Promise.resolve(Buffer.from('%PDF-1.7'));
    };
    expect(
      (await run([a.id, b.id, '--db', db, '--format', 'pdf', '--out', pdf], fakePdf)).code,
    ).toBe(0);
    expect(printed[0]).toContain('Only CGTN mentions the same-day sanctions.');
    expect(readFileSync(pdf, 'latin1')).toBe('%PDF-1.7');
  });

  it('refuses a malformed command line with a usage error', async () => {
    const { db, a, b } = await libraryFile();
    await expect(run([a.id, '--db', db])).rejects.toThrow(
      new UsageError('report needs exactly two version ids, A and B'),
    );
    await expect(run([a.id, 'cgtn.txt', '--db', db])).rejects.toThrow(
      '"cgtn.txt" is not a version id; `parallax list` shows them',
    );
    await expect(run([a.id, b.id, '--format', 'docx', '--db', db])).rejects.toThrow(
      '--format must be html, md or pdf (got "docx")',
    );
    await expect(run([a.id, b.id, '--format', 'pdf', '--db', db])).rejects.toThrow(
      'a PDF report needs --out FILE',
    );
  });
});
