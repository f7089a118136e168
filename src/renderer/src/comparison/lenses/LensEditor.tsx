import { useEffect, useId, useRef, useState, type CSSProperties, type FormEvent } from 'react';
import type { Lens } from '../../../../shared/domain';
import { api } from '../../api/client';
import { errorMessage } from '../../hooks/useErrors';
import { useModalDialog } from '../../hooks/useModalDialog';
import { Icon } from '../../shell/Icon';
import {
  LENS_COLORS,
  lensFormProblems,
  parseTerms,
  termsToText,
  unusedColor,
  type LensFormProblems,
} from './lensForm';
import { ModalHead } from '../../shell/ModalHead';

/** What the dialog is open for: a new lens, or one to edit. */
export type LensEditorTarget = { kind: 'new' } | { kind: 'edit'; lens: Lens };

interface LensEditorProps {
  /** Null while closed. */
  target: LensEditorTarget | null;
  /** Every lens, so a new one gets a color none has yet. */
  lenses: readonly Lens[];
  onClose: () => void;
  /** Saved; `previous` is the lens as it was before an edit (null for a new one). */
  onSaved: (lens: Lens, previous: Lens | null) => void;
  onDeleted: (lens: Lens) => void;
}

/**
 * The lens dialog: name, color and terms of a new or existing lens, and Delete
 * (asked twice). A native modal <dialog>: the page behind is inert and Esc closes.
 */
export function LensEditor({ target, lenses, onClose, onSaved, onDeleted }: LensEditorProps) {
  const dialogRef = useModalDialog(target !== null);

  return (
    <dialog
      ref={dialogRef}
      className="modal lens-editor"
      aria-labelledby="lens-editor-title"
      data-testid="lens-editor"
      onCancel={(event) => {
        // Esc: close through React, so the form's state goes with it.
        event.preventDefault();
        onClose();
      }}
    >
      {target && (
        <LensForm
          // A fresh form for every opening.
          key={target.kind === 'edit' ? target.lens.id : 'new'}
          target={target}
          lenses={lenses}
          onClose={onClose}
          onSaved={onSaved}
          onDeleted={onDeleted}
        />
      )}
    </dialog>
  );
}

