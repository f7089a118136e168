import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../db/library';
import { createAnnotations } from '../services/annotations';
import { seedSampleCorpus } from '../services/sampleCorpus';
import { sampleFolder, tempDir } from '../testing/tempLibrary';
import {
  exportAnnotationsCommand,
  exportCodebookCommand,
  importAnnotationsCommand,
} from './exchangeCommands';
import { UsageError } from './usageError';
import type { CliIo } from './runCli';

/** A library file holding the sample comparison and one annotated pair. */
async function annotatedLibraryFile() {
  const dir = tempDir();
  const db = join(dir, 'class.db');
  const library = openLibrary(db);
  await seedSampleCorpus(library, sampleFolder());
  const comparison = library.comparisons.list()[0]!;
  const a = library.versions.get(comparison.aVersionId)!;
  const b = library.versions.get(comparison.bVersionId)!;
  const code = library.codebooks.list()[0]!.codes[0]!;
  const at = (body: string, text: string) => {
    const start = body.indexOf(text);
    return [
      { type: 'TextQuoteSelector' as const, exact: text },
      { type: 'TextPositionSelector' as const, start, end: start + text.length },
    ];
  };
  const annotations = createAnnotations(library, {
    versionId: b.id,
    comparisonId: comparison.id,
    codeId: code.id,
    note: 'Only CGTN, "same day", mentions them,\nTehran Times — nothing 🤐',
    selectors: at(b.body, 'fresh sanctions'),
    pair: { versionId: a.id, selectors: at(a.body, 'Oman') },
  });
  library.close();
  return { dir, db, annotations, code };
}

function run(command: (args: string[], io: CliIo) => number, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = command(args, {
    out: (t: string) => out.push(t),
    err: (t: string) => err.push(t),
    env: {},
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('parallax export-annotations / import-annotations', () => {
  it('moves a coder’s annotations from one copy of the library into another', async () => {
    const { dir, db, annotations } = await annotatedLibraryFile();
    const file = join(dir, 'coder.jsonld');
    expect(run(exportAnnotationsCommand, '--format', 'jsonld', '--db', db, '--out', file)).toEqual({
      code: 0,
      out: '',
      err: `Wrote ${file}`,
    });
    const library = openLibrary(db);
    for (const annotation of annotations) library.annotations.delete(annotation.id);
    library.close();

    expect(run(importAnnotationsCommand, file, '--db', db)).toEqual({
      code: 0,
      out: 'Imported 2 annotations.',
      err: '',
    });
    expect(run(importAnnotationsCommand, file, '--db', db).out).toBe(
      'Imported 0 annotations; 2 already in the library, skipped.',
    );
    const reopened = openLibrary(db);
    const versionIds = annotations.map((a) => a.versionId);
    expect(reopened.annotations.listByVersions(versionIds)).toEqual(annotations);
    reopened.close();
  });

  it('writes CSV with a BOM and CRLF line ends to --out', async () => {
    const { dir, db, code } = await annotatedLibraryFile();
    const file = join(dir, 'annotations.csv');
    run(exportAnnotationsCommand, '--db', db, '--out', file);
    const csv = readFileSync(file, 'utf8');
    expect(csv.startsWith('\ufeffid,outlet,headline,version id,')).toBe(true);
    expect(csv.split('\r\n').filter((line) => line.includes(code.name))).toHaveLength(2);
    expect(csv).toContain('"Only CGTN, ""same day"", mentions them,\nTehran Times — nothing 🤐"');
  });

  it('refuses a CSV file and malformed JSON-LD with one clear message', async () => {
    const { dir, db } = await annotatedLibraryFile();
    const csv = join(dir, 'annotations.csv');
    writeFileSync(csv, 'id,outlet\r\n');
    expect(() => run(importAnnotationsCommand, csv, '--db', db)).toThrow(
      `${csv} is CSV; import-annotations reads W3C Web Annotation JSON-LD (export it with --format jsonld).`,
    );
    const broken = join(dir, 'broken.jsonld');
    writeFileSync(broken, '{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation"}');
    expect(() => run(importAnnotationsCommand, broken, '--db', db)).toThrow(
      /^Annotation 1: id must be a urn:uuid: address\.$/,
    );
    expect(() => run(importAnnotationsCommand, join(dir, 'none.jsonld'), '--db', db)).toThrow(
      'none.jsonld: no such file.',
    );
  });

  it('treats a bad format or a missing file argument as a usage error', async () => {
    const { db } = await annotatedLibraryFile();
    expect(() => run(exportAnnotationsCommand, '--format', 'xlsx', '--db', db)).toThrow(
      new UsageError('--format must be csv or jsonld (got "xlsx")'),
    );
    expect(() => run(importAnnotationsCommand, '--db', db)).toThrow(UsageError);
  });
});

describe('parallax export-codebook', () => {
  it('prints the codebook as CSV, or as REFI-QDA XML', async () => {
    const { db, code } = await annotatedLibraryFile();
    const csv = run(exportCodebookCommand, '--db', db);
    expect(csv.code).toBe(0);
    expect(csv.out.split('\r\n')[0]).toBe('\ufeffcode,description,color,group');
    const qdc = run(exportCodebookCommand, '--format', 'qdc', '--db', db).out;
    expect(qdc).toMatch(
      /^<\?xml version="1\.0" encoding="utf-8"\?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1\.0"/,
    );
    expect(qdc).toContain(`<Code guid="${code.id}" name="${code.name}" isCodable="true"`);
  });
});
