// Opening a bundle into a library, or merging students' bundles back into the teacher's:
// all in one transaction, nothing twice. Rows keep their ids; a row that is new here
// but matches one already here by what it is (an outlet's name, a version's content
// in its article…) is taken to be that row, and what points at it is pointed here.
import type { Database } from 'better-sqlite3';
import { basename } from 'node:path';
import { countWords } from '../../core/canonicalText';
import { countWordChanges } from '../../core/wordChanges';
import type { BundleMerge } from '../../shared/api';
import type { Library } from '../db/library';
import { now } from '../db/repositories/rows';
import { hashBody } from '../db/repositories/VersionRepository';
import { UserError } from '../../shared/result';
import { rememberOpenedBundle } from './bundleFacts';
import { untrustedRowProblem } from './checkBundleRows';
import { openBundle, type BundleSource, type OpenedBundleFile } from './readBundle';
import { inJsonList, insertRow, replaceRowById, type Row } from './tableRows';
import { plural } from '../../core/text';

type Table =
  | 'outlets'
  | 'stories'
  | 'articles'
  | 'versions'
  | 'comparisons'
  | 'codebooks'
  | 'codes'
  | 'lenses'
  | 'annotations';

/** Merges one bundle; see mergeBundles. */
export function mergeBundle(library: Library, path: string, name: string = path): BundleMerge {
  return mergeBundles(library, [{ path, name }])[0]!;
}

/**
 * Merges the bundles into the library in one transaction: every file is checked
 * first, so one bad file refuses them all and leaves the library as it was.
 */
export function mergeBundles(library: Library, files: readonly BundleSource[]): BundleMerge[] {
  const opened: OpenedBundleFile[] = [];
  try {
    for (const file of files) opened.push(openBundle(file));
    return library.transaction(() =>
      opened.map((bundle) => {
        // Inside the transaction: a later bundle's rows may hang on an earlier one's.
        const problem = untrustedRowProblem(bundle.db, library.db, bundle.facts);
        if (problem !== undefined)
          throw new UserError(`${bundle.name} cannot be merged: ${problem}`);
        return mergeOpenedBundle(library, bundle);
      }),
    );
  } finally {
    for (const bundle of opened) bundle.dispose();
  }
}

