import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { libraryMigration } from './001_library';
import { annotationMigration } from './002_annotation';
import { versionStructureMigration } from './003_version_structure';
import { annotationPairsMigration } from './004_annotation_pairs';

const before = [libraryMigration, annotationMigration, versionStructureMigration];
const all = [...before, annotationPairsMigration];

function libraryWithOneVersion(migrations: typeof before) {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  db.exec(`
    INSERT INTO outlets (id, name, created_at) VALUES ('o1', 'CGTN', 'now');
    INSERT INTO articles (id, outlet_id, created_at) VALUES ('a1', 'o1', 'now');
    INSERT INTO versions (id, article_id, seq, headline, captured_at, body, raw_input, source_kind, word_count, sha256)
      VALUES ('v1', 'a1', 1, 'Talks', 'now', 'Body text', 'raw', 'paste', 2, 'h1');
  `);
  return db;
}

const selectors = '[{"type":"TextPositionSelector","start":0,"end":4}]';

describe('migration 4: annotation pairs', () => {
  it('keeps annotations written before it, each on its own (no pair)', () => {
    const db = libraryWithOneVersion(before);
    db.prepare(
      `INSERT INTO annotations (id, version_id, selectors, created_at, updated_at)
       VALUES ('n1', 'v1', ?, 'now', 'now')`,
    ).run(selectors);
    migrate(db, all);
    expect(db.prepare("SELECT id, pair_id FROM annotations WHERE id = 'n1'").get()).toEqual({
      id: 'n1',
      pair_id: null,
    });
  });

  it('finds the halves of a pair by their shared pair id, through an index', () => {
    const db = libraryWithOneVersion(all);
    const insert = db.prepare(
      `INSERT INTO annotations (id, version_id, selectors, pair_id, created_at, updated_at)
       VALUES (?, 'v1', ?, ?, 'now', 'now')`,
    );
    insert.run('n1', selectors, 'p1');
    insert.run('n2', selectors, 'p1');
    insert.run('n3', selectors, null);
    const find = "SELECT id FROM annotations WHERE pair_id = 'p1' ORDER BY id";
    expect(db.prepare(find).all()).toEqual([{ id: 'n1' }, { id: 'n2' }]);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${find}`).all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toContain('annotations_by_pair');
  });
});
