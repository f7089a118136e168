// A bundle handed back is a file anyone could have edited: before anything of it is
// merged, every row is checked the way the app checks what a user makes (see
// bundleRowRules), and against the library it goes into. A version's SHA-256 is what
// recognises it as a version already here, so it must be the hash of its own text;
// an annotation must mark text its version really has; a row's parents must be in
// the bundle or the library (checked here, not by the bundle's own foreign keys); a
// bundle may update a coder's annotation only with that coder's own later edit.
import type { Database, Statement } from 'better-sqlite3';
import { z } from 'zod';
import { SelectorSchema } from '../../shared/domain';
import { MAX_ANNOTATOR_NAME, MAX_ASSIGNMENT } from '../../shared/limits';
import { hashSnapshot } from '../db/repositories/VersionRepository';
import { describeSelectorProblem } from '../services/annotationSelectors';
import type { BundleFacts } from './bundleFacts';
import { bundleRowRules, columnLabel, parentColumns, type RuledTable } from './bundleRowRules';

export interface RowCheckLimits {
  /** Rows a bundle may hold in all (a class's work is thousands, not millions). */
  maxRows: number;
  /** How long checking may take before the bundle is refused as too much work. */
  maxMilliseconds: number;
}

export const ROW_CHECK_LIMITS: RowCheckLimits = { maxRows: 200_000, maxMilliseconds: 30_000 };

type Row = Record<string, unknown>;
const SelectorsSchema = z.array(SelectorSchema).min(1);
const TABLES = Object.keys(bundleRowRules) as RuledTable[];

class TooMuchWork extends Error {}

const shown = (value: unknown) => {
  const text = String(value);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
};

/** The row as the user would recognise it. */
function rowName(table: RuledTable, row: Row): string {
  switch (table) {
    case 'outlets':
      return `the outlet "${shown(row.name)}"`;
    case 'stories':
      return `the story "${shown(row.title)}"`;
    case 'versions':
      return `version ${shown(row.seq)} of "${shown(row.headline)}"`;
    case 'comparisons':
      return `the comparison "${shown(row.title)}"`;
    case 'codebooks':
      return `the codebook "${shown(row.name)}"`;
    case 'codes':
      return `the code "${shown(row.name)}"`;
    case 'lenses':
      return `the lens "${shown(row.name)}"`;
    case 'annotations': {
      const by = typeof row.annotator === 'string' && row.annotator ? ` by ${row.annotator}` : '';
      return `the annotation ${shown(row.id)}${by}`;
    }
    case 'annotation_orphans':
      return `the orphan record of annotation ${shown(row.annotation_id)}`;
    default:
      return `the article ${shown(row.id)}`;
  }
}

/**
 * The row as its table's rule reads it (JSON lists parsed), or "its <column> (<value>)
 * <problem>" from the first thing the rule finds wrong.
 */
function readByRule(table: RuledTable, row: Row): { row: Row } | { problem: string } {
  const checked = bundleRowRules[table].safeParse(row);
  if (checked.success) return { row: { ...row, ...checked.data } };
  const issue = checked.error.issues[0]!;
  const column = String(issue.path[0] ?? '');
  const value = row[column];
  // A short value is worth seeing; a long one is the problem and is not repeated.
  const quoted =
    'params' in issue && issue.params?.wholeList
      ? '' // a list, said to be wrong as a whole
      : value === null
        ? ' (empty)'
        : typeof value === 'string'
          ? value.length <= 60
            ? ` "${value}"`
            : ''
          : ` (${shown(value)})`;
  return { problem: `its ${columnLabel(column)}${quoted} ${issue.message}` };
}

/**
 * The first thing in the bundle Parallax will not merge into `library`, described
 * for the user, or undefined when every row checks out. `bundle` is the migrated
 * in-memory copy.
 */
