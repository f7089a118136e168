import type { Database } from 'better-sqlite3';
import type { Comparison } from '../../../shared/domain';
import { newId, now } from './rows';

const columns =
  'id, title, a_version_id AS aVersionId, b_version_id AS bVersionId, created_at AS createdAt';

export class ComparisonRepository {
  constructor(private readonly db: Database) {}

  /** The comparison of these two versions, created on first open; each open moves it to the top. */
  open(aVersionId: string, bVersionId: string, title: string): Comparison {
    const openedAt = now();
    this.db
      .prepare(
        `INSERT INTO comparisons (id, title, a_version_id, b_version_id, created_at, opened_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (a_version_id, b_version_id) DO UPDATE SET opened_at = excluded.opened_at`,
      )
      .run(newId(), title, aVersionId, bVersionId, openedAt, openedAt);
    return this.db
      .prepare(`SELECT ${columns} FROM comparisons WHERE a_version_id = ? AND b_version_id = ?`)
      .get(aVersionId, bVersionId) as Comparison;
  }

  get(id: string): Comparison | undefined {
    return this.db.prepare(`SELECT ${columns} FROM comparisons WHERE id = ?`).get(id) as
      Comparison | undefined;
  }

  /** Most recently opened first. */
  list(): Comparison[] {
    return this.db
      .prepare(`SELECT ${columns} FROM comparisons ORDER BY opened_at DESC, rowid DESC`)
      .all() as Comparison[];
  }
}
