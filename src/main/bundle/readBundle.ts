// Opening a bundle someone handed over. A bundle is untrusted data, never SQL to run:
// it is read into memory (so the user's file is never touched and a killed merge
// leaves nothing behind), its schema must be exactly Parallax's before anything else
// is done with it, and only then is it checked for damage, brought up to this schema
// and its rows checked (see checkBundleRows), since anyone could have edited it.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_BUNDLE_BYTES } from '../../shared/limits';
import { UserError } from '../../shared/result';
import { firstIntegrityProblem } from '../db/integrity';
import { migrate, schemaVersion } from '../db/migrate';
import { migrations } from '../db/migrations';
import { readBundleFacts, type BundleFacts } from './bundleFacts';
import { schemaShapeProblem } from './bundleSchema';

const SQLITE_HEADER = 'SQLite format 3\u0000';
/** Header bytes 18 and 19: the file format versions, 2 for a write-ahead-log database. */
const FORMAT_VERSION_BYTES = [18, 19] as const;

/** A bundle to open: a file on disk, or the bytes of one the user uploaded. */
export type BundleSource = { path: string; name?: string } | { bytes: Buffer; name: string };

export interface OpenedBundleFile {
  /** The name the user knows the file by (its path, or the name it was uploaded as). */
  name: string;
  /** An in-memory copy of the bundle, migrated to this schema. */
  db: Database;
  facts: BundleFacts;
  dispose: () => void;
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

function tooLarge(name: string, size: number): UserError {
  return new UserError(
    `${name} is ${megabytes(size)}, over the ${megabytes(MAX_BUNDLE_BYTES)} a bundle may hold; ask for a bundle of fewer stories.`,
  );
}

/** The file's bytes, refusing before reading anything one over the size limit. */
function readBundleBytes(path: string, name: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw (error as NodeJS.ErrnoException).code === 'ENOENT'
      ? new UserError(`${name}: no such file.`)
      : new UserError(`${name} cannot be read: ${(error as Error).message}`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new UserError(`${name} is not a file.`);
    if (stat.size > MAX_BUNDLE_BYTES) throw tooLarge(name, stat.size);
    // One byte more than allowed is read, so a file that grew since fstat is caught.
    const bytes = Buffer.alloc(stat.size + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < bytes.length; length += n) {
      n = readSync(fd, bytes, length, bytes.length - length, length);
    }
    if (length > MAX_BUNDLE_BYTES) throw tooLarge(name, length);
    return bytes.subarray(0, length);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${name} cannot be read: ${(error as Error).message}`);
  } finally {
    closeSync(fd);
  }
}

/** Reads the bundle at `path` (see openBundle). */
export function openBundleFile(path: string, name: string = path): OpenedBundleFile {
  return openBundle({ bytes: readBundleBytes(path, name), name });
}

/**
 * Checks the bundle and opens a migrated in-memory copy of it for reading. Refuses,
 * with one message naming the file and the problem, anything that is not a sound
 * Parallax bundle this version can read.
 */
export function openBundle(source: BundleSource): OpenedBundleFile {
  if ('path' in source) return openBundleFile(source.path, source.name);
  const { name } = source;
  if (source.bytes.length > MAX_BUNDLE_BYTES) throw tooLarge(name, source.bytes.length);
  if (source.bytes.subarray(0, SQLITE_HEADER.length).toString('latin1') !== SQLITE_HEADER) {
    throw new UserError(`${name} is not a SQLite database.`);
  }
  // Read as a rollback-journal file: a lone bundle has no log beside it to read.
  const bytes = Buffer.from(source.bytes);
  for (const at of FORMAT_VERSION_BYTES) if (bytes[at] === 2) bytes[at] = 1;

  const damaged = (problem: string) =>
    new UserError(`${name} is damaged (${problem}); ask for a new copy of the bundle.`);
  let db: Database | undefined;
  const dispose = () => {
    if (db?.open) db.close();
  };
  try {
    let version: number;
    try {
      db = new BetterSqlite3(bytes);
      version = schemaVersion(db);
    } catch (error) {
      throw damaged((error as Error).message);
    }
    if (version === 0) {
      throw new UserError(
        `${name} is not a Parallax bundle (it has no Parallax schema); ask for a bundle made with Parallax's "Make a bundle".`,
      );
    }
    if (version > migrations.length) {
      throw new UserError(
        `${name} was made by a newer Parallax (schema ${version}, this one reads up to ${migrations.length}); update Parallax to open it.`,
      );
    }
    let shape: string | undefined;
    let integrity: string | undefined;
    try {
      shape = schemaShapeProblem(db, version);
      // Only on Parallax's own schema: the check evaluates the schema's CHECK constraints.
      if (shape === undefined) integrity = firstIntegrityProblem(db);
    } catch (error) {
      throw damaged((error as Error).message);
    }
    if (shape !== undefined) {
      throw new UserError(
        `${name} cannot be merged: ${shape}, so it was not made by Parallax or was changed by another program; ask for a new copy of the bundle.`,
      );
    }
    if (integrity !== undefined) throw damaged(integrity);
    const facts = readBundleFacts(db);
    if (!facts) throw new UserError(`${name} is not a Parallax bundle (no bundle facts).`);
    try {
      migrate(db);
    } catch (error) {
      throw damaged(`it cannot be brought up to this version: ${(error as Error).message}`);
    }
    return { name, db, facts, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}
