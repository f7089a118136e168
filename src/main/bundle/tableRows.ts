// Rows copied between a library and a bundle without going through the domain types,
// so columns added by later migrations (or not known to this module) travel too.
import type { Database } from 'better-sqlite3';

export type Row = Record<string, unknown>;

export function tableExists(db: Database, table: string): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !==
    undefined
  );
}

/**
 * The table's columns, less `rowid` (the versions table's integer key for full-text
 * search, which each file assigns itself).
 */
export function columnsOf(db: Database, table: string): string[] {
  const info = db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[];
  return info.map((c) => c.name).filter((name) => name !== 'rowid');
}

/** Inserts `row`'s values for the columns both it and the table have. */
export function insertRow(db: Database, table: string, row: Row): void {
  const columns = columnsOf(db, table).filter((c) => c in row);
  const names = columns.map((c) => `"${c}"`).join(', ');
  const params = columns.map(() => '?').join(', ');
  db.prepare(`INSERT INTO "${table}" (${names}) VALUES (${params})`).run(
    ...columns.map((c) => row[c]),
  );
}

/** Overwrites the row with this id with `row`'s values (the columns the table has). */
export function replaceRowById(db: Database, table: string, row: Row): void {
  const columns = columnsOf(db, table).filter((c) => c in row && c !== 'id');
  const sets = columns.map((c) => `"${c}" = ?`).join(', ');
  db.prepare(`UPDATE "${table}" SET ${sets} WHERE id = ?`).run(
    ...columns.map((c) => row[c]),
    row.id,
  );
}

/** `column IN` a list passed as one JSON array parameter (no limit on its length). */
export const inJsonList = (column: string): string =>
  `${column} IN (SELECT value FROM json_each(?))`;
