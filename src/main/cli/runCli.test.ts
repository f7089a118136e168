import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../db/library';
import { tempDir } from '../testing/tempLibrary';
import { runCli } from './runCli';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function fixture(dir: string, name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('parallax CLI', () => {
  it('imports files and prints the articles as JSON', async () => {
    const dir = tempDir();
    const db = join(dir, 'lib.db');
    const file = fixture(dir, 'a.txt', 'Talks resume\nIran and the US met.\nNext round not set.');
    const { code, out } = await cli(
      'import',
      file,
      '--db',
      db,
      '--outlet',
      'CGTN',
      '--story',
      'Muscat',
      '--json',
    );
    expect(code).toBe(0);
    const parsed = JSON.parse(out);
    expect(parsed.warnings).toEqual([]);
    expect(Object.keys(parsed.articles[0]).sort()).toEqual(
      ['captions', 'created', 'headline', 'id', 'outlet', 'text', 'versionId'].sort(),
    );
    expect(parsed.articles).toEqual([
      expect.objectContaining({
        outlet: 'CGTN',
        headline: 'Talks resume',
        text: 'Iran and the US met.\n\nNext round not set.',
        captions: [],
      }),
    ]);
    const again = await cli('import', file, '--db', db, '--outlet', 'CGTN');
    expect(again.out).toMatch(/Already have this version/);
  });

  it('imports a file with text-direction overrides without them, and says so', async () => {
    const dir = tempDir();
    const db = join(dir, 'lib.db');
    // U+202E shows "Talks collapse" reversed; U+2066 opens an isolate that hides words.
    const file = fixture(
      dir,
      'a.txt',
      'Talks \u202eespalloc\u202c resume\nIran and the US \u2066met\u2069 in Muscat.',
    );
    const { code, out } = await cli('import', file, '--db', db, '--outlet', 'CGTN', '--json');
    expect(code).toBe(0);
    const parsed = JSON.parse(out);
    expect(parsed.warnings).toContain(
      'a.txt held 4 text-direction controls (invisible characters that can make text display out of order); Parallax removed them.',
    );
    const library = openLibrary(db);
    try {
      const stored = library.db.prepare('SELECT headline, body FROM versions').all();
      expect(stored).toEqual([
        { headline: 'Talks espalloc resume', body: 'Iran and the US met in Muscat.' },
      ]);
    } finally {
      library.close();
    }
  });

  it('imports all files or none', async () => {
    const dir = tempDir();
    const db = join(dir, 'lib.db');
    const good = fixture(dir, 'good.txt', 'Headline\nBody.');
    const bad = fixture(dir, 'bad.txt', Buffer.from([0x48, 0x69, 0x81, 0x0a]));
    const result = await cli('import', good, bad, '--db', db, '--outlet', 'CGTN');
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      'parallax: bad.txt is not text in an encoding Parallax reads (UTF-8, UTF-16, UTF-32, GB18030, ISO-2022-JP or Windows-1252); save it as UTF-8 and import it again.',
    );
    const library = openLibrary(db);
    expect(library.versions.count()).toBe(0);
    library.close();
  });

  it('lists the library and compares two versions by id as Markdown and HTML', async () => {
    const dir = tempDir();
    const db = join(dir, 'lib.db');
    const a = fixture(dir, 'a.txt', 'Talks resume\nTiming set through Oman.');
    const b = fixture(
      dir,
      'b.md',
      '# Talks to continue\nTrump says early next week <script>alert(1)</script>.',
    );
    await cli('import', a, '--db', db, '--outlet', 'Tehran Times');
    await cli('import', b, '--db', db, '--outlet', 'CGTN');
    const list = await cli('list', '--db', db, '--json');
    const ids = JSON.parse(list.out).unfiled.map(
      (entry: { versions: { id: string }[] }) => entry.versions[0]!.id,
    );
    expect(ids).toHaveLength(2);

    const md = await cli('compare', ids[0], ids[1], '--db', db, '--format', 'md');
    expect(md.code).toBe(0);
    expect(md.out).toContain('## A: CGTN');
    expect(md.out).toContain('## B: Tehran Times');

    const htmlFile = join(dir, 'report.html');
    const html = await cli(
      'compare',
      ids[0],
      ids[1],
      '--db',
      db,
      '--format',
      'html',
      '--out',
      htmlFile,
    );
    expect(html.code).toBe(0);
    const page = readFileSync(htmlFile, 'utf8');
    expect(page).toContain('Timing set through Oman.');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>');
  });

  it('compares two files without a library, as JSON', async () => {
    const dir = tempDir();
    const a = fixture(dir, 'tt.txt', 'Headline A\nFirst.\nSecond.');
    const b = fixture(dir, 'cgtn.txt', 'Headline B\nOnly one.');
    const { code, out } = await cli('compare', a, b, '--format', 'json');
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(doc.a).toMatchObject({
      source: 'file',
      outlet: 'tt.txt',
      headline: 'Headline A',
      paragraphs: ['First.', 'Second.'],
    });
    expect(doc.b.paragraphs).toEqual(['Only one.']);
  });

  it('reports usage errors with exit code 2 and problems with exit code 1, on stderr', async () => {
    expect(await cli('frobnicate')).toMatchObject({
      code: 2,
      out: '',
      err: expect.stringContaining('unknown command'),
    });
    expect(await cli('compare', 'only-one.txt')).toMatchObject({
      code: 2,
      err: expect.stringContaining('exactly two'),
    });
    expect(await cli('import', 'javascript:alert(1)')).toMatchObject({
      code: 1,
      err: 'parallax: Parallax only imports http and https addresses (this one is javascript:).',
    });
    expect(await cli('import', 'missing.txt', '--outlet', 'X')).toMatchObject({
      code: 1,
      err: 'parallax: missing.txt: no such file.',
    });
    expect(await cli('compare', 'a.pdf', 'b.txt', '--format', 'xml')).toMatchObject({ code: 2 });
  });
});