export function untrustedRowProblem(
  bundle: Database,
  library: Database,
  facts: BundleFacts,
  limits: RowCheckLimits = ROW_CHECK_LIMITS,
): string | undefined {
  const rowsInAll = TABLES.reduce(
    (sum, table) =>
      sum + (bundle.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n,
    0,
  );
  if (rowsInAll > limits.maxRows) {
    return `it holds ${rowsInAll.toLocaleString('en-US')} rows, more than the ${limits.maxRows.toLocaleString('en-US')} a bundle may hold.`;
  }
  if (facts.assignment.length > MAX_ASSIGNMENT) {
    return `its assignment is over the ${MAX_ASSIGNMENT.toLocaleString('en-US')} characters Parallax allows.`;
  }
  if (facts.author.length > MAX_ANNOTATOR_NAME) {
    return `its author's name is over the ${MAX_ANNOTATOR_NAME} characters Parallax allows.`;
  }
  const startedAt = performance.now();
  const tick = () => {
    if (performance.now() - startedAt > limits.maxMilliseconds) throw new TooMuchWork();
  };
  try {
    return checkRows(bundle, library, tick);
  } catch (error) {
    if (error instanceof TooMuchWork) {
      return `checking it took over ${Math.round(limits.maxMilliseconds / 1000)} s, more than a class bundle needs.`;
    }
    throw error;
  }
}

function checkRows(bundle: Database, library: Database, tick: () => void): string | undefined {
  const inBundle = new Map<RuledTable, Statement>();
  const inLibrary = new Map<RuledTable, Statement>();
  const holds = (statements: Map<RuledTable, Statement>, db: Database, table: RuledTable) => {
    if (!statements.has(table)) {
      statements.set(table, db.prepare(`SELECT 1 FROM "${table}" WHERE id = ?`));
    }
    return statements.get(table)!;
  };
  const parentMissing = (table: RuledTable, row: Row): string | undefined => {
    for (const [column, parent] of Object.entries(parentColumns[table])) {
      const id = row[column];
      if (id === null) continue;
      if (holds(inBundle, bundle, parent).get(id)) continue;
      if (holds(inLibrary, library, parent).get(id)) continue;
      return `its ${columnLabel(column)} ${shown(id)} is neither in the bundle nor in this library`;
    }
    return undefined;
  };

  const versionIn = (db: Database) =>
    db.prepare('SELECT seq, headline, body, sha256 FROM versions WHERE id = ?');
  const [bundleVersion, libraryVersion] = [versionIn(bundle), versionIn(library)];
  type VersionFacts = { seq: number; headline: string; body: string; sha256: string };
  const libraryAnnotation = library.prepare(
    `SELECT annotator FROM annotations
     WHERE id = ? OR (carried_from IS NOT NULL AND carried_from = ? AND version_id = ?)`,
  );

  for (const table of TABLES) {
    for (const stored of bundle.prepare(`SELECT * FROM "${table}"`).iterate() as Iterable<Row>) {
      tick();
      const version =
        table === 'annotations'
          ? ((bundleVersion.get(stored.version_id) ?? libraryVersion.get(stored.version_id)) as
              VersionFacts | undefined)
          : undefined;
      const name = rowName(table, stored) + (version ? ` on ${rowName('versions', version)}` : '');
      const read = readByRule(table, stored);
      if ('problem' in read) return `${name}: ${read.problem}.`;
      const { row } = read;
      const missing = parentMissing(table, row);
      if (missing) return `${name}: ${missing}.`;
      if (table === 'versions') {
        const versionProblem = checkVersion(row, libraryVersion);
        if (versionProblem) return `${name} ${versionProblem}.`;
      }
      if (table === 'annotations') {
        // The parent check above found the version in the bundle or the library.
        const { body } = version!;
        const selectors = parseJson(row.selectors, SelectorsSchema);
        if (!selectors) return `${name} has selectors that are not W3C text selectors.`;
        const selectorProblem = describeSelectorProblem(body, selectors);
        if (selectorProblem) return `${name}: ${selectorProblem}`;
        const here = libraryAnnotation.get(row.id, row.carried_from, row.version_id) as
          { annotator: string } | undefined;
        if (here && here.annotator !== row.annotator) {
          const whose = here.annotator ? `${here.annotator}'s` : 'an unsigned';
          return `${name} would overwrite ${whose} annotation of the same id in this library; only its own coder's edits may update it.`;
        }
      }
    }
  }
  return undefined;
}

/** What is wrong with a version row its rule has read, or undefined. */
function checkVersion(row: Row, libraryVersion: Statement): string | undefined {
  const body = row.body as string;
  const snapshot = {
    headline: row.headline as string,
    deck: row.deck as string | null,
    byline: row.byline as string | null,
    body,
    captions: row.captions as string[],
  };
  if (hashSnapshot(snapshot) !== row.sha256) {
    return 'does not match its SHA-256 (its text was changed after it was captured)';
  }
  const paragraphs = body.split('\n\n').length;
  const outside = (row.subheads as number[]).find((index) => index >= paragraphs);
  if (outside !== undefined) {
    return `marks paragraph ${outside + 1} as a subhead, but it has ${paragraphs} paragraphs`;
  }
  const here = libraryVersion.get(row.id) as { sha256: string } | undefined;
  if (here && here.sha256 !== row.sha256) {
    return 'has the id of a version in this library but not its text';
  }
  return undefined;
}

/** The JSON text parsed by `schema`, or undefined when it is not JSON of that shape. */
function parseJson<T>(text: unknown, schema: z.ZodType<T>): T | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
