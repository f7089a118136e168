// Annotations follow an article to its new version: each one of the version before is
// looked for again in the new text (core/anchoring) and copied there when found;
// what cannot be placed is recorded as an orphan with the words it marked. Orphans of
// the version before are tried again too, since a later edit may bring their words back,
// and so are annotations made on an older version after the version before arrived.
import { createHash } from 'node:crypto';
import { reanchor, selectorsFor, type Anchored } from '../../core/anchoring';
import type { Annotation, Selector, Version } from '../../shared/domain';
import type { Library } from '../db/library';
import { now } from '../db/repositories/rows';

export interface CarriedCounts {
  /** Copies made on the new version, fuzzy ones included. */
  carried: number;
  /** Of those, the ones placed by an approximate match: worth a reader's check. */
  fuzzy: number;
  /** Annotations that could not be placed on the new version. */
  orphaned: number;
}

/**
 * The id of the copy of annotation `originalId` on the version whose content hash is
 * `versionSha256`. Derived, not random, so two libraries that carry the same annotation
 * onto the same text make the same copy, and merging their bundles recognises it:
 * the first 16 bytes of sha256("originalId:versionSha256") as an RFC 9562 version 8
 * ("custom") UUID.
 */
export function carriedCopyId(originalId: string, versionSha256: string): string {
  const bytes = createHash('sha256')
    .update(`${originalId}:${versionSha256}`)
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC variant (10xx)
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Carries annotations onto `toVersion`, the newest version of its article: those of the
 * version before it, those orphaned there, and those made on an older version after the
 * version before arrived (they never had their chance). Writes through the library's
 * repositories; the caller runs it inside the transaction that appends the version.
 */
export function carryAnnotations(library: Library, toVersion: Version): CarriedCounts {
  const counts: CarriedCounts = { carried: 0, fuzzy: 0, orphaned: 0 };
  const orphanedAt = now();
  for (const annotation of annotationsToCarry(library, toVersion)) {
    // Carried already (e.g. a copy merged in from another library): one copy per version.
    if (
      library.annotations.hasCopyOn(annotation.id, toVersion.id) ||
      library.annotations.hasOrphanOn(annotation.id, toVersion.id)
    ) {
      continue;
    }
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
    // A copy of an unconfirmed fuzzy copy is no surer than it was: the flag stays until
    // a reader edits the annotation (see updateAnnotation).
    const method = annotation.carriedFrom?.method === 'fuzzy' ? 'fuzzy' : placed.method;
    library.annotations.insert({
      ...annotation,
      id: carriedCopyId(annotation.id, toVersion.sha256),
      versionId: toVersion.id,
      // The new version is in no comparison yet; the pair still shows through its pairId.
      comparisonId: null,
      selectors: placed.selectors,
      carriedFrom: { annotationId: annotation.id, versionId: annotation.versionId, method },
    });
    counts.carried++;
    if (method === 'fuzzy') counts.fuzzy++;
  }
  return counts;
}

/**
 * The latest of each line of annotations (an annotation and its copies, linked by
 * carriedFrom) that should reach the new version: the annotations on the version before,
 * the ones orphaned there, and those on older versions with no copy anywhere, made after
 * the version before was captured. One older than that was handled when the version
 * before arrived; having no copy and no orphan record now means a reader deleted its
 * copy, and it stays deleted.
 */
function annotationsToCarry(library: Library, toVersion: Version): Annotation[] {
  const earlier = library.versions
    .listByArticle(toVersion.articleId)
    .filter((v) => v.seq < toVersion.seq);
  const previous = earlier.at(-1);
  if (!previous) return [];
  const onPrevious = library.annotations.listByVersions([previous.id]);
  const orphanedOnPrevious = library.annotations
    .listOrphansByVersions([previous.id])
    .map((o) => o.annotation);
  const older = library.annotations.listByVersions(earlier.slice(0, -1).map((v) => v.id));
  const copied = new Set(
    [...onPrevious, ...older].flatMap((a) => (a.carriedFrom ? [a.carriedFrom.annotationId] : [])),
  );
  const orphaned = new Set(orphanedOnPrevious.map((a) => a.id));
  const neverCarried = older.filter(
    (a) => !copied.has(a.id) && !orphaned.has(a.id) && a.createdAt >= previous.capturedAt,
  );
  return [...onPrevious, ...orphanedOnPrevious, ...neverCarried];
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
