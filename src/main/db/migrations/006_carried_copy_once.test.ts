import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { libraryMigration } from './001_library';
import { annotationMigration } from './002_annotation';
import { versionStructureMigration } from './003_version_structure';
import { annotationPairsMigration } from './004_annotation_pairs';
import { annotationCarryingMigration } from './005_annotation_carrying';
import { carriedCopyOnceMigration } from './006_carried_copy_once';

const before = [
  libraryMigration,
  annotationMigration,
  versionStructureMigration,
  annotationPairsMigration,
  annotationCarryingMigration,
];
const all = [...before, carriedCopyOnceMigration];

function libraryWithAnOriginal(migrations: typeof before) {
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
      VALUES ('n1', 'v1', '[]', 'now', 'now');
  `);
  return db;
}

const insertCopy = (id: string, versionId = 'v2') =>
  `INSERT INTO annotations (id, version_id, note, selectors, created_at, updated_at,
     carried_from, carried_from_version, anchor_method)
   VALUES ('${id}', '${versionId}', 'note of ${id}', '[]', 'now', 'now', 'n1', 'v1', 'fuzzy')`;

describe('migration 6: a carried copy at most once per version', () => {
  it('refuses a second copy of one annotation on one version, but not on another version', () => {
    const db = libraryWithAnOriginal(all);
    db.exec(insertCopy('c1'));
    expect(() => db.exec(insertCopy('c2'))).toThrow(/UNIQUE/);
    db.exec(insertCopy('c3', 'v1'));
    // Annotations made where they are (carried from nothing) are not limited.
    db.exec(`INSERT INTO annotations (id, version_id, selectors, created_at, updated_at)
      VALUES ('n2', 'v2', '[]', 'now', 'now'), ('n3', 'v2', '[]', 'now', 'now')`);
  });

  it('keeps copies held twice before it, unlinking all but the first', () => {
    const db = libraryWithAnOriginal(before);
    db.exec(insertCopy('c1'));
    db.exec(insertCopy('c2'));
    migrate(db, all);
    expect(
      db
        .prepare('SELECT id, note, carried_from, anchor_method FROM annotations ORDER BY rowid')
        .all(),
    ).toEqual([
      { id: 'n1', note: '', carried_from: null, anchor_method: null },
      { id: 'c1', note: 'note of c1', carried_from: 'n1', anchor_method: 'fuzzy' },
      { id: 'c2', note: 'note of c2', carried_from: null, anchor_method: null },
    ]);
  });
});
