import { useEffect, useId, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { Annotation, Codebook } from '../../../../shared/domain';
import { CloseIcon } from '../../shell/Icon';
import type { Side } from '../workspaceTypes';
import {
  annotatorOf,
  annotatorsOf,
  byAnnotator,
  codesById,
  groupByCode,
  partnerOf,
  positionOf,
  quoteOf,
  shortenQuote,
  sideOfVersion,
  UNCODED_COLOR,
} from './annotationModel';
import { CodebookEditor } from './CodebookEditor';
import { OrphanList } from './OrphanList';
import { SideTag } from './SelectionPopover';
import type { AnnotationsController } from './useAnnotations';
import './annotation.css';

export interface AnnotationSidebarProps {
  controller: AnnotationsController;
  outlets: { a: string; b: string };
  /** Scrolls the aligned view to an annotation: its side and body offset. */
  onJump: (side: Side, offset: number) => void;
}

/** Annotations grouped by code, with edit, delete and undo; opens the codebook editor. */
export function AnnotationSidebar({ controller, outlets, onJump }: AnnotationSidebarProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const codebookButton = useRef<HTMLButtonElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const [codebookOpen, setCodebookOpen] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const sidebarRef = useRef<HTMLElement>(null);
  // The annotation whose form was just left. Its item may now sit in another code's group
  // (remounted there), so focus goes back to its Edit button by id, not through the item.
  const lastEdited = useRef<string | null>(null);
  const { annotations, codebooks, target, lastDeleted, error, orphans } = controller;
  const versions = { aVersionId: target.aVersionId, bVersionId: target.bVersionId };
  const annotators = useMemo(
    () => annotatorsOf([...annotations, ...orphans.map((o) => o.annotation)]),
    [annotations, orphans],
  );
  const [chosenAnnotator, setAnnotator] = useState<string | null>(null);
  // A filter on someone whose last annotation went shows everyone again.
  const annotator =
    chosenAnnotator !== null && annotators.includes(chosenAnnotator) ? chosenAnnotator : null;
  const shown = useMemo(() => byAnnotator(annotations, annotator), [annotations, annotator]);
  const shownOrphans = useMemo(
    () => orphans.filter((o) => annotator === null || annotatorOf(o.annotation) === annotator),
    [orphans, annotator],
  );
  const groups = useMemo(
    () => groupByCode(shown, codebooks, versions),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [shown, codebooks, target.aVersionId, target.bVersionId],
  );

  // After a delete, focus goes to Undo: the item it was on is gone.
  const focusUndo = useRef(false);
  useEffect(() => {
    if (lastDeleted && focusUndo.current) undoButton.current?.focus();
    focusUndo.current = false;
  }, [lastDeleted]);

  useEffect(() => {
    if (!lastEdited.current || editing) return;
    const id = lastEdited.current;
    lastEdited.current = null;
    sidebarRef.current
      ?.querySelector<HTMLElement>(
        `[data-annotation-id="${CSS.escape(id)}"] .annotation-edit-button`,
      )
      ?.focus();
  });

  const stopEditing = (id: string) => {
    lastEdited.current = id;
    setEditing(null);
  };

  const remove = async (annotation: Annotation) => {
    focusUndo.current = true;
    if (!(await controller.remove(annotation.id))) focusUndo.current = false;
  };

  const undo = async () => {
    if (await controller.undo()) headingRef.current?.focus();
  };

  const sideOf = (annotation: Annotation) => sideOfVersion(annotation.versionId, versions);

  return (
    <section
      ref={sidebarRef}
      className="annotation-sidebar"
      data-testid="annotation-sidebar"
      aria-labelledby={headingId}
    >
      <div className="annotation-sidebar-head">
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="annotation-sidebar-title">
          Annotations{' '}
          <span className="annotation-count" aria-label={`(${annotations.length})`}>
            {annotations.length}
          </span>
        </h2>
        <button
          ref={codebookButton}
          type="button"
          className="button button-small"
          aria-haspopup="dialog"
          onClick={() => setCodebookOpen(true)}
        >
          Codebook
        </button>
      </div>

      {error && (
        <div className="annotation-error annotation-error-box" role="alert">
          <span>{error}</span>
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss the message"
            onClick={controller.dismissError}
          >
            <CloseIcon />
          </button>
        </div>
      )}

      {lastDeleted && (
        <div className="undo-toast" role="status" data-testid="annotation-undo">
          <span>
            Deleted “{shortenQuote(quoteOf(lastDeleted), 40)}”{' '}
            <span className="muted">
              ({outlets[sideOf(lastDeleted) ?? 'a']}
              {lastDeleted.pairId ? ', one half of a pair' : ''})
            </span>
          </span>
          <span className="undo-actions">
            <button
              ref={undoButton}
              type="button"
              className="button button-small"
              onClick={() => void undo()}
            >
              Undo
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label="Dismiss"
              onClick={controller.dismissUndo}
            >
              <CloseIcon />
            </button>
          </span>
        </div>
      )}

      {annotators.length > 1 && (
        <div className="annotator-filter">
          <label htmlFor={`${headingId}-annotator`}>Annotator</label>
          <select
            id={`${headingId}-annotator`}
            value={annotator ?? ''}
            onChange={(event) => setAnnotator(event.target.value || null)}
          >
            <option value="">Everyone ({annotators.length})</option>
            {annotators.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
          {annotator !== null && (
            <span className="muted" role="status">
              {shown.length} of {annotations.length}
            </span>
          )}
        </div>
      )}

      {controller.loading && annotations.length === 0 ? (
        <p className="loading-text">Loading annotations…</p>
      ) : annotations.length === 0 ? (
        <p className="annotation-empty">
          Select words in either column to annotate them: pick a code, add a note, save. With the
          keyboard, move to a sentence and press <kbd>A</kbd>.
        </p>
      ) : (
        groups.map((group) => {
          const name = group.code?.name ?? 'No code';
          const groupId = `${headingId}-${group.code?.id ?? 'none'}`;
          return (
            <section
              key={group.code?.id ?? 'none'}
              className="annotation-group"
              aria-labelledby={groupId}
            >
              <h3 id={groupId} className="annotation-group-title">
                <span
                  className="code-swatch"
                  style={{ background: group.code?.color ?? UNCODED_COLOR }}
                  aria-hidden="true"
                />
                <span className="annotation-group-name">{name}</span>
                <span
                  className="annotation-count"
                  aria-label={`${group.annotations.length} ${group.annotations.length === 1 ? 'annotation' : 'annotations'}`}
                >
                  {group.annotations.length}
                </span>
              </h3>
              <ul className="annotation-list">
                {group.annotations.map((annotation) => (
                  <AnnotationItem
                    key={annotation.id}
                    annotation={annotation}
                    partner={partnerOf(annotation, annotations, {
                      ...versions,
                      sameArticle: target.sameArticle,
                    })}
                    sideOf={sideOf}
                    color={group.code?.color ?? UNCODED_COLOR}
                    outlets={outlets}
                    codebooks={codebooks}
                    editing={editing === annotation.id}
                    onEdit={() => setEditing(annotation.id)}
                    onCancelEdit={() => stopEditing(annotation.id)}
                    onSave={async (patch) => {
                      if (await controller.update(annotation.id, patch)) {
                        stopEditing(annotation.id);
                      }
                    }}
                    onDelete={() => void remove(annotation)}
                    onJump={onJump}
                  />
                ))}
              </ul>
            </section>
          );
        })
      )}

      <OrphanList
        orphans={shownOrphans}
        codebooks={codebooks}
        versions={versions}
        outlets={outlets}
      />

      <CodebookEditor
        open={codebookOpen}
        controller={controller}
        onClose={() => {
          setCodebookOpen(false);
          codebookButton.current?.focus();
        }}
      />
    </section>
  );
}

interface AnnotationItemProps {
  annotation: Annotation;
  partner: Annotation | null;
  sideOf: (annotation: Annotation) => Side | null;
  color: string;
  outlets: { a: string; b: string };
  codebooks: Codebook[];
  editing: boolean;
  onEdit: () => void;
  onCancelEdit: () => void;
  onSave: (patch: { codeId: string | null; note: string }) => Promise<void>;
  onDelete: () => void;
  onJump: (side: Side, offset: number) => void;
}

function AnnotationItem(props: AnnotationItemProps) {
  const { annotation, partner, sideOf, color, outlets, editing, onJump } = props;
  const side = sideOf(annotation);
  const quote = quoteOf(annotation);
  const start = positionOf(annotation)?.start ?? 0;
  const partnerSide = partner ? sideOf(partner) : null;
  const short = shortenQuote(quote, 40);

  return (
    <li
      className="annotation-item"
      data-testid="annotation-item"
      data-annotation-id={annotation.id}
      style={{ '--code-color': color } as CSSProperties}
    >
      <div className="annotation-item-head">
        {side && <SideTag side={side} outlet={outlets[side]} />}
        {annotation.pairId && (
          <span className="pair-tag" title="Made as a pair with a span in the other outlet">
            <span aria-hidden="true">⇄ </span>pair
          </span>
        )}
        {annotation.carriedFrom?.method === 'fuzzy' && (
          <span
            className="moved-badge"
            data-testid="moved-badge"
            title="Carried over from an earlier version, where the words had changed: check that it still marks the right text"
          >
            <span aria-hidden="true">⚠ </span>moved — check
          </span>
        )}
        {annotation.annotator.trim() && (
          <span className="annotation-annotator" dir="auto">
            by {annotation.annotator.trim()}
          </span>
        )}
      </div>
      <button
        type="button"
        className="annotation-quote"
        title="Show it in the text"
        onClick={() => side && onJump(side, start)}
        dir="auto"
      >
        “{shortenQuote(quote, 220)}”
      </button>
      {partner && partnerSide && (
        <p className="annotation-partner">
          <span className="muted">Paired with</span>{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => onJump(partnerSide, positionOf(partner)?.start ?? 0)}
            title={`Show it in ${outlets[partnerSide]}`}
          >
            {outlets[partnerSide]}: “{shortenQuote(quoteOf(partner), 80)}”
          </button>
        </p>
      )}
      {editing ? (
        <AnnotationEditForm
          annotation={annotation}
          codebooks={props.codebooks}
          onSave={props.onSave}
          onCancel={props.onCancelEdit}
        />
      ) : (
        <>
          {annotation.note.trim() && (
            <p className="annotation-note" dir="auto">
              {annotation.note}
            </p>
          )}
          <div className="annotation-item-actions">
            <button
              type="button"
              className="button button-quiet button-small annotation-edit-button"
              aria-label={`Edit the annotation on “${short}”`}
              onClick={props.onEdit}
            >
              Edit
            </button>
            <button
              type="button"
              className="button button-quiet button-small annotation-delete"
              aria-label={`Delete the annotation on “${short}”`}
              onClick={props.onDelete}
            >
              Delete
            </button>
          </div>
        </>
      )}
    </li>
  );
}

function AnnotationEditForm({
  annotation,
  codebooks,
  onSave,
  onCancel,
}: {
  annotation: Annotation;
  codebooks: Codebook[];
  onSave: (patch: { codeId: string | null; note: string }) => Promise<void>;
  onCancel: () => void;
}) {
  const id = useId();
  const known = annotation.codeId && codesById(codebooks).has(annotation.codeId);
  const [codeId, setCodeId] = useState(known ? annotation.codeId : null);
  const [note, setNote] = useState(annotation.note);
  const [saving, setSaving] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => noteRef.current?.focus(), []);

  const save = async () => {
    setSaving(true);
    await onSave({ codeId, note: note.trim() });
    setSaving(false);
  };

  return (
    <form
      className="annotation-edit"
      aria-label="Edit annotation"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <label htmlFor={`${id}-code`} className="annotation-label">
        Code
      </label>
      <select
        id={`${id}-code`}
        value={codeId ?? ''}
        onChange={(event) => setCodeId(event.target.value || null)}
      >
        {codebooks.map((book) =>
          [...new Set(book.codes.map((code) => code.group || book.name))].map((group) => (
            <optgroup key={`${book.id}-${group}`} label={group}>
              {book.codes
                .filter((code) => (code.group || book.name) === group)
                .map((code) => (
                  <option key={code.id} value={code.id}>
                    {code.name}
                  </option>
                ))}
            </optgroup>
          )),
        )}
        <option value="">No code</option>
      </select>
      <label htmlFor={`${id}-note`} className="annotation-label">
        Note
      </label>
      <textarea
        id={`${id}-note`}
        ref={noteRef}
        rows={3}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void save();
          }
        }}
      />
      <div className="annotation-edit-actions">
        <button type="submit" className="button button-primary button-small" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button button-quiet button-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
