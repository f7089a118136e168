// A classroom bundle is a Parallax library file holding only the chosen stories with
// everything needed to work on them (outlets, articles, every version with its raw
// input, the comparisons between them, all codebooks and lenses), plus bundle facts.
// Rows keep their ids, so merging bundles back recognises what is already there.
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, realpathSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../../shared/result';
import { openLibrary, type Library } from '../db/library';
import { schemaVersion } from '../db/migrate';
import { now } from '../db/repositories/rows';
import { annotatorName } from '../services/settings';
import { writeBundleFacts, type BundleFacts } from './bundleFacts';
import { inJsonList, insertRow, type Row } from './tableRows';

export interface ExportBundleOptions {
  storyIds: readonly string[];
  assignment: string;
  /** False for a fresh assignment; true to hand annotations back (a student's bundle). */
  includeAnnotations: boolean;
  appVersion: string;
}

export interface BundleContents {
  facts: BundleFacts;
  storyTitles: string[];
  counts: {
    stories: number;
    articles: number;
    versions: number;
    comparisons: number;
    codes: number;
    annotations: number;
  };
}

/** Rows of `table` matching `where` (its one parameter a JSON array of ids, if any). */
function select(db: Database, table: string, where: string, ids?: readonly string[]): Row[] {
  const sql = `SELECT * FROM "${table}" WHERE ${where}`;
  return (
    ids === undefined ? db.prepare(sql).all() : db.prepare(sql).all(JSON.stringify(ids))
  ) as Row[];
}

const idsOf = (rows: Row[], column = 'id'): string[] => [
  ...new Set(rows.map((r) => r[column]).filter((v): v is string => typeof v === 'string')),
];

/** The path with symbolic links resolved, or undefined when nothing is there. */
function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Whether `outPath` is this library's file, or the file of a library open somewhere
 * (its write-ahead log is beside it): the bundle is renamed into place over whatever
 * is there, which would replace a whole library with a few stories.
 */
function isLibraryFile(library: Library, outPath: string): boolean {
  const out = realPath(outPath);
  if (out !== undefined && out === realPath(library.path)) return true;
  return existsSync(`${outPath}-wal`) || existsSync(`${outPath}-shm`);
}

/**
 * Writes the bundle to `outPath`: made in a temporary file beside it and renamed into
 * place, so a failure never leaves a half-written bundle (nor touches an older one).
 */
export function exportBundle(
  library: Library,
  options: ExportBundleOptions,
  outPath: string,
): BundleContents {
  const storyIds = [...new Set(options.storyIds)];
  if (storyIds.length === 0) throw new UserError('Choose at least one story for the bundle.');
  for (const id of storyIds) {
    if (!library.stories.get(id)) throw new UserError(`There is no story with id ${id}.`);
  }
  if (!existsSync(dirname(outPath))) {
    throw new UserError(`Cannot write ${outPath}: the folder ${dirname(outPath)} does not exist.`);
  }
  if (isLibraryFile(library, outPath)) {
    throw new UserError(
      `${outPath} is the library itself (or a library in use); choose another file for the bundle.`,
    );
  }

  const src = library.db;
  const stories = select(src, 'stories', inJsonList('id'), storyIds);
  const articles = select(src, 'articles', inJsonList('story_id'), storyIds);
  const outlets = select(src, 'outlets', inJsonList('id'), idsOf(articles, 'outlet_id'));
  const versions = select(
    src,
    'versions',
    `${inJsonList('article_id')} ORDER BY seq`,
    idsOf(articles),
  );
  const versionIds = idsOf(versions);
  const comparisons = src
    .prepare(
      `SELECT * FROM comparisons WHERE a_version_id IN (SELECT value FROM json_each(@ids))
         AND b_version_id IN (SELECT value FROM json_each(@ids))`,
    )
    .all({ ids: JSON.stringify(versionIds) }) as Row[];
  const codebooks = select(src, 'codebooks', '1');
  const codes = select(src, 'codes', '1');
  const lenses = select(src, 'lenses', '1');
  const comparisonIds = new Set(idsOf(comparisons));
  const annotations = options.includeAnnotations
    ? select(src, 'annotations', inJsonList('version_id'), versionIds).map((a) =>
        // A comparison outside the bundle does not travel; the annotation does.
        comparisonIds.has(a.comparison_id as string) ? a : { ...a, comparison_id: null },
      )
    : [];
  const orphans = options.includeAnnotations
    ? select(src, 'annotation_orphans', inJsonList('annotation_id'), idsOf(annotations)).filter(
        (o) => versionIds.includes(o.version_id as string),
      )
    : [];

  const facts: BundleFacts = {
    bundleId: randomUUID(),
    assignment: options.assignment,
    author: annotatorName(library),
    createdAt: now(),
    appVersion: options.appVersion,
    schemaVersion: schemaVersion(src),
    includesAnnotations: options.includeAnnotations,
  };

  const tempPath = join(dirname(outPath), `.${basename(outPath)}.${randomUUID()}.tmp`);
  try {
    const bundle = openLibrary(tempPath);
    try {
      bundle.transaction(() => {
        const tables: [string, Row[]][] = [
          ['outlets', outlets],
          ['stories', stories],
          ['articles', articles],
          ['versions', versions],
          ['comparisons', comparisons],
          ['codebooks', codebooks],
          ['codes', codes],
          ['lenses', lenses],
          ['annotations', annotations],
          ['annotation_orphans', orphans],
        ];
        for (const [table, rows] of tables) {
          for (const row of rows) insertRow(bundle.db, table, row);
        }
        writeBundleFacts(bundle, facts);
      });
      // One self-contained file: no write-ahead log beside it.
      bundle.db.pragma('journal_mode = DELETE');
    } finally {
      bundle.close();
    }
    renameSync(tempPath, outPath);
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      rmSync(tempPath + suffix, { force: true });
    if (error instanceof UserError) throw error;
    throw new UserError(`Cannot write the bundle ${outPath}: ${(error as Error).message}`);
  }

  return {
    facts,
    storyTitles: stories.map((s) => s.title as string),
    counts: {
      stories: stories.length,
      articles: articles.length,
      versions: versions.length,
      comparisons: comparisons.length,
      codes: codes.length,
      annotations: annotations.length,
    },
  };
}
