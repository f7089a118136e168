import BetterSqlite3, { type Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../../shared/result';
import { migrate } from './migrate';

export interface OpenDatabaseOptions {
  /** Path to an Electron-ABI build of better-sqlite3; see nativeBinding.ts. */
  nativeBinding?: string | undefined;
}

/**
 * Opens (creating if needed) a Parallax library file and brings its schema up to
 * date. WAL lets the UI read while an import writes; `synchronous = NORMAL` is
 * the WAL setting SQLite recommends: a power cut can lose the last commits but
 * never corrupts the file.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: Database;
  try {
    db = new BetterSqlite3(path, { nativeBinding: options.nativeBinding });
    db.pragma('journal_mode = WAL');
  } catch (error) {
    throw new UserError(`Cannot open the library at ${path}: ${(error as Error).message}`);
  }
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof UserError) throw error;
    throw new UserError(`Cannot open the library at ${path}: ${(error as Error).message}`);
  }
}
