import type { Database } from 'better-sqlite3';
import type { Lens } from '../../../shared/domain';
import { newId } from './rows';

type LensRow = Omit<Lens, 'terms'> & { terms: string };
/**
 * Only texts are terms. A library may hold a lens from before bundles were checked
 * with other values among its terms; read as they are, they broke every analysis.
 */
const toLens = (row: LensRow): Lens => ({
  ...row,
  terms: (JSON.parse(row.terms) as unknown[]).filter((t): t is string => typeof t === 'string'),
});

export class LensRepository {
  constructor(private readonly db: Database) {}

  /** Adds a lens after the others (positions keep their gaps after a delete, so MAX, not COUNT). */
  create(name: string, terms: string[], color: string): Lens {
    const lens: Lens = { id: newId(), name, terms, color };
    const { position } = this.db
      .prepare('SELECT COALESCE(MAX(position) + 1, 0) AS position FROM lenses')
      .get() as { position: number };
    this.db
      .prepare('INSERT INTO lenses (id, name, terms, color, position) VALUES (?, ?, ?, ?, ?)')
      .run(lens.id, name, JSON.stringify(terms), color, position);
    return lens;
  }

  get(id: string): Lens | undefined {
    const row = this.db
      .prepare('SELECT id, name, terms, color FROM lenses WHERE id = ?')
      .get(id) as LensRow | undefined;
    return row && toLens(row);
  }

  list(): Lens[] {
    const rows = this.db
      .prepare('SELECT id, name, terms, color FROM lenses ORDER BY position')
      .all() as LensRow[];
    return rows.map(toLens);
  }

  /** Replaces name, terms and color; the lens keeps its place in the list. */
  replace(lens: Lens): Lens | undefined {
    this.db
      .prepare('UPDATE lenses SET name = ?, terms = ?, color = ? WHERE id = ?')
      .run(lens.name, JSON.stringify(lens.terms), lens.color, lens.id);
    return this.get(lens.id);
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM lenses WHERE id = ?').run(id).changes > 0;
  }
}
