import type { Database } from 'better-sqlite3';
import type { Outlet } from '../../../shared/domain';
import { newId, now } from './rows';

interface OutletRow {
  id: string;
  name: string;
  domain: string | null;
}

export class OutletRepository {
  constructor(private readonly db: Database) {}

  get(id: string): Outlet | undefined {
    return this.db.prepare('SELECT id, name, domain FROM outlets WHERE id = ?').get(id) as
      OutletRow | undefined;
  }

  /** Outlet names match case-insensitively: "CGTN" and "cgtn" are one outlet. */
  findByName(name: string): Outlet | undefined {
    return this.db
      .prepare('SELECT id, name, domain FROM outlets WHERE name = ?')
      .get(name.trim()) as OutletRow | undefined;
  }

  findOrCreate(name: string, domain: string | null = null): Outlet {
    const existing = this.findByName(name);
    if (existing) return existing;
    const outlet: Outlet = { id: newId(), name: name.trim(), domain };
    this.db
      .prepare('INSERT INTO outlets (id, name, domain, created_at) VALUES (?, ?, ?, ?)')
      .run(outlet.id, outlet.name, outlet.domain, now());
    return outlet;
  }

  list(): Outlet[] {
    return this.db
      .prepare('SELECT id, name, domain FROM outlets ORDER BY name')
      .all() as OutletRow[];
  }
}
