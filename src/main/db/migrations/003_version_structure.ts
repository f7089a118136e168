import type { Migration } from './migration';

/**
 * Versions remember which paragraphs are subheads, and how much each capture
 * changed from the one before (words added and removed), for the version list;
 * and an index so a re-import finds its article by headline without a scan.
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
      -- Re-imports find their article by outlet and headline.
      CREATE INDEX versions_by_headline ON versions(headline);
    `);
  },
};
