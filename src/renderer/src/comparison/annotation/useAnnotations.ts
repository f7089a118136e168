import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Response } from '../../../../shared/api';
import type { Annotation, Code, Codebook, OrphanedAnnotation } from '../../../../shared/domain';
import { api } from '../../api/client';
import { errorMessage } from '../../hooks/useErrors';
import { useLibraryChanges } from '../../libraryChanges';
import type { AnnotationState, Side, TextMark } from '../workspaceTypes';
import {
  codesById,
  marksFrom,
  restoredOrphans,
  selectorsFor,
  UNCODED_COLOR,
  type Span,
} from './annotationModel';

export interface AnnotationTarget {
  aVersionId: string;
  bVersionId: string;
  comparisonId: string | null;
  /** Both sides are versions of one article: pairs (made across articles) have no partner here. */
  sameArticle: boolean;
  /** The two bodies: what a selection's offsets index, and where new annotations' quotes come from. */
  bodies: { a: string; b: string };
}

/** What the popover saves: a span, optionally paired with a span of the other side. */
export interface NewAnnotation {
  span: Span;
  codeId: string | null;
  note: string;
  pair?: Span;
}

/** A selection being annotated, shown as a mark until it is saved or dropped. */
export interface AnnotationDraft {
  spans: Span[];
  codeId: string | null;
}

/** Annotations of both versions, their codebooks, and the actions on them. */
export interface AnnotationsController extends AnnotationState {
  target: AnnotationTarget;
  /** Annotations of earlier versions that could not be placed on these two. */
  orphans: OrphanedAnnotation[];
  loading: boolean;
  /** The last thing that went wrong, in words for the reader; null when all is well. */
  error: string | null;
  dismissError: () => void;
  /** The most recently deleted annotation, which `undo` brings back. */
  lastDeleted: Annotation | null;
  dismissUndo: () => void;
  /** Shows spans being annotated as marks (pass null to clear). */
  setDraft: (draft: AnnotationDraft | null) => void;
  /** The saved annotation(s); rejects with the reason, for the popover to show next to the Save button. */
  create: (input: NewAnnotation) => Promise<Annotation[]>;
  update: (id: string, patch: { codeId?: string | null; note?: string }) => Promise<boolean>;
  remove: (id: string) => Promise<boolean>;
  undo: () => Promise<boolean>;
  /** Codebook edits reject with the API's message, for the editor to show next to the field. */
  createCode: (codebookId: string, name: string, color: string) => Promise<Code>;
  updateCode: (id: string, patch: { name?: string; color?: string }) => Promise<Code>;
  /** Moves every annotation of `fromId` to `intoId`; resolves to how many moved. */
  mergeCode: (fromId: string, intoId: string) => Promise<number>;
}

const DRAFT_LABEL = 'New annotation, not saved yet';

/** A deleted annotation with the orphan records deleted along with it: what undo puts back. */
type Deletion = Response<'annotation:delete'>;

function replaceCode(codebooks: Codebook[], code: Code): Codebook[] {
  return codebooks.map((book) =>
    book.id !== code.codebookId
      ? book
      : {
          ...book,
          codes: book.codes.some((c) => c.id === code.id)
            ? book.codes.map((c) => (c.id === code.id ? code : c))
            : [...book.codes, code],
        },
  );
}

/**
 * Loads the annotations of a comparison's two versions and the codebooks, and
 * keeps them current; loads again when the library changed elsewhere (a bundle
 * merged, versions imported). The workspace is keyed by comparison, so another
 * pair of versions starts with a fresh hook (nothing, undo included, carries over).
 */
