// Annotations follow an article to its new version: each one of the version before is
// looked for again in the new text (core/anchoring) and copied there when found;
// what cannot be placed is recorded as an orphan with the words it marked. Orphans of
// the version before are tried again too, since a later edit may bring their words back.
import { reanchor, selectorsFor, type Anchored } from '../../core/anchoring';
import type { Annotation, Selector, Version } from '../../shared/domain';
import type { Library } from '../db/library';
import { newId, now } from '../db/repositories/rows';

export interface CarriedCounts {
  /** Copies made on the new version, fuzzy ones included. */
  carried: number;
  /** Of those, the ones placed by an approximate match: worth a reader's check. */
  fuzzy: number;
  /** Annotations that could not be placed on the new version. */
  orphaned: number;
}

/**
 * Carries the annotations (and orphans) of version `fromVersionId` onto `toVersion`,
 * the next version of the same article. Writes through the library's repositories;
 * the caller runs it inside the transaction that appends the version.
 */
export function carryAnnotations(
  library: Library,
  fromVersionId: string,
  toVersion: Version,
): CarriedCounts {
  const counts: CarriedCounts = { carried: 0, fuzzy: 0, orphaned: 0 };
  const candidates: Annotation[] = [
    ...library.annotations.listByVersions([fromVersionId]),
    ...library.annotations.listOrphansByVersions([fromVersionId]).map((o) => o.annotation),
  ];
  const orphanedAt = now();
  for (const annotation of candidates) {
    const placed = placeOn(toVersion.body, annotation);
    if ('oldText' in placed) {
      library.annotations.insertOrphan({
        annotationId: annotation.id,
        versionId: toVersion.id,
        oldText: placed.oldText,
        orphanedAt,
      });
      counts.orphaned++;
      continue;
    }
    library.annotations.insert({
      ...annotation,
      id: newId(),
      versionId: toVersion.id,
      // The new version is in no comparison yet; the pair still shows through its pairId.
      comparisonId: null,
      selectors: placed.selectors,
      carriedFrom: {
        annotationId: annotation.id,
        versionId: annotation.versionId,
        method: placed.method,
      },
    });
    counts.carried++;
    if (placed.method === 'fuzzy') counts.fuzzy++;
  }
  return counts;
}

type Placement = { selectors: Selector[]; method: Anchored['status'] } | { oldText: string };

/** The annotation's span found again in `body`, or the words that could not be found. */
function placeOn(body: string, annotation: Annotation): Placement {
  const found = reanchor(annotation.selectors, body);
  if (found.status === 'orphaned') return { oldText: found.exact };
  const selectors = selectorsFor(body, found.start, found.end);
  // reanchor only places non-empty spans inside the body; anything else is a bug there.
  if ('error' in selectors)
    throw new Error(`Re-anchoring gave an invalid span: ${selectors.error}`);
  return { selectors, method: found.status };
}
