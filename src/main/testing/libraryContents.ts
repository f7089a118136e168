// Test support: every row of every table of a library, to show that something refused
// (a bundle, a write on a full disk or a read-only file) changed nothing.
import type { Library } from '../db/library';

export function libraryContents(library: Library): Record<string, unknown[]> {
  const tables = library.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((t) => [t, library.db.prepare(`SELECT * FROM "${t}"`).raw().all()]),
  );
}
