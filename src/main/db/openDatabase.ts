import BetterSqlite3, { type Database } from 'better-sqlite3';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../../shared/result';
import { backupBeforeMigration } from './backups';
import { checkIsParallaxLibrary, checkLibraryIntegrity, describeOpenFailure } from './integrity';
import { migrate, schemaVersion } from './migrate';
import { migrations } from './migrations';
import { BUSY_TIMEOUT_MS } from './storageErrors';

export interface OpenDatabaseOptions {
  /** Path to an Electron-ABI build of better-sqlite3; see nativeBinding.ts. */
  nativeBinding?: string | undefined;
}

/**
 * Opens (creating if needed) a Parallax library file, checks it, and brings its
 * schema up to date, backing it up first when there is an upgrade to make.
 *
 * The checks come before anything is written: a file that is not a SQLite
 * database, another program's database, or a damaged library (PRAGMA
 * integrity_check) is refused with a message saying how to get the work back.
 *
 * WAL lets the UI read while an import writes. `synchronous = NORMAL` is the
 * setting SQLite recommends with WAL: a commit is in the log before the call
 * returns, so when Parallax itself dies (a crash, a kill, a closed laptop lid
 * that ends the process) every committed transaction survives and the file is
 * never corrupted; only a power cut or OS crash can lose the last few commits
 * (those not yet synced by a checkpoint), still without corrupting anything.
 * (SQLite's documentation of WAL mode says so.) Imports report success to the
 * user, yet stay on NORMAL: FULL would fsync the log on every commit to cover only
 * the power-cut case. The crash test (crashSafety.test.ts: SIGKILL during imports,
 * 50 times) checks the process-death case end to end: atomic imports, a sound
 * file, every reported version present.
 *
 * A library whose file or folder cannot be written (permissions, a read-only disk)
 * is opened read-only (`db.readonly`): reading works, writes are refused.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database {
  if (path !== ':memory:' && cannotWrite(path)) return openReadOnly(path, options);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: Database;
  try {
    db = new BetterSqlite3(path, { nativeBinding: options.nativeBinding });
  } catch (error) {
    throw new UserError(`Cannot open the library at ${path}: ${(error as Error).message}`);
  }
  try {
    // Another Parallax process may be writing: wait for it rather than fail.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Read-only checks first: a refused file is left exactly as it was.
    checkLibraryIntegrity(db, path);
    checkIsParallaxLibrary(db, path);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    migrate(db, migrations, {
      beforeUpgrade: (_from, to) => {
        if (path !== ':memory:') backupBeforeMigration(db, path, to);
      },
    });
    return db;
  } catch (error) {
    db.close();
    if (error instanceof UserError) throw error;
    throw describeOpenFailure(path, error);
  }
}

/**
 * The library exists and this process may not write it or its folder (where SQLite
 * keeps the -wal and -shm files). Asked of the file system, so root, who may write
 * anything, gets a writable library, and a read-only disk (EROFS) counts.
 */
function cannotWrite(path: string): boolean {
  if (!existsSync(path)) return false;
  try {
    accessSync(path, constants.W_OK);
    accessSync(dirname(path), constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/**
 * Opens a library read-only, checked as any other. It must be at the schema this
 * Parallax writes: an upgrade cannot be written. When the folder is read-only too and
 * the library was closed cleanly (no -wal file), SQLite cannot read it in place in
 * WAL mode, since it would need to create the -shm file beside it (SQLITE_READONLY_
 * DIRECTORY), and better-sqlite3 has no `immutable` URI; then its bytes are read into
 * memory, which is the whole library as no -wal holds any part of it.
 */
function openReadOnly(path: string, options: OpenDatabaseOptions): Database {
  let db: Database | undefined;
  try {
    db = openInPlace(path, options) ?? openCopy(path, options);
    checkLibraryIntegrity(db, path);
    checkIsParallaxLibrary(db, path);
    const current = schemaVersion(db);
    if (current < migrations.length) {
      throw new UserError(
        `The library at ${path} is read-only and was written by an older Parallax, so it ` +
          'cannot be upgraded to be read: allow writing to the file and its folder, open it ' +
          'once, and try again; nothing was changed.',
      );
    }
    // Refuses a library from a newer Parallax; writes nothing otherwise.
    migrate(db, migrations);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof UserError) throw error;
    throw describeOpenFailure(path, error);
  }
}

/** SQLite's own read-only open, or undefined when it cannot read the file where it is. */
function openInPlace(path: string, options: OpenDatabaseOptions): Database | undefined {
  const db = new BetterSqlite3(path, {
    readonly: true,
    fileMustExist: true,
    nativeBinding: options.nativeBinding,
  });
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('schema_version');
    return db;
  } catch (error) {
    db.close();
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_READONLY_DIRECTORY' || code === 'SQLITE_CANTOPEN') return undefined;
    throw error;
  }
}

function openCopy(path: string, options: OpenDatabaseOptions): Database {
  if ((statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0) {
    throw new UserError(
      `The library at ${path} is read-only and its last changes are still in ${path}-wal, ` +
        'which Parallax cannot read without writing beside it: allow writing to its folder ' +
        'and try again; nothing was changed.',
    );
  }
  const bytes = readFileSync(path);
  // Bytes 18 and 19 of the header say WAL (2); an in-memory database has no WAL, so
  // it is read as a rollback-journal one (1), the same pages.
  if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) bytes.fill(1, 18, 20);
  return new BetterSqlite3(bytes, { readonly: true, nativeBinding: options.nativeBinding });
}
