import type { Database } from 'better-sqlite3';
import type { Story } from '../../../shared/domain';
import { newId, now } from './rows';

const columns = 'id, title, description, created_at AS createdAt';

export class StoryRepository {
  constructor(private readonly db: Database) {}

  get(id: string): Story | undefined {
    return this.db.prepare(`SELECT ${columns} FROM stories WHERE id = ?`).get(id) as
      Story | undefined;
  }

  findOrCreate(title: string, description = ''): Story {
    const existing = this.db
      .prepare(`SELECT ${columns} FROM stories WHERE title = ?`)
      .get(title.trim()) as Story | undefined;
    if (existing) return existing;
    const story: Story = { id: newId(), title: title.trim(), description, createdAt: now() };
    this.db
      .prepare('INSERT INTO stories (id, title, description, created_at) VALUES (?, ?, ?, ?)')
      .run(story.id, story.title, story.description, story.createdAt);
    return story;
  }

  list(): Story[] {
    return this.db
      .prepare(`SELECT ${columns} FROM stories ORDER BY created_at DESC, title`)
      .all() as Story[];
  }
}
