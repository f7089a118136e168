// Every class of broken or hostile input, with the one message its user gets
// (issue 7, point 5). Imports go through readImportSource + proposeImport, the
// path the UI and the CLI take; the table of classes and messages is printed at
// the end of the run.
import BetterSqlite3 from 'better-sqlite3';
import {
  chmodSync,
  closeSync,
  openSync,
  readFileSync,
  writeFileSync,
  ftruncateSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ImportProposal, ImportSource } from '../../shared/api';
import { UserError } from '../../shared/result';
import { exportBundle } from '../bundle/exportBundle';
import { openBundleFile } from '../bundle/readBundle';
import { openLibrary } from '../db/library';
import { migrations } from '../db/migrations';
import { seededRandom } from '../../core/seededRandom';
import { makePdf, makeShapesOnlyPdf } from '../testing/makePdf';
import { sampleWorkspace } from '../testing/sampleWorkspace';
import { tempDir } from '../testing/tempLibrary';
import { MAX_HTML_DEPTH } from './htmlShape';
import { MAX_LAID_OUT_LINES, MAX_PDF_PAGES } from './pdfText';
import { proposeImport } from './proposeImport';
import { readImportFile, readImportSource, type ReadOptions } from './readImportSource';

/** Random-looking bytes, the same on every run, so a failure can be reproduced. */
function randomBytes(length: number, seed = 7): Buffer {
  const random = seededRandom(seed);
  return Buffer.from(Array.from({ length }, () => Math.floor(random() * 256)));
}

const ARTICLE =
  'Iran and the United States held indirect talks in Muscat on Friday. ' +
  'Both delegations said they would meet again once Oman sets a date.';

/** What each input class got, printed as a table when the file is done. */
const table: { input: string; outcome: string }[] = [];
afterAll(() => {
  const width = Math.max(...table.map((row) => row.input.length));
  console.log(
    [
      'Input class → what the user gets',
      ...table.map((r) => `${r.input.padEnd(width)}  ${r.outcome}`),
    ].join('\n'),
  );
});

const fileSource = (name: string, bytes: Uint8Array | string): ImportSource => ({
  kind: 'file',
  name,
  base64: Buffer.from(bytes).toString('base64'),
});

const preview = async (source: ImportSource, options?: ReadOptions): Promise<ImportProposal> =>
  proposeImport(await readImportSource(source, options));

/** The UserError message `work` fails with; any other outcome fails the test. */
async function userMessage(input: string, work: () => unknown): Promise<string> {
  const outcome: unknown = await Promise.resolve()
    .then(work)
    .then(
      () => new Error(`${input}: expected a refusal, got a result`),
      (error: unknown) => error,
    );
  expect(outcome).toBeInstanceOf(UserError);
  const message = (outcome as UserError).message;
  table.push({ input, outcome: message });
  return message;
}

const bodyText = (proposal: ImportProposal): string =>
  proposal.articles.flatMap((a) => [a.headline, ...a.paragraphs]).join('\n');

/** Elapsed milliseconds of `work`. */
async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

