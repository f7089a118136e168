import type { Database } from 'better-sqlite3';
import type { Code, Codebook } from '../../../shared/domain';
import { newId, now } from './rows';

export interface NewCode {
  name: string;
  description: string;
  color: string;
  group: string;
}

const codeColumns = `id, codebook_id AS codebookId, name, description, color, group_name AS "group"`;

export class CodebookRepository {
  constructor(private readonly db: Database) {}

  create(name: string, description: string, codes: NewCode[]): Codebook {
    const id = newId();
    this.db
      .prepare('INSERT INTO codebooks (id, name, description, created_at) VALUES (?, ?, ?, ?)')
      .run(id, name, description, now());
    const created = codes.map((code) => this.createCode(id, code));
    return { id, name, description, codes: created };
  }

  list(): Codebook[] {
    const books = this.db
      .prepare('SELECT id, name, description FROM codebooks ORDER BY created_at, name')
      .all() as Omit<Codebook, 'codes'>[];
    const codes = this.db
      .prepare(`SELECT ${codeColumns} FROM codes ORDER BY position`)
      .all() as Code[];
    return books.map((book) => ({ ...book, codes: codes.filter((c) => c.codebookId === book.id) }));
  }

  get(id: string): Codebook | undefined {
    const book = this.db
      .prepare('SELECT id, name, description FROM codebooks WHERE id = ?')
      .get(id) as Omit<Codebook, 'codes'> | undefined;
    return book && { ...book, codes: this.listCodes(id) };
  }

  listCodes(codebookId: string): Code[] {
    return this.db
      .prepare(`SELECT ${codeColumns} FROM codes WHERE codebook_id = ? ORDER BY position`)
      .all(codebookId) as Code[];
  }

  getCode(id: string): Code | undefined {
    return this.db.prepare(`SELECT ${codeColumns} FROM codes WHERE id = ?`).get(id) as
      Code | undefined;
  }

  /** Adds a code at the end of its codebook. */
  createCode(codebookId: string, code: NewCode): Code {
    const row: Code = { id: newId(), codebookId, ...code };
    const { position } = this.db
      .prepare('SELECT COALESCE(MAX(position) + 1, 0) AS position FROM codes WHERE codebook_id = ?')
      .get(codebookId) as { position: number };
    this.db
      .prepare(
        `INSERT INTO codes (id, codebook_id, name, description, color, group_name, position)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(row.id, codebookId, row.name, row.description, row.color, row.group, position);
    return row;
  }

  updateCode(id: string, fields: { name: string; color: string }): Code | undefined {
    this.db
      .prepare('UPDATE codes SET name = ?, color = ? WHERE id = ?')
      .run(fields.name, fields.color, id);
    return this.getCode(id);
  }

  /** Annotations that had the code keep their text and note, with no code (ON DELETE SET NULL). */
  deleteCode(id: string): boolean {
    return this.db.prepare('DELETE FROM codes WHERE id = ?').run(id).changes > 0;
  }
}
