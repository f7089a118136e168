import type { Database } from 'better-sqlite3';
import type { Annotation, Selector } from '../../../shared/domain';

const columns = `id, version_id AS versionId, comparison_id AS comparisonId, code_id AS codeId, note,
  selectors, pair_id AS pairId, annotator, created_at AS createdAt, updated_at AS updatedAt`;

type AnnotationRow = Omit<Annotation, 'selectors'> & { selectors: string };

const toAnnotation = (row: AnnotationRow): Annotation => ({
  ...row,
  selectors: JSON.parse(row.selectors) as Selector[],
});

/** Stores annotations exactly as given; checking them against their version is the service's job. */
export class AnnotationRepository {
  constructor(private readonly db: Database) {}

  get(id: string): Annotation | undefined {
    const row = this.db.prepare(`SELECT ${columns} FROM annotations WHERE id = ?`).get(id) as
      AnnotationRow | undefined;
    return row && toAnnotation(row);
  }

  /** Writes the annotation whole, id and timestamps included (new ones and restored ones alike). */
  insert(annotation: Annotation): Annotation {
    this.db
      .prepare(
        `INSERT INTO annotations (id, version_id, comparison_id, code_id, note, selectors, pair_id,
           annotator, created_at, updated_at)
         VALUES (@id, @versionId, @comparisonId, @codeId, @note, @selectors, @pairId,
           @annotator, @createdAt, @updatedAt)`,
      )
      .run({ ...annotation, selectors: JSON.stringify(annotation.selectors) });
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
        `SELECT ${columns} FROM annotations
         WHERE version_id IN (${versionIds.map(() => '?').join(', ')})
         ORDER BY created_at, rowid`,
      )
      .all(...versionIds) as AnnotationRow[];
    return rows.map(toAnnotation);
  }

  update(
    id: string,
    fields: { codeId: string | null; note: string; updatedAt: string },
  ): Annotation | undefined {
    this.db
      .prepare(
        'UPDATE annotations SET code_id = @codeId, note = @note, updated_at = @updatedAt WHERE id = @id',
      )
      .run({ id, ...fields });
    return this.get(id);
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM annotations WHERE id = ?').run(id).changes > 0;
  }

  /** Gives every annotation of one code another code; returns how many moved. */
  /** The latest edit of any annotation with this code, or null when it has none. */
  latestUpdateWithCode(codeId: string): string | null {
    const row = this.db
      .prepare('SELECT MAX(updated_at) AS latest FROM annotations WHERE code_id = ?')
      .get(codeId) as { latest: string | null };
    return row.latest;
  }

  moveToCode(fromCodeId: string, intoCodeId: string, updatedAt: string): number {
    return this.db
      .prepare('UPDATE annotations SET code_id = ?, updated_at = ? WHERE code_id = ?')
      .run(intoCodeId, updatedAt, fromCodeId).changes;
  }
}
