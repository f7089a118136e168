import type { Migration } from './migration';

/**
 * Versions remember which paragraphs are subheads, and how much each capture
 * changed from the one before (words added and removed), for the version list.
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
    `);
  },
};
