import type { Database } from 'better-sqlite3';
import type { Lens } from '../../../shared/domain';
import { newId } from './rows';

export class LensRepository {
  constructor(private readonly db: Database) {}

  create(name: string, terms: string[], color: string): Lens {
    const lens: Lens = { id: newId(), name, terms, color };
    const position = (this.db.prepare('SELECT COUNT(*) AS n FROM lenses').get() as { n: number }).n;
    this.db
      .prepare('INSERT INTO lenses (id, name, terms, color, position) VALUES (?, ?, ?, ?, ?)')
      .run(lens.id, name, JSON.stringify(terms), color, position);
    return lens;
  }

  list(): Lens[] {
    const rows = this.db
      .prepare('SELECT id, name, terms, color FROM lenses ORDER BY position')
      .all() as (Omit<Lens, 'terms'> & { terms: string })[];
    return rows.map((row) => ({ ...row, terms: JSON.parse(row.terms) as string[] }));
  }
}
