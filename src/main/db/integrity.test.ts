// The start-up check's verdicts and the recovery message, on real files.
import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/tempLibrary';
import { damagedLibrary, describeOpenFailure, firstIntegrityProblem } from './integrity';

describe('firstIntegrityProblem', () => {
  it('finds nothing wrong with a sound database', () => {
    const db = new BetterSqlite3(join(tempDir(), 'sound.db'));
    db.exec('CREATE TABLE t (x UNIQUE); INSERT INTO t VALUES (1), (2)');
    expect(firstIntegrityProblem(db)).toBeUndefined();
    db.close();
  });

  it('names the first problem of an index that no longer matches its table', () => {
    const db = new BetterSqlite3(join(tempDir(), 'skewed.db'));
    db.exec('CREATE TABLE t (x); CREATE INDEX t_x ON t (x); INSERT INTO t VALUES (1), (2)');
    // Rewrite the index's definition behind SQLite's back: its entries no longer match.
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    db.exec("UPDATE sqlite_master SET sql = 'CREATE INDEX t_x ON t (x DESC)' WHERE name = 't_x'");
    db.close();
    const reopened = new BetterSqlite3(db.name);
    expect(firstIntegrityProblem(reopened)).toMatch(/t_x/);
    reopened.close();
  });
});

describe('the recovery message', () => {
  it('lists the newest backups, newest first, and says how to restore', () => {
    const dir = tempDir();
    const path = join(dir, 'parallax.db');
    mkdirSync(join(dir, 'backups'));
    const backups = [1, 2, 3, 4, 5].map((n) => `parallax-2026-02-0${n}.db`);
    backups.push('parallax.db.before-schema-6.20260131-120000.bak');
    backups.forEach((name, i) => {
      const file = join(dir, 'backups', name);
      writeFileSync(file, '');
      const when = i === 5 ? new Date(2026, 0, 31, 12, 0) : new Date(2026, 1, i + 1, 8, 0);
      utimesSync(file, when, when);
    });
    expect(damagedLibrary(path, 'Page 7: btree page has a bad header').message).toBe(
      `The library at ${path} is damaged (first problem: Page 7: btree page has a bad header). ` +
        `Your backups are in ${join(dir, 'backups')}: the newest is parallax-2026-02-05.db (2026-02-05 08:00). ` +
        'Also there: parallax-2026-02-04.db (2026-02-04 08:00), parallax-2026-02-03.db (2026-02-03 08:00), ' +
        'parallax-2026-02-02.db (2026-02-02 08:00), and 2 older. ' +
        `To restore: close Parallax, copy it over ${path}, and delete ${path}-wal and ${path}-shm if they exist. ` +
        'Nothing was changed.',
    );
  });

  it('tells a damaged file, a file that is not a database and a locked one apart', () => {
    const path = '/somewhere/parallax.db';
    const sqliteError = (code: string, message: string) =>
      Object.assign(new Error(message), { code });
    expect(
      describeOpenFailure(path, sqliteError('SQLITE_NOTADB', 'file is not a database')).message,
    ).toBe('/somewhere/parallax.db is not a Parallax library (not a SQLite database).');
    expect(
      describeOpenFailure(path, sqliteError('SQLITE_CORRUPT', 'database disk image is malformed'))
        .message,
    ).toMatch(
      /^The library at \/somewhere\/parallax\.db is damaged \(first problem: database disk image is malformed\)/,
    );
    expect(
      describeOpenFailure(path, sqliteError('SQLITE_BUSY', 'database is locked')).message,
    ).toBe(
      'The library at /somewhere/parallax.db is busy: another Parallax window or command has ' +
        'been writing to it for over 20 s; try again when it has finished; nothing was saved.',
    );
    // An upgrade on open meeting a full disk.
    expect(
      describeOpenFailure(path, sqliteError('SQLITE_FULL', 'database or disk is full')).message,
    ).toBe('The disk is full: free some space and try again; nothing was saved.');
    expect(
      describeOpenFailure(path, sqliteError('SQLITE_CANTOPEN', 'unable to open database file'))
        .message,
    ).toBe('Cannot open the library at /somewhere/parallax.db: unable to open database file');
  });
});
