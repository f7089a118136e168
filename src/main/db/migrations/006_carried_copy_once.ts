import type { Migration } from './migration';

/**
 * An annotation is carried onto a version at most once. Copies get ids derived from
 * the original and the version's content, so merging another library's bundle meets
 * its copies again; this index makes a second copy on one version impossible. Copies
 * a library may already hold twice (from a merge before this) stay as annotations but
 * all but the first lose their carried-from link, so no reader's work is dropped.
 */
export const carriedCopyOnceMigration: Migration = {
  version: 6,
  name: 'carried copy once',
  up: (db) => {
    db.exec(`
      UPDATE annotations
      SET carried_from = NULL, carried_from_version = NULL, anchor_method = NULL
      WHERE carried_from IS NOT NULL
        AND EXISTS (
          SELECT 1 FROM annotations first
          WHERE first.carried_from = annotations.carried_from
            AND first.version_id = annotations.version_id
            AND first.rowid < annotations.rowid
        );
      CREATE UNIQUE INDEX annotations_carried_once
        ON annotations(carried_from, version_id) WHERE carried_from IS NOT NULL;
    `);
  },
};
