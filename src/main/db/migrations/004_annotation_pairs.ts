import type { Migration } from './migration';

/**
 * Annotations made as a pair (a span in one outlet's text with the matching span
 * in the other's) share a `pair_id`; deleting one half leaves the other's pair_id
 * in place, so restoring the deleted half pairs them again. Code merges and code
 * deletions look annotations up by code, so that gets an index too.
 */
export const annotationPairsMigration: Migration = {
  version: 4,
  name: 'annotation pairs',
  up: (db) => {
    db.exec(`
      ALTER TABLE annotations ADD COLUMN pair_id TEXT;
      CREATE INDEX annotations_by_pair ON annotations(pair_id) WHERE pair_id IS NOT NULL;
      CREATE INDEX annotations_by_code ON annotations(code_id);
    `);
  },
};
