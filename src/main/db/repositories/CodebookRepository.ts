import type { Database } from 'better-sqlite3';
import type { Code, Codebook } from '../../../shared/domain';
import { newId, now } from './rows';

export interface NewCode {
  name: string;
  description: string;
  color: string;
  group: string;
}

export class CodebookRepository {
  constructor(private readonly db: Database) {}

  create(name: string, description: string, codes: NewCode[]): Codebook {
    const id = newId();
    this.db
      .prepare('INSERT INTO codebooks (id, name, description, created_at) VALUES (?, ?, ?, ?)')
      .run(id, name, description, now());
    const insertCode = this.db.prepare(
      `INSERT INTO codes (id, codebook_id, name, description, color, group_name, position)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const created: Code[] = codes.map((code, position) => {
      const row: Code = { id: newId(), codebookId: id, ...code };
      insertCode.run(row.id, id, row.name, row.description, row.color, row.group, position);
      return row;
    });
    return { id, name, description, codes: created };
  }

  list(): Codebook[] {
    const books = this.db
      .prepare('SELECT id, name, description FROM codebooks ORDER BY created_at, name')
      .all() as Omit<Codebook, 'codes'>[];
    const codes = this.db
      .prepare(
        `SELECT id, codebook_id AS codebookId, name, description, color, group_name AS "group"
         FROM codes ORDER BY position`,
      )
      .all() as Code[];
    return books.map((book) => ({ ...book, codes: codes.filter((c) => c.codebookId === book.id) }));
  }
}
