import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { libraryMigration } from './001_library';
import { annotationMigration } from './002_annotation';
import { versionStructureMigration } from './003_version_structure';

const insert = `INSERT INTO versions (id, article_id, seq, headline, captured_at, body, raw_input, source_kind, word_count, sha256)
  VALUES (?, 'a1', ?, 'Talks', 'now', 'Body', 'raw', 'paste', 1, ?)`;

describe('migration 3: version structure', () => {
  it('keeps versions written before it, with no subheads and no change size', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, [libraryMigration, annotationMigration]);
    db.exec(`INSERT INTO outlets (id, name, created_at) VALUES ('o1', 'CGTN', 'now');
      INSERT INTO articles (id, outlet_id, created_at) VALUES ('a1', 'o1', 'now');`);
    db.prepare(insert).run('v1', 1, 'h1');
    migrate(db, [libraryMigration, annotationMigration, versionStructureMigration]);
    expect(db.prepare('SELECT subheads, words_added, words_removed FROM versions').get()).toEqual({
      subheads: '[]',
      words_added: null,
      words_removed: null,
    });
  });

  it('refuses subheads that are not a JSON array', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, [libraryMigration, annotationMigration, versionStructureMigration]);
    db.exec(`INSERT INTO outlets (id, name, created_at) VALUES ('o1', 'CGTN', 'now');
      INSERT INTO articles (id, outlet_id, created_at) VALUES ('a1', 'o1', 'now');`);
    expect(() =>
      db
        .prepare(insert.replace('sha256)', 'sha256, subheads)').replace('?)', "?, '{}')"))
        .run('v1', 1, 'h1'),
    ).toThrow(/CHECK/);
  });
});