describe('text files', () => {
  it.each([
    [
      'empty file',
      fileSource('empty.txt', ''),
      'empty.txt is empty: there is no article to import.',
    ],
    [
      'whitespace-only file',
      fileSource('blank.txt', ' \n\t\r\n   \n'),
      'blank.txt is empty: there is no article text to import.',
    ],
    [
      'whitespace-only paste',
      { kind: 'text', text: '  \n\n \t ' } as ImportSource,
      'The pasted text is empty: there is no article to import.',
    ],
    [
      'random bytes named .txt',
      fileSource('notes.txt', randomBytes(8192)),
      'notes.txt is a binary file, not text; Parallax imports text, HTML and PDF.',
    ],
    [
      'an ELF executable, no extension',
      fileSource('parallax', readFileSync(process.execPath).subarray(0, 64 * 1024)),
      'parallax is a binary file, not text; Parallax imports text, HTML and PDF.',
    ],
    [
      'a Windows executable',
      fileSource(
        'setup.exe',
        Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), randomBytes(512)]),
      ),
      'setup.exe: Parallax cannot import .exe files; use .txt, .md, .html or .pdf.',
    ],
    [
      'a ZIP archive named .txt',
      fileSource(
        'story.txt',
        Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), randomBytes(64)]),
      ),
      'story.txt is a ZIP archive (or a Word/OpenDocument file); Parallax imports text, Markdown, HTML and PDF.',
    ],
    [
      'invalid UTF-8, not Windows-1252 either',
      fileSource(
        'mixed.txt',
        Buffer.from([0x54, 0x61, 0x6c, 0x6b, 0x73, 0x20, 0xc3, 0x28, 0x81, 0x8d]),
      ),
      'mixed.txt is not text in an encoding Parallax reads (UTF-8, UTF-16, UTF-32, GB18030, ISO-2022-JP or Windows-1252); save it as UTF-8 and import it again.',
    ],
    [
      'pasted text with NUL bytes',
      { kind: 'text', text: `${ARTICLE}\u0000\u0000` } as ImportSource,
      'The pasted text contains binary data, not article text.',
    ],
  ])('%s', async (input, source, expected) => {
    expect(await userMessage(input, () => preview(source))).toBe(expected);
  });

  const utf16 = (text: string, encoding: 'le' | 'be', bom: boolean): Buffer => {
    const le = Buffer.from(text, 'utf16le');
    const body = encoding === 'le' ? le : Buffer.from(le).swap16();
    const mark = encoding === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
    return Buffer.concat([Buffer.from(bom ? mark : []), body]);
  };
  it.each([
    ['UTF-16 LE with BOM', utf16(ARTICLE, 'le', true), 'UTF-16 (little-endian)'],
    ['UTF-16 BE with BOM', utf16(ARTICLE, 'be', true), 'UTF-16 (big-endian)'],
    [
      'UTF-16 LE without BOM',
      utf16(ARTICLE, 'le', false),
      'UTF-16 (little-endian, no byte order mark)',
    ],
    [
      'UTF-16 BE without BOM',
      utf16(ARTICLE, 'be', false),
      'UTF-16 (big-endian, no byte order mark)',
    ],
  ])('%s imports, converted, with a note', async (input, bytes, label) => {
    const proposal = await preview(fileSource('talks.txt', bytes));
    expect(bodyText(proposal)).toContain(ARTICLE);
    const note = `talks.txt was ${label} text; Parallax converted it to UTF-8.`;
    expect(proposal.warnings).toContain(note);
    table.push({ input, outcome: `imported; warns "${note}"` });
  });

  const encoded = (name: string) => readFileSync(join(__dirname, 'fixtures', 'encodings', name)); // made with iconv
  it.each([
    [
      'GB18030 Chinese',
      'talks.gb18030.txt',
      'GB18030 (Chinese)',
      '伊朗和美国周五在马斯喀特举行了间接会谈。',
    ],
    [
      'ISO-2022-JP Japanese',
      'talks.iso-2022-jp.txt',
      'ISO-2022-JP (Japanese)',
      'イランと米国は金曜日、マスカットで間接協議を行った。',
    ],
    [
      'UTF-32 with BOM',
      'talks.utf-32-bom.txt',
      'UTF-32 (little-endian)',
      '伊朗和美国周五在马斯喀特举行了间接会谈。',
    ],
    [
      'UTF-32 without BOM',
      'talks.utf-32le.txt',
      'UTF-32 (little-endian, no byte order mark)',
      '伊朗和美国周五在马斯喀特举行了间接会谈。',
    ],
  ])('%s imports, converted, with a note', async (input, file, label, sentence) => {
    const proposal = await preview(fileSource('talks.txt', encoded(file)));
    expect(bodyText(proposal)).toContain(sentence);
    const note = `talks.txt was ${label} text; Parallax converted it to UTF-8.`;
    expect(proposal.warnings).toContain(note);
    table.push({ input, outcome: `imported; warns "${note}"` });
  });

  it.each([
    ['Windows-1251 Russian', 'talks.cp1251.txt'],
    ['Shift_JIS Japanese', 'talks.shift_jis.txt'],
  ])('%s is refused, not garbled', async (input, file) => {
    expect(await userMessage(input, () => preview(fileSource('talks.txt', encoded(file))))).toBe(
      'talks.txt looks like text in a legacy encoding Parallax does not convert (such as Windows-1251, Big5 or Shift_JIS; it converts UTF-16, UTF-32, GB18030, ISO-2022-JP and Windows-1252); save it as UTF-8 and import it again.',
    );
  });

  it('a UTF-16 text in Persian without BOM imports too', async () => {
    const persian = 'مذاکرات در مسقط برگزار شد. دو طرف گفتند دوباره دیدار خواهند کرد.';
    const proposal = await preview(fileSource('farsi.txt', utf16(persian, 'le', false)));
    expect(bodyText(proposal)).toContain(persian);
  });
});

