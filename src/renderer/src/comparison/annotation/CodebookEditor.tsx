import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { Code, Codebook } from '../../../../shared/domain';
import { errorMessage } from '../../hooks/useErrors';
import { useModalDialog } from '../../hooks/useModalDialog';
import { CloseIcon } from '../../shell/Icon';
import { countByCode, nextCodeColor } from './annotationModel';
import type { AnnotationsController } from './useAnnotations';

interface CodebookEditorProps {
  open: boolean;
  controller: AnnotationsController;
  /** Called when the dialog closes (Esc, the close button); the caller puts focus back. */
  onClose: () => void;
}

const FOCUSABLE =
  'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

/**
 * The codebook: add codes, rename and recolour them, merge one into another.
 * A native modal <dialog>: the page behind is inert, Esc closes, and Tab
 * wraps around inside it.
 */
export function CodebookEditor({ open, controller, onClose }: CodebookEditorProps) {
  const dialogRef = useModalDialog(open);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const [status, setStatus] = useState('');
  // Each opening starts without the last one's message (a colour saved as it closed included).
  const [shownOpen, setShownOpen] = useState(open);
  if (shownOpen !== open) {
    setShownOpen(open);
    if (open) setStatus('');
  }
  // The code a merge went into: once the merged row is gone (with the button that had
  // focus), focus goes to this code's row.
  const mergedInto = useRef<string | null>(null);

  // Each opening starts with focus on the heading (useModalDialog has shown the dialog by now).
  useLayoutEffect(() => {
    if (open) headingRef.current?.focus();
  }, [open]);

  useEffect(() => {
    if (!mergedInto.current) return;
    const name = dialogRef.current?.querySelector<HTMLElement>(
      `[data-code-id="${CSS.escape(mergedInto.current)}"] .code-name-input`,
    );
    mergedInto.current = null;
    (name ?? headingRef.current)?.focus();
  });

  const counts = countByCode(controller.annotations);

  return (
    <dialog
      ref={dialogRef}
      className="modal codebook-dialog"
      aria-labelledby={titleId}
      data-testid="codebook-editor"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Tab') return;
        const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
        const first = focusable[0];
        const last = focusable.at(-1);
        if (!first || !last) return;
        const active = document.activeElement;
        if (event.shiftKey && (active === first || active === headingRef.current)) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && active === last) {
          event.preventDefault();
          first.focus();
        }
      }}
    >
      {open && (
        <div className="codebook-frame">
          <div className="modal-head">
            <h2 id={titleId} ref={headingRef} tabIndex={-1}>
              Codebook
            </h2>
            <button
              type="button"
              className="icon-button"
              aria-label="Close the codebook"
              title="Close (Esc)"
              onClick={onClose}
            >
              <CloseIcon />
            </button>
          </div>
          <div className="codebook-body">
            <p className="muted codebook-intro">
              Codes name the framing choices you mark. Renaming or recolouring a code changes it on
              every annotation that uses it. Counts are for this comparison.
            </p>
            <p className="codebook-status" role="status">
              {status}
            </p>
            {controller.codebooks.length === 0 && (
              <p className="muted">{controller.loading ? 'Loading…' : 'There is no codebook.'}</p>
            )}
            {controller.codebooks.map((book) => (
              <CodebookSection
                key={book.id}
                book={book}
                counts={counts}
                controller={controller}
                onStatus={setStatus}
                onMerged={(intoId) => {
                  mergedInto.current = intoId;
                }}
              />
            ))}
          </div>
        </div>
      )}
    </dialog>
  );
}

interface RowActions {
  controller: AnnotationsController;
  onStatus: (message: string) => void;
  /** After a merge, with the code the merged one went into. */
  onMerged: (intoId: string) => void;
}