export function useAnnotations(target: AnnotationTarget): AnnotationsController {
  const { aVersionId, bVersionId, comparisonId, bodies } = target;
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  const [codebooks, setCodebooks] = useState<Codebook[]>([]);
  const [orphans, setOrphans] = useState<OrphanedAnnotation[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<Deletion[]>([]);
  const libraryChanges = useLibraryChanges();
  const [draft, setDraft] = useState<AnnotationDraft | null>(null);
  // A second click on Undo while the first is on its way would restore the same annotation twice.
  const restoring = useRef(false);

  useEffect(() => {
    // A slower answer for an earlier pair of versions must not land on this one.
    let current = true;
    Promise.all([
      api['annotation:list']({ aVersionId, bVersionId }),
      api['codebook:list']({}),
    ]).then(
      ([list, books]) => {
        if (!current) return;
        setAnnotations(list.annotations);
        setOrphans(list.orphans);
        setCodebooks(books.codebooks);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!current) return;
        setError(`Annotations could not be loaded. ${errorMessage(failure)}`);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [aVersionId, bVersionId, libraryChanges]);

  const versionOf = useCallback(
    (side: Side) => (side === 'a' ? aVersionId : bVersionId),
    [aVersionId, bVersionId],
  );

  const create = useCallback<AnnotationsController['create']>(
    async ({ span, codeId, note, pair }) => {
      const { annotations: made } = await api['annotation:create']({
        versionId: versionOf(span.side),
        comparisonId,
        codeId,
        note,
        selectors: selectorsFor(bodies[span.side], span.start, span.end),
        ...(pair && {
          pair: {
            versionId: versionOf(pair.side),
            selectors: selectorsFor(bodies[pair.side], pair.start, pair.end),
          },
        }),
      });
      setAnnotations((list) => [...list, ...made]);
      return made;
    },
    [bodies, versionOf, comparisonId],
  );

  const update = useCallback<AnnotationsController['update']>(async (id, patch) => {
    try {
      const { annotation } = await api['annotation:update']({ id, ...patch });
      setAnnotations((list) => list.map((a) => (a.id === id ? annotation : a)));
      setError(null);
      return true;
    } catch (failure) {
      setError(`The change was not saved. ${errorMessage(failure)}`);
      return false;
    }
  }, []);

  const remove = useCallback<AnnotationsController['remove']>(async (id) => {
    try {
      const deletion = await api['annotation:delete']({ id });
      setAnnotations((list) => list.filter((a) => a.id !== id));
      // Its orphan records went with it: it is no longer "could not be placed" anywhere.
      setOrphans((list) => list.filter((o) => o.annotation.id !== id));
      setDeleted((stack) => [...stack, deletion]);
      setError(null);
      return true;
    } catch (failure) {
      setError(`The annotation was not deleted. ${errorMessage(failure)}`);
      return false;
    }
  }, []);

  const lastDeletion = deleted.at(-1) ?? null;
  const undo = useCallback<AnnotationsController['undo']>(async () => {
    if (!lastDeletion || restoring.current) return false;
    restoring.current = true;
    const id = lastDeletion.annotation.id;
    try {
      // Hands back exactly what delete returned, orphan records included.
      const { annotation } = await api['annotation:restore'](lastDeletion);
      setDeleted((stack) => stack.filter((d) => d.annotation.id !== id));
      setAnnotations((list) => [...list.filter((a) => a.id !== id), annotation]);
      // Its orphan records come back too, those that name one of these versions.
      setOrphans((list) => [
        ...list.filter((o) => o.annotation.id !== id),
        ...restoredOrphans(annotation, lastDeletion.orphanedOn, { aVersionId, bVersionId }),
      ]);
      setError(null);
      return true;
    } catch (failure) {
      setError(`The annotation could not be restored. ${errorMessage(failure)}`);
      restoring.current = false;
      return false;
    }
  }, [lastDeletion, aVersionId, bVersionId]);
  // A restore is over once the shortened stack is on screen (and Undo points at the next one).
  useEffect(() => {
    restoring.current = false;
  }, [deleted]);

  const createCode = useCallback<AnnotationsController['createCode']>(
    async (codebookId, name, color) => {
      const { code } = await api['code:create']({ codebookId, name, color });
      setCodebooks((books) => replaceCode(books, code));
      return code;
    },
    [],
  );

  const updateCode = useCallback<AnnotationsController['updateCode']>(async (id, patch) => {
    const { code } = await api['code:update']({ id, ...patch });
    setCodebooks((books) => replaceCode(books, code));
    return code;
  }, []);

  const mergeCode = useCallback<AnnotationsController['mergeCode']>(async (fromId, intoId) => {
    const { moved } = await api['code:merge']({ fromId, intoId });
    setCodebooks((books) =>
      books.map((book) => ({ ...book, codes: book.codes.filter((c) => c.id !== fromId) })),
    );
    const recode = (a: Annotation) => (a.codeId === fromId ? { ...a, codeId: intoId } : a);
    setAnnotations((list) => list.map(recode));
    setOrphans((list) => list.map((o) => ({ ...o, annotation: recode(o.annotation) })));
    // Deleted annotations of the merged code would come back pointing at nothing.
    setDeleted((stack) => stack.map((d) => ({ ...d, annotation: recode(d.annotation) })));
    return moved;
  }, []);

  const marks = useMemo<TextMark[]>(() => {
    const saved = marksFrom(annotations, codebooks, { aVersionId, bVersionId });
    if (!draft) return saved;
    const color = (draft.codeId && codesById(codebooks).get(draft.codeId)?.color) || UNCODED_COLOR;
    return [
      ...saved,
      ...draft.spans.map((span, index) => ({
        id: `draft-${index}`,
        ...span,
        color,
        label: DRAFT_LABEL,
      })),
    ];
  }, [annotations, codebooks, aVersionId, bVersionId, draft]);

  return {
    target,
    annotations,
    orphans,
    codebooks,
    marks,
    loading,
    error,
    dismissError: useCallback(() => setError(null), []),
    lastDeleted: lastDeletion?.annotation ?? null,
    dismissUndo: useCallback(() => setDeleted([]), []),
    setDraft,
    create,
    update,
    remove,
    undo,
    createCode,
    updateCode,
    mergeCode,
  };
}
