import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { BundleMerge, LibraryOverview, OpenedBundle } from '../../../shared/api';
import { api } from '../api/client';
import { saveDownload } from '../files/saveDownload';
import { errorMessage } from '../hooks/useErrors';
import { useModalDialog } from '../hooks/useModalDialog';
import { readAsBase64 } from '../importing/readFiles';
import { bundleSource } from './bundleSource';
import './classroom.css';
import { ModalHead } from '../shell/ModalHead';
import { MAX_ASSIGNMENT, MAX_BUNDLE_BYTES } from '../../../shared/limits';

/** Bundles larger than this are refused before reading (the API takes 32 MB). */

interface ClassroomDialogProps {
  open: boolean;
  overview: LibraryOverview | null;
  onClose: () => void;
  /** Called after a bundle was merged, so the library shows what it added. */
  onOpened: () => void;
}

type Outcome =
  | { kind: 'idle' }
  | { kind: 'working'; what: string }
  | { kind: 'opened'; result: BundleMerge }
  | { kind: 'exported'; fileName: string }
  | { kind: 'failed'; message: string };

/**
 * Class work without a network: a teacher makes a bundle (stories, comparisons,
 * codebook, assignment); students open it, annotate and make one back with their
 * annotations; the teacher opens each one to merge the work.
 */
