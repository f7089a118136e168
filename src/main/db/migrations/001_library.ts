import type { Migration } from './migration';

/** Outlets → stories → articles → versions, with full-text search over versions. */
export const libraryMigration: Migration = {
  version: 1,
  name: 'library',
  up: (db) => {
    db.exec(`
      CREATE TABLE app_meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE TABLE outlets (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
        domain     TEXT,
        created_at TEXT NOT NULL
      );

      CREATE TABLE stories (
        id          TEXT PRIMARY KEY,
        title       TEXT NOT NULL UNIQUE COLLATE NOCASE,
        description TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL
      );

      CREATE TABLE articles (
        id         TEXT PRIMARY KEY,
        outlet_id  TEXT NOT NULL REFERENCES outlets(id),
        story_id   TEXT REFERENCES stories(id) ON DELETE SET NULL,
        url        TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX articles_by_outlet ON articles(outlet_id);
      CREATE INDEX articles_by_story ON articles(story_id);
      CREATE UNIQUE INDEX articles_by_url ON articles(url) WHERE url IS NOT NULL;

      -- A version is an immutable snapshot; the integer rowid keys the FTS index.
      CREATE TABLE versions (
        rowid        INTEGER PRIMARY KEY,
        id           TEXT NOT NULL UNIQUE,
        article_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        seq          INTEGER NOT NULL,
        headline     TEXT NOT NULL,
        deck         TEXT,
        byline       TEXT,
        published_at TEXT,
        captured_at  TEXT NOT NULL,
        body         TEXT NOT NULL,
        captions     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(captions)),
        raw_input    TEXT NOT NULL,
        source_kind  TEXT NOT NULL CHECK (source_kind IN ('paste', 'file', 'url', 'sample')),
        source_name  TEXT,
        word_count   INTEGER NOT NULL,
        sha256       TEXT NOT NULL,
        UNIQUE (article_id, seq),
        UNIQUE (article_id, sha256)
      );
      CREATE INDEX versions_by_sha256 ON versions(sha256);

      CREATE TRIGGER versions_are_append_only BEFORE UPDATE ON versions
      BEGIN
        SELECT RAISE(ABORT, 'versions are append-only: import a new version instead');
      END;

      CREATE VIRTUAL TABLE versions_fts USING fts5(
        headline, body,
        content = 'versions', content_rowid = 'rowid',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER versions_fts_insert AFTER INSERT ON versions BEGIN
        INSERT INTO versions_fts(rowid, headline, body) VALUES (new.rowid, new.headline, new.body);
      END;
      CREATE TRIGGER versions_fts_delete AFTER DELETE ON versions BEGIN
        INSERT INTO versions_fts(versions_fts, rowid, headline, body)
        VALUES ('delete', old.rowid, old.headline, old.body);
      END;
    `);
  },
};
