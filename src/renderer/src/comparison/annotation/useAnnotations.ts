import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Annotation, Code, Codebook, OrphanedAnnotation } from '../../../../shared/domain';
import { api } from '../../api/client';
import { errorMessage } from '../../hooks/useErrors';
import type { AnnotationState, Side, TextMark } from '../workspaceTypes';
import { codesById, marksFrom, selectorsFor, UNCODED_COLOR, type Span } from './annotationModel';

export interface AnnotationTarget {
  aVersionId: string;
  bVersionId: string;
  comparisonId: string | null;
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
 * keeps them current. The workspace is keyed by comparison, so another pair of
 * versions starts with a fresh hook (nothing, undo included, carries over).
 */
export function useAnnotations(target: AnnotationTarget): AnnotationsController {
  const { aVersionId, bVersionId, comparisonId, bodies } = target;
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  const [codebooks, setCodebooks] = useState<Codebook[]>([]);
  const [orphans, setOrphans] = useState<OrphanedAnnotation[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<Annotation[]>([]);
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
        // A library served by an older build answers without orphans.
        setOrphans((list as { orphans?: OrphanedAnnotation[] }).orphans ?? []);
        setCodebooks(books.codebooks);
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
  }, [aVersionId, bVersionId]);

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
      const { annotation } = await api['annotation:delete']({ id });
      setAnnotations((list) => list.filter((a) => a.id !== id));
      setDeleted((stack) => [...stack, annotation]);
      setError(null);
      return true;
    } catch (failure) {
      setError(`The annotation was not deleted. ${errorMessage(failure)}`);
      return false;
    }
  }, []);

  const lastDeleted = deleted.at(-1) ?? null;
  const undo = useCallback<AnnotationsController['undo']>(async () => {
    if (!lastDeleted || restoring.current) return false;
    restoring.current = true;
    try {
      const { annotation } = await api['annotation:restore']({ annotation: lastDeleted });
      setDeleted((stack) => stack.filter((a) => a.id !== lastDeleted.id));
      setAnnotations((list) => [...list.filter((a) => a.id !== annotation.id), annotation]);
      setError(null);
      return true;
    } catch (failure) {
      setError(`The annotation could not be restored. ${errorMessage(failure)}`);
      restoring.current = false;
      return false;
    }
  }, [lastDeleted]);
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
    setAnnotations((list) => list.map((a) => (a.codeId === fromId ? { ...a, codeId: intoId } : a)));
    // Deleted annotations of the merged code would come back pointing at nothing.
    setDeleted((stack) => stack.map((a) => (a.codeId === fromId ? { ...a, codeId: intoId } : a)));
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
    lastDeleted,
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
