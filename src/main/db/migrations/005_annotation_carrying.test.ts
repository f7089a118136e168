import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { libraryMigration } from './001_library';
import { annotationMigration } from './002_annotation';
import { versionStructureMigration } from './003_version_structure';
import { annotationPairsMigration } from './004_annotation_pairs';
import { annotationCarryingMigration } from './005_annotation_carrying';

const before = [
  libraryMigration,
  annotationMigration,
  versionStructureMigration,
  annotationPairsMigration,
];
const all = [...before, annotationCarryingMigration];

function libraryWithTwoVersions(migrations: typeof before) {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  db.exec(`
    INSERT INTO outlets (id, name, created_at) VALUES ('o1', 'CGTN', 'now');
    INSERT INTO articles (id, outlet_id, created_at) VALUES ('a1', 'o1', 'now');
    INSERT INTO versions (id, article_id, seq, headline, captured_at, body, raw_input, source_kind, word_count, sha256)
      VALUES ('v1', 'a1', 1, 'Talks', 'now', 'Body text', 'raw', 'paste', 2, 'h1'),
             ('v2', 'a1', 2, 'Talks', 'now', 'New body', 'raw', 'paste', 2, 'h2');
    INSERT INTO annotations (id, version_id, selectors, created_at, updated_at)
      VALUES ('n1', 'v1', '[{"type":"TextPositionSelector","start":0,"end":4}]', 'now', 'now');
  `);
  return db;
}

const insertCopy = `INSERT INTO annotations (id, version_id, selectors, created_at, updated_at,
    carried_from, carried_from_version, anchor_method)
  VALUES ('n2', 'v2', '[]', 'now', 'now', 'n1', 'v1', ?)`;
const insertOrphan = `INSERT INTO annotation_orphans (annotation_id, version_id, old_text, orphaned_at)
  VALUES (?, ?, 'Body', 'now')`;

describe('migration 5: annotation carrying', () => {
  it('keeps annotations written before it, as made where they are (carried from nothing)', () => {
    const db = libraryWithTwoVersions(before);
    migrate(db, all);
    expect(
      db
        .prepare(
          "SELECT carried_from, carried_from_version, anchor_method FROM annotations WHERE id = 'n1'",
        )
        .get(),
    ).toEqual({ carried_from: null, carried_from_version: null, anchor_method: null });
  });

  it('keeps a carried copy when its original is deleted, and refuses an unknown method', () => {
    const db = libraryWithTwoVersions(all);
    expect(() => db.prepare(insertCopy).run('guessed')).toThrow(/CHECK/);
    db.prepare(insertCopy).run('fuzzy');
    db.prepare("DELETE FROM annotations WHERE id = 'n1'").run();
    expect(db.prepare("SELECT carried_from FROM annotations WHERE id = 'n2'").get()).toEqual({
      carried_from: 'n1',
    });
  });

  it('records an orphan once per version, and drops it with its annotation or its version', () => {
    const db = libraryWithTwoVersions(all);
    db.prepare(insertOrphan).run('n1', 'v2');
    expect(() => db.prepare(insertOrphan).run('n1', 'v2')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => db.prepare(insertOrphan).run('missing', 'v2')).toThrow(/FOREIGN KEY/);
    const count = db.prepare('SELECT COUNT(*) AS n FROM annotation_orphans');
    db.prepare("DELETE FROM versions WHERE id = 'v2'").run();
    expect(count.get()).toEqual({ n: 0 });
    db.prepare(insertOrphan).run('n1', 'v1');
    db.prepare("DELETE FROM annotations WHERE id = 'n1'").run();
    expect(count.get()).toEqual({ n: 0 });
  });
});
