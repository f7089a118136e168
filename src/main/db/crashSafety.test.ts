// The crash test (issue 7): the real CLI imports batches of articles into one library
// and is killed with SIGKILL at a random moment, 50 times. After every kill the
// library must open, pass PRAGMA integrity_check, hold every version whose import
// reported success, and hold each killed batch whole or not at all.
//
// Each run imports many files in one invocation, so the kill often lands while the
// import transaction is being written. Where it landed is read, not guessed: the
// child is stopped (SIGSTOP) the instant before the kill and /proc/locks shows
// whether it held SQLite's WAL write lock (byte 120 of the -shm file) or its
// checkpoint lock (byte 121). `PARALLAX_CRASH_KILLS` and `PARALLAX_CRASH_SEED`
// change the number of kills and the random moments.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom, type Random } from '../../core/seededRandom';
import { findAppRoot } from '../appRoot';
import { tempDir } from '../testing/tempLibrary';
import { openLibrary } from './library';

const KILLS = Number(process.env.PARALLAX_CRASH_KILLS ?? 50);
const SEED = Number(process.env.PARALLAX_CRASH_SEED ?? 7);
const FILES_PER_RUN = 80;
const WORDS_PER_FILE = 500;
/** Runs that finish before their kill do not count; this bounds the whole test. */
const MAX_RUNS = KILLS * 3;

type Phase = 'reading' | 'writing' | 'checkpointing or closing';

interface Run {
  batch: number;
  /** The names of its files, which the library keeps as each version's source name. */
  fileNames: string[];
  /** Version ids the CLI printed as imported: a complete `--json` answer, nothing less. */
  reported: string[];
  killedIn: Phase | 'after closing' | 'finished';
  /** Times in ms from the moment the process first held a lock on the library. */
  timeline: { end: number; writeStart?: number; writeEnd?: number };
  /** After a kill: the whole batch was in the library (committed before the kill). */
  foundWhole?: boolean;
}

const root = findAppRoot();
const cli = join(root, 'out', 'main', 'cli.js');
const canWatchLocks = process.platform === 'linux' && existsSync('/proc/locks');

