// What makes a library file a bundle: one app_meta entry saying which bundle it is,
// who made it for what assignment, and with which Parallax. A library that opens
// bundles remembers their assignments, so the UI can show them later.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { Library } from '../db/library';
import { tableExists } from './tableRows';
import { OpenedBundleSchema, type OpenedBundle } from '../../shared/api';

const BUNDLE_FACTS_KEY = 'bundle_facts';
const OPENED_BUNDLES_KEY = 'opened_bundles';

export const BundleFactsSchema = z.object({
  bundleId: z.string().min(1),
  assignment: z.string().default(''),
  /** The annotator name of the library it was made from ('' when none was set). */
  author: z.string().default(''),
  createdAt: z.string().default(''),
  appVersion: z.string().default(''),
  schemaVersion: z.number().int().nonnegative().default(0),
  /** Whether the maker chose to hand annotations over (a student's bundle). */
  includesAnnotations: z.boolean().default(false),
});
export type BundleFacts = z.infer<typeof BundleFactsSchema>;

export function writeBundleFacts(library: Library, facts: BundleFacts): void {
  library.meta.set(BUNDLE_FACTS_KEY, JSON.stringify(facts));
}

/** The bundle facts of a database, or undefined when it holds none (not a bundle). */
export function readBundleFacts(db: Database): BundleFacts | undefined {
  if (!tableExists(db, 'app_meta')) return undefined;
  const row = db.prepare('SELECT value FROM app_meta WHERE key = ?').get(BUNDLE_FACTS_KEY) as
    { value: string } | undefined;
  if (!row) return undefined;
  try {
    const parsed = BundleFactsSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const OpenedBundlesSchema = z.array(OpenedBundleSchema);

/** The bundles opened into this library, most recently opened last. */
export function openedBundles(library: Library): OpenedBundle[] {
  const stored = library.meta.get(OPENED_BUNDLES_KEY);
  if (stored === undefined) return [];
  try {
    const parsed = OpenedBundlesSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** Remembers a bundle opened here; opening the same bundle again moves it to the end. */
export function rememberOpenedBundle(library: Library, opened: OpenedBundle): void {
  const others = openedBundles(library).filter((b) => b.bundleId !== opened.bundleId);
  library.meta.set(OPENED_BUNDLES_KEY, JSON.stringify([...others, opened]));
}
