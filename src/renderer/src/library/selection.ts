import type { LibraryOverview } from '../../../shared/api';

export type Side = 'a' | 'b';

/** The versions chosen for the left (A) and right (B) side of the next comparison. */
export interface SideSelection {
  a: string | null;
  b: string | null;
}

export type ArticleEntry = LibraryOverview['unfiled'][number];

export const NO_SELECTION: SideSelection = { a: null, b: null };

/**
 * Pressing a side's button on a version: pressing it again clears the side, and
 * choosing for one side the version already on the other swaps the two, so the
 * two sides never hold the same version.
 */
export function chooseSide(selection: SideSelection, side: Side, versionId: string): SideSelection {
  const other: Side = side === 'a' ? 'b' : 'a';
  const next: SideSelection = { ...selection };
  if (selection[side] === versionId) {
    next[side] = null;
  } else {
    if (selection[other] === versionId) next[other] = selection[side];
    next[side] = versionId;
  }
  return next;
}

export function canCompare(selection: SideSelection): boolean {
  return selection.a !== null && selection.b !== null && selection.a !== selection.b;
}

export interface VersionLabel {
  outlet: string;
  seq: number;
  headline: string;
}

/** Every version in the library by id, for naming the chosen sides. */
export function indexVersions(overview: LibraryOverview): Map<string, VersionLabel> {
  const index = new Map<string, VersionLabel>();
  const entries = [...overview.stories.flatMap((s) => s.articles), ...overview.unfiled];
  for (const { outlet, versions } of entries) {
    for (const v of versions)
      index.set(v.id, { outlet: outlet.name, seq: v.seq, headline: v.headline });
  }
  return index;
}