function mergeOpenedBundle(library: Library, bundle: OpenedBundleFile): BundleMerge {
  const here = library.db;
  const there = bundle.db;
  const idsHere = new Map<Table, Map<string, string>>();
  const mapOf = (table: Table) => {
    if (!idsHere.has(table)) idsHere.set(table, new Map());
    return idsHere.get(table)!;
  };
  /** The id here of a row the bundle calls `id`. */
  const mapped = (table: Table, id: unknown) =>
    typeof id === 'string' ? (mapOf(table).get(id) ?? id) : id;
  const idWhere = (sql: string, ...params: unknown[]) =>
    (here.prepare(`SELECT id FROM ${sql}`).get(...params) as { id: string } | undefined)?.id;
  const rowsOf = (table: string, order = '') =>
    there.prepare(`SELECT * FROM "${table}" ${order}`).all() as Row[];

  /**
   * Each of the bundle's rows of `table`: the same id here, else the row `natural`
   * finds here, else inserted (after `adjust`). Returns how many were inserted.
   */
  const mergeTable = (
    table: Table,
    refs: Record<string, Table>,
    natural: (row: Row) => string | undefined,
    adjust: (row: Row) => Row = (row) => row,
    order = '',
  ): number => {
    let added = 0;
    for (const original of rowsOf(table, order)) {
      const row = { ...original };
      for (const [column, target] of Object.entries(refs))
        row[column] = mapped(target, row[column]);
      const id = row.id as string;
      const existing = idWhere(`"${table}" WHERE id = ?`, id) ?? natural(row);
      if (existing !== undefined) {
        mapOf(table).set(id, existing);
        continue;
      }
      insertRow(here, table, adjust(row));
      added++;
    }
    return added;
  };

  /** The next free position in a list of codes or lenses, when the row's is taken. */
  const freePosition = (table: 'codes' | 'lenses', row: Row, scope = '1', ...params: unknown[]) => {
    const taken = here
      .prepare(`SELECT 1 FROM ${table} WHERE ${scope} AND position = ?`)
      .get(...params, row.position);
    if (!taken) return row;
    const { next } = here
      .prepare(`SELECT COALESCE(MAX(position), -1) + 1 AS next FROM ${table} WHERE ${scope}`)
      .get(...params) as { next: number };
    return { ...row, position: next };
  };

  mergeTable('outlets', {}, (r) => idWhere('outlets WHERE name = ?', r.name));
  const stories = mergeTable('stories', {}, (r) => idWhere('stories WHERE title = ?', r.title));
  const bundleHashes = bundleVersionHashes(there);
  mergeTable('articles', { outlet_id: 'outlets', story_id: 'stories' }, (r) => {
    const byUrl = r.url == null ? undefined : idWhere('articles WHERE url = ?', r.url);
    // Articles imported from files have no URL: the same outlet holding the same text is the same article.
    return (
      byUrl ??
      idWhere(
        `articles WHERE outlet_id = ? AND id IN (SELECT article_id FROM versions WHERE ${inJsonList('sha256')}) LIMIT 1`,
        r.outlet_id,
        JSON.stringify(bundleHashes.get(r.id as string) ?? []),
      )
    );
  });
  const versions = mergeTable(
    'versions',
    { article_id: 'articles' },
    (r) => idWhere('versions WHERE article_id = ? AND sha256 = ?', r.article_id, r.sha256),
    (r) => placeVersion(here, r),
    'ORDER BY seq',
  );
  const comparisons = mergeTable(
    'comparisons',
    { a_version_id: 'versions', b_version_id: 'versions' },
    (r) =>
      idWhere(
        'comparisons WHERE a_version_id = ? AND b_version_id = ?',
        r.a_version_id,
        r.b_version_id,
      ),
  );
  mergeTable('codebooks', {}, (r) => idWhere('codebooks WHERE name = ?', r.name));
  const codes = mergeTable(
    'codes',
    { codebook_id: 'codebooks' },
    (r) => idWhere('codes WHERE codebook_id = ? AND name = ?', r.codebook_id, r.name),
    (r) => freePosition('codes', r, 'codebook_id = ?', r.codebook_id),
  );
  mergeTable(
    'lenses',
    {},
    (r) => idWhere('lenses WHERE name = ?', r.name),
    (r) => freePosition('lenses', r),
  );
  // In history order, so a copy carried from a copy comes after the one it was carried from.
  const annotations = mergeAnnotations(
    here,
    rowsOf(
      'annotations',
      'ORDER BY (SELECT seq FROM versions v WHERE v.id = annotations.version_id), rowid',
    ),
    mapped,
    mapOf('annotations'),
  );
  // Both files are at this schema (the bundle's copy was migrated), so both have orphans.
  for (const orphan of rowsOf('annotation_orphans')) {
    const row: Row = {
      ...orphan,
      annotation_id: mapped('annotations', orphan.annotation_id),
      version_id: mapped('versions', orphan.version_id),
    };
    const known = here
      .prepare('SELECT 1 FROM annotation_orphans WHERE annotation_id = ? AND version_id = ?')
      .get(row.annotation_id, row.version_id);
    if (!known) insertRow(here, 'annotation_orphans', row);
  }

  const { facts } = bundle;
  rememberOpenedBundle(library, {
    bundleId: facts.bundleId,
    name: basename(bundle.name),
    assignment: facts.assignment,
    author: facts.author,
    openedAt: now(),
  });
  const added = { stories, versions, comparisons, codes, annotations: annotations.added };
  const titles = (rowsOf('stories', 'ORDER BY title') as { title: string }[]).map((s) => s.title);
  return {
    assignment: facts.assignment,
    added,
    skippedAnnotations: annotations.skipped,
    message:
      mergeMessage(basename(bundle.name), titles, facts.author, added, annotations) +
      (facts.includesAnnotations ? '' : ' It holds no annotations (made without them).'),
  };
}

/**
 * A version new here, placed in its article's history. Versions are append-only, so
 * when another capture already holds its seq it comes next, and its change counts are
 * counted again against the version now before it. What is derived from its text is
 * derived here rather than trusted from the file.
 */
