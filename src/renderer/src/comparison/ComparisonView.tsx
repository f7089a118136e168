import { useId, useMemo, useRef, useState } from 'react';
import { ReportDialog } from './report/ReportDialog';
import type { ComparisonView as Comparison } from '../../../shared/api';
import { Icon } from '../shell/Icon';
import { AlignedView } from './aligned/AlignedView';
import { AnnotationLayer, AnnotationSidebar } from './annotation/AnnotationLayer';
import { useAnnotations } from './annotation/useAnnotations';
import { CodersView } from './coders/CodersView';
import { LensBar } from './lenses/LensBar';
import { useAnalysis } from './useAnalysis';
import { VersionColumn } from './VersionColumn';
import { VersionDiffView } from './versions/VersionDiffView';
import { VoicesPanel } from './voices/VoicesPanel';
import type { FocusRequest, Side } from './workspaceTypes';

interface ComparisonViewProps {
  comparison: Comparison;
  onSwap: () => void;
}

type Mode = 'aligned' | 'reading' | 'versions' | 'coders';

const MODES: { mode: Mode; label: string; title: string }[] = [
  {
    mode: 'aligned',
    label: 'Aligned',
    title: 'Claim by claim: what both say, and what only one says',
  },
  { mode: 'reading', label: 'Reading', title: 'Each version as published, in its own order' },
  { mode: 'versions', label: 'Changes', title: 'Two versions of one article: what changed' },
  {
    mode: 'coders',
    label: 'Coders',
    title: 'Two coders’ codes on one version side by side, and how far they agree',
  },
];