describe('odd text', () => {
  it('control characters are removed, with a warning', async () => {
    const proposal = await preview(
      fileSource('bell.txt', `${ARTICLE}\u0007\u001b[0m\r\n\r\n${ARTICLE}`),
    );
    expect(bodyText(proposal)).not.toMatch(/[\r]/);
    expect([...bodyText(proposal)].some((c) => c === '\u0007' || c === '\u001b')).toBe(false);
    const note = 'bell.txt held 2 control characters (invisible, not text); Parallax removed them.';
    expect(proposal.warnings).toContain(note);
    table.push({ input: 'control characters in text', outcome: `imported; warns "${note}"` });
  });

  it('a headline and nothing under it', async () => {
    expect(
      await userMessage('only a headline', () =>
        preview({ kind: 'text', text: 'Talks in Muscat' }),
      ),
    ).toBe('The text holds only a headline ("Talks in Muscat") and no article text under it.');
  });
});

describe('files on disk that cannot be read', () => {
  it('a folder', async () => {
    const path = tempDir();
    expect(await userMessage('a folder given as the file', () => readImportFile(path))).toBe(
      `${path} is a folder, not a file.`,
    );
  });

  it('a file without read permission', async () => {
    const path = join(tempDir(), 'locked.txt');
    writeFileSync(path, ARTICLE);
    chmodSync(path, 0o000);
    if (process.getuid?.() === 0) {
      console.log('skipped: running as root, which reads any file regardless of permissions');
      return;
    }
    expect(await userMessage('a file without read permission', () => readImportFile(path))).toBe(
      `${path} cannot be read: permission denied.`,
    );
  });
});

describe('size', () => {
  it('a 50 MB file on disk is refused from its size, before it is read', async () => {
    const path = join(tempDir(), 'huge.txt');
    // Sparse: 50 MB long without writing 50 MB.
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    const before = process.memoryUsage().arrayBuffers;
    const [message, ms] = await timed(() => userMessage('50 MB file', () => readImportFile(path)));
    expect(message).toBe('huge.txt is over 20 MB; Parallax imports up to 20 MB.');
    expect(ms).toBeLessThan(200);
    // Had it been read, 50 MB would have been allocated.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(20 * 1024 * 1024);
  });

  it('a 50 MB file sent as base64 is refused before decoding', async () => {
    const source: ImportSource = {
      kind: 'file',
      name: 'huge.html',
      base64: 'QUFB'.repeat((50 * 1024 * 1024) / 3),
    };
    expect(await userMessage('50 MB upload', () => preview(source))).toBe(
      'huge.html is over 20 MB; Parallax imports up to 20 MB.',
    );
  });

  it('a paste over 20 MB', async () => {
    const text = 'word '.repeat(4.5 * 1024 * 1024);
    expect(await userMessage('paste over 20 MB', () => preview({ kind: 'text', text }))).toBe(
      'The pasted text is over 20 MB; split it before importing.',
    );
  });
});