function LensForm({
  target,
  lenses,
  onClose,
  onSaved,
  onDeleted,
}: LensEditorProps & { target: LensEditorTarget }) {
  const editing = target.kind === 'edit' ? target.lens : null;
  const id = useId();
  const [name, setName] = useState(editing?.name ?? '');
  const [termsText, setTermsText] = useState(editing ? termsToText(editing.terms) : '');
  const [color, setColor] = useState(
    () => editing?.color.toLowerCase() ?? unusedColor(lenses.map((l) => l.color)),
  );
  const [problems, setProblems] = useState<LensFormProblems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const termsRef = useRef<HTMLTextAreaElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);

  useEffect(() => nameRef.current?.focus(), []);
  useEffect(() => {
    if (confirmingDelete) keepRef.current?.focus();
  }, [confirmingDelete]);

  const terms = parseTerms(termsText);
  const preset = LENS_COLORS.some((c) => c.color === color);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = lensFormProblems(name, terms);
    setProblems(found);
    setFailure(null);
    if (found.name) return nameRef.current?.focus();
    if (found.terms) return termsRef.current?.focus();
    setBusy(true);
    try {
      const { lens } = await api['lens:save']({
        ...(editing ? { id: editing.id } : {}),
        name: name.trim(),
        terms,
        color,
      });
      onSaved(lens, editing);
    } catch (error) {
      const message = errorMessage(error);
      // The API's word on a name (a duplicate) belongs under the name field.
      if (/\bnamed?\b/i.test(message)) {
        setProblems({ name: message });
        nameRef.current?.focus();
      } else {
        setFailure(message);
      }
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!editing || busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await api['lens:delete']({ id: editing.id });
      onDeleted(editing);
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
      setConfirmingDelete(false);
      // Focus goes back where the reader was: the Delete button.
      requestAnimationFrame(() => deleteRef.current?.focus());
    }
  };

  const nameProblemId = `${id}-name-problem`;
  const termsHintId = `${id}-terms-hint`;
  const termsProblemId = `${id}-terms-problem`;

  return (
    <form className="lens-editor-form" onSubmit={(event) => void save(event)} noValidate>
      <ModalHead titleId="lens-editor-title" onClose={onClose}>
        {editing ? `Edit the lens “${editing.name}”` : 'New lens'}
      </ModalHead>

      <div className="lens-editor-body">
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            ref={nameRef}
            id={`${id}-name`}
            value={name}
            autoComplete="off"
            aria-invalid={problems.name ? true : undefined}
            aria-describedby={problems.name ? nameProblemId : undefined}
            onChange={(event) => setName(event.target.value)}
          />
          {problems.name && (
            <p className="field-problem" id={nameProblemId}>
              {problems.name}
            </p>
          )}
        </div>

        <fieldset className="lens-editor-colors">
          <legend>Color</legend>
          <div className="lens-editor-color-options">
            {LENS_COLORS.map((option) => (
              <label
                key={option.color}
                className="lens-editor-color-swatch"
                title={option.name}
                style={{ '--swatch': option.color } as CSSProperties}
              >
                <input
                  type="radio"
                  name={`${id}-color`}
                  className="visually-hidden"
                  value={option.color}
                  checked={color === option.color}
                  onChange={() => setColor(option.color)}
                />
                <span className="visually-hidden">{option.name}</span>
                <Icon
                  d="M5 10.5l3.2 3.2L15 7"
                  strokeWidth={2.4}
                  className="lens-editor-color-check"
                />
              </label>
            ))}
            <label className="lens-editor-color-custom" data-chosen={!preset || undefined}>
              <input
                type="color"
                value={color}
                onChange={(event) => setColor(event.target.value.toLowerCase())}
              />
              <span>{preset ? 'Other…' : `Other: ${color}`}</span>
            </label>
          </div>
        </fieldset>

        <div className="field">
          <label htmlFor={`${id}-terms`}>Terms</label>
          <p className="field-hint" id={termsHintId}>
            One per line, or separated by commas. Any case; plurals and past forms match too
            (“sanction” finds “sanctions”).
          </p>
          <textarea
            ref={termsRef}
            id={`${id}-terms`}
            className="lens-editor-terms"
            rows={6}
            value={termsText}
            spellCheck={false}
            aria-invalid={problems.terms ? true : undefined}
            aria-describedby={problems.terms ? `${termsProblemId} ${termsHintId}` : termsHintId}
            onChange={(event) => setTermsText(event.target.value)}
          />
          {problems.terms ? (
            <p className="field-problem" id={termsProblemId}>
              {problems.terms}
            </p>
          ) : (
            <p className="field-hint" aria-live="polite">
              {terms.length === 0
                ? 'No terms yet.'
                : `${terms.length} ${terms.length === 1 ? 'term' : 'terms'}`}
            </p>
          )}
        </div>

        <p className="lens-editor-failure" role="alert">
          {failure}
        </p>
      </div>

      {confirmingDelete && editing ? (
        <footer
          className="lens-editor-foot lens-editor-confirm"
          role="group"
          aria-labelledby={`${id}-confirm`}
        >
          <p id={`${id}-confirm`} className="lens-editor-confirm-question">
            <Icon d="M10 3.5l7 12.5H3zM10 8.5v3.5M10 14.3v.1" strokeWidth={1.8} />
            Delete the lens “{editing.name}”? It goes from every comparison.
          </p>
          <div className="lens-editor-actions">
            <button
              ref={keepRef}
              type="button"
              className="button"
              disabled={busy}
              onClick={() => {
                setConfirmingDelete(false);
                requestAnimationFrame(() => deleteRef.current?.focus());
              }}
            >
              Keep it
            </button>
            <button
              type="button"
              className="button button-danger"
              disabled={busy}
              onClick={() => void remove()}
            >
              {busy ? 'Deleting…' : 'Delete lens'}
            </button>
          </div>
        </footer>
      ) : (
        <footer className="lens-editor-foot">
          {editing && (
            <button
              ref={deleteRef}
              type="button"
              className="button button-quiet lens-editor-delete"
              disabled={busy}
              onClick={() => setConfirmingDelete(true)}
            >
              <Icon d="M4 6h12M8 6V4h4v2M6 6l.7 10h6.6L14 6" />
              Delete…
            </button>
          )}
          <div className="lens-editor-actions">
            <button type="button" className="button" disabled={busy} onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? 'Saving…' : editing ? 'Save lens' : 'Add lens'}
            </button>
          </div>
        </footer>
      )}
    </form>
  );
}
