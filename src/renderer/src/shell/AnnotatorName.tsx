import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { errorMessage } from '../hooks/useErrors';
import { useModalDialog } from '../hooks/useModalDialog';
import { Icon } from './Icon';
import './annotatorName.css';
import { ModalHead } from './ModalHead';

/**
 * "Annotating as NAME" in the header: the name new annotations are signed with
 * (kept in the library), and a small dialog to set it. Coders who share a
 * machine each set theirs before annotating, so agreement can tell them apart.
 */
export function AnnotatorName() {
  // Undefined until the library has answered: the button waits rather than claim "Set your name".
  const [name, setName] = useState<string | undefined>(undefined);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let current = true;
    api['settings:get']({}).then(
      (settings) => current && setName(settings.annotatorName),
      (failure: unknown) => {
        if (!current) return;
        setName('');
        setLoadProblem(`Your name could not be read. ${errorMessage(failure)}`);
      },
    );
    return () => {
      current = false;
    };
  }, []);

  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };

  return (
    <>
      <button
        ref={opener}
        type="button"
        className="button button-quiet annotator-button"
        data-testid="annotator-button"
        aria-haspopup="dialog"
        disabled={name === undefined}
        title="The name your new annotations are signed with"
        onClick={() => setOpen(true)}
      >
        <Icon
          d="M10 10a3.5 3.5 0 100-7 3.5 3.5 0 000 7zM3.5 17a6.5 6.5 0 0113 0"
          strokeWidth={1.6}
        />
        {name ? (
          <span className="annotator-label">
            <span className="annotator-prefix">Annotating as </span>
            <span className="annotator-name" dir="auto">
              {name}
            </span>
          </span>
        ) : (
          <span className="annotator-label">Set your name</span>
        )}
      </button>
      <AnnotatorNameDialog
        open={open}
        name={name ?? ''}
        loadProblem={loadProblem}
        onClose={close}
        onSaved={(saved) => {
          setName(saved);
          setLoadProblem(null);
          close();
        }}
      />
    </>
  );
}

function AnnotatorNameDialog(props: {
  open: boolean;
  name: string;
  loadProblem: string | null;
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const dialogRef = useModalDialog(props.open);
  return (
    <dialog
      ref={dialogRef}
      className="modal annotator-dialog"
      aria-labelledby="annotator-dialog-title"
      data-testid="annotator-dialog"
      onCancel={(event) => {
        // Esc: close through React, so the next opening starts from the saved name.
        event.preventDefault();
        props.onClose();
      }}
    >
      {props.open && <AnnotatorNameForm {...props} />}
    </dialog>
  );
}

function AnnotatorNameForm({
  name: savedName,
  loadProblem,
  onClose,
  onSaved,
}: {
  name: string;
  loadProblem: string | null;
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const id = useId();
  const [name, setName] = useState(savedName);
  const [problem, setProblem] = useState<string | null>(loadProblem);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.select(), []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const settings = await api['settings:update']({ annotatorName: name.trim() });
      onSaved(settings.annotatorName);
    } catch (failure) {
      setProblem(errorMessage(failure));
      setBusy(false);
      inputRef.current?.focus();
    }
  };

  const problemId = `${id}-problem`;
  return (
    <form className="annotator-form" onSubmit={(event) => void save(event)} noValidate>
      <ModalHead titleId="annotator-dialog-title" onClose={onClose}>
        Who is annotating?
      </ModalHead>
      <div className="annotator-body">
        <div className="field">
          <label htmlFor={`${id}-name`}>Your name</label>
          <input
            ref={inputRef}
            id={`${id}-name`}
            value={name}
            autoComplete="name"
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${id}-hint${problem ? ` ${problemId}` : ''}`}
            onChange={(event) => setName(event.target.value)}
          />
          <p className="field-hint" id={`${id}-hint`}>
            New annotations are signed with it, so a teacher merging several students’ work can
            compare coders. Annotations already made keep their name.
          </p>
          {problem && (
            <p className="field-problem" id={problemId} role="alert">
              {problem}
            </p>
          )}
        </div>
      </div>
      <footer className="annotator-foot">
        <button type="button" className="button button-quiet" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save name'}
        </button>
      </footer>
    </form>
  );
}
