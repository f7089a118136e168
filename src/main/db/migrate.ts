import type { Database } from 'better-sqlite3';
import { UserError } from '../../shared/result';
import { migrations as allMigrations } from './migrations';
import type { Migration } from './migrations/migration';

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database up to the newest schema. Each migration runs in its own
 * transaction together with the `user_version` bump, so a failure leaves the
 * database at the last complete version. A database from a newer Parallax is
 * refused rather than misread.
 */
export function migrate(db: Database, migrations: readonly Migration[] = allMigrations): number {
  const latest = migrations.length;
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migration ${m.name} is numbered ${m.version}, expected ${i + 1}`);
  });
  const current = schemaVersion(db);
  if (current > latest) {
    throw new UserError(
      `This library was written by a newer Parallax (schema ${current}; this one knows up to ${latest}). ` +
        'Update Parallax to open it; the file was left untouched.',
    );
  }
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return schemaVersion(db);
}