describe.skipIf(!canWatchLocks)('crash safety of imports', () => {
  if (!canWatchLocks)
    console.log('crash test skipped: it reads SQLite locks from /proc/locks (Linux)');

  it(`survives ${KILLS} SIGKILLs of the import process`, { timeout: 600_000 }, async () => {
    ensureCliBuilt();
    const dir = tempDir();
    const library = join(dir, 'parallax.db');
    const random = seededRandom(SEED);
    const reported = new Set<string>();
    const runs: Run[] = [];
    const started = performance.now();

    // One run left to finish, on an existing library, times when the process writes
    // the import. The kills fall at random moments from its first lock on the file
    // (counting from there, Node's start-up and the reading of the files, whose time
    // varies with the machine's load, do not decide where they land) to a quarter
    // past the end of the write: opening, writing, committing, closing, printing.
    // Every tenth run is left to finish, so reported versions pile up between the
    // kills; it, and any run that finishes before its kill, updates the timing (the
    // median of the last five), so a machine whose load changes still gets its kills
    // mid-import.
    openLibrary(library).close();
    const calibration = await importBatch(dir, library, 0, random, undefined);
    expect(calibration.killedIn).toBe('finished');
    calibration.reported.forEach((id) => reported.add(id));
    const writeEnds = [calibration.timeline.writeEnd ?? calibration.timeline.end];
    const span = () => Math.max(50, 1.25 * median(writeEnds.slice(-5)));

    let kills = 0;
    for (let batch = 1; kills < KILLS && batch <= MAX_RUNS; batch++) {
      const killAfter = batch % 10 === 0 ? undefined : random() * span();
      const run = await importBatch(dir, library, batch, random, killAfter);
      runs.push(run);
      if (run.killedIn !== 'finished') kills++;
      else if (run.timeline.writeEnd !== undefined) writeEnds.push(run.timeline.writeEnd);
      run.reported.forEach((id) => reported.add(id));
      run.foundWhole = checkLibrary(library, reported, run);
      if (run.reported.length > 0) expect(run.foundWhole).toBe(true);
    }

    const count = (phase: Run['killedIn']) => runs.filter((r) => r.killedIn === phase).length;
    const whole = runs.filter((r) => r.killedIn !== 'finished' && r.foundWhole);
    const { writeStart = 0, writeEnd = 0, end } = calibration.timeline;
    console.log(
      `crash test (seed ${SEED}): ${kills} SIGKILLs in ${runs.length} runs of ${FILES_PER_RUN} ` +
        `files. The first run held the library for ${end.toFixed(0)} ms, writing from ` +
        `${writeStart.toFixed(0)} to ${writeEnd.toFixed(0)} ms. Killed while writing the import ` +
        `transaction: ${count('writing')}; while checkpointing or closing: ` +
        `${count('checkpointing or closing')}; with the library open otherwise (integrity ` +
        `check, reads, just before or after the write): ${count('reading')}; after closing it ` +
        `(printing): ${count('after closing')}; runs that finished (every tenth, and any ` +
        `that beat its kill): ` +
        `${count('finished')}. Killed imports found whole in the library (committed, not ` +
        `reported): ${whole.length}, the others absent. ${reported.size} reported versions, all ` +
        `present after every kill. ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
    expect(kills).toBe(KILLS);
    expect(count('writing')).toBeGreaterThan(0);
  });
});

/**
 * Writes a batch of distinct articles and runs `parallax import` on them, watching
 * the locks it holds. With `killAfter`, it is killed that many ms after it first
 * holds a lock on the library (if it is still running).
 */
async function importBatch(
  dir: string,
  library: string,
  batch: number,
  random: Random,
  killAfter: number | undefined,
): Promise<Run> {
  const folder = join(dir, `batch-${batch}`);
  mkdirSync(folder);
  const fileNames = Array.from({ length: FILES_PER_RUN }, (_, f) => `crash-${batch}-${f}.md`);
  const files = fileNames.map((name) => join(folder, name));
  for (const [f, file] of files.entries()) {
    writeFileSync(file, `Crash test article ${batch}-${f}\n\n${paragraphs(random)}`);
  }
  const child = spawn(
    process.execPath,
    [cli, 'import', ...files, '--db', library, '--outlet', 'Crash Wire', '--json'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const pid = child.pid!;
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));

  let opened: number | undefined;
  let killedIn: Run['killedIn'] | undefined;
  const timeline: Run['timeline'] = { end: 0 };
  const kill = (): void => {
    try {
      // Stopped, its locks are exactly those it held at the moment of the kill.
      process.kill(pid, 'SIGSTOP');
    } catch {
      return; // It had exited already.
    }
    try {
      waitUntilStopped(pid);
      const phase = phaseOf(pid, library);
      killedIn = phase === 'not open' ? 'after closing' : phase;
    } finally {
      process.kill(pid, 'SIGKILL');
    }
  };
  let killTimer: NodeJS.Timeout | undefined;
  const watch = setInterval(() => {
    const phase = phaseOf(pid, library);
    if (opened === undefined) {
      if (phase === 'not open') return;
      opened = performance.now();
      if (killAfter !== undefined) killTimer = setTimeout(kill, killAfter);
    }
    const at = performance.now() - opened;
    if (phase === 'writing') {
      timeline.writeStart ??= at;
      timeline.writeEnd = at;
    }
  }, 1);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (c, s) => resolve([c, s])),
  );
  clearInterval(watch);
  clearTimeout(killTimer);
  timeline.end = opened === undefined ? 0 : performance.now() - opened;
  if (signal === 'SIGKILL') {
    return { batch, fileNames, reported: reportedIn(stdout), killedIn: killedIn!, timeline };
  }
  if (code !== 0) throw new Error(`parallax import failed (${code}): ${stderr}`);
  const answer = JSON.parse(stdout) as { articles: { versionId: string; created: boolean }[] };
  expect(answer.articles.filter((a) => a.created)).toHaveLength(FILES_PER_RUN);
  const reported = answer.articles.map((a) => a.versionId);
  return { batch, fileNames, reported, killedIn: 'finished', timeline };
}

/** The version ids of a complete JSON answer; a cut-off one reports nothing. */
function reportedIn(stdout: string): string[] {
  try {
    const answer = JSON.parse(stdout) as { articles: { versionId: string }[] };
    return answer.articles.map((a) => a.versionId);
  } catch {
    return [];
  }
}

/**
 * The library opens (integrity checked on open), is sound, and lost nothing reported;
 * the run's batch is in it whole or not at all (one transaction per import). Returns
 * whether it is in it.
 */
function checkLibrary(path: string, reported: Set<string>, run: Run): boolean {
  const library = openLibrary(path);
  try {
    expect(library.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(library.db.pragma('foreign_key_check')).toEqual([]);
    const ids = new Set(library.db.prepare('SELECT id FROM versions').pluck().all() as string[]);
    const missing = [...reported].filter((id) => !ids.has(id));
    expect(missing, `reported versions missing after batch ${run.batch}`).toEqual([]);
    const placeholders = run.fileNames.map(() => '?').join(', ');
    const inBatch = library.db
      .prepare(`SELECT COUNT(*) FROM versions WHERE source_name IN (${placeholders})`)
      .pluck()
      .get(...run.fileNames) as number;
    expect([0, FILES_PER_RUN], `batch ${run.batch} (${run.killedIn})`).toContain(inBatch);
    return inBatch > 0;
  } finally {
    library.close();
  }
}

/**
 * What the (stopped) process is doing with the library, from the POSIX locks it holds
 * (/proc/locks) on the library file and its -shm file. SQLite's unix VFS: in the -shm
 * file byte 120 is the WAL write lock and 121 the checkpoint lock; an exclusive lock
 * on the library file itself is taken on close, to checkpoint and remove the WAL.
 */
function phaseOf(pid: number, library: string): Phase | 'not open' {
  const [db, shm] = [library, `${library}-shm`].map(
    (f) => statSync(f, { throwIfNoEntry: false })?.ino,
  );
  const held = readFileSync('/proc/locks', 'utf8')
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([, kind, , , owner]) => kind === 'POSIX' && Number(owner) === pid)
    .map(([, , , mode, , file, start]) => ({
      exclusive: mode === 'WRITE',
      ino: Number(file?.split(':')[2]),
      start: Number(start),
    }))
    .filter((lock) => lock.ino === db || lock.ino === shm);
  if (held.length === 0) return 'not open';
  const onShm = (byte: number) => held.some((l) => l.ino === shm && l.start === byte);
  if (onShm(120)) return 'writing';
  if (onShm(121) || held.some((l) => l.ino === db && l.exclusive)) {
    return 'checkpointing or closing';
  }
  return 'reading';
}

/** The signal is delivered asynchronously: wait (up to 1 s) until the process shows as stopped. */
function waitUntilStopped(pid: number): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let i = 0; i < 1000; i++) {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (/^\d+ \(.*\) [tTZ]/.test(stat)) return;
    Atomics.wait(pause, 0, 0, 1);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const VOCABULARY = (
  'talks Muscat Oman sanctions delegation minister round week Tehran Washington mediator ' +
  'statement nuclear envoy trust consultations indirect Araghchi Witkoff Albusaidi early next'
).split(' ');

/** About WORDS_PER_FILE words of seeded text in paragraphs of fifty. */
function paragraphs(random: Random): string {
  const out: string[] = [];
  for (let p = 0; p < WORDS_PER_FILE / 50; p++) {
    const words = Array.from(
      { length: 50 },
      () => VOCABULARY[Math.floor(random() * VOCABULARY.length)],
    );
    out.push(`${words.join(' ')}.`);
  }
  return out.join('\n\n');
}

/** The newest change under `dir`, in ms since the epoch. */
function newestChange(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .reduce(
      (newest, entry) => Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs),
      0,
    );
}

/** The crash test drives the built CLI; build it when it is missing or older than the sources. */
function ensureCliBuilt(): void {
  if (existsSync(cli) && statSync(cli).mtimeMs >= newestChange(join(root, 'src'))) return;
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0 || !existsSync(cli)) throw new Error(`could not build ${cli}`);
}
