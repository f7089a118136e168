import type { Database } from 'better-sqlite3';
import type { Annotation, OrphanedAnnotation, Selector } from '../../../shared/domain';

const columns = `a.id, a.version_id AS versionId, a.comparison_id AS comparisonId, a.code_id AS codeId,
  a.note, a.selectors, a.pair_id AS pairId, a.annotator, a.created_at AS createdAt,
  a.updated_at AS updatedAt, a.carried_from AS carriedFrom,
  a.carried_from_version AS carriedFromVersion, a.anchor_method AS anchorMethod`;

type CarriedFrom = NonNullable<Annotation['carriedFrom']>;
type AnnotationRow = Omit<Annotation, 'selectors' | 'carriedFrom'> & {
  selectors: string;
  carriedFrom: string | null;
  carriedFromVersion: string | null;
  anchorMethod: CarriedFrom['method'] | null;
};

const toAnnotation = ({
  carriedFrom,
  carriedFromVersion,
  anchorMethod,
  ...row
}: AnnotationRow): Annotation => ({
  ...row,
  selectors: JSON.parse(row.selectors) as Selector[],
  carriedFrom:
    carriedFrom !== null && carriedFromVersion !== null && anchorMethod !== null
      ? { annotationId: carriedFrom, versionId: carriedFromVersion, method: anchorMethod }
      : null,
});

export interface Orphan {
  annotationId: string;
  versionId: string;
  oldText: string;
  orphanedAt: string;
}

/** Stores annotations exactly as given; checking them against their version is the service's job. */
export class AnnotationRepository {
  constructor(private readonly db: Database) {}

  get(id: string): Annotation | undefined {
    const row = this.db.prepare(`SELECT ${columns} FROM annotations a WHERE a.id = ?`).get(id) as
      AnnotationRow | undefined;
    return row && toAnnotation(row);
  }

  /** Writes the annotation whole, id and timestamps included (new ones and restored ones alike). */
  insert(annotation: Annotation): Annotation {
    this.db
      .prepare(
        `INSERT INTO annotations (id, version_id, comparison_id, code_id, note, selectors, pair_id,
           annotator, created_at, updated_at, carried_from, carried_from_version, anchor_method)
         VALUES (@id, @versionId, @comparisonId, @codeId, @note, @selectors, @pairId,
           @annotator, @createdAt, @updatedAt, @carriedFrom, @carriedFromVersion, @anchorMethod)`,
      )
      .run({
        ...annotation,
        selectors: JSON.stringify(annotation.selectors),
        carriedFrom: annotation.carriedFrom?.annotationId ?? null,
        carriedFromVersion: annotation.carriedFrom?.versionId ?? null,
        anchorMethod: annotation.carriedFrom?.method ?? null,
      });
    return annotation;
  }

  /**
   * Annotations on any of these versions, oldest first; the two halves of a pair
   * share a timestamp and keep the order they were written in.
   */
  listByVersions(versionIds: readonly string[]): Annotation[] {
    if (versionIds.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT ${columns} FROM annotations a
         WHERE a.version_id IN (${versionIds.map(() => '?').join(', ')})
         ORDER BY a.created_at, a.rowid`,
      )
      .all(...versionIds) as AnnotationRow[];
    return rows.map(toAnnotation);
  }

  /** Changes code, note and edit time, and how a carried copy was placed when `anchorMethod` is given. */
  update(
    id: string,
    fields: {
      codeId: string | null;
      note: string;
      updatedAt: string;
      anchorMethod?: CarriedFrom['method'];
    },
  ): Annotation | undefined {
    this.db
      .prepare(
        `UPDATE annotations SET code_id = @codeId, note = @note, updated_at = @updatedAt,
           anchor_method = coalesce(@anchorMethod, anchor_method)
         WHERE id = @id`,
      )
      .run({ id, anchorMethod: null, ...fields });
    return this.get(id);
  }

  /** Whether `annotationId` already has a carried copy on this version. */
  hasCopyOn(annotationId: string, versionId: string): boolean {
    return (
      this.db
        .prepare('SELECT 1 FROM annotations WHERE carried_from = ? AND version_id = ?')
        .get(annotationId, versionId) !== undefined
    );
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM annotations WHERE id = ?').run(id).changes > 0;
  }

  /** The latest edit of any annotation with this code, or null when it has none. */
  latestUpdateWithCode(codeId: string): string | null {
    const row = this.db
      .prepare('SELECT MAX(updated_at) AS latest FROM annotations WHERE code_id = ?')
      .get(codeId) as { latest: string | null };
    return row.latest;
  }

  /** Gives every annotation of one code another code; returns how many moved. */
  moveToCode(fromCodeId: string, intoCodeId: string, updatedAt: string): number {
    return this.db
      .prepare('UPDATE annotations SET code_id = ?, updated_at = ? WHERE code_id = ?')
      .run(intoCodeId, updatedAt, fromCodeId).changes;
  }

  /** Records that an annotation could not be placed on a (later) version. */
  insertOrphan(orphan: Orphan): void {
    this.db
      .prepare(
        `INSERT INTO annotation_orphans (annotation_id, version_id, old_text, orphaned_at)
         VALUES (@annotationId, @versionId, @oldText, @orphanedAt)`,
      )
      .run(orphan);
  }

  /** Whether `annotationId` is recorded as not placed on this version. */
  hasOrphanOn(annotationId: string, versionId: string): boolean {
    return (
      this.db
        .prepare('SELECT 1 FROM annotation_orphans WHERE annotation_id = ? AND version_id = ?')
        .get(annotationId, versionId) !== undefined
    );
  }

  /** The versions this annotation could not be placed on, with the words it marked, oldest first. */
  listOrphanRecords(annotationId: string): { versionId: string; oldText: string }[] {
    return this.db
      .prepare(
        `SELECT version_id AS versionId, old_text AS oldText FROM annotation_orphans
         WHERE annotation_id = ? ORDER BY rowid`,
      )
      .all(annotationId) as { versionId: string; oldText: string }[];
  }

  /**
   * Annotations that could not be placed on any of these versions, each whole as it
   * was made, in the order the annotations were made.
   */
  listOrphansByVersions(versionIds: readonly string[]): OrphanedAnnotation[] {
    if (versionIds.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT ${columns}, o.version_id AS orphanVersionId, o.old_text AS oldText
         FROM annotation_orphans o JOIN annotations a ON a.id = o.annotation_id
         WHERE o.version_id IN (${versionIds.map(() => '?').join(', ')})
         ORDER BY a.created_at, a.rowid, o.rowid`,
      )
      .all(...versionIds) as (AnnotationRow & { orphanVersionId: string; oldText: string })[];
    return rows.map(({ orphanVersionId, oldText, ...row }) => ({
      annotation: toAnnotation(row),
      versionId: orphanVersionId,
      oldText,
    }));
  }
}