function placeVersion(here: Database, row: Row): Row {
  const body = String(row.body);
  const taken = here
    .prepare('SELECT 1 FROM versions WHERE article_id = ? AND seq = ?')
    .get(row.article_id, row.seq);
  const seq = taken
    ? (
        here
          .prepare('SELECT MAX(seq) + 1 AS next FROM versions WHERE article_id = ?')
          .get(row.article_id) as { next: number }
      ).next
    : (row.seq as number);
  const previous = here
    .prepare('SELECT body FROM versions WHERE article_id = ? AND seq < ? ORDER BY seq DESC LIMIT 1')
    .get(row.article_id, seq) as { body: string } | undefined;
  const changes = previous ? countWordChanges(previous.body, body) : undefined;
  return {
    ...row,
    seq,
    word_count: countWords(body),
    words_added: changes?.added ?? null,
    words_removed: changes?.removed ?? null,
    body_sha256: hashBody(body),
  };
}

/** The sha256 of every version in the bundle, by article id. */
function bundleVersionHashes(there: Database): Map<string, string[]> {
  const hashes = new Map<string, string[]>();
  const rows = there.prepare('SELECT article_id, sha256 FROM versions').all() as {
    article_id: string;
    sha256: string;
  }[];
  for (const { article_id, sha256 } of rows) {
    hashes.set(article_id, [...(hashes.get(article_id) ?? []), sha256]);
  }
  return hashes;
}

/**
 * Annotations have no natural key: two coders marking the same words with the same
 * code are two annotations, both kept (agreement needs them). The same id here is
 * the same annotation: the later edit of the two wins. So is a copy carried from the
 * same annotation onto the same version: both libraries carried it when they
 * imported that version, each under its own id.
 */
function mergeAnnotations(
  here: Database,
  rows: Row[],
  mapped: (table: Table, id: unknown) => unknown,
  annotationIdsHere: Map<string, string>,
): { added: number; skipped: number; updated: number } {
  const counts = { added: 0, skipped: 0, updated: 0 };
  const byId = here.prepare('SELECT id, updated_at FROM annotations WHERE id = ?');
  const sameCarriedCopy = here.prepare(
    'SELECT id, updated_at FROM annotations WHERE carried_from = ? AND version_id = ?',
  );
  const updateCarriedCopy = here.prepare(
    'UPDATE annotations SET code_id = ?, note = ?, updated_at = ? WHERE id = ?',
  );
  for (const original of rows) {
    const row: Row = {
      ...original,
      version_id: mapped('versions', original.version_id),
      comparison_id: mapped('comparisons', original.comparison_id),
      code_id: mapped('codes', original.code_id),
      carried_from: mapped('annotations', original.carried_from),
      carried_from_version: mapped('versions', original.carried_from_version),
    };
    type Existing = { id: string; updated_at: string } | undefined;
    const sameId = byId.get(row.id) as Existing;
    const carriedCopy =
      sameId || row.carried_from == null
        ? undefined
        : (sameCarriedCopy.get(row.carried_from, row.version_id) as Existing);
    const existing = sameId ?? carriedCopy;
    if (carriedCopy) annotationIdsHere.set(row.id as string, carriedCopy.id);
    if (!existing) {
      insertRow(here, 'annotations', row);
      counts.added++;
    } else if (String(row.updated_at) <= existing.updated_at) {
      counts.skipped++;
    } else if (sameId) {
      replaceRowById(here, 'annotations', row);
      counts.updated++;
    } else {
      // Its own id stays: other rows (orphans, pairs) here may point at it.
      updateCarriedCopy.run(row.code_id, row.note, row.updated_at, existing.id);
      counts.updated++;
    }
  }
  return counts;
}

function mergeMessage(
  name: string,
  titles: string[],
  author: string,
  added: BundleMerge['added'],
  annotations: { skipped: number; updated: number },
): string {
  const what = titles.length > 0 ? titles.map((t) => `"${t}"`).join(', ') : name;
  const by = author ? ` (bundle by ${author})` : '';
  const updated = annotations.updated ? `, ${annotations.updated} updated with a later edit` : '';
  return (
    `Opened ${what}${by}: ${plural(added.stories, 'story', 'stories')}, ` +
    `${plural(added.versions, 'version')}, ${plural(added.comparisons, 'comparison')}, ` +
    `${plural(added.codes, 'code')}, ${plural(added.annotations, 'annotation')} added${updated}; ` +
    `${plural(annotations.skipped, 'annotation')} already here.`
  );
}
