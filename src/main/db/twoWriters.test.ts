// Issue 13, point 4: two Parallax processes writing one library at once both succeed.
// Before, every transaction began deferred: it read first (is this outlet known?), and
// upgrading that read to a write while the other process wrote failed at once with
// "database is locked", as SQLite's busy handler is not called for that upgrade under
// WAL. Here one real process runs `parallax import` 40 times while another writes
// annotations and the annotator's name through the API, as browser mode does.
import BetterSqlite3 from 'better-sqlite3';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../core/seededRandom';
import { findAppRoot } from '../appRoot';
import { dispatch } from '../services/dispatch';
import { createHandlers } from '../services/handlers';
import { seedSampleCorpus } from '../services/sampleCorpus';
import { sampleFolder, tempDir } from '../testing/tempLibrary';
import { openLibrary } from './library';

const IMPORT_RUNS = 40;
const FILES_PER_RUN = 2;
const root = findAppRoot();
const child = join(root, 'src', 'main', 'testing', 'twoWritersChild.ts');

interface Written {
  saved: string[];
  failures: string[];
  lastName?: string;
}

/** A writer process, loaded and waiting for "go". */
function startWriter(args: string[]) {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, ...args], { cwd: root });
  let stdout = '';
  let stderr = '';
  proc.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const ready = new Promise<void>((resolve, reject) => {
    proc.stdout.on('data', () => stdout.startsWith('ready\n') && resolve());
    proc.on('exit', (code) => reject(new Error(`writer exited (${code}) early: ${stderr}`)));
  });
  const done = new Promise<Written>((resolve, reject) =>
    proc.on('close', (code) => {
      if (code !== 0) return reject(new Error(`writer failed (${code}): ${stderr}`));
      resolve(JSON.parse(stdout.slice('ready\n'.length)) as Written);
    }),
  );
  return { proc, ready, done };
}

const say = (proc: ChildProcessWithoutNullStreams, word: string) => proc.stdin.write(`${word}\n`);

describe('two processes writing one library', () => {
  it(
    'an import and annotations written at the same time both succeed, and every write is kept',
    { timeout: 240_000 },
    async () => {
      const dir = tempDir();
      const path = join(dir, 'parallax.db');
      const seeded = openLibrary(path);
      await seedSampleCorpus(seeded, sampleFolder());
      seeded.close();
      const random = seededRandom(13);
      const words = 'talks Muscat Oman sanctions envoy round week mediator statement trust'.split(
        ' ',
      );
      const files = Array.from({ length: IMPORT_RUNS * FILES_PER_RUN }, (_, i) => {
        const file = join(dir, `wire-${i}.txt`);
        const body = Array.from({ length: 300 }, () => words[Math.floor(random() * 10)]).join(' ');
        writeFileSync(file, `Wire report ${i}\n\n${body}.\n`);
        return file;
      });

      const importer = startWriter(['importer', path, ...files]);
      const annotator = startWriter(['annotator', path]);
      await Promise.all([importer.ready, annotator.ready]);
      say(importer.proc, 'go');
      say(annotator.proc, 'go');
      const imported = await importer.done;
      say(annotator.proc, 'stop');
      const annotated = await annotator.done;

      console.log(
        `two writers: ${IMPORT_RUNS} imports (${imported.failures.length} failed), ` +
          `${annotated.saved.length} annotations written alongside ` +
          `(${annotated.failures.length} writes failed)`,
      );
      expect(imported.failures).toEqual([]);
      expect(annotated.failures).toEqual([]);
      expect(imported.saved).toHaveLength(files.length);
      // The two really overlapped: annotations kept coming in during the imports.
      expect(annotated.saved.length).toBeGreaterThan(IMPORT_RUNS);

      const library = openLibrary(path);
      try {
        const versions = new Set(library.db.prepare('SELECT id FROM versions').pluck().all());
        expect(imported.saved.filter((id) => !versions.has(id))).toEqual([]);
        const annotations = new Set(library.db.prepare('SELECT id FROM annotations').pluck().all());
        expect(annotated.saved.filter((id) => !annotations.has(id))).toEqual([]);
        expect(library.meta.get('annotator_name')).toBe(annotated.lastName);
      } finally {
        library.close();
      }
    },
  );

  it('a write kept waiting too long says the library is busy and writes nothing', async () => {
    const dir = tempDir();
    const path = join(dir, 'parallax.db');
    const library = openLibrary(path);
    await seedSampleCorpus(library, sampleFolder());
    const handlers = createHandlers(library, { mode: 'browser', appVersion: '0.0.0' });
    // Another process holding the write lock far longer than any write takes.
    const other = new BetterSqlite3(path);
    other.exec('BEGIN IMMEDIATE');
    library.db.pragma('busy_timeout = 200'); // not the real 20 s: the test would wait for it
    try {
      const before = library.meta.get('annotator_name');
      const started = performance.now();
      expect(await dispatch(handlers, 'settings:update', { annotatorName: 'Ms Rahimi' })).toEqual({
        ok: false,
        error:
          `The library at ${path} is busy: another Parallax window or command has been ` +
          'writing to it for over 20 s; try again when it has finished; nothing was saved.',
      });
      expect(performance.now() - started).toBeGreaterThanOrEqual(150); // it waited first
      other.exec('ROLLBACK');
      expect(library.meta.get('annotator_name')).toBe(before);
    } finally {
      other.close();
      library.close();
    }
  });
});
