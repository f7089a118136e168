import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { libraryMigration } from './001_library';
import { annotationMigration } from './002_annotation';

function migratedTo2() {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, [libraryMigration, annotationMigration]);
  db.exec(`
    INSERT INTO outlets (id, name, created_at) VALUES ('o1', 'CGTN', 'now');
    INSERT INTO articles (id, outlet_id, created_at) VALUES ('a1', 'o1', 'now');
    INSERT INTO versions (id, article_id, seq, headline, captured_at, body, raw_input, source_kind, word_count, sha256)
      VALUES ('v1', 'a1', 1, 'Talks', 'now', 'Body text', 'raw', 'paste', 2, 'h1');
    INSERT INTO codebooks (id, name, created_at) VALUES ('cb', 'Framing', 'now');
    INSERT INTO codes (id, codebook_id, name, color, position) VALUES ('c1', 'cb', 'Omission', '#aa0000', 0);
  `);
  return db;
}

const insertAnnotation = `INSERT INTO annotations (id, version_id, code_id, selectors, created_at, updated_at)
  VALUES (?, 'v1', ?, ?, 'now', 'now')`;

describe('migration 2: annotation', () => {
  it('stores W3C selectors as a JSON array and refuses anything else', () => {
    const db = migratedTo2();
    db.prepare(insertAnnotation).run('n1', 'c1', '[{"type":"TextQuoteSelector","exact":"Body"}]');
    expect(() =>
      db.prepare(insertAnnotation).run('n2', 'c1', '{"type":"TextQuoteSelector"}'),
    ).toThrow(/CHECK/);
    expect(() => db.prepare(insertAnnotation).run('n3', 'c1', 'not json')).toThrow(/CHECK/);
  });

  it('keeps an annotation when its code is deleted, and drops codes with their codebook', () => {
    const db = migratedTo2();
    db.prepare(insertAnnotation).run(
      'n1',
      'c1',
      '[{"type":"TextPositionSelector","start":0,"end":4}]',
    );
    db.prepare("DELETE FROM codebooks WHERE id = 'cb'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM codes').get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT code_id FROM annotations WHERE id = 'n1'").get()).toEqual({
      code_id: null,
    });
  });

  it('records one comparison per ordered pair of versions', () => {
    const db = migratedTo2();
    const insert = db.prepare(
      "INSERT INTO comparisons (id, title, a_version_id, b_version_id, created_at, opened_at) VALUES (?, 't', 'v1', 'v1', 'now', 'now')",
    );
    insert.run('k1');
    expect(() => insert.run('k2')).toThrow(/UNIQUE/);
  });

  it('refuses lens terms that are not a JSON array', () => {
    const db = migratedTo2();
    const insert = db.prepare(
      "INSERT INTO lenses (id, name, terms, color, position) VALUES (?, ?, ?, '#000000', 0)",
    );
    insert.run('l1', 'Sanctions', '["sanctions"]');
    expect(() => insert.run('l2', 'Timing', '"next week"')).toThrow(/CHECK/);
  });
});
