// Every kind of input `parallax import` meets, good and bad, through the real
// CLI, a real SQLite file, real PDFs and a real HTTP server on 127.0.0.1: what
// each one yields, or the one message it gets — with nothing written.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../db/library';
import { makeColumnArticlePdf, makeShapesOnlyPdf } from '../testing/makePdf';
import { sampleFolder, tempDir } from '../testing/tempLibrary';
import { runCli } from './runCli';

const fixtures = join(__dirname, '../import/fixtures');

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function versionsIn(db: string): number {
  if (!existsSync(db)) return 0;
  const library = openLibrary(db);
  try {
    return library.versions.count();
  } finally {
    library.close();
  }
}

let server: Server;
let origin: string;
beforeAll(async () => {
  const cgtnPage = readFileSync(join(fixtures, 'cgtn-article.html'));
  server = createServer((req, res) => {
    if (req.url === '/news/talks.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(cgtnPage);
    } else if (req.url === '/loop') {
      res.writeHead(302, { location: '/loop' }).end();
    } else {
      res.writeHead(404).end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('parallax import: what each input yields', () => {
  it('splits the Tehran Times page into its three articles, outlet named by the file', async () => {
    const db = join(tempDir(), 'lib.db');
    const result = await cli(
      'import',
      join(sampleFolder(), 'tehran-times-page.txt'),
      '--db',
      db,
      '--json',
    );
    expect(result.code).toBe(0);
    const { articles, warnings } = JSON.parse(result.out);
    expect(
      articles.map((a: { outlet: string; headline: string }) => [a.outlet, a.headline]),
    ).toEqual([
      ['Tehran Times', "Iran, US agree to resume talks despite 'prevailing mistrust'"],
      ['Tehran Times', 'Aliyev: Azerbaijani territory not to be used for anti-Tehran threats'],
      ['Tehran Times', 'Global optimism on Muscat-mediated Iran-US talks'],
    ]);
    expect(articles[0].text.split('\n\n')[0]).toMatch(
      /^Iran and the United States held their first round/,
    );
    expect(articles[0].captions).toEqual([
      expect.stringContaining('Araghchi (C) speaks'),
      '● IRNA',
    ]);
    expect(warnings).toContain(
      'tehran-times-page.txt holds 3 articles; check the split before saving.',
    );
    expect(versionsIn(db)).toBe(3);

    const again = await cli('import', join(sampleFolder(), 'tehran-times-page.txt'), '--db', db);
    expect(
      again.out.split('\n').every((line) => line.startsWith('Already have this version')),
    ).toBe(true);
    expect(versionsIn(db)).toBe(3);
  });

  it('reads an HTML page: article text, captions and subheads, outlet from the page', async () => {
    const db = join(tempDir(), 'lib.db');
    const result = await cli('import', join(fixtures, 'cgtn-article.html'), '--db', db, '--json');
    expect(result.code).toBe(0);
    const [article] = JSON.parse(result.out).articles;
    expect(article.outlet).toBe('CGTN');
    expect(article.text).toContain('will continue early next week');
    expect(article.text).not.toMatch(/CHOOSE YOUR LANGUAGE|<|cookie/i);
    expect(article.captions.length).toBeGreaterThan(0);
  });

  it('reads a two-column PDF in column order', async () => {
    const dir = tempDir();
    const paragraphs = readFileSync(join(sampleFolder(), 'cgtn-article.txt'), 'utf8')
      .split('\n')
      .filter((line) => /^[\x20-\x7e]{60,}$/.test(line) && !line.startsWith('In this photo'));
    const file = join(dir, 'cgtn-print.pdf');
    writeFileSync(
      file,
      await makeColumnArticlePdf({
        headline: 'Iran, US agree to continue talks',
        paragraphs,
        columns: 2,
      }),
    );
    const result = await cli(
      'import',
      file,
      '--db',
      join(dir, 'lib.db'),
      '--outlet',
      'CGTN',
      '--json',
    );
    expect(result.code).toBe(0);
    const [article] = JSON.parse(result.out).articles;
    expect(article.headline).toBe('Iran, US agree to continue talks');
    expect(article.text.split('\n\n')).toEqual(paragraphs);
  });

  it('fetches a web page from a local server, outlet named by the page', async () => {
    const db = join(tempDir(), 'lib.db');
    const result = await cli('import', `${origin}/news/talks.html`, '--db', db, '--json');
    expect(result.code).toBe(0);
    const [article] = JSON.parse(result.out).articles;
    expect(article.outlet).toBe('CGTN');
    expect(article.text).toContain('shadow fleet vessels');
    const library = openLibrary(db);
    expect(library.articles.list()[0]!.url).toBe(`${origin}/news/talks.html`);
    library.close();
  });

  it('converts UTF-16 text, saying so', async () => {
    const dir = tempDir();
    const file = join(dir, 'utf16.txt');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('Talks resume\n\nIran and the US met.', 'utf16le'),
      ]),
    );
    const result = await cli(
      'import',
      file,
      '--db',
      join(dir, 'lib.db'),
      '--outlet',
      'X',
      '--json',
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).warnings).toContain(
      'utf16.txt was UTF-16 (little-endian) text; Parallax converted it to UTF-8.',
    );
  });

  it('reads malformed HTML, with a warning', async () => {
    const dir = tempDir();
    const result = await cli(
      'import',
      join(fixtures, 'malformed-article.html'),
      '--db',
      join(dir, 'lib.db'),
      '--json',
    );
    expect(result.code).toBe(0);
    const { articles, warnings } = JSON.parse(result.out);
    expect(articles[0].text).toContain('Kremlin');
    expect(warnings.join(' ')).toMatch(/malformed/i);
  });
});

describe('parallax import: bad input gets one message and writes nothing', () => {
  const cases: [string, (dir: string) => Promise<string> | string, string | RegExp][] = [
    [
      'an empty file',
      (dir) => file(dir, 'empty.txt', ''),
      'parallax: empty.txt is empty: there is no article to import.',
    ],
    [
      'whitespace only',
      (dir) => file(dir, 'blank.txt', ' \n\t\n  '),
      'parallax: blank.txt is empty: there is no article text to import.',
    ],
    [
      'binary data',
      (dir) => file(dir, 'data.txt', Buffer.from([1, 2, 0, 4, 5])),
      /data\.txt is a binary file, not text/,
    ],
    [
      'an image',
      (dir) => file(dir, 'scan.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])),
      /scan\.png is a PNG image/,
    ],
    [
      'an unknown format',
      (dir) => file(dir, 'data.json', '{"a": 1}'),
      /Parallax cannot import \.json files/,
    ],
    [
      'bytes in no known encoding',
      (dir) => file(dir, 'odd.txt', Buffer.from([0x41, 0x81, 0x8d, 0x42])),
      /not text in an encoding Parallax reads/,
    ],
    [
      'a file over 20 MB',
      (dir) => file(dir, 'huge.txt', Buffer.alloc(20 * 1024 * 1024 + 1, 0x61)),
      /huge\.txt is over 20 MB/,
    ],
    [
      'a PDF without a text layer',
      async (dir) => file(dir, 'scan.pdf', await makeShapesOnlyPdf()),
      /scan\.pdf has no text layer/,
    ],
    [
      'a broken PDF',
      (dir) => file(dir, 'broken.pdf', '%PDF-1.7\n1 0 obj << /Type /Catalog'),
      /broken\.pdf is not a readable PDF/,
    ],
    [
      'an HTML page with no article',
      (dir) => file(dir, 'nav.html', '<html><body><nav><a href="/">Home</a></nav></body></html>'),
      /nav\.html has no article text/,
    ],
    ['a missing file', () => 'no/such/file.txt', 'parallax: no/such/file.txt: no such file.'],
    [
      'a file: address',
      () => 'file:///etc/passwd',
      /only imports http and https addresses \(this one is file:\)/,
    ],
    [
      'a javascript: address',
      () => 'javascript:alert(1)',
      /only imports http and https addresses \(this one is javascript:\)/,
    ],
    [
      'a data: address',
      () => 'data:text/html,<p>hi</p>',
      /only imports http and https addresses \(this one is data:\)/,
    ],
    [
      'an unreachable address',
      () => 'http://127.0.0.1:9/',
      /Cannot reach 127\.0\.0\.1:9 \(ECONNREFUSED\)/,
    ],
    ['a missing page', () => `${origin}/gone`, /answered 404/],
    ['a redirect loop', () => `${origin}/loop`, /Gave up after 5 redirects/],
  ];

  it.each(cases)('%s', async (_name, make, message) => {
    const dir = tempDir();
    const db = join(dir, 'lib.db');
    const good = file(dir, 'good.txt', 'A good article\n\nIt has text.');
    const result = await cli('import', good, await make(dir), '--db', db, '--outlet', 'X');
    expect(result.code).toBe(1);
    expect(result.err.split('\n')).toHaveLength(1);
    if (typeof message === 'string') expect(result.err).toBe(message);
    else expect(result.err).toMatch(message);
    expect(versionsIn(db)).toBe(0); // not even the good file: all or nothing
  });
});

function file(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
