// The annotation channels: spans of a version's text with a code and a note, alone or
// in pairs across the two versions of a comparison. Every write checks first and
// writes in one transaction, so a refused request leaves the library as it was.
import type { Handlers, Response } from '../../shared/api';
import type { Annotation, Selector, Version } from '../../shared/domain';
import { UserError } from '../../shared/result';
import type { Library } from '../db/library';
import { newId, now } from '../db/repositories/rows';
import { describeSelectorProblem } from './annotationSelectors';
import { annotatorName } from './settings';
import { stampAfter } from './timestamps';

type RequestOf<C extends keyof Handlers> = Parameters<Handlers[C]>[0];

/**
 * Annotations on either version of a comparison, and the orphans recorded there
 * (annotations of earlier versions that could not be placed on these), oldest first.
 */
export function listAnnotations(
  library: Library,
  { aVersionId, bVersionId }: RequestOf<'annotation:list'>,
): Response<'annotation:list'> {
  existingVersion(library, aVersionId);
  existingVersion(library, bVersionId);
  const versionIds = [...new Set([aVersionId, bVersionId])];
  return {
    annotations: library.annotations.listByVersions(versionIds),
    orphans: library.annotations.listOrphansByVersions(versionIds),
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

/** Changes the note and/or the code of one annotation (the other half of a pair is left as it is). */
export function updateAnnotation(
  library: Library,
  { id, codeId, note }: RequestOf<'annotation:update'>,
): Annotation {
  return library.transaction(() => {
    const annotation = existingAnnotation(library, id);
    if (codeId === undefined && note === undefined) return annotation;
    if (codeId !== undefined) checkCode(library, codeId);
    return library.annotations.update(id, {
      codeId: codeId === undefined ? annotation.codeId : codeId,
      note: note ?? annotation.note,
      updatedAt: stampAfter(annotation.updatedAt),
    })!;
  });
}

/**
 * Deletes one annotation and returns it whole, for an undo through restoreAnnotation.
 * The other half of a pair stays, with its pairId, so a restore pairs them again.
 */
export function deleteAnnotation(library: Library, { id }: RequestOf<'annotation:delete'>) {
  return library.transaction(() => {
    const annotation = existingAnnotation(library, id);
    library.annotations.delete(id);
    return annotation;
  });
}

/** Puts a deleted annotation back exactly as it was: same id, timestamps, code and pairId. */
export function restoreAnnotation(
  library: Library,
  { annotation }: RequestOf<'annotation:restore'>,
): Annotation {
  return library.transaction(() => {
    if (library.annotations.get(annotation.id)) {
      throw new UserError(
        'This annotation is already in the library; there is nothing to restore.',
      );
    }
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
    return library.annotations.insert(annotation);
  });
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
