import type { Migration } from './migration';

/**
 * Versions remember which paragraphs are subheads, and how much each capture
 * changed from the one before (words added and removed), for the version list;
 * and what a re-import needs to find its article without a scan: indexes on the
 * headline and on a hash of the body alone.
 */
export const versionStructureMigration: Migration = {
  version: 3,
  name: 'version structure',
  up: (db) => {
    db.exec(`
      ALTER TABLE versions ADD COLUMN subheads TEXT NOT NULL DEFAULT '[]'
        CHECK (json_valid(subheads) AND json_type(subheads) = 'array');
      ALTER TABLE versions ADD COLUMN words_added INTEGER;
      ALTER TABLE versions ADD COLUMN words_removed INTEGER;
      -- Re-imports find their article by outlet and headline, or by the body alone.
      ALTER TABLE versions ADD COLUMN body_sha256 TEXT;
      CREATE INDEX versions_by_headline ON versions(headline);
      CREATE INDEX versions_by_body ON versions(body_sha256);
    `);
  },
};