function CodebookSection({
  book,
  counts,
  ...actions
}: RowActions & {
  book: Codebook;
  counts: Map<string, number>;
}) {
  const groups = [...new Set(book.codes.map((code) => code.group))];
  return (
    <section className="codebook-section" aria-label={book.name}>
      <h3 className="codebook-name">{book.name}</h3>
      {book.description && <p className="muted codebook-description">{book.description}</p>}
      <AddCodeForm book={book} controller={actions.controller} onStatus={actions.onStatus} />
      {groups.map((group) => (
        <div key={group} className="codebook-group">
          {group && <h4 className="codebook-group-name">{group}</h4>}
          <ul className="codebook-codes">
            {book.codes
              .filter((code) => code.group === group)
              .map((code) => (
                <CodeRow
                  key={code.id}
                  code={code}
                  book={book}
                  count={counts.get(code.id) ?? 0}
                  {...actions}
                />
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function CodeRow({
  code,
  book,
  count,
  controller,
  onStatus,
  onMerged,
}: RowActions & {
  code: Code;
  book: Codebook;
  count: number;
}) {
  const id = useId();
  const [name, setName] = useState(code.name);
  const [color, setColor] = useState(code.color);
  const [problem, setProblem] = useState<string | null>(null);
  const [merge, setMerge] = useState<{ into: string; confirming: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const mergeSelect = useRef<HTMLSelectElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const mergeButton = useRef<HTMLButtonElement>(null);
  /** Back out of a merge at either step; focus returns to the Merge… button. */
  const cancelMerge = () => {
    setMerge(null);
    mergeButton.current?.focus();
  };
  const colorTimer = useRef(0);
  const pendingColor = useRef<string | null>(null);

  // The fields follow the code when a save (or another edit) changes it.
  const [shown, setShown] = useState(code);
  if (shown !== code) {
    setShown(code);
    setName(code.name);
    setColor(code.color);
  }

  const save = async (patch: { name?: string; color?: string }) => {
    try {
      const saved = await controller.updateCode(code.id, patch);
      setProblem(null);
      onStatus(
        patch.name ? `Renamed to “${saved.name}”.` : `Changed the colour of “${saved.name}”.`,
      );
    } catch (failure) {
      setProblem(errorMessage(failure));
    }
  };

  /** Saves the colour picked last, now rather than when the picker settles. */
  const saveColor = () => {
    window.clearTimeout(colorTimer.current);
    const next = pendingColor.current;
    pendingColor.current = null;
    if (next) void save({ color: next });
  };
  // A colour picked just before the dialog closes (or the row goes) is saved, not dropped.
  const flushColor = useRef(saveColor);
  useEffect(() => {
    flushColor.current = saveColor;
  });
  useEffect(() => () => flushColor.current(), []);

  const rename = () => {
    const trimmed = name.trim();
    if (trimmed === code.name) return setName(code.name);
    if (!trimmed) return setProblem('A code needs a name.');
    void save({ name: trimmed });
  };

  const others = book.codes.filter((c) => c.id !== code.id);
  const target = others.find((c) => c.id === merge?.into);

  const doMerge = async () => {
    if (!target) return;
    setBusy(true);
    try {
      const moved = await controller.mergeCode(code.id, target.id);
      onStatus(
        `Merged “${code.name}” into “${target.name}”: ${moved} ${moved === 1 ? 'annotation' : 'annotations'} moved.`,
      );
      // This row is gone, with the button that had focus.
      onMerged(target.id);
    } catch (failure) {
      setProblem(errorMessage(failure));
      setBusy(false);
    }
  };

  useEffect(() => {
    if (merge?.confirming) confirmButton.current?.focus();
  }, [merge?.confirming]);

  return (
    <li className="codebook-code" data-testid="codebook-code" data-code-id={code.id}>
      <div className="codebook-code-row">
        <input
          type="color"
          className="code-color-input"
          value={color}
          aria-label={`Colour of ${code.name}`}
          onChange={(event) => {
            const next = event.target.value;
            setColor(next);
            // The picker reports every step of a drag; save once it settles.
            pendingColor.current = next;
            window.clearTimeout(colorTimer.current);
            colorTimer.current = window.setTimeout(saveColor, 400);
          }}
        />
        <input
          id={`${id}-name`}
          className="code-name-input"
          value={name}
          aria-label={`Name of the code “${code.name}”`}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(event) => setName(event.target.value)}
          onBlur={rename}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              rename();
            }
          }}
        />
        <span className="codebook-code-count" title="Annotations with this code in this comparison">
          {count} here<span className="visually-hidden"> (annotations in this comparison)</span>
        </span>
        <button
          ref={mergeButton}
          type="button"
          className="button button-quiet button-small"
          aria-expanded={merge !== null}
          aria-label={`Merge “${code.name}” into another code`}
          disabled={others.length === 0}
          onClick={() => {
            if (merge) {
              setMerge(null);
              return;
            }
            setMerge({ into: others[0]!.id, confirming: false });
            requestAnimationFrame(() => mergeSelect.current?.focus());
          }}
        >
          Merge…
        </button>
      </div>
      {problem && (
        <p id={`${id}-problem`} className="field-problem" role="alert">
          {problem}
        </p>
      )}
      {merge && !merge.confirming && (
        <div className="codebook-merge">
          <label htmlFor={`${id}-into`}>Merge “{code.name}” into</label>
          <select
            id={`${id}-into`}
            ref={mergeSelect}
            value={merge.into}
            onChange={(event) => setMerge({ into: event.target.value, confirming: false })}
          >
            {others.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button-small"
            onClick={() => setMerge({ ...merge, confirming: true })}
          >
            Merge
          </button>
          <button type="button" className="button button-quiet button-small" onClick={cancelMerge}>
            Cancel
          </button>
        </div>
      )}
      {merge?.confirming && target && (
        <div
          className="codebook-confirm"
          role="group"
          aria-label="Confirm the merge"
          data-testid="merge-confirm"
        >
          <p>
            {count === 0
              ? `No annotation in this comparison uses “${code.name}”.`
              : `${count} ${count === 1 ? 'annotation' : 'annotations'} in this comparison will move from “${code.name}” to “${target.name}”.`}{' '}
            Annotations in other comparisons move too, and “{code.name}” leaves the codebook. This
            cannot be undone.
          </p>
          <div className="codebook-confirm-actions">
            <button
              ref={confirmButton}
              type="button"
              className="button button-small button-danger"
              disabled={busy}
              onClick={() => void doMerge()}
            >
              {busy ? 'Merging…' : `Merge into “${target.name}”`}
            </button>
            <button
              type="button"
              className="button button-quiet button-small"
              onClick={cancelMerge}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

function AddCodeForm({
  book,
  controller,
  onStatus,
}: {
  book: Codebook;
  controller: AnnotationsController;
  onStatus: (message: string) => void;
}) {
  const id = useId();
  const [name, setName] = useState('');
  const [color, setColor] = useState(() => nextCodeColor(book.codes));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);

  return (
    <form
      className="codebook-add"
      aria-label={`Add a code to ${book.name}`}
      onSubmit={async (event) => {
        event.preventDefault();
        const trimmed = name.trim();
        if (!trimmed) {
          setProblem('A code needs a name.');
          nameRef.current?.focus();
          return;
        }
        setBusy(true);
        try {
          const code = await controller.createCode(book.id, trimmed, color);
          setName('');
          setProblem(null);
          setColor(nextCodeColor([...book.codes, code]));
          onStatus(`Added “${code.name}”.`);
          nameRef.current?.focus();
        } catch (failure) {
          setProblem(errorMessage(failure));
        } finally {
          setBusy(false);
        }
      }}
    >
      <h4 className="codebook-group-name">Add a code</h4>
      <div className="codebook-code-row">
        <input
          type="color"
          className="code-color-input"
          value={color}
          aria-label="Colour of the new code"
          onChange={(event) => setColor(event.target.value)}
        />
        <input
          id={`${id}-name`}
          ref={nameRef}
          className="code-name-input"
          value={name}
          placeholder="Name, e.g. Passive voice"
          aria-label="Name of the new code"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="button button-small" disabled={busy}>
          Add code
        </button>
      </div>
      {problem && (
        <p id={`${id}-problem`} className="field-problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
