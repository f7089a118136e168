// A bundle's schema must be exactly the one Parallax writes at the bundle's schema
// version, entry for entry. SQLite runs what a schema defines (views when read,
// triggers when written, generated columns and CHECKs when rows are checked), so a
// file whose schema is anyone else's is refused before a single row of it is read;
// once it matches, everything that runs on it is Parallax's own SQL.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations';

interface SchemaEntry {
  type: string;
  name: string;
  tableName: string;
  /** The CREATE statement with runs of white space made one space; '' for automatic indexes. */
  sql: string;
}

/** Entries SQLite itself may add to any file (statistics, AUTOINCREMENT counters). */
const SQLITE_OWN = /^sqlite_(stat[1-4]|sequence)$/;

const flat = (sql: string | null) => (sql ?? '').replace(/\s+/g, ' ').trim();

function schemaEntries(db: Database): Map<string, SchemaEntry> {
  const rows = db
    .prepare('SELECT type, name, tbl_name AS tableName, sql FROM sqlite_master')
    .all() as (Omit<SchemaEntry, 'sql'> & { sql: string | null })[];
  return new Map(rows.map((r) => [r.name, { ...r, sql: flat(r.sql) }]));
}

const expectedByVersion = new Map<number, Map<string, SchemaEntry>>();

/** The schema Parallax's own migrations make at `version`, built once in memory. */
function expectedSchema(version: number): Map<string, SchemaEntry> {
  let expected = expectedByVersion.get(version);
  if (!expected) {
    const db = new BetterSqlite3(':memory:');
    try {
      migrate(db, migrations.slice(0, version));
      expected = schemaEntries(db);
    } finally {
      db.close();
    }
    expectedByVersion.set(version, expected);
  }
  return expected;
}

const described = (entry: SchemaEntry) =>
  entry.type === 'index' ? `the index "${entry.name}"` : `the ${entry.type} "${entry.name}"`;

/**
 * How the file's schema differs from Parallax's at `version` (one clause for the
 * user), or undefined when it is the same. `version` must be one Parallax knows.
 */
export function schemaShapeProblem(db: Database, version: number): string | undefined {
  const expected = expectedSchema(version);
  const actual = schemaEntries(db);
  for (const entry of actual.values()) {
    if (SQLITE_OWN.test(entry.name)) continue;
    const ours = expected.get(entry.name);
    if (!ours) return `it holds ${described(entry)}, which Parallax bundles never have`;
    if (ours.type !== entry.type || ours.tableName !== entry.tableName || ours.sql !== entry.sql) {
      return `${described(ours)} is not the one Parallax writes at schema ${version}`;
    }
  }
  for (const entry of expected.values()) {
    if (!actual.has(entry.name)) return `${described(entry)} is missing`;
  }
  return undefined;
}
