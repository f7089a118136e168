import type { Database } from 'better-sqlite3';
import type { Annotation, Selector } from '../../../shared/domain';
import { newId, now } from './rows';

export interface NewAnnotation {
  versionId: string;
  comparisonId: string | null;
  codeId: string | null;
  note: string;
  selectors: Selector[];
  annotator: string;
}

const columns = `id, version_id AS versionId, comparison_id AS comparisonId, code_id AS codeId, note,
  selectors, annotator, created_at AS createdAt, updated_at AS updatedAt`;

export class AnnotationRepository {
  constructor(private readonly db: Database) {}

  create(fields: NewAnnotation): Annotation {
    const stamp = now();
    const annotation: Annotation = { id: newId(), ...fields, createdAt: stamp, updatedAt: stamp };
    this.db
      .prepare(
        `INSERT INTO annotations (id, version_id, comparison_id, code_id, note, selectors, annotator, created_at, updated_at)
         VALUES (@id, @versionId, @comparisonId, @codeId, @note, @selectors, @annotator, @createdAt, @updatedAt)`,
      )
      .run({ ...annotation, selectors: JSON.stringify(annotation.selectors) });
    return annotation;
  }

  listByVersion(versionId: string): Annotation[] {
    const rows = this.db
      .prepare(`SELECT ${columns} FROM annotations WHERE version_id = ? ORDER BY created_at`)
      .all(versionId) as (Omit<Annotation, 'selectors'> & { selectors: string })[];
    return rows.map((row) => ({ ...row, selectors: JSON.parse(row.selectors) as Selector[] }));
  }
}
