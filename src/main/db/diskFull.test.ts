// Issue 13, point 7: a write that meets a full disk says so in one sentence and leaves
// the library as it was. Two real ways to fill it: SQLite's max_page_count on the real
// library file (SQLITE_FULL exactly as a full disk gives it, anywhere), and a real full
// file system, a small tmpfs filled to the last byte (needs root to mount).
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/runCli';
import { seedSampleCorpus } from '../services/sampleCorpus';
import { proposedArticle } from '../testing/proposedArticle';
import { sampleWorkspace } from '../testing/sampleWorkspace';
import { sampleFolder, tempDir } from '../testing/tempLibrary';
import { openLibrary, type Library } from './library';
import { DISK_FULL_MESSAGE } from './storageErrors';
import { libraryContents } from '../testing/libraryContents';

/** The library may grow no further: the next page it needs is refused with SQLITE_FULL. */
function fillUp(library: Library): void {
  library.db.exec('VACUUM'); // no free pages left to reuse
  const pages = library.db.pragma('page_count', { simple: true }) as number;
  library.db.pragma(`max_page_count = ${pages}`);
}

/** An annotation on "Oman" in the sample's first version, with `note`. */
function omanAnnotation(
  { comparison, a, codes }: Awaited<ReturnType<typeof sampleWorkspace>>,
  note: string,
) {
  const start = a.body.indexOf('Oman');
  return {
    versionId: a.id,
    comparisonId: comparison.id,
    codeId: codes[0]!.id,
    note,
    selectors: [
      { type: 'TextQuoteSelector' as const, exact: 'Oman' },
      { type: 'TextPositionSelector' as const, start, end: start + 4 },
    ],
  };
}

/** About `words` words of article text: far more than the free room of a page. */
const longText = (words: number) =>
  Array.from({ length: words }, (_, i) => `sanctions${i % 97} talks${i % 89}`).join(' ');

describe('a full disk, as SQLite reports it (max_page_count)', () => {
  it('an annotation is refused with one sentence and nothing is written', async () => {
    const workspace = await sampleWorkspace();
    const { library, call } = workspace;
    fillUp(library);
    const before = libraryContents(library);
    const result = await call('annotation:create', omanAnnotation(workspace, 'x'.repeat(10_000)));
    expect(result).toEqual({ ok: false, error: DISK_FULL_MESSAGE });
    expect(libraryContents(library)).toEqual(before);
  });

  it('an import is refused with one sentence and nothing is written', async () => {
    const { library, call } = await sampleWorkspace();
    fillUp(library);
    const before = libraryContents(library);
    const text = longText(20_000);
    const result = await call('import:commit', {
      articles: [proposedArticle({ headline: 'A long report', paragraphs: [text] })],
      rawInput: text,
      sourceKind: 'paste',
      sourceName: null,
    });
    expect(result).toEqual({ ok: false, error: DISK_FULL_MESSAGE });
    expect(libraryContents(library)).toEqual(before);
  });

  it('a bundle merge is refused with one sentence and nothing is written', async () => {
    // A student's bundle handed back: the sample, with the student's long annotation.
    const student = await sampleWorkspace();
    await student.ok('annotation:create', omanAnnotation(student, 'x'.repeat(10_000)));
    const { base64 } = await student.ok('bundle:export', {
      storyIds: [student.library.stories.list()[0]!.id],
      assignment: 'Mark the framing devices.',
      includeAnnotations: true,
    });

    const { library, call } = await sampleWorkspace();
    fillUp(library);
    const before = libraryContents(library);
    const result = await call('bundle:open', { name: 'student.parallax', base64 });
    expect(result).toEqual({ ok: false, error: DISK_FULL_MESSAGE });
    expect(libraryContents(library)).toEqual(before);
  });
});

// Mounting needs root (CAP_SYS_ADMIN); elsewhere max_page_count above stands in for it.
const mayMount = process.platform === 'linux' && process.getuid?.() === 0;
if (!mayMount) console.info('[skip] full tmpfs test: mounting a tmpfs needs root on Linux');

describe.skipIf(!mayMount)('a full disk, for real (a tmpfs filled to the last byte)', () => {
  it('parallax import and compare --out say the disk is full and write nothing', async (ctx) => {
    const dir = tempDir();
    const disk = join(dir, 'disk');
    mkdirSync(disk);
    const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', disk]);
    // Root in a container may still lack CAP_SYS_ADMIN.
    ctx.skip(mount.status !== 0, `mounting a tmpfs failed: ${String(mount.stderr).trim()}`);
    const path = join(disk, 'parallax.db');
    // Held open through the test, so its -wal and -shm stay (as with the app running).
    const library = openLibrary(path);
    try {
      await seedSampleCorpus(library, sampleFolder());
      const { aVersionId, bVersionId } = library.comparisons.list()[0]!;
      const article = join(dir, 'long-report.txt');
      writeFileSync(article, `A long report\n\n${longText(200_000)}.\n`);
      fillDisk(join(disk, 'filler'));
      const before = libraryContents(library);

      const cli = async (...argv: string[]) => {
        const err: string[] = [];
        const code = await runCli(argv, { out: () => {}, err: (t) => err.push(t), env: {} });
        return { code, err: err.join('\n') };
      };
      expect(await cli('import', article, '--db', path, '--outlet', 'Wire')).toEqual({
        code: 1,
        err: `parallax: ${DISK_FULL_MESSAGE}`,
      });
      const report = join(disk, 'report.html');
      expect(
        await cli(
          'compare',
          aVersionId,
          bVersionId,
          '--db',
          path,
          '--format',
          'html',
          '--out',
          report,
        ),
      ).toEqual({
        code: 1,
        err: `parallax: Cannot write ${report}: the disk is full; free some space and try again.`,
      });
      expect(libraryContents(library)).toEqual(before);
      // No half-written report, no temporary file beside it.
      expect(readdirSync(disk).sort()).toEqual([
        'filler',
        'parallax.db',
        'parallax.db-shm',
        'parallax.db-wal',
      ]);
    } finally {
      library.close();
      spawnSync('umount', [disk]);
    }
  });
});

/** Writes `file` until the file system has no byte left. */
function fillDisk(file: string): void {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (let size = chunk.length; size > 0;) {
      try {
        writeSync(fd, chunk, 0, size);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
        size = Math.floor(size / 2);
      }
    }
  } finally {
    closeSync(fd);
  }
}
