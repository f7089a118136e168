import type { Migration } from './migration';

/** What readers add on top of the library: comparisons, codebooks, annotations, lenses. */
export const annotationMigration: Migration = {
  version: 2,
  name: 'annotation',
  up: (db) => {
    db.exec(`
      CREATE TABLE comparisons (
        id           TEXT PRIMARY KEY,
        title        TEXT NOT NULL,
        a_version_id TEXT NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
        b_version_id TEXT NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
        created_at   TEXT NOT NULL,
        opened_at    TEXT NOT NULL,
        UNIQUE (a_version_id, b_version_id)
      );

      CREATE TABLE codebooks (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
        description TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL
      );

      CREATE TABLE codes (
        id          TEXT PRIMARY KEY,
        codebook_id TEXT NOT NULL REFERENCES codebooks(id) ON DELETE CASCADE,
        name        TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        color       TEXT NOT NULL,
        group_name  TEXT NOT NULL DEFAULT '',
        position    INTEGER NOT NULL,
        UNIQUE (codebook_id, name)
      );

      -- Selectors follow the W3C Web Annotation model, stored as a JSON array.
      CREATE TABLE annotations (
        id            TEXT PRIMARY KEY,
        version_id    TEXT NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
        comparison_id TEXT REFERENCES comparisons(id) ON DELETE SET NULL,
        code_id       TEXT REFERENCES codes(id) ON DELETE SET NULL,
        note          TEXT NOT NULL DEFAULT '',
        selectors     TEXT NOT NULL CHECK (json_valid(selectors) AND json_type(selectors) = 'array'),
        annotator     TEXT NOT NULL DEFAULT '',
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      );
      CREATE INDEX annotations_by_version ON annotations(version_id);

      CREATE TABLE lenses (
        id       TEXT PRIMARY KEY,
        name     TEXT NOT NULL UNIQUE COLLATE NOCASE,
        terms    TEXT NOT NULL CHECK (json_valid(terms) AND json_type(terms) = 'array'),
        color    TEXT NOT NULL,
        position INTEGER NOT NULL
      );
    `);
  },
};
