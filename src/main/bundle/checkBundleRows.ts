// A bundle handed back is a file anyone could have edited: before anything of it is
// merged, its rows are checked the way the app checks what a user makes. A version's
// SHA-256 is what recognises it as a version already here, so it must be the hash of
// its own text; a code's colour goes into the page's styles; an annotation must mark
// text its version really has.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { SelectorSchema } from '../../shared/domain';
import { hashSnapshot } from '../db/repositories/VersionRepository';
import { describeSelectorProblem } from '../services/annotationSelectors';

const COLOUR = /^#[0-9a-f]{6}$/i;
const StringListSchema = z.array(z.string());
const SelectorsSchema = z.array(SelectorSchema).min(1);

interface VersionRow {
  id: string;
  seq: number;
  headline: string;
  deck: string | null;
  byline: string | null;
  body: string;
  captions: string;
  sha256: string;
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

const versionName = (v: Pick<VersionRow, 'seq' | 'headline'>) =>
  `version ${v.seq} of "${v.headline}"`;

/**
 * The first row of the bundle Parallax will not merge, described for the user, or
 * undefined when every row checks out. The database is the migrated copy of a bundle.
 */
export function untrustedRowProblem(db: Database): string | undefined {
  const versions = db
    .prepare('SELECT id, seq, headline, deck, byline, body, captions, sha256 FROM versions')
    .all() as VersionRow[];
  const bodies = new Map<string, VersionRow>();
  for (const version of versions) {
    const captions = parseJson(version.captions, StringListSchema);
    if (!captions) return `${versionName(version)} has captions that are not a list of texts.`;
    if (hashSnapshot({ ...version, captions }) !== version.sha256) {
      return `${versionName(version)} does not match its SHA-256 (its text was changed after it was captured).`;
    }
    bodies.set(version.id, version);
  }

  for (const table of ['codes', 'lenses'] as const) {
    const rows = db.prepare(`SELECT name, color FROM ${table}`).all() as {
      name: string;
      color: string;
    }[];
    const bad = rows.find((r) => !COLOUR.test(r.color));
    if (bad) {
      const what = table === 'codes' ? 'code' : 'lens';
      return `the ${what} "${bad.name}" has the colour "${bad.color}"; colours are written #rrggbb.`;
    }
  }

  const annotations = db
    .prepare('SELECT id, version_id, annotator, selectors FROM annotations')
    .iterate() as Iterable<{
    id: string;
    version_id: string;
    annotator: string;
    selectors: string;
  }>;
  for (const annotation of annotations) {
    // The foreign-key check has already made sure the version is in the bundle.
    const version = bodies.get(annotation.version_id)!;
    const by = annotation.annotator ? ` by ${annotation.annotator}` : '';
    const which = `the annotation ${annotation.id}${by} on ${versionName(version)}`;
    const selectors = parseJson(annotation.selectors, SelectorsSchema);
    if (!selectors) return `${which} has selectors that are not W3C text selectors.`;
    const problem = describeSelectorProblem(version.body, selectors);
    if (problem) return `${which}: ${problem}`;
  }
  return undefined;
}
