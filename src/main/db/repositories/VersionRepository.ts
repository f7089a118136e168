import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { canonicalText, countWords } from '../../../core/canonicalText';
import { countWordChanges } from '../../../core/wordChanges';
import type { SourceKind, Version, VersionSummary } from '../../../shared/domain';
import type { SearchHit } from '../../../shared/api';
import { newId, now } from './rows';

/** The captured content of a version, before it has an id and a place in its article's history. */
export interface Snapshot {
  headline: string;
  deck: string | null;
  byline: string | null;
  publishedAt: string | null;
  body: string;
  subheads: number[];
  captions: string[];
  rawInput: string;
  sourceKind: SourceKind;
  sourceName: string | null;
}

/**
 * SHA-256 over what a reader sees: headline, deck, byline, body and captions in
 * canonical form. The raw input and capture date are provenance, not content, so
 * capturing the same text again hashes the same.
 */
export function hashSnapshot(
  s: Pick<Snapshot, 'headline' | 'deck' | 'byline' | 'body' | 'captions'>,
): string {
  const content = JSON.stringify([
    canonicalText(s.headline),
    canonicalText(s.deck ?? ''),
    canonicalText(s.byline ?? ''),
    canonicalText(s.body),
    s.captions.map(canonicalText),
  ]);
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

/** SHA-256 of the canonical body alone: the same text under another headline. */
export function hashBody(body: string): string {
  return createHash('sha256').update(canonicalText(body), 'utf8').digest('hex');
}

const summaryColumns = `v.id, v.article_id AS articleId, v.seq, v.headline, v.byline,
  v.published_at AS publishedAt, v.captured_at AS capturedAt, v.sha256, v.word_count AS wordCount,
  v.words_added AS wordsAdded, v.words_removed AS wordsRemoved`;
const fullColumns = `${summaryColumns}, v.deck, v.body, v.subheads, v.captions, v.raw_input AS rawInput,
  v.source_kind AS sourceKind, v.source_name AS sourceName`;

type VersionRow = Omit<Version, 'captions' | 'subheads'> & { captions: string; subheads: string };

const toVersion = (row: VersionRow): Version => ({
  ...row,
  subheads: JSON.parse(row.subheads) as number[],
  captions: JSON.parse(row.captions) as string[],
});

// Private-use characters mark hits in snippets: they cannot occur in imported text
// as markup, so the renderer can style them without ever parsing HTML.
export const SNIPPET_HIT_START = '\ue000';
export const SNIPPET_HIT_END = '\ue001';

/** Versions are append-only: this repository can add and read them, never change them. */
export class VersionRepository {
  constructor(private readonly db: Database) {}

  append(articleId: string, snapshot: Snapshot, capturedAt: string = now()): Version {
    const previous = this.db
      .prepare('SELECT seq, body FROM versions WHERE article_id = ? ORDER BY seq DESC LIMIT 1')
      .get(articleId) as { seq: number; body: string } | undefined;
    const changes = previous ? countWordChanges(previous.body, snapshot.body) : null;
    const bodySha256 = hashBody(snapshot.body);
    const version: Version = {
      id: newId(),
      articleId,
      seq: (previous?.seq ?? 0) + 1,
      capturedAt,
      sha256: hashSnapshot(snapshot),
      wordCount: countWords(snapshot.body),
      wordsAdded: changes?.added ?? null,
      wordsRemoved: changes?.removed ?? null,
      ...snapshot,
    };
    this.db
      .prepare(
        `INSERT INTO versions (id, article_id, seq, headline, deck, byline, published_at, captured_at,
           body, subheads, captions, raw_input, source_kind, source_name, word_count, words_added,
           words_removed, body_sha256, sha256)
         VALUES (@id, @articleId, @seq, @headline, @deck, @byline, @publishedAt, @capturedAt,
           @body, @subheads, @captions, @rawInput, @sourceKind, @sourceName, @wordCount, @wordsAdded,
           @wordsRemoved, @bodySha256, @sha256)`,
      )
      .run({
        ...version,
        bodySha256,
        subheads: JSON.stringify(version.subheads),
        captions: JSON.stringify(version.captions),
      });
    return version;
  }

  get(id: string): Version | undefined {
    const row = this.db.prepare(`SELECT ${fullColumns} FROM versions v WHERE v.id = ?`).get(id) as
      VersionRow | undefined;
    return row && toVersion(row);
  }

  /** A version of this outlet with exactly this content, if the library has one. */
  findByContent(outletId: string, sha256: string): VersionSummary | undefined {
    return this.db
      .prepare(
        `SELECT ${summaryColumns} FROM versions v JOIN articles a ON a.id = v.article_id
         WHERE a.outlet_id = ? AND v.sha256 = ? ORDER BY v.captured_at LIMIT 1`,
      )
      .get(outletId, sha256) as VersionSummary | undefined;
  }

  /** The latest version of this outlet whose body is exactly this text, under any headline. */
  findByBody(outletId: string, body: string): VersionSummary | undefined {
    return this.db
      .prepare(
        `SELECT ${summaryColumns} FROM versions v JOIN articles a ON a.id = v.article_id
         WHERE a.outlet_id = ? AND v.body_sha256 = ? ORDER BY v.captured_at DESC LIMIT 1`,
      )
      .get(outletId, hashBody(body)) as VersionSummary | undefined;
  }

  listByArticle(articleId: string): VersionSummary[] {
    return this.db
      .prepare(`SELECT ${summaryColumns} FROM versions v WHERE v.article_id = ? ORDER BY v.seq`)
      .all(articleId) as VersionSummary[];
  }

  listAll(): VersionSummary[] {
    return this.db
      .prepare(`SELECT ${summaryColumns} FROM versions v ORDER BY v.article_id, v.seq`)
      .all() as VersionSummary[];
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM versions').get() as { n: number }).n;
  }

  /**
   * Full-text search over headlines and bodies. The query is taken as plain words
   * (each a prefix, all required), never as FTS5 syntax, so no input can fail to parse.
   */
  search(query: string, limit: number): SearchHit[] {
    const words = query.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length === 0) return [];
    const match = words.map((w) => `"${w}"*`).join(' ');
    return this.db
      .prepare(
        `SELECT v.id AS versionId, v.article_id AS articleId, o.name AS outlet, v.headline,
           v.captured_at AS capturedAt,
           snippet(versions_fts, -1, '${SNIPPET_HIT_START}', '${SNIPPET_HIT_END}', '…', 16) AS snippet
         FROM versions_fts
         JOIN versions v ON v.rowid = versions_fts.rowid
         JOIN articles a ON a.id = v.article_id
         JOIN outlets o ON o.id = a.outlet_id
         WHERE versions_fts MATCH ?
         ORDER BY rank LIMIT ?`,
      )
      .all(match, limit) as SearchHit[];
  }
}
