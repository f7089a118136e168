import type { Migration } from './migration';

/**
 * Annotations follow an article to its new versions. A copy remembers the
 * annotation it was carried from, that one's version and how its span was found
 * again; no foreign key, since the original may be deleted and the copy stays.
 * An annotation that could not be placed on a new version is recorded there as
 * an orphan with the words it marked, so a reader can see what was lost, and a
 * later version can place it again if the words come back.
 */
export const annotationCarryingMigration: Migration = {
  version: 5,
  name: 'annotation carrying',
  up: (db) => {
    db.exec(`
      ALTER TABLE annotations ADD COLUMN carried_from TEXT;
      ALTER TABLE annotations ADD COLUMN carried_from_version TEXT;
      ALTER TABLE annotations ADD COLUMN anchor_method TEXT
        CHECK (anchor_method IN ('exact-position', 'exact-quote', 'fuzzy'));

      CREATE TABLE annotation_orphans (
        annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
        version_id    TEXT NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
        old_text      TEXT NOT NULL,
        orphaned_at   TEXT NOT NULL,
        PRIMARY KEY (annotation_id, version_id)
      );
      CREATE INDEX annotation_orphans_by_version ON annotation_orphans(version_id);
    `);
  },
};
