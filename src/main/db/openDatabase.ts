import BetterSqlite3, { type Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../../shared/result';
import { backupBeforeMigration } from './backups';
import { checkIsParallaxLibrary, checkLibraryIntegrity, describeOpenFailure } from './integrity';
import { migrate } from './migrate';
import { migrations } from './migrations';

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
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: Database;
  try {
    db = new BetterSqlite3(path, { nativeBinding: options.nativeBinding });
  } catch (error) {
    throw new UserError(`Cannot open the library at ${path}: ${(error as Error).message}`);
  }
  try {
    // Another Parallax process may be writing: wait for it rather than fail.
    db.pragma('busy_timeout = 5000');
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
