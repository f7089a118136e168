// Opening a bundle someone handed over: checked before anything is merged (a SQLite
// file, undamaged, with bundle facts, from this Parallax or an older one), and read
// from a private copy brought up to this schema, so the user's file is never touched.
// Its rows are checked too (see checkBundleRows), since anyone could have edited it.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import {
  copyFileSync,
  mkdtempSync,
  openSync,
  readSync,
  closeSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../shared/result';
import { migrate, schemaVersion } from '../db/migrate';
import { migrations } from '../db/migrations';
import { readBundleFacts, type BundleFacts } from './bundleFacts';
import { untrustedRowProblem } from './checkBundleRows';
import { firstIntegrityProblem } from '../db/integrity';

const SQLITE_HEADER = 'SQLite format 3\u0000';

export interface OpenedBundleFile {
  /** The name the user knows the file by (its path, or the name it was uploaded as). */
  name: string;
  db: Database;
  facts: BundleFacts;
  /** Closes the copy and deletes it. */
  dispose: () => void;
}

function startsLikeSqlite(path: string): boolean {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(path, 'r');
  try {
    return (
      readSync(fd, header, 0, header.length, 0) === header.length &&
      header.toString('latin1') === SQLITE_HEADER
    );
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks the bundle at `path` and opens a migrated copy of it for reading. Refuses,
 * with one message naming the file and the problem, anything that is not a sound
 * Parallax bundle this version can read.
 */
export function openBundleFile(path: string, name: string = path): OpenedBundleFile {
  const unreadable = (error: unknown) =>
    (error as NodeJS.ErrnoException).code === 'ENOENT'
      ? new UserError(`${name}: no such file.`)
      : new UserError(`${name} cannot be read: ${(error as Error).message}`);
  let isFile: boolean;
  let looksLikeSqlite: boolean;
  try {
    isFile = statSync(path).isFile();
    looksLikeSqlite = isFile && startsLikeSqlite(path);
  } catch (error) {
    throw unreadable(error);
  }
  if (!isFile) throw new UserError(`${name} is not a file.`);
  if (!looksLikeSqlite) throw new UserError(`${name} is not a SQLite database.`);

  const dir = mkdtempSync(join(tmpdir(), 'parallax-bundle-'));
  let db: Database | undefined;
  const dispose = () => {
    if (db?.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const copy = join(dir, 'bundle.db');
    try {
      copyFileSync(path, copy);
    } catch (error) {
      throw unreadable(error);
    }
    const damaged = (problem: string) =>
      new UserError(`${name} is damaged (${problem}); ask for a new copy of the bundle.`);
    try {
      db = new BetterSqlite3(copy);
      const problem = firstIntegrityProblem(db);
      if (problem !== undefined) throw damaged(problem);
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw damaged((error as Error).message);
    }
    const facts = readBundleFacts(db);
    if (!facts) throw new UserError(`${name} is not a Parallax bundle (no bundle facts).`);
    const version = schemaVersion(db);
    if (version > migrations.length) {
      throw new UserError(
        `${name} was made by a newer Parallax (schema ${version}, this one reads up to ${migrations.length}); update Parallax to open it.`,
      );
    }
    migrate(db);
    const broken = db.pragma('foreign_key_check') as { table: string }[];
    if (broken.length > 0) throw damaged(`${broken.length} rows point at rows it does not hold`);
    // A student's file is a trust boundary: one bad row refuses the whole bundle.
    const untrusted = untrustedRowProblem(db);
    if (untrusted !== undefined) throw new UserError(`${name} cannot be merged: ${untrusted}`);
    return { name, db, facts, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}
