import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { libraryMigration } from './001_library';

function migratedTo1() {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, [libraryMigration]);
  db.prepare("INSERT INTO outlets (id, name, created_at) VALUES ('o1', 'CGTN', 'now')").run();
  db.prepare("INSERT INTO articles (id, outlet_id, created_at) VALUES ('a1', 'o1', 'now')").run();
  return db;
}

const insertVersion = `INSERT INTO versions (id, article_id, seq, headline, captured_at, body, raw_input,
  source_kind, word_count, sha256) VALUES (?, 'a1', ?, ?, 'now', ?, 'raw', 'paste', 3, ?)`;

describe('migration 1: library', () => {
  it('indexes every new version for full-text search, ignoring diacritics', () => {
    const db = migratedTo1();
    db.prepare(insertVersion).run(
      'v1',
      1,
      'Talks in Muscat',
      'Araghchi spoke to the Café press',
      'h1',
    );
    const hits = db.prepare("SELECT rowid FROM versions_fts WHERE versions_fts MATCH 'cafe'").all();
    expect(hits).toHaveLength(1);
  });

  it('keeps versions append-only', () => {
    const db = migratedTo1();
    db.prepare(insertVersion).run('v1', 1, 'Talks', 'Body', 'h1');
    expect(() => db.prepare("UPDATE versions SET body = 'changed' WHERE id = 'v1'").run()).toThrow(
      /append-only/,
    );
  });

  it('refuses the same content twice in one article, and a version without an article', () => {
    const db = migratedTo1();
    db.prepare(insertVersion).run('v1', 1, 'Talks', 'Body', 'same');
    expect(() => db.prepare(insertVersion).run('v2', 2, 'Talks', 'Body', 'same')).toThrow(/UNIQUE/);
    expect(() =>
      db.prepare(insertVersion.replace("'a1'", "'missing'")).run('v3', 1, 'Talks', 'Body', 'other'),
    ).toThrow(/FOREIGN KEY/);
  });

  it('treats outlet names case-insensitively', () => {
    const db = migratedTo1();
    expect(() =>
      db.prepare("INSERT INTO outlets (id, name, created_at) VALUES ('o2', 'cgtn', 'now')").run(),
    ).toThrow(/UNIQUE/);
  });
});
