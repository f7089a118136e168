// Backups of real library files: before a schema upgrade, and the rotating daily one
// (dates given through its `now` parameter, the file system left real).
import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../shared/result';
import { tempDir } from '../testing/tempLibrary';
import { backupsDir, listBackups, startDailyBackup } from './backups';
import { openLibrary } from './library';
import { migrate, schemaVersion } from './migrate';
import { migrations } from './migrations';
import { openDatabase } from './openDatabase';

/** A library file left at schema 5 by an older Parallax, holding one outlet. */
function libraryAtSchema5(): string {
  const path = join(tempDir(), 'parallax.db');
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  migrate(db, migrations.slice(0, 5));
  db.prepare(
    "INSERT INTO outlets (id, name, domain, created_at) VALUES ('o1', 'CGTN', NULL, '2026-02-06')",
  ).run();
  db.close();
  return path;
}

function readOnly<T>(path: string, read: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const day = (n: number) => new Date(2026, 1, n, 8, 0, 0);

describe('the backup before a schema upgrade', () => {
  it('is written before migrating a library at schema 5, and opens at schema 5', () => {
    const path = libraryAtSchema5();
    openDatabase(path).close();

    const backups = listBackups(path);
    expect(backups).toHaveLength(1);
    expect(backups[0]!.kind).toBe('before-migration');
    expect(backups[0]!.name).toMatch(
      new RegExp(`^parallax\\.db\\.before-schema-${migrations.length}\\.\\d{8}-\\d{6}\\.bak$`),
    );
    readOnly(backups[0]!.path, (db) => {
      expect(schemaVersion(db)).toBe(5);
      expect(db.prepare('SELECT name FROM outlets').all()).toEqual([{ name: 'CGTN' }]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    });
    readOnly(path, (db) => expect(schemaVersion(db)).toBe(migrations.length));
    // Nothing half-written is left beside it.
    expect(readdirSync(backupsDir(path))).toEqual([backups[0]!.name]);
  });

  it('is not written for a new library, nor for one already up to date', () => {
    const path = join(tempDir(), 'parallax.db');
    openDatabase(path).close();
    openDatabase(path).close();
    expect(listBackups(path)).toEqual([]);
  });

  it('stops the upgrade, changing nothing, when it cannot be written', () => {
    const path = libraryAtSchema5();
    writeFileSync(backupsDir(path), 'a file where the backups folder should be');
    expect(() => openDatabase(path)).toThrow(UserError);
    expect(() => openDatabase(path)).toThrow(
      new RegExp(`could not back it up first to .*backups .*nothing was changed\\.$`),
    );
    readOnly(path, (db) => expect(schemaVersion(db)).toBe(5));
  });
});

describe('the daily backup', () => {
  it('is written once a day, with the library in it, and the last 7 are kept', async () => {
    const library = openLibrary(join(tempDir(), 'parallax.db'));
    library.outlets.findOrCreate('Tehran Times');
    const written: (string | undefined)[] = [];
    for (let n = 1; n <= 10; n++) {
      written.push(await startDailyBackup(library, day(n)));
      // A second start the same day finds a backup less than 24 hours old.
      written.push(await startDailyBackup(library, new Date(day(n).getTime() + 60 * 60 * 1000)));
    }
    library.close();

    expect(written.filter(Boolean)).toHaveLength(10);
    const names = listBackups(library.path).map((b) => b.name);
    expect(names).toEqual([10, 9, 8, 7, 6, 5, 4].map((n) => `parallax-2026-02-${pad(n)}.db`));
    readOnly(join(backupsDir(library.path), names[0]!), (db) =>
      expect(db.prepare('SELECT name FROM outlets').all()).toEqual([{ name: 'Tehran Times' }]),
    );
  });

  it('is due again 24 hours after the last one, not before', async () => {
    const library = openLibrary(join(tempDir(), 'parallax.db'));
    const first = new Date(2026, 1, 6, 9, 0);
    expect(await startDailyBackup(library, first)).toBeDefined();
    const almost = new Date(first.getTime() + 24 * 60 * 60 * 1000 - 60_000);
    expect(await startDailyBackup(library, almost)).toBeUndefined();
    const next = new Date(first.getTime() + 24 * 60 * 60 * 1000);
    expect(await startDailyBackup(library, next)).toMatch(/parallax-2026-02-07\.db$/);
    library.close();
  });

  it('never fails start-up: a backup that cannot be written is a warning', async () => {
    const library = openLibrary(join(tempDir(), 'parallax.db'));
    writeFileSync(backupsDir(library.path), 'not a folder');
    const warnings: string[] = [];
    expect(await startDailyBackup(library, day(6), (w) => warnings.push(w))).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Parallax: could not write the daily backup of .*parallax\.db/);
    expect(library.outlets.findOrCreate('CGTN').name).toBe('CGTN'); // still usable
    library.close();
  });

  it("keeps other libraries' backups in the same folder apart", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'backups'));
    writeFileSync(join(dir, 'backups', 'class-2026-02-01.db'), '');
    const library = openLibrary(join(dir, 'parallax.db'));
    for (let n = 1; n <= 9; n++) await startDailyBackup(library, day(n));
    library.close();
    expect(listBackups(library.path)).toHaveLength(7);
    expect(readdirSync(join(dir, 'backups'))).toContain('class-2026-02-01.db');
  });
});

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
