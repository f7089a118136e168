import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../shared/result';
import { openLibrary } from '../db/library';
import { seedSampleCorpus } from '../services/sampleCorpus';
import { sampleFolder, tempDir } from '../testing/tempLibrary';
import { checkWritable, writeOutput } from './cliSupport';
import { reportCommand } from './reportCommand';
import { runCli, type CliIo } from './runCli';

/** A library file holding the sample comparison, and its two version ids. */
async function sampleLibraryFile() {
  const dir = tempDir();
  const db = join(dir, 'class.db');
  const library = openLibrary(db);
  await seedSampleCorpus(library, sampleFolder());
  const { aVersionId, bVersionId } = library.comparisons.list()[0]!;
  library.close();
  return { dir, db, a: aVersionId, b: bVersionId };
}

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('--out FILE in a folder that does not exist', () => {
  it('fails with one line naming the folder, for report, compare and the exports', async () => {
    const { dir, db, a, b } = await sampleLibraryFile();
    const folder = join(dir, 'no-such-folder');
    const expectOneLine = async (argv: string[], file: string) => {
      const result = await cli(...argv, '--db', db, '--out', file);
      expect(result).toEqual({
        code: 1,
        out: '',
        err: `parallax: Cannot write ${file}: the folder ${folder} does not exist.`,
      });
    };
    await expectOneLine(['report', a, b, '--format', 'pdf'], join(folder, 'report.pdf'));
    await expectOneLine(['report', a, b, '--format', 'md'], join(folder, 'report.md'));
    await expectOneLine(['compare', a, b, '--format', 'html'], join(folder, 'compare.html'));
    await expectOneLine(['export-annotations'], join(folder, 'annotations.csv'));
    await expectOneLine(['export-codebook', '--format', 'qdc'], join(folder, 'codebook.qdc'));
  });

  it('is refused before the report is rendered, so no one waits for a PDF', async () => {
    const { dir, db, a, b } = await sampleLibraryFile();
    const printed: string[] = [];
    const io: CliIo = { out: () => {}, err: () => {}, env: {} };
    const out = join(dir, 'gone', 'report.pdf');
    await expect(
      reportCommand([a, b, '--db', db, '--format', 'pdf', '--out', out], io, (html) => {
        printed.push(html);
        return Promise.resolve(Buffer.from('%PDF-1.7'));
      }),
    ).rejects.toThrow(
      new UserError(`Cannot write ${out}: the folder ${join(dir, 'gone')} does not exist.`),
    );
    expect(printed).toEqual([]);
  });
});

describe('writeOutput', () => {
  it('writes the bytes as given', () => {
    const file = join(tempDir(), 'out.md');
    writeOutput(file, '# Report\n');
    expect(readFileSync(file, 'utf8')).toBe('# Report\n');
  });

  it('names a folder given as the output file', () => {
    const dir = tempDir();
    expect(() => checkWritable(dir)).toThrow(new UserError(`Cannot write ${dir}: it is a folder.`));
    expect(() => writeOutput(dir, 'x')).toThrow(
      new UserError(`Cannot write ${dir}: it is a folder.`),
    );
  });

  // Root may write anywhere, so the refusal can only be seen as another user.
  const mayWriteAnywhere = process.platform === 'win32' || process.getuid?.() === 0;
  if (mayWriteAnywhere) {
    console.info('[skip] permission-denied test: this user (root or Windows) may write anywhere');
  }
  it.skipIf(mayWriteAnywhere)(
    'says permission denied for a folder the user may not write to',
    () => {
      expect(() => checkWritable('/proc/parallax-report.html')).toThrow(
        'Cannot write /proc/parallax-report.html: permission denied.',
      );
    },
  );
});
