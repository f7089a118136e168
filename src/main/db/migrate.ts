import type { Database } from 'better-sqlite3';
import { UserError } from '../../shared/result';
import { migrations as allMigrations } from './migrations';
import type { Migration } from './migrations/migration';

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export interface MigrateOptions {
  /**
   * Called once, before the first migration, when a database that already has a
   * schema (user_version > 0) is about to be upgraded: the moment to back it up.
   * Not called for a new database or one that is up to date. A throw stops the
   * upgrade before anything is changed.
   */
  beforeUpgrade?: (fromVersion: number, toVersion: number) => void;
}

/**
 * Brings the database up to the newest schema. Each migration runs in its own
 * transaction together with the `user_version` bump, so a failure leaves the
 * database at the last complete version. A database from a newer Parallax is
 * refused rather than misread.
 */
export function migrate(
  db: Database,
  migrations: readonly Migration[] = allMigrations,
  options: MigrateOptions = {},
): number {
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
  if (current > 0 && current < latest) options.beforeUpgrade?.(current, latest);
  for (const migration of migrations.slice(current)) {
    // Immediate, like every write (see library.ts); and another process opening the same
    // library may have run this migration while this one waited for the lock.
    db.transaction(() => {
      if (schemaVersion(db) >= migration.version) return;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return schemaVersion(db);
}