export function ClassroomDialog({ open, overview, onClose, onOpened }: ClassroomDialogProps) {
  const dialogRef = useModalDialog(open);
  const ids = useId();
  const [storyIds, setStoryIds] = useState<string[]>([]);
  const [assignment, setAssignment] = useState('');
  const [includeAnnotations, setIncludeAnnotations] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [opened, setOpened] = useState<OpenedBundle[]>([]);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const stories = overview?.stories ?? [];
  // Each opening and closing (or going away) starts a new session: an answer to an
  // earlier one neither downloads nor shows its outcome here.
  const session = useRef(0);
  useEffect(
    () => () => {
      session.current += 1;
      setOutcome({ kind: 'idle' });
    },
    [open],
  );

  // The assignments stay readable after the bundle was opened: listed newest first.
  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    api['bundle:assignments']({}).then(
      ({ bundles }) => !cancelled && setOpened([...bundles].reverse()),
      () => !cancelled && setOpened([]),
    );
    return () => {
      cancelled = true;
    };
  }, [open, outcome.kind]);

  // The outcome sits at the top of the dialog; bring it into view after Save at the bottom.
  useEffect(() => {
    if (outcome.kind !== 'idle') outcomeRef.current?.scrollIntoView({ block: 'nearest' });
  }, [outcome]);

  const close = () => {
    setOutcome({ kind: 'idle' });
    onClose();
  };

  const openBundle = async (file: File) => {
    if (file.size > MAX_BUNDLE_BYTES) {
      setOutcome({
        kind: 'failed',
        message: `${file.name} is over 32 MB; a bundle is at most 32 MB.`,
      });
      return;
    }
    const mine = session.current;
    setOutcome({ kind: 'working', what: `Opening ${file.name}…` });
    try {
      const result = await api['bundle:open']({
        name: file.name,
        base64: await readAsBase64(file),
      });
      // Merged even if the dialog was closed meanwhile: the library must show it.
      onOpened();
      if (session.current === mine) setOutcome({ kind: 'opened', result });
    } catch (error) {
      if (session.current === mine) setOutcome({ kind: 'failed', message: errorMessage(error) });
    }
  };

  const exportBundle = async (event: FormEvent) => {
    event.preventDefault();
    const mine = session.current;
    setOutcome({ kind: 'working', what: 'Making the bundle…' });
    try {
      const file = await api['bundle:export']({ storyIds, assignment, includeAnnotations });
      if (session.current !== mine) return;
      saveDownload(file);
      // Handed to the browser (or Electron's save dialog), which may still be asking where.
      setOutcome({ kind: 'exported', fileName: file.fileName });
    } catch (error) {
      if (session.current === mine) setOutcome({ kind: 'failed', message: errorMessage(error) });
    }
  };

  const toggleStory = (id: string, checked: boolean) =>
    setStoryIds((chosen) => (checked ? [...chosen, id] : chosen.filter((s) => s !== id)));

  return (
    <dialog
      ref={dialogRef}
      className="modal classroom-dialog"
      aria-labelledby={`${ids}-title`}
      data-testid="classroom-dialog"
      onClose={close}
    >
      <ModalHead titleId={`${ids}-title`} onClose={close}>
        Class bundles
      </ModalHead>
      <div className="classroom-body">
        {/* First in the body, so the outcome is in view without scrolling. */}
        <div ref={outcomeRef}>
          <div role="status" className="classroom-status">
            {outcome.kind === 'working' && outcome.what}
            {outcome.kind === 'exported' && `Bundle ready: ${outcome.fileName}`}
            {outcome.kind === 'opened' && outcome.result.message}
          </div>
          {outcome.kind === 'failed' && (
            <p className="error-text" role="alert">
              {outcome.message}
            </p>
          )}
        </div>
        {opened.some((b) => b.assignment.trim() !== '') && (
          <section aria-labelledby={`${ids}-assignments`}>
            <h3 id={`${ids}-assignments`}>Assignments</h3>
            {opened
              .filter((b) => b.assignment.trim() !== '')
              .map((b) => (
                <div key={b.bundleId} className="classroom-assignment">
                  <p className="classroom-hint" dir="auto">
                    {bundleSource(b)}
                  </p>
                  <p dir="auto">{b.assignment}</p>
                </div>
              ))}
          </section>
        )}
        <section aria-labelledby={`${ids}-open`}>
          <h3 id={`${ids}-open`}>Open a bundle</h3>
          <p className="classroom-hint">
            A teacher’s assignment, or a student’s work handed back. Everything is merged into this
            library; nothing is added twice, and each person’s annotations are kept.
          </p>
          <label className="button classroom-file">
            Choose a bundle file…
            <input
              type="file"
              accept=".parallax,.sqlite,.db"
              className="visually-hidden"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void openBundle(file);
              }}
            />
          </label>
        </section>

        <section aria-labelledby={`${ids}-make`}>
          <h3 id={`${ids}-make`}>Make a bundle</h3>
          <form className="classroom-form" onSubmit={(event) => void exportBundle(event)}>
            <fieldset>
              <legend>Stories</legend>
              {stories.length === 0 && (
                <p className="classroom-hint">
                  File articles under a story first (import with a story name).
                </p>
              )}
              {stories.map(({ story, articles }) => (
                <label key={story.id} className="classroom-story">
                  <input
                    type="checkbox"
                    checked={storyIds.includes(story.id)}
                    onChange={(event) => toggleStory(story.id, event.target.checked)}
                  />
                  <span dir="auto">{story.title}</span>
                  <span className="classroom-hint">
                    {articles.length} article{articles.length === 1 ? '' : 's'}
                  </span>
                </label>
              ))}
            </fieldset>
            <label className="classroom-field">
              Assignment
              <textarea
                rows={4}
                value={assignment}
                maxLength={MAX_ASSIGNMENT}
                placeholder="What should students look for? e.g. Mark who each outlet quotes and what it leaves out."
                onChange={(event) => setAssignment(event.target.value)}
              />
            </label>
            <label className="classroom-story">
              <input
                type="checkbox"
                checked={includeAnnotations}
                onChange={(event) => setIncludeAnnotations(event.target.checked)}
              />
              Include annotations (to hand your work back)
            </label>
            <div className="classroom-actions">
              <button type="submit" className="button" disabled={storyIds.length === 0}>
                Save bundle
              </button>
            </div>
          </form>
        </section>
      </div>
    </dialog>
  );
}
