import {
  useEffect,
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type Ref,
} from 'react';
import type { ImportSource, LibraryOverview, SavedArticle } from '../../../shared/api';
import { api } from '../api/client';
import { errorMessage } from '../hooks/useErrors';
import {
  articleProblems,
  draftSource,
  mergeWithPrevious,
  splitAt,
  toProposedArticle,
  type DraftArticle,
  type DraftSource,
} from './draft';
import { DropOverlay } from './DropOverlay';
import { PreviewStep } from './PreviewStep';
import { fileSource, FileReadError } from './readFiles';
import { SavedStep } from './SavedStep';
import { SourceStep, type SourceFields } from './SourceStep';
import type { ImportInput } from './useImportTriggers';
import { CloseIcon } from '../shell/Icon';

/** What the app can ask of the dialog: open it, with a dropped or pasted input or without. */
export interface ImportDialogHandle {
  start: (input: ImportInput | null) => void;
}

interface ImportDialogProps {
  handleRef: Ref<ImportDialogHandle>;
  overview: LibraryOverview | null;
  /** Files or text are being dragged over the window. */
  dragging: boolean;
  onOpenChange: (open: boolean) => void;
  /** Something was saved: the library should reload. */
  onSaved: () => void;
  onOpenVersion: (versionId: string) => void;
}

type Stage = 'source' | 'preview' | 'saved';

const NO_FIELDS: SourceFields = { text: '', url: '', outlet: '' };

const HEADING = 'heading';
const cardTitle = (key: string) => `[data-card-key="${key}"] .import-card-title`;

/** One thing to read: a name for messages and the work that turns it into a source. */
interface Pending {
  label: string;
  source: () => Promise<ImportSource>;
}

function messageOf(error: unknown): string {
  return error instanceof FileReadError ? error.message : errorMessage(error);
}

function sourceLabel(source: DraftSource): string {
  if (source.sourceKind === 'paste') return 'the pasted text';
  return source.name ?? 'the page';
}

/** "Article 2 (“Aliyev: …”) of tehran-times-page.txt" — how a problem names its article. */
function articleName(source: DraftSource, index: number, many: boolean): string {
  const headline = source.articles[index]?.headline.trim();
  const name = `Article ${index + 1}${headline ? ` (“${headline}”)` : ''}`;
  return many ? `${name} of ${sourceLabel(source)}` : name;
}

/**
 * The import dialog: choose what to import, check and adjust what Parallax
 * proposes (the split into articles, their metadata), then save. A native modal
 * <dialog>: the page behind is inert, Esc closes, focus stays inside.
 */
