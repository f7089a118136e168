// The annotation channels: spans of a version's text with a code and a note, alone or
// in pairs across the two versions of a comparison. Every write checks first and
// writes in one transaction, so a refused request leaves the library as it was.
import type { Handlers, Response } from '../../shared/api';
import {
  AnnotationSchema,
  type Annotation,
  type OrphanedAnnotation,
  type Selector,
  type Version,
} from '../../shared/domain';
import { UserError } from '../../shared/result';
import type { Library } from '../db/library';
import { newId, now } from '../db/repositories/rows';
import { describeSelectorProblem } from './annotationSelectors';
import { annotatorName } from './settings';
import { stampAfter } from './timestamps';

type RequestOf<C extends keyof Handlers> = Parameters<Handlers[C]>[0];
type Deletion = Response<'annotation:delete'>;

/**
 * What annotation:delete took out, by annotation id, per library: a restore puts back
 * only one of these, as it was. The annotation a request carries is checked against
 * it, so a restore cannot sign one coder's span with another's name, back-date it or
 * make up an annotation that was never there. Kept for the life of the process (the
 * UI's undo lasts as long as its page) and bounded: the oldest go first.
 */
const deletions = new WeakMap<Library, Map<string, Deletion>>();
const MAX_DELETIONS_KEPT = 1000;

function deletionsOf(library: Library): Map<string, Deletion> {
  let kept = deletions.get(library);
  if (!kept) deletions.set(library, (kept = new Map()));
  return kept;
}

/**
 * Annotations on either version of a comparison, and the orphans recorded there
 * (annotations of earlier versions that could not be placed on these), oldest first.
 * Comparing two versions of one article, an annotation lost on both is listed once,
 * with the record of the newer version.
 */
export function listAnnotations(
  library: Library,
  { aVersionId, bVersionId }: RequestOf<'annotation:list'>,
): Response<'annotation:list'> {
  const seq = new Map(
    [existingVersion(library, aVersionId), existingVersion(library, bVersionId)].map((v) => [
      v.id,
      v.seq,
    ]),
  );
  const versionIds = [...seq.keys()];
  const orphans = library.annotations.listOrphansByVersions(versionIds);
  const newest = new Map<string, OrphanedAnnotation>();
  for (const orphan of orphans) {
    const kept = newest.get(orphan.annotation.id);
    if (!kept || seq.get(orphan.versionId)! > seq.get(kept.versionId)!) {
      newest.set(orphan.annotation.id, orphan);
    }
  }
  return {
    annotations: library.annotations.listByVersions(versionIds),
    orphans: orphans.filter((orphan) => newest.get(orphan.annotation.id) === orphan),
  };
}

/**
 * One annotation, or two with one pairId when `pair` names a span in the other
 * version; both halves share the code, the note and the comparison.
 */
export function createAnnotations(
  library: Library,
  request: RequestOf<'annotation:create'>,
): Annotation[] {
  const { versionId, comparisonId, codeId, note, selectors, pair } = request;
  return library.transaction(() => {
    if (pair && pair.versionId === versionId) {
      throw new UserError(
        'Both halves of the pair are in the same version; pair a span in one outlet’s text with a span in the other’s.',
      );
    }
    const spans = [{ versionId, selectors, what: 'The selection' }];
    if (pair) spans.push({ ...pair, what: 'The paired selection' });
    for (const span of spans) {
      checkAnchors(library, span.versionId, span.selectors, span.what);
      checkComparison(library, comparisonId, span.versionId);
    }
    checkCode(library, codeId);
    const stamp = now();
    const pairId = pair ? newId() : null;
    const annotator = annotatorName(library);
    return spans.map((span) =>
      library.annotations.insert({
        id: newId(),
        versionId: span.versionId,
        comparisonId,
        codeId,
        note,
        selectors: span.selectors,
        pairId,
        annotator,
        createdAt: stamp,
        updatedAt: stamp,
        carriedFrom: null,
      }),
    );
  });
}

/**
 * Changes the note and/or the code of one annotation (the other half of a pair is left
 * as it is). Saving a copy that was carried by a close match confirms it: the reader
 * has looked at the span, so it is no longer flagged for a check (its method becomes
 * 'exact-quote', the words as they stand), even when the code and note are unchanged;
 * that is how the UI confirms one. A request naming neither changes nothing.
 */
export function updateAnnotation(
  library: Library,
  { id, codeId, note }: RequestOf<'annotation:update'>,
): Annotation {
  return library.transaction(() => {
    const annotation = existingAnnotation(library, id);
    if (codeId === undefined && note === undefined) return annotation;
    if (codeId !== undefined) checkCode(library, codeId);
    const confirmed = annotation.carriedFrom?.method === 'fuzzy';
    return library.annotations.update(id, {
      codeId: codeId === undefined ? annotation.codeId : codeId,
      note: note ?? annotation.note,
      updatedAt: stampAfter(annotation.updatedAt),
      ...(confirmed ? { anchorMethod: 'exact-quote' as const } : {}),
    })!;
  });
}

/**
 * Deletes one annotation and returns it whole, with the versions it could not be placed
 * on (those records go with it), for an undo through restoreAnnotation. The other half
 * of a pair stays, with its pairId, so a restore pairs them again.
 */
