// Test support for bundles: a sample library with a bundle of its story, edits made to
// that file as someone with a SQLite tool could make them, and older-schema bundles.
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { exportBundle } from '../bundle/exportBundle';
import { columnsOf, insertRow, tableExists, type Row } from '../bundle/tableRows';
import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
import { newId, now } from '../db/repositories/rows';
import { libraryContents } from './libraryContents';
import { sampleWorkspace, span } from './sampleWorkspace';
import { tempDir } from './tempLibrary';

const LIBRARY_TABLES = [
  'outlets',
  'stories',
  'articles',
  'versions',
  'comparisons',
  'codebooks',
  'codes',
  'lenses',
  'annotations',
  'annotation_orphans',
  'app_meta',
];

/**
 * The sample library and a bundle of its story holding one annotation by Ana, with
 * the library's state before anything is merged.
 */
export async function libraryAndBundle() {
  const dir = tempDir();
  const workspace = await sampleWorkspace();
  const { library, b } = workspace;
  const stamp = now();
  const annotation = library.annotations.insert({
    id: newId(),
    versionId: b.id,
    comparisonId: workspace.comparison.id,
    codeId: workspace.codes[0]!.id,
    note: 'Only CGTN has the sanctions.',
    selectors: span(b, 'fresh sanctions'),
    pairId: null,
    annotator: 'Ana',
    createdAt: stamp,
    updatedAt: stamp,
    carriedFrom: null,
  });
  const bundle = join(dir, 'good.parallax');
  exportBundle(
    library,
    {
      storyIds: [library.stories.list()[0]!.id],
      assignment: 'Read both.',
      includeAnnotations: true,
      appVersion: '1',
    },
    bundle,
  );
  return { ...workspace, dir, bundle, annotation, before: libraryContents(library) };
}

/** Edits the bundle file as someone with a SQLite tool could (foreign keys not enforced). */
export function tamper(bundle: string, edit: (db: BetterSqlite3.Database) => void): void {
  const db = new BetterSqlite3(bundle);
  try {
    db.pragma('foreign_keys = OFF');
    edit(db);
  } finally {
    db.close();
  }
}

/** Runs `edit` with the append-only rule on versions lifted, then puts the rule back as it was. */
export function withoutAppendOnly(db: BetterSqlite3.Database, edit: () => void): void {
  const { sql } = db
    .prepare("SELECT sql FROM sqlite_master WHERE name = 'versions_are_append_only'")
    .get() as { sql: string };
  db.exec('DROP TRIGGER versions_are_append_only');
  edit();
  db.exec(sql);
}

/** A version the bundle holds. */
export function firstVersion(bundle: string): { id: string; seq: number; headline: string } {
  const db = new BetterSqlite3(bundle, { readonly: true });
  try {
    return db.prepare('SELECT id, seq, headline FROM versions ORDER BY id LIMIT 1').get() as {
      id: string;
      seq: number;
      headline: string;
    };
  } finally {
    db.close();
  }
}

/**
 * A copy of `bundle` as an older Parallax wrote it: the schema of `version`, holding
 * the bundle's rows (the columns that schema has), as that version's export would.
 */
export function bundleAtSchema(bundle: string, version: number, outPath: string): string {
  const source = new BetterSqlite3(bundle, { readonly: true });
  const older = new BetterSqlite3(outPath);
  try {
    migrate(older, migrations.slice(0, version));
    older.transaction(() => {
      for (const table of LIBRARY_TABLES) {
        if (!tableExists(older, table)) continue;
        const columns = columnsOf(older, table);
        for (const row of source.prepare(`SELECT * FROM "${table}"`).all() as Row[]) {
          insertRow(older, table, Object.fromEntries(columns.map((c) => [c, row[c]])));
        }
      }
    })();
  } finally {
    source.close();
    older.close();
  }
  return outPath;
}

export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