export function ImportDialog(props: ImportDialogProps) {
  const { handleRef, overview, dragging, onOpenChange, onSaved, onOpenVersion } = props;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();

  const [open, setOpen] = useState(false);
  const [stage, setStage] = useState<Stage>('source');
  const [fields, setFields] = useState<SourceFields>(NO_FIELDS);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sources, setSources] = useState<DraftSource[]>([]);
  const [story, setStory] = useState('');
  const [showProblems, setShowProblems] = useState(false);
  const [saved, setSaved] = useState<SavedArticle[]>([]);
  /** The articles before each merge or split, so a wrong one can be taken back. */
  const [undoStack, setUndoStack] = useState<{ action: string; sources: DraftSource[] }[]>([]);

  /** Where focus goes after the next render: the stage's heading, or a selector in the dialog. */
  const focusTarget = useRef<string | null>(null);
  const focusAfterRender = (target: string) => {
    focusTarget.current = target;
  };
  useEffect(() => {
    const target = focusTarget.current;
    if (target === null) return;
    focusTarget.current = null;
    if (target === HEADING) headingRef.current?.focus();
    else dialogRef.current?.querySelector<HTMLElement>(target)?.focus();
  });

  /** Where focus was when the dialog opened; it goes back there on close. */
  const returnFocus = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) {
      dialog.close();
      // Only now: while the modal dialog is open, everything outside it is inert.
      returnFocus.current?.focus();
      returnFocus.current = null;
    }
  }, [open]);

  // Answers that arrive after the dialog closed, or after a newer request, are dropped.
  const run = useRef(0);

  const close = () => {
    run.current++;
    setOpen(false);
    onOpenChange(false);
  };

  const preview = async (pending: Pending[], outlet: string, append: boolean) => {
    const id = ++run.current;
    setError(null);
    const read: DraftSource[] = [];
    const failures: string[] = [];
    for (const item of pending) {
      setBusy(`Reading ${item.label}…`);
      try {
        const source = await item.source();
        const proposal = await api['import:preview']({
          source,
          ...(outlet.trim() ? { outlet: outlet.trim() } : {}),
        });
        read.push(draftSource(proposal));
      } catch (caught) {
        const message = messageOf(caught);
        // With several files, name the one that failed (unless the message already does).
        const named = pending.length === 1 || message.includes(item.label);
        failures.push(named ? message : `${item.label}: ${message}`);
      }
      if (id !== run.current) return;
    }
    setBusy(null);
    setError(failures.length > 0 ? failures.join('\n') : null);
    if (read.length > 0) {
      setSources((current) => (append ? [...current, ...read] : read));
      if (!append) setUndoStack([]);
      setShowProblems(false);
      setStage('preview');
      focusAfterRender(HEADING);
    }
  };

  const previewFiles = (files: File[], outlet: string, append: boolean) => {
    void preview(
      files.map((file) => ({ label: file.name, source: () => fileSource(file) })),
      outlet,
      append,
    );
  };

  // Opening: from the Import button (no input), a drop or a paste anywhere on the window.
  useImperativeHandle(handleRef, () => ({
    start: (input) => {
      if (!open) {
        returnFocus.current =
          document.activeElement instanceof HTMLElement ? document.activeElement : null;
        run.current++;
        setOpen(true);
        onOpenChange(true);
        setStage('source');
        setFields(NO_FIELDS);
        setBusy(null);
        setError(null);
        setSources([]);
        setStory('');
        setSaved([]);
        setUndoStack([]);
        setShowProblems(false);
        focusAfterRender(input?.kind === 'text' ? '#import-text' : HEADING);
      }
      if (input?.kind === 'files') {
        // Dropped on an open preview: the files join it; otherwise they start one.
        const append = open && stage === 'preview';
        previewFiles(input.files, open ? fields.outlet : '', append);
      } else if (input?.kind === 'text' && (!open || stage !== 'preview')) {
        setFields((f) => ({ ...(open ? f : NO_FIELDS), text: input.text }));
        setStage('source');
        focusAfterRender('#import-text');
      }
    },
  }));

  const updateSource = (sourceKey: string, change: (source: DraftSource) => DraftSource) => {
    setSources((list) => list.map((s) => (s.key === sourceKey ? change(s) : s)));
  };

  const updateArticle = (sourceKey: string, articleKey: string, patch: Partial<DraftArticle>) => {
    updateSource(sourceKey, (s) => ({
      ...s,
      articles: s.articles.map((a) => (a.key === articleKey ? { ...a, ...patch } : a)),
    }));
  };

  // After a merge or split, focus stays with the article the user is working on.
  const merge = (sourceKey: string, index: number) => {
    const source = sources.find((s) => s.key === sourceKey);
    const previous = source?.articles[index - 1];
    if (!source || !previous) return;
    setUndoStack((stack) => [...stack, { action: 'merge', sources }]);
    updateSource(sourceKey, (s) => ({ ...s, articles: mergeWithPrevious(s.articles, index) }));
    focusAfterRender(cardTitle(previous.key));
  };

  const split = (sourceKey: string, index: number, paragraphIndex: number) => {
    const source = sources.find((s) => s.key === sourceKey);
    if (!source) return;
    const articles = splitAt(source.articles, index, paragraphIndex);
    const created = articles[index + 1];
    setUndoStack((stack) => [...stack, { action: 'split', sources }]);
    updateSource(sourceKey, (s) => ({ ...s, articles }));
    if (created) {
      focusAfterRender(
        created.headline === ''
          ? `[data-card-key="${created.key}"] input[aria-invalid="true"]`
          : cardTitle(created.key),
      );
    }
  };

  const save = async () => {
    const groups = sources
      .map((source) => ({ source, articles: source.articles.filter((a) => a.include) }))
      .filter((group) => group.articles.length > 0);
    if (groups.length === 0) {
      setError('No article is included: tick “Include” on the articles to save.');
      return;
    }
    const many = sources.length > 1;
    const problems = sources.flatMap((source) =>
      source.articles.flatMap((article, index) =>
        article.include
          ? articleProblems(article).map((p) => `${articleName(source, index, many)}: ${p.message}`)
          : [],
      ),
    );
    if (problems.length > 0) {
      setShowProblems(true);
      setError(problems.join('\n'));
      focusAfterRender('[aria-invalid="true"]');
      return;
    }

    const id = ++run.current;
    setError(null);
    setBusy('Saving…');
    const done: SavedArticle[] = [];
    const savedKeys = new Set<string>();
    let failure: string | null = null;
    // import:commit is one transaction per source: a source is saved whole or not at all.
    for (const { source, articles } of groups) {
      try {
        const { saved: result } = await api['import:commit']({
          articles: articles.map(toProposedArticle),
          ...(story.trim() ? { story: story.trim() } : {}),
          rawInput: source.rawInput,
          sourceKind: source.sourceKind,
          sourceName: source.name,
        });
        done.push(...result);
        savedKeys.add(source.key);
      } catch (caught) {
        failure = many
          ? `Nothing from ${sourceLabel(source)} was saved: ${messageOf(caught)}`
          : messageOf(caught);
        break;
      }
    }
    if (done.length > 0) onSaved();
    if (id !== run.current) return;
    setBusy(null);
    setError(failure);
    if (done.length === 0) return;
    setSaved(done);
    setSources((list) => list.filter((s) => !savedKeys.has(s.key)));
    setStage('saved');
    focusAfterRender(HEADING);
  };

  const undo = () => {
    const last = undoStack[undoStack.length - 1];
    if (!last) return;
    setSources(last.sources);
    setUndoStack(undoStack.slice(0, -1));
    if (undoStack.length === 1) focusAfterRender(HEADING);
  };

  const startOver = () => {
    run.current++;
    setBusy(null);
    setError(null);
    setSources([]);
    setSaved([]);
    setUndoStack([]);
    setStage('source');
    focusAfterRender(HEADING);
  };

  const included = sources.reduce((n, s) => n + s.articles.filter((a) => a.include).length, 0);

  return (
    <dialog
      ref={dialogRef}
      className="modal import-dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-busy={busy !== null}
      data-testid="import-dialog"
      onCancel={(event) => {
        // Esc: close through React, so the dialog's state goes with it.
        event.preventDefault();
        close();
      }}
      onPaste={(event) => {
        // Text pasted on the dialog itself (not into a field) fills the text box.
        const target = event.target as HTMLElement;
        if (stage !== 'source' || target.closest('input, textarea')) return;
        const text = event.clipboardData.getData('text/plain');
        if (text === '') return;
        event.preventDefault();
        setFields((f) => ({ ...f, text }));
        focusAfterRender('#import-text');
      }}
    >
      {open && (
        <div className="import-frame">
          <header className="modal-head">
            <h2 id={titleId}>Import articles</h2>
            <button
              type="button"
              className="icon-button"
              aria-label="Close the import"
              title="Close (Esc)"
              onClick={close}
            >
              <CloseIcon />
            </button>
          </header>

          <div className="import-body">
            {stage === 'source' && (
              <SourceStep
                headingRef={headingRef}
                fields={fields}
                busy={busy !== null}
                onChange={(patch) => setFields((f) => ({ ...f, ...patch }))}
                onFiles={(files) => previewFiles(files, fields.outlet, false)}
                onPreviewText={() =>
                  void preview(
                    [
                      {
                        label: 'the pasted text',
                        source: async () => ({ kind: 'text', text: fields.text }),
                      },
                    ],
                    fields.outlet,
                    false,
                  )
                }
                onPreviewUrl={() =>
                  void preview(
                    [
                      {
                        label: fields.url.trim() || 'the web address',
                        source: async () => ({ kind: 'url', url: fields.url }),
                      },
                    ],
                    fields.outlet,
                    false,
                  )
                }
              />
            )}
            {stage === 'preview' && (
              <PreviewStep
                headingRef={headingRef}
                sources={sources}
                story={story}
                overview={overview}
                showProblems={showProblems}
                onStory={setStory}
                onChangeArticle={updateArticle}
                onMerge={merge}
                onSplit={split}
              />
            )}
            {stage === 'saved' && (
              <SavedStep
                headingRef={headingRef}
                saved={saved}
                onOpen={(versionId) => {
                  close();
                  onOpenVersion(versionId);
                }}
              />
            )}
          </div>

          <footer className="import-foot">
            <div className="import-messages">
              <div className="import-error" role="alert" data-testid="import-error">
                {error && (
                  <>
                    <svg viewBox="0 0 20 20" aria-hidden="true" className="alert-icon">
                      <circle
                        cx="10"
                        cy="10"
                        r="8"
                        fill="none"
                        stroke="currentColor"
                        strokeWidth="1.8"
                      />
                      <path
                        d="M10 5.5v5.5"
                        stroke="currentColor"
                        strokeWidth="2"
                        strokeLinecap="round"
                      />
                      <circle cx="10" cy="14.2" r="1.2" fill="currentColor" />
                    </svg>
                    <p className="import-error-text">{error}</p>
                  </>
                )}
              </div>
              <p className="import-busy" role="status">
                {busy}
              </p>
            </div>
            <div className="import-actions">
              {stage === 'source' && (
                <button type="button" className="button" onClick={close}>
                  Cancel
                </button>
              )}
              {stage === 'preview' && (
                <>
                  {undoStack.length > 0 && (
                    <button
                      type="button"
                      className="button button-quiet"
                      onClick={undo}
                      disabled={busy !== null}
                    >
                      Undo {undoStack[undoStack.length - 1]!.action}
                    </button>
                  )}
                  <button
                    type="button"
                    className="button"
                    onClick={startOver}
                    disabled={busy !== null}
                  >
                    Back
                  </button>
                  <button
                    type="button"
                    className="button button-primary"
                    data-testid="import-save"
                    onClick={() => void save()}
                    disabled={busy !== null}
                  >
                    {included === 1 ? 'Save 1 article' : `Save ${included} articles`}
                  </button>
                </>
              )}
              {stage === 'saved' && (
                <>
                  {sources.length > 0 && (
                    <button type="button" className="button" onClick={() => setStage('preview')}>
                      Back to the unsaved articles
                    </button>
                  )}
                  <button type="button" className="button" onClick={startOver}>
                    Import more
                  </button>
                  <button type="button" className="button button-primary" onClick={close}>
                    Close
                  </button>
                </>
              )}
            </div>
          </footer>
        </div>
      )}
      {open && dragging && <DropOverlay />}
    </dialog>
  );
}