describe('hostile HTML', () => {
  const page = (body: string) =>
    `<!doctype html><html><head><title>Talks</title></head><body>${body}</body></html>`;

  it('100,000 nested <div>s: refused at once, no stack overflow', async () => {
    const html = page(`${'<div>'.repeat(100_000)}<p>${ARTICLE}</p>${'</div>'.repeat(100_000)}`);
    const [message, ms] = await timed(() =>
      userMessage('100,000 nested <div>s', () => preview(fileSource('deep.html', html))),
    );
    expect(message).toBe(
      `deep.html is nested more than ${MAX_HTML_DEPTH} levels deep (an article page uses a few dozen); Parallax does not read pages built like this — save the article alone, or copy its text and paste it.`,
    );
    expect(ms).toBeLessThan(2000);
  });

  it('100,000 unclosed <div>s pasted', async () => {
    const html = page(`${'<div>'.repeat(100_000)}<p>${ARTICLE}</p>`);
    expect(
      await userMessage('100,000 unclosed <div>s, pasted', () =>
        preview({ kind: 'text', text: html }),
      ),
    ).toMatch(/^The pasted HTML is nested more than \d+ levels deep/);
  });

  it.each([
    [
      'an unclosed <a> in each of 600 comments',
      `<div><article><h1>Talks in Muscat</h1>${`<p>${ARTICLE}</p>`.repeat(3)}</article><div class="comments">${'<p>Agreed, see <a href="/user">my post</p>'.repeat(600)}</div></div>`,
    ],
    [
      'unclosed <span>, <font>, <li>, <tr> and <td> tags',
      `<article><h1>Talks in Muscat</h1>${`<p>${ARTICLE}</p>`.repeat(3)}<ul>${'<li><span>Oman <font color=red>Muscat'.repeat(300)}</ul><table>${'<tr><td><span>a<td><a href=#>b'.repeat(300)}</table></article>`,
    ],
  ])('sloppy markup imports: %s', async (input, body) => {
    const proposal = await preview(fileSource('sloppy.html', page(body)));
    expect(bodyText(proposal)).toContain(ARTICLE);
    table.push({ input: `sloppy HTML: ${input}`, outcome: 'imported' });
  });

  it('an article nested 200 levels deep still imports', async () => {
    const html = page(
      `${'<div>'.repeat(200)}<article><h1>Talks in Muscat</h1><p>${ARTICLE}</p><p>${ARTICLE}</p></article>${'</div>'.repeat(200)}`,
    );
    const [proposal, ms] = await timed(() => preview(fileSource('nested.html', html)));
    expect(bodyText(proposal)).toContain(ARTICLE);
    expect(ms).toBeLessThan(10_000);
    table.push({ input: '200 nested levels', outcome: 'imported' });
  });

  it('a 10 MB page of repeated tags (a "tag bomb"): refused before parsing', async () => {
    const html = page(`<article><p>${ARTICLE}</p>${'<b></b>'.repeat(1_500_000)}</article>`);
    expect(html.length).toBeGreaterThan(10_000_000);
    const [message, ms] = await timed(() =>
      userMessage('10 MB of repeated tags', () => preview(fileSource('bomb.html', html))),
    );
    expect(message).toBe(
      'bomb.html has over 50,000 HTML elements (an article page has a few thousand); Parallax does not read pages this large — save the article alone, or copy its text and paste it.',
    );
    expect(ms).toBeLessThan(3000);
  });

  it('entity expansion ("billion laughs") is not a thing in HTML: the entities stay as text', async () => {
    const laughs = Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`,
    ).join('');
    const html = `<!DOCTYPE html [<!ENTITY lol0 "lol">${laughs}]><html><body><article><p>${ARTICLE} &lol9;</p><p>${ARTICLE}</p></article></body></html>`;
    const [proposal, ms] = await timed(() => preview(fileSource('laughs.html', html)));
    expect(bodyText(proposal)).toContain('&lol9;');
    expect(bodyText(proposal).length).toBeLessThan(10_000);
    expect(ms).toBeLessThan(5000);
    table.push({ input: 'entity expansion', outcome: 'imported; "&lol9;" kept as text' });
  });

  it('a page with no article', async () => {
    const html = page('<nav><a href="/">Home</a></nav><form><input name="q"></form>');
    expect(
      await userMessage('HTML with no article', () => preview(fileSource('login.html', html))),
    ).toBe(
      'login.html has no article text Parallax can find (is it a front page or a login wall?).',
    );
  });
});

describe('PDFs', () => {
  it('without a text layer (a scan)', async () => {
    const bytes = await makeShapesOnlyPdf();
    expect(
      await userMessage('PDF without text', () => preview(fileSource('scan.pdf', bytes))),
    ).toBe(
      'scan.pdf has no text layer (it is probably a scan); Parallax cannot read its words — run OCR on it first.',
    );
  });

  it('corrupt bytes after a valid header', async () => {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(16 * 1024)]);
    expect(
      await userMessage('PDF, garbage after header', () =>
        preview(fileSource('broken.pdf', bytes)),
      ),
    ).toBe('broken.pdf is not a readable PDF: it is damaged or not a PDF at all.');
  });

  it('cut off halfway', async () => {
    const whole = await makePdf((doc) => doc.text(ARTICLE));
    const half = whole.subarray(0, Math.floor(whole.length / 2));
    expect(await userMessage('PDF cut in half', () => preview(fileSource('half.pdf', half)))).toBe(
      'half.pdf is not a readable PDF: it is damaged or not a PDF at all.',
    );
  });

  it(`over ${MAX_PDF_PAGES} pages: refused from its page count, before any page is read`, async () => {
    const bytes = await makePdf((doc) => {
      doc.text(ARTICLE);
      for (let page = 2; page <= MAX_PDF_PAGES + 1; page++) doc.addPage().text(`Page ${page}.`);
    });
    const [message, ms] = await timed(() =>
      userMessage(`PDF of ${MAX_PDF_PAGES + 1} pages`, () =>
        preview(fileSource('edition.pdf', bytes)),
      ),
    );
    expect(message).toBe(
      `edition.pdf has ${MAX_PDF_PAGES + 1} pages, more than the ${MAX_PDF_PAGES} Parallax reads from one PDF; save the pages with the article as a separate PDF and import that.`,
    );
    // Reading 501 pages takes about half a second here; refusing takes a few ms.
    expect(ms).toBeLessThan(300);
  });

  it(`a page of over ${MAX_LAID_OUT_LINES.toLocaleString('en-US')} lines is read top to bottom, with a warning`, async () => {
    // 6,000 tiny lines on one page (39 KB) took 7 s to order by columns.
    const lines = 3 * MAX_LAID_OUT_LINES;
    const bytes = await makePdf((doc) => {
      doc.fontSize(0.2);
      for (let i = 0; i < lines; i++)
        doc.text(`Line ${i} of the talks.`, 50, 50 + i * 0.12, { lineBreak: false });
    });
    const [proposal, ms] = await timed(() => preview(fileSource('tiny.pdf', bytes)));
    const text = bodyText(proposal);
    expect(text.indexOf('Line 0 of')).toBeLessThan(text.indexOf(`Line ${lines - 1} of`));
    const note = `page 1 has over ${MAX_LAID_OUT_LINES.toLocaleString('en-US')} lines; Parallax read it top to bottom without looking for columns.`;
    expect(proposal.warnings).toContain(note);
    expect(ms).toBeLessThan(3000);
    table.push({ input: `PDF page of ${lines} lines`, outcome: `imported; warns "${note}"` });
  });

  it('encrypted with a password', async () => {
    const bytes = await makePdf((doc) => doc.text(ARTICLE), { userPassword: 'secret' });
    expect(
      await userMessage('PDF with a password', () => preview(fileSource('locked.pdf', bytes))),
    ).toBe('locked.pdf is not a readable PDF: it is protected by a password.');
  });
});

describe('web addresses', () => {
  const servers: Server[] = [];
  const sockets = new Set<Socket>();
  afterEach(async () => {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  });
  async function serve(handle: Parameters<typeof createServer>[1]): Promise<string> {
    const server = createServer(handle!);
    server.on('connection', (socket) => sockets.add(socket));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('that redirects forever: gives up after 5 redirects', async () => {
    let hops = 0;
    const host = await serve((request, response) => {
      hops++;
      response.writeHead(302, { Location: `/loop/${hops}` }).end();
    });
    const message = await userMessage('URL redirecting forever', () =>
      preview({ kind: 'url', url: `http://${host}/loop/0` }),
    );
    expect(message).toBe(`Gave up after 5 redirects from ${host}.`);
    expect(hops).toBe(6);
  });

  it('that never answers: gives up at its timeout', async () => {
    // Accepts the connection and the request, then says nothing.
    const host = await serve(() => undefined);
    const [message, ms] = await timed(() =>
      userMessage('URL that never answers', () =>
        preview({ kind: 'url', url: `http://${host}/slow` }, { fetchLimits: { timeoutMs: 300 } }),
      ),
    );
    expect(message).toBe(`${host} did not answer within 0.3 s.`);
    expect(ms).toBeGreaterThanOrEqual(290);
    expect(ms).toBeLessThan(2000);
  });

  it('that is not http(s)', async () => {
    expect(
      await userMessage('file: address', () => preview({ kind: 'url', url: 'file:///etc/passwd' })),
    ).toBe('Parallax only imports http and https addresses (this one is file:).');
  });
});