export function deleteAnnotation(
  library: Library,
  { id }: RequestOf<'annotation:delete'>,
): Response<'annotation:delete'> {
  const deletion = library.transaction(() => {
    const annotation = existingAnnotation(library, id);
    const orphanedOn = library.annotations.listOrphanRecords(id);
    library.annotations.delete(id);
    return { annotation, orphanedOn };
  });
  // Recorded once the delete is written, never for one rolled back.
  const kept = deletionsOf(library);
  kept.delete(id);
  kept.set(id, deletion);
  if (kept.size > MAX_DELETIONS_KEPT) kept.delete(kept.keys().next().value!);
  return deletion;
}

/**
 * Puts a deleted annotation back exactly as it was: same id, timestamps, annotator, code
 * and pairId, and orphaned again on the versions it could not be placed on (a later
 * version can then place it again), skipping versions that are gone. Only what
 * deleteAnnotation took out can come back, and only as it was: the request must
 * match that record field by field, and the orphan records restored are the recorded ones.
 */
export function restoreAnnotation(
  library: Library,
  request: RequestOf<'annotation:restore'>,
): Annotation {
  const { annotation } = request;
  const restored = library.transaction(() => {
    if (library.annotations.get(annotation.id)) {
      throw new UserError(
        'This annotation is already in the library; there is nothing to restore.',
      );
    }
    const deletion = deletionsOf(library).get(annotation.id);
    if (!deletion) {
      throw new UserError(
        'This annotation was not deleted here since Parallax started, so there is nothing to restore.',
      );
    }
    const changed = differingField(deletion.annotation, annotation);
    if (changed) {
      throw new UserError(
        `This is not the annotation that was deleted (the ${FIELD_NAMES[changed]} differs), so it cannot be restored.`,
      );
    }
    const { orphanedOn } = deletion;
    if (!library.versions.get(annotation.versionId)) {
      throw new UserError(
        'The version this annotation was made on is no longer in the library, so it cannot be restored.',
      );
    }
    checkAnchors(library, annotation.versionId, annotation.selectors, 'The annotation');
    if (annotation.codeId !== null && !library.codebooks.getCode(annotation.codeId)) {
      throw new UserError(
        'The code of this annotation has since been merged or deleted, so it cannot be restored as it was.',
      );
    }
    checkComparison(library, annotation.comparisonId, annotation.versionId);
    const original = annotation.carriedFrom?.annotationId;
    if (original && library.annotations.hasCopyOn(original, annotation.versionId)) {
      throw new UserError(
        'This version already has another copy of the annotation this one was carried from, so it cannot be restored.',
      );
    }
    library.annotations.insert(deletion.annotation);
    // The original time is not part of the record sent back; the restore is the new one.
    const orphanedAt = now();
    const recorded = new Set<string>();
    for (const { versionId, oldText } of orphanedOn) {
      const placeable = versionId !== annotation.versionId && library.versions.get(versionId);
      if (!placeable || recorded.has(versionId)) continue;
      recorded.add(versionId);
      library.annotations.insertOrphan({
        annotationId: annotation.id,
        versionId,
        oldText,
        orphanedAt,
      });
    }
    return deletion.annotation;
  });
  deletionsOf(library).delete(annotation.id);
  return restored;
}

/** How a restore refusal names a field: "(the … differs)". */
const FIELD_NAMES: Record<keyof Annotation, string> = {
  id: 'id',
  versionId: 'version',
  comparisonId: 'comparison',
  codeId: 'code',
  note: 'note',
  selectors: 'span',
  pairId: 'pair',
  annotator: 'annotator',
  createdAt: 'creation time',
  updatedAt: 'time of the last change',
  carriedFrom: 'record of where it was carried from',
};

/** The first field in which `given` is not `deleted`, compared as the API carries them; null when none. */
function differingField(deleted: Annotation, given: Annotation): keyof Annotation | null {
  // Both through the same schema and JSON, so key order and absent optionals do not count.
  const asSent = (annotation: Annotation) =>
    AnnotationSchema.parse(JSON.parse(JSON.stringify(annotation)));
  const [a, b] = [asSent(deleted), asSent(given)];
  const fields = Object.keys(AnnotationSchema.shape) as (keyof Annotation)[];
  return fields.find((field) => JSON.stringify(a[field]) !== JSON.stringify(b[field])) ?? null;
}

function existingVersion(library: Library, id: string): Version {
  const version = library.versions.get(id);
  if (!version) throw new UserError(`There is no version ${id} in this library.`);
  return version;
}

function existingAnnotation(library: Library, id: string): Annotation {
  const annotation = library.annotations.get(id);
  if (!annotation) {
    throw new UserError(`There is no annotation ${id} in this library; it may have been deleted.`);
  }
  return annotation;
}

function checkAnchors(library: Library, versionId: string, selectors: Selector[], what: string) {
  const problem = describeSelectorProblem(
    existingVersion(library, versionId).body,
    selectors,
    what,
  );
  if (problem) throw new UserError(problem);
}

function checkCode(library: Library, codeId: string | null) {
  if (codeId !== null && !library.codebooks.getCode(codeId)) {
    throw new UserError(
      `There is no code ${codeId} in this library; it may have been merged or deleted.`,
    );
  }
}

/** An annotation made in a comparison must be on one of its two versions. */
function checkComparison(library: Library, comparisonId: string | null, versionId: string) {
  if (comparisonId === null) return;
  const comparison = library.comparisons.get(comparisonId);
  if (!comparison) {
    throw new UserError(`There is no comparison ${comparisonId} in this library.`);
  }
  if (versionId !== comparison.aVersionId && versionId !== comparison.bVersionId) {
    throw new UserError(
      `Version ${versionId} is not one of the two versions of the comparison “${comparison.title}”.`,
    );
  }
}
