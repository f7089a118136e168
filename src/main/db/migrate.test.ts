import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/tempLibrary';
import { UserError } from '../../shared/result';
import { migrate, schemaVersion } from './migrate';
import { migrations } from './migrations';
import type { Migration } from './migrations/migration';

describe('migrate', () => {
  it('applies every migration once and records the version in user_version', () => {
    const db = new BetterSqlite3(':memory:');
    expect(migrate(db)).toBe(migrations.length);
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(migrate(db)).toBe(migrations.length); // a second run changes nothing
  });

  it('refuses a database written by a newer Parallax, leaving it untouched', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma(`user_version = ${migrations.length + 1}`);
    expect(() => migrate(db)).toThrow(UserError);
    expect(() => migrate(db)).toThrow(/newer Parallax/);
    expect(
      db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'").get(),
    ).toEqual({ n: 0 });
  });

  it('rolls a failing migration back whole, keeping the versions before it', () => {
    const db = new BetterSqlite3(':memory:');
    const good: Migration = { version: 1, name: 'good', up: (d) => d.exec('CREATE TABLE a (x)') };
    const bad: Migration = {
      version: 2,
      name: 'bad',
      up: (d) => {
        d.exec('CREATE TABLE b (x)');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [good, bad])).toThrow('boom');
    expect(schemaVersion(db)).toBe(1);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all();
    expect(tables).toEqual([{ name: 'a' }]);
  });

  it('refuses migrations numbered out of order', () => {
    const db = new BetterSqlite3(':memory:');
    const skipped: Migration = { version: 2, name: 'skipped', up: () => undefined };
    expect(() => migrate(db, [skipped])).toThrow(/expected 1/);
  });

  it('calls beforeUpgrade once before upgrading a database that has a schema, and only then', () => {
    const calls: [number, number][] = [];
    const beforeUpgrade = (from: number, to: number) => calls.push([from, to]);
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations.slice(0, 2), { beforeUpgrade }); // a new database: nothing to keep
    expect(calls).toEqual([]);
    migrate(db, migrations, { beforeUpgrade });
    expect(calls).toEqual([[2, migrations.length]]);
    migrate(db, migrations, { beforeUpgrade }); // up to date
    expect(calls).toHaveLength(1);
  });

  it('changes nothing when beforeUpgrade throws', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations.slice(0, 2));
    const refuse = () => {
      throw new UserError('no backup');
    };
    expect(() => migrate(db, migrations, { beforeUpgrade: refuse })).toThrow('no backup');
    expect(schemaVersion(db)).toBe(2);
  });

  it('skips a migration another process ran while this one waited for the lock', () => {
    // Two connections to one file, as two Parallax processes opening an old library at
    // once: the second reads schema 1, then the first upgrades it before the second
    // gets the write lock. Running migration 2 again would fail ("table b already exists").
    const path = join(tempDir(), 'parallax.db');
    const first = new BetterSqlite3(path);
    const second = new BetterSqlite3(path);
    const steps: Migration[] = [
      { version: 1, name: 'a', up: (d) => d.exec('CREATE TABLE a (x)') },
      { version: 2, name: 'b', up: (d) => d.exec('CREATE TABLE b (x)') },
    ];
    migrate(first, steps.slice(0, 1));
    expect(migrate(second, steps, { beforeUpgrade: () => void migrate(first, steps) })).toBe(2);
    expect(
      second.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'b'").pluck().get(),
    ).toBe(1);
    first.close();
    second.close();
  });
});