describe('library and bundle files', () => {
  it('a library file that is not a database is refused and left untouched', () => {
    const path = join(tempDir(), 'parallax.db');
    const notes = 'Shopping list: bread, milk.\n'.repeat(200);
    writeFileSync(path, notes);
    const message = (() => {
      try {
        openLibrary(path).close();
        return 'opened';
      } catch (error) {
        expect(error).toBeInstanceOf(UserError);
        return (error as Error).message;
      }
    })();
    table.push({ input: 'library file that is not a database', outcome: message });
    expect(message).toContain(path);
    expect(message).toMatch(/not a database|not a SQLite database|not a Parallax library/i);
    expect(readFileSync(path, 'utf8')).toBe(notes);
  });

  it('a bundle from a newer Parallax', async () => {
    const { library } = await sampleWorkspace();
    const bundle = join(tempDir(), 'class.parallax');
    exportBundle(
      library,
      {
        storyIds: [library.stories.list()[0]!.id],
        assignment: 'Read both.',
        includeAnnotations: false,
        appVersion: '1',
      },
      bundle,
    );
    const db = new BetterSqlite3(bundle);
    db.pragma(`user_version = ${migrations.length + 5}`);
    db.close();
    expect(
      await userMessage('bundle from a newer Parallax', () =>
        openBundleFile(bundle, 'class.parallax'),
      ),
    ).toBe(
      `class.parallax was made by a newer Parallax (schema ${migrations.length + 5}, this one reads up to ${migrations.length}); update Parallax to open it.`,
    );
  });
});
