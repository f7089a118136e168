import type { Database } from 'better-sqlite3';
import type { Article } from '../../../shared/domain';
import { newId, now } from './rows';

const columns =
  'a.id, a.outlet_id AS outletId, a.story_id AS storyId, a.url, a.created_at AS createdAt';

export class ArticleRepository {
  constructor(private readonly db: Database) {}

  get(id: string): Article | undefined {
    return this.db.prepare(`SELECT ${columns} FROM articles a WHERE a.id = ?`).get(id) as
      Article | undefined;
  }

  create(fields: { outletId: string; storyId: string | null; url: string | null }): Article {
    const article: Article = { id: newId(), ...fields, createdAt: now() };
    this.db
      .prepare(
        'INSERT INTO articles (id, outlet_id, story_id, url, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(article.id, article.outletId, article.storyId, article.url, article.createdAt);
    return article;
  }

  fileUnderStory(articleId: string, storyId: string): void {
    this.db.prepare('UPDATE articles SET story_id = ? WHERE id = ?').run(storyId, articleId);
  }

  findByUrl(url: string): Article | undefined {
    return this.db.prepare(`SELECT ${columns} FROM articles a WHERE a.url = ?`).get(url) as
      Article | undefined;
  }

  /** The article of this outlet whose latest version carries this headline. */
  findByOutletAndHeadline(outletId: string, headline: string): Article | undefined {
    return this.db
      .prepare(
        `SELECT ${columns} FROM articles a
         JOIN versions v ON v.article_id = a.id
         WHERE a.outlet_id = ? AND v.headline = ?
           AND v.seq = (SELECT MAX(seq) FROM versions WHERE article_id = a.id)`,
      )
      .get(outletId, headline) as Article | undefined;
  }

  list(): Article[] {
    return this.db
      .prepare(`SELECT ${columns} FROM articles a ORDER BY a.created_at`)
      .all() as Article[];
  }
}
