// Issue 13, point 7: a library Parallax may not write (a read-only file, a read-only
// folder, a share the student may only read) still opens for reading: `parallax list`,
// compare, report and the exports work, and a write gets one sentence, writing nothing.
//
// The CLI runs as a real process under a user who may not write the files. Root may
// write anything whatever the permissions, so as root the commands run as `nobody`
// (uid 65534); as anyone else, the permissions alone do it.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAppRoot } from '../appRoot';
import { seedSampleCorpus } from '../services/sampleCorpus';
import { saveArticles } from '../services/saveArticles';
import { proposedArticle } from '../testing/proposedArticle';
import { sampleFolder, tempDir } from '../testing/tempLibrary';
import { openLibrary } from './library';
import { libraryContents } from '../testing/libraryContents';

const root = findAppRoot();
const main = join(root, 'src', 'main', 'cli', 'main.ts');
const asRoot = process.getuid?.() === 0;
const canRun = process.platform !== 'win32';
if (!canRun) console.info('[skip] read-only library test: Windows permissions are not modes');

interface Ran {
  code: number | null;
  out: string;
  err: string;
}

/** `parallax ARGS` in its own process, as a user who may not write the library. */
function parallax(...args: string[]): Promise<Ran> {
  const proc = spawn(process.execPath, ['--import', 'tsx', main, ...args], {
    cwd: root,
    ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    env: { ...process.env, PARALLAX_DB: '' },
  });
  let out = '';
  let err = '';
  proc.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  return new Promise((resolve) => proc.on('close', (code) => resolve({ code, out, err })));
}

/** The sample library in a folder of its own, closed, and an article file anyone may read. */
async function sampleLibrary() {
  const dir = tempDir();
  chmodSync(dir, 0o755); // mkdtemp's 0700 would keep the other user out of everything
  const folder = join(dir, 'class');
  mkdirSync(folder);
  const path = join(folder, 'parallax.db');
  const library = openLibrary(path);
  await seedSampleCorpus(library, sampleFolder());
  const { aVersionId, bVersionId } = library.comparisons.list()[0]!;
  const before = libraryContents(library);
  library.close();
  const article = join(dir, 'report.txt');
  writeFileSync(article, 'Talks resume\n\nThe envoys met again in Muscat on Friday.\n');
  return { folder, path, a: aVersionId, b: bVersionId, before, article };
}

const READ_ONLY = (path: string) =>
  `parallax: The library at ${path} is read-only: allow writing to the file and its folder, ` +
  'or copy it to a folder you can write to and open that copy, then try again; nothing was saved.\n';

/** The read-only commands work, and an import is refused with one sentence. */
async function expectReadableNotWritable(
  lib: Awaited<ReturnType<typeof sampleLibrary>>,
): Promise<void> {
  const { path, a, b, article } = lib;
  const [list, json, compare, report, exported, imported] = await Promise.all([
    parallax('list', '--db', path),
    parallax('list', '--db', path, '--json'),
    parallax('compare', a, b, '--db', path, '--format', 'md'),
    parallax('report', a, b, '--db', path, '--format', 'md'),
    parallax('export-annotations', '--db', path),
    parallax('import', article, '--db', path, '--outlet', 'Wire'),
  ]);
  expect(list).toMatchObject({ code: 0, err: '' });
  expect(list.out).toContain('Tehran Times');
  expect(list.out).toContain('CGTN');
  expect(json.code).toBe(0);
  expect(JSON.parse(json.out)).toMatchObject({ stories: [{ articles: expect.any(Array) }] });
  expect(compare).toMatchObject({ code: 0, err: '' });
  expect(compare.out).toContain('CGTN');
  expect(report).toMatchObject({ code: 0, err: '' });
  expect(report.out).toContain('Tehran Times');
  expect(exported).toMatchObject({ code: 0, err: '' });
  expect(imported).toEqual({ code: 1, out: '', err: READ_ONLY(path) });
}

function expectUnchanged(path: string, before: Record<string, unknown[]>): void {
  const library = openLibrary(path);
  try {
    expect(libraryContents(library)).toEqual(before);
  } finally {
    library.close();
  }
}

// Each case starts six CLI processes at once; on a loaded 2-core machine that takes a while.
const SLOW = { timeout: 180_000 };

describe.skipIf(!canRun)('a library Parallax may not write', () => {
  it(
    'a read-only file: reading works, an import is refused and nothing is written',
    SLOW,
    async () => {
      const lib = await sampleLibrary();
      chmodSync(lib.folder, 0o777);
      chmodSync(lib.path, 0o444);
      await expectReadableNotWritable(lib);
      chmodSync(lib.path, 0o644);
      expectUnchanged(lib.path, lib.before);
    },
  );

  it(
    'a read-only folder, the library closed cleanly: read whole, and nothing is written beside it',
    SLOW,
    async () => {
      const lib = await sampleLibrary();
      const bytes = readFileSync(lib.path);
      expect(readdirSync(lib.folder)).toEqual(['parallax.db']); // no -wal or -shm to lean on
      chmodSync(lib.path, 0o444);
      chmodSync(lib.folder, 0o555);
      await expectReadableNotWritable(lib);
      expect(readdirSync(lib.folder)).toEqual(['parallax.db']);
      expect(readFileSync(lib.path).equals(bytes)).toBe(true);
      chmodSync(lib.folder, 0o755);
      chmodSync(lib.path, 0o644);
    },
  );

  it(
    'a read-only folder while another Parallax has the library open (its -wal holds the latest)',
    SLOW,
    async () => {
      const lib = await sampleLibrary();
      chmodSync(lib.folder, 0o555);
      // The owner's app, still running: its last change is in the -wal, not yet in the file.
      const owner = openLibrary(lib.path);
      try {
        owner.db.pragma('wal_autocheckpoint = 0');
        const text = 'The envoys will meet again next week, Oman said.';
        saveArticles(owner, {
          articles: [proposedArticle({ outlet: 'Late Wire', paragraphs: [text] })],
          rawInput: text,
          sourceKind: 'paste',
          sourceName: null,
        });
        const before = libraryContents(owner);
        await expectReadableNotWritable(lib);
        const list = await parallax('list', '--db', lib.path);
        expect(list.out).toContain('Late Wire: Talks resume in Muscat');
        expect(libraryContents(owner)).toEqual(before);
      } finally {
        owner.close();
        chmodSync(lib.folder, 0o755);
      }
    },
  );
});