/** The comparison workspace: two versions side by side, aligned claim by claim, with lenses, voices and annotations. */
export function ComparisonView({ comparison, onSwap }: ComparisonViewProps) {
  const { a, b } = comparison;
  // Name the story only when both sides report the same one; otherwise the title says enough.
  const story = a.story && a.story.id === b.story?.id ? a.story : null;
  const sameArticle = a.article.id === b.article.id;
  const [mode, setMode] = useState<Mode>(sameArticle ? 'versions' : 'aligned');
  const modes = MODES.filter((m) => m.mode !== 'versions' || sameArticle);
  const tabIds = useId();
  const [activeLens, setActiveLens] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [reportOpen, setReportOpen] = useState(false);
  const jumps = useRef(0);
  const { state: analysisState, rerun } = useAnalysis(a.version.id, b.version.id);

  const alignedRef = useRef<HTMLDivElement>(null);
  const outlets = { a: a.outlet.name, b: b.outlet.name };
  const bodies = useMemo(
    () => ({ a: a.version.body, b: b.version.body }),
    [a.version.body, b.version.body],
  );
  const annotations = useAnnotations({
    aVersionId: a.version.id,
    bVersionId: b.version.id,
    comparisonId: comparison.comparison.id,
    sameArticle,
    bodies,
  });

  const analysis = analysisState.kind === 'ready' ? analysisState.analysis : null;
  /** Switches mode; a jump asked for earlier is not replayed when Aligned comes back. */
  const chooseMode = (next: Mode) => {
    setMode(next);
    if (next !== 'aligned') setFocusRequest(null);
  };
  const jumpToSentence = (side: Side, sentence: number) => {
    setMode('aligned');
    // A jump must land: drop a lens that hides the sentence.
    const lens = analysis?.lenses.find((l) => l.name === activeLens);
    if (lens && !lens[side].sentences.includes(sentence)) setActiveLens(null);
    jumps.current += 1;
    setFocusRequest({ side, sentence, seq: jumps.current });
  };
  const jumpToOffset = (side: Side, offset: number) => {
    const sentences = analysis?.[side].sentences ?? [];
    const sentence = sentences.find((s) => offset < s.end) ?? sentences.at(-1);
    if (sentence) jumpToSentence(side, sentence.id);
  };

  return (
    <section
      className="comparison"
      data-testid="comparison"
      aria-label={comparison.comparison.title}
    >
      <div className="comparison-bar">
        <div className="comparison-story">
          {story ? (
            <>
              <p className="story-kicker" dir="auto">
                {story.title}
              </p>
              {story.description && (
                <p className="story-description" dir="auto">
                  {story.description}
                </p>
              )}
            </>
          ) : (
            <p className="story-kicker">Two versions side by side</p>
          )}
        </div>
        <div
          className="mode-switch"
          role="tablist"
          aria-label="How to show the two versions"
          onKeyDown={(event) => {
            // The ARIA tabs pattern: arrows move between tabs, one tab stop for the group.
            const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
            if (!step) return;
            event.preventDefault();
            const at = modes.findIndex((m) => m.mode === mode);
            const next = modes[(at + step + modes.length) % modes.length]!.mode;
            chooseMode(next);
            document.getElementById(`${tabIds}-${next}`)?.focus();
          }}
        >
          {modes.map((m) => (
            <button
              key={m.mode}
              id={`${tabIds}-${m.mode}`}
              type="button"
              role="tab"
              aria-selected={mode === m.mode}
              aria-controls={`${tabIds}-panel`}
              tabIndex={mode === m.mode ? 0 : -1}
              className="mode-tab"
              title={m.title}
              onClick={() => chooseMode(m.mode)}
            >
              {m.label}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="button button-quiet"
          onClick={onSwap}
          title="Put B on the left and A on the right"
        >
          <Icon d="M4 7h12m0 0l-3-3m3 3l-3 3M16 13H4m0 0l3-3m-3 3l3 3" strokeWidth={1.6} />
          Swap sides
        </button>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => setReportOpen(true)}
          title="Save this comparison as a report (HTML, PDF or Markdown), annotations included"
        >
          <Icon d="M6 3h6l4 4v10H6zM12 3v4h4M8.5 11h5M8.5 14h5" strokeWidth={1.6} />
          Report
        </button>
      </div>
      {mode === 'aligned' && analysis && (
        <LensBar
          analysis={analysis}
          outlets={outlets}
          activeLens={activeLens}
          onChoose={setActiveLens}
          onLensesChanged={rerun}
        />
      )}
      <div className="workspace">
        <div
          className="workspace-main"
          ref={alignedRef}
          id={`${tabIds}-panel`}
          role="tabpanel"
          aria-labelledby={`${tabIds}-${mode}`}
        >
          {mode === 'reading' && (
            <div className="columns">
              <VersionColumn key={a.version.id} view={a} side="a" />
              <VersionColumn key={b.version.id} view={b} side="b" />
            </div>
          )}
          {mode === 'versions' && <VersionDiffView older={a} newer={b} />}
          {mode === 'coders' && <CodersView comparison={comparison} controller={annotations} />}
          {mode === 'aligned' && analysisState.kind === 'loading' && (
            <p className="loading-text" role="status">
              Lining up the two texts…
            </p>
          )}
          {mode === 'aligned' && analysisState.kind === 'failed' && (
            <p className="error-text" role="alert">
              {analysisState.message}
            </p>
          )}
          {mode === 'aligned' && analysis && (
            <AlignedView
              analysis={analysis}
              bodies={bodies}
              outlets={outlets}
              activeLens={activeLens}
              marks={annotations.marks}
              focusRequest={focusRequest}
            />
          )}
        </div>
        {mode === 'aligned' && (
          <aside className="workspace-side" aria-label="Voices and annotations">
            {analysis && (
              <VoicesPanel analysis={analysis} outlets={outlets} onJump={jumpToSentence} />
            )}
            <AnnotationSidebar controller={annotations} outlets={outlets} onJump={jumpToOffset} />
          </aside>
        )}
      </div>
      {mode === 'aligned' && (
        <AnnotationLayer controller={annotations} container={alignedRef} outlets={outlets} />
      )}
      <ReportDialog
        open={reportOpen}
        aVersionId={a.version.id}
        bVersionId={b.version.id}
        onClose={() => setReportOpen(false)}
      />
    </section>
  );
}
