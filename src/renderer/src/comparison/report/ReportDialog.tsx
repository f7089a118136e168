import { useEffect, useId, useRef, useState } from 'react';
import { api } from '../../api/client';
import { saveDownload } from '../../files/saveDownload';
import { errorMessage } from '../../hooks/useErrors';
import { useModalDialog } from '../../hooks/useModalDialog';
import './report.css';
import { ModalHead } from '../../shell/ModalHead';

type ReportFormat = 'html' | 'pdf' | 'md';

const FORMATS: { format: ReportFormat; label: string; hint: string }[] = [
  { format: 'html', label: 'Web page (HTML)', hint: 'One file that opens in any browser.' },
  { format: 'pdf', label: 'PDF', hint: 'For printing and handing in.' },
  { format: 'md', label: 'Markdown', hint: 'Plain text, for notes and wikis.' },
];

interface ReportDialogProps {
  open: boolean;
  aVersionId: string;
  bVersionId: string;
  onClose: () => void;
}

/** Saves the comparison as a report: both texts lined up, omissions, lenses, voices, annotations. */
export function ReportDialog({ open, aVersionId, bVersionId, onClose }: ReportDialogProps) {
  const dialogRef = useModalDialog(open);
  const ids = useId();
  const [format, setFormat] = useState<ReportFormat>('html');
  const [state, setState] = useState<
    | { kind: 'idle' }
    | { kind: 'working' }
    | { kind: 'ready'; fileName: string }
    | { kind: 'failed'; message: string }
  >({ kind: 'idle' });
  // Each time the dialog opens or closes (or goes away) a new session starts: a report
  // asked for in an earlier one is neither saved nor shown when it arrives.
  const session = useRef(0);
  useEffect(
    () => () => {
      session.current += 1;
      setState({ kind: 'idle' });
    },
    [open],
  );

  const close = () => {
    setState({ kind: 'idle' });
    onClose();
  };
  const save = async () => {
    const mine = session.current;
    setState({ kind: 'working' });
    try {
      const file = await api['report:create']({ aVersionId, bVersionId, format });
      if (session.current !== mine) return;
      saveDownload(file);
      // Handed to the browser (or Electron's save dialog), which may still be asking where.
      setState({ kind: 'ready', fileName: file.fileName });
    } catch (error) {
      if (session.current !== mine) return;
      setState({ kind: 'failed', message: errorMessage(error) });
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="modal report-dialog"
      aria-labelledby={`${ids}-title`}
      data-testid="report-dialog"
      onClose={close}
    >
      <ModalHead titleId={`${ids}-title`} onClose={close}>
        Save a report
      </ModalHead>
      <form
        className="report-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <p className="report-contents">
          Both texts lined up claim by claim, what each leaves out, lens coverage, who is quoted,
          and the annotations with their codes and notes.
        </p>
        <fieldset>
          <legend>Format</legend>
          {FORMATS.map((f) => (
            <label key={f.format} className="report-format">
              <input
                type="radio"
                name="report-format"
                value={f.format}
                checked={format === f.format}
                onChange={() => setFormat(f.format)}
              />
              <span>
                <strong>{f.label}</strong> <span className="report-hint">{f.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div role="status" className="report-status">
          {state.kind === 'working' && 'Making the report…'}
          {state.kind === 'ready' && `Report ready: ${state.fileName}`}
        </div>
        {state.kind === 'failed' && (
          <p className="error-text" role="alert">
            {state.message}
          </p>
        )}
        <div className="report-actions">
          <button type="button" className="button button-quiet" onClick={close}>
            Close
          </button>
          <button type="submit" className="button" disabled={state.kind === 'working'}>
            Save report
          </button>
        </div>
      </form>
    </dialog>
  );
}
