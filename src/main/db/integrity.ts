// The start-up check of a library file: is it a SQLite database, is it a Parallax
// one, and is it sound. Each refusal is one message that says what to do next.
import type { Database } from 'better-sqlite3';
import { UserError } from '../../shared/result';
import { listBackups, backupsDir, type BackupFile } from './backups';
import { describeStorageError } from './storageErrors';

/**
 * The first problem `PRAGMA integrity_check` reports, or undefined when the file is
 * sound. The full check rather than `quick_check`: on a 112 MB library (300 versions
 * of 20,000 words) both take about 270 ms, because nearly all of the time goes into
 * reading every page, which both do; the full one also checks that every index
 * matches its table. A file damaged badly enough makes the pragma throw instead
 * (SQLITE_CORRUPT); the caller turns that into the same message.
 */
export function firstIntegrityProblem(db: Database): string | undefined {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  if (rows[0]?.integrity_check === 'ok') return undefined;
  const lines = rows.flatMap((r) => r.integrity_check.split('\n')).map((l) => l.trim());
  return (
    lines.find((l) => l !== '' && !/^\*\*\*.*\*\*\*$/.test(l)) ??
    'no answer from the integrity check'
  );
}

/** Refuses a library that fails the integrity check, saying how to restore it. */
export function checkLibraryIntegrity(db: Database, path: string): void {
  const problem = firstIntegrityProblem(db);
  if (problem !== undefined) throw damagedLibrary(path, problem);
}

/**
 * Refuses a SQLite database that some other program wrote: schema 0 (Parallax
 * records its schema from the first migration on) yet already holding tables.
 * Migrating it would write Parallax's tables into someone else's file.
 */
export function checkIsParallaxLibrary(db: Database, path: string): void {
  if (db.pragma('user_version', { simple: true }) !== 0) return;
  const { n } = db
    .prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
    .get() as { n: number };
  if (n > 0) {
    throw new UserError(
      `${path} is not a Parallax library (a SQLite database of another program). Nothing was changed.`,
    );
  }
}

/**
 * The message for an error SQLite raised while opening or checking the file: not a
 * database, damaged, a full disk or a read-only file met while upgrading it, or
 * (anything else, e.g. permissions) that it cannot be opened.
 */
export function describeOpenFailure(path: string, error: unknown): UserError {
  const code = (error as { code?: unknown }).code;
  const storage = describeStorageError(error, path);
  if (storage) return storage;
  if (code === 'SQLITE_NOTADB') {
    return new UserError(`${path} is not a Parallax library (not a SQLite database).`);
  }
  if (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT')) {
    return damagedLibrary(path, (error as Error).message);
  }
  return new UserError(`Cannot open the library at ${path}: ${(error as Error).message}`);
}

/**
 * "The library at PATH is damaged (first problem: …)", then how to get the work back:
 * the backups beside it, newest first, or SQLite's `.recover` when there are none.
 */
export function damagedLibrary(path: string, problem: string): UserError {
  const dir = backupsDir(path);
  const backups = listBackups(path);
  const head = `The library at ${path} is damaged (first problem: ${problem}).`;
  const tail = 'Nothing was changed.';
  if (backups.length === 0) {
    return new UserError(
      `${head} There are no backups of it in ${dir}. To save what can still be read: close ` +
        `Parallax, run \`sqlite3 "${path}" ".recover" | sqlite3 recovered.db\` (the sqlite3 ` +
        `command-line tool), and open recovered.db. ${tail}`,
    );
  }
  const [newest, ...older] = backups as [BackupFile, ...BackupFile[]];
  const others = older.slice(0, 3).map((b) => `${b.name} (${formatDate(b.modified)})`);
  const more = older.length > 3 ? `, and ${older.length - 3} older` : '';
  const alsoThere = others.length ? ` Also there: ${others.join(', ')}${more}.` : '';
  return new UserError(
    `${head} Your backups are in ${dir}: the newest is ${newest.name} ` +
      `(${formatDate(newest.modified)}).${alsoThere} To restore: close Parallax, copy it over ` +
      `${path}, and delete ${path}-wal and ${path}-shm if they exist. ${tail}`,
  );
}

/** "2026-02-06 09:12", local time: when a backup was written, as the user's clock read it. */
function formatDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}
