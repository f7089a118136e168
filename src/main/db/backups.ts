// Copies of a library in a `backups/` folder beside it: one before each schema
// upgrade, and one a day (the last seven kept). Each is written under a temporary
// name, flushed to disk and renamed, so a crash leaves a whole backup or none.
import type { Database } from 'better-sqlite3';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
} from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { UserError } from '../../shared/result';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How many daily backups are kept: a week of school days and then some. */
export const DAILY_BACKUPS_KEPT = 7;

export interface BackupFile {
  name: string;
  path: string;
  kind: 'daily' | 'before-migration';
  modified: Date;
}

/** The folder holding a library's backups: `backups/` next to the library file. */
export function backupsDir(libraryPath: string): string {
  return join(dirname(libraryPath), 'backups');
}

/** This library's backups (not another library's in the same folder), newest first. */
export function listBackups(libraryPath: string): BackupFile[] {
  const dir = backupsDir(libraryPath);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const files: BackupFile[] = [];
  for (const name of names) {
    const kind = backupKind(libraryPath, name);
    if (!kind) continue;
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat?.isFile()) files.push({ name, path, kind, modified: stat.mtime });
  }
  return files.sort((a, b) => b.modified.getTime() - a.modified.getTime());
}

function backupKind(libraryPath: string, name: string): BackupFile['kind'] | undefined {
  const base = basename(libraryPath);
  if (name.startsWith(`${base}.before-schema-`) && name.endsWith('.bak')) return 'before-migration';
  const daily = new RegExp(`^${escapeRegExp(libraryStem(libraryPath))}-\\d{4}-\\d{2}-\\d{2}\\.db$`);
  return daily.test(name) ? 'daily' : undefined;
}

/**
 * Copies the library before its schema is upgraded to `toVersion`, to
 * `backups/parallax.db.before-schema-N.YYYYMMDD-HHMMSS.bak`, and returns the path.
 *
 * Synchronous, because the library is opened (and migrated) synchronously by every
 * caller; better-sqlite3's backup API (`db.backup()`) is asynchronous, so it is used
 * for the daily backup, where nothing waits for it. `VACUUM INTO` gives the same
 * guarantee, a transactionally consistent copy, without holding the whole file in
 * memory as `db.serialize()` would. A backup that cannot be written stops the
 * upgrade: the library is not changed without one.
 */
export function backupBeforeMigration(
  db: Database,
  libraryPath: string,
  toVersion: number,
  now: Date = new Date(),
): string {
  const dir = backupsDir(libraryPath);
  const final = join(
    dir,
    `${basename(libraryPath)}.before-schema-${toVersion}.${compactStamp(now)}.bak`,
  );
  const temp = `${final}.${process.pid}.partial`;
  try {
    mkdirSync(dir, { recursive: true });
    rmSync(temp, { force: true });
    db.prepare('VACUUM INTO ?').run(temp);
    flushToDisk(temp);
    renameSync(temp, final);
    return final;
  } catch (error) {
    removeQuietly(temp);
    throw new UserError(
      `Parallax needs to upgrade the library at ${libraryPath} to schema ${toVersion}, but ` +
        `could not back it up first to ${dir} (${(error as Error).message}). Make room or ` +
        'allow writing there and try again; nothing was changed.',
    );
  }
}

/**
 * Writes today's backup, `backups/parallax-YYYY-MM-DD.db`, when the newest daily
 * backup is 24 hours old or more (or there is none), with better-sqlite3's online
 * backup API, and deletes all but the newest seven. Start-up never waits on it or
 * fails because of it: call it without awaiting; a failure is logged as a warning
 * and resolves to undefined. Resolves to the new backup's path, or undefined when
 * none was due.
 */
export async function startDailyBackup(
  library: { db: Database; path: string },
  now: Date = new Date(),
  warn: (message: string) => void = (message) => console.warn(message),
): Promise<string | undefined> {
  if (library.path === ':memory:') return undefined;
  const dir = backupsDir(library.path);
  let temp: string | undefined;
  try {
    const newest = listBackups(library.path).find((b) => b.kind === 'daily');
    const age = newest ? now.getTime() - newest.modified.getTime() : Infinity;
    // A negative age means the clock went back: better one backup too many.
    if (age >= 0 && age < DAY_MS) return undefined;
    mkdirSync(dir, { recursive: true });
    removeStalePartials(dir, now);
    const final = join(dir, `${libraryStem(library.path)}-${dayStamp(now)}.db`);
    temp = `${final}.${process.pid}.partial`;
    await library.db.backup(temp);
    flushToDisk(temp);
    renameSync(temp, final);
    // The file's time is the backup's time: the next start measures its 24 hours from it.
    utimesSync(final, now, now);
    pruneDailyBackups(library.path);
    return final;
  } catch (error) {
    if (temp) removeQuietly(temp);
    warn(
      `Parallax: could not write the daily backup of ${library.path} to ${dir} ` +
        `(${(error as Error).message}). The library itself is unaffected.`,
    );
    return undefined;
  }
}

/** Deletes all but the newest `keep` daily backups. */
function pruneDailyBackups(libraryPath: string, keep = DAILY_BACKUPS_KEPT): void {
  const daily = listBackups(libraryPath).filter((b) => b.kind === 'daily');
  for (const old of daily.slice(keep)) rmSync(old.path, { force: true });
}

/** Leftovers of a backup that a crash interrupted (a day old: not one running now). */
function removeStalePartials(dir: string, now: Date): void {
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.partial')) continue;
    const stat = statSync(join(dir, name), { throwIfNoEntry: false });
    if (stat && now.getTime() - stat.mtime.getTime() > DAY_MS) rmSync(join(dir, name));
  }
}

/** Cleans up after a failed backup; the failure being reported matters, not this one. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // e.g. ENOTDIR: the folder it would be in is not one.
  }
}

/** fsync: the backup is on disk before the rename makes it one. */
function flushToDisk(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** `parallax` for `parallax.db`: daily backups are `parallax-YYYY-MM-DD.db`. */
function libraryStem(libraryPath: string): string {
  const base = basename(libraryPath);
  return base.slice(0, base.length - extname(base).length) || base;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** YYYY-MM-DD in local time: the day as the user's clock reads it. */
function dayStamp(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** YYYYMMDD-HHMMSS in local time. */
function compactStamp(date: Date): string {
  return (
    dayStamp(date).replaceAll('-', '') +
    `-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
