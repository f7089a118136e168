import { useCallback, useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import type { VersionView } from '../../../../shared/domain';
import { formatDateTime } from '../../format/dates';
import type { PlaceId } from './ChangeMarks';
import { FieldChanges, type NamedField } from './FieldChanges';
import { SideBySide } from './SideBySide';
import { TrackChanges } from './TrackChanges';
import { useChangeNavigation } from './useChangeNavigation';
import { useVersionDiff } from './useVersionDiff';
import {
  changeItems,
  compareField,
  inTimeOrder,
  isChangeStop,
  summarizeChanges,
} from './versionDiffModel';
import './versions.css';

export { VERSION_SHORTCUTS } from './versionShortcuts';

export interface VersionDiffViewProps {
  /** Side A's version; when it is the later capture the view reads from B to A, and says so. */
  older: VersionView;
  newer: VersionView;
}

type Layout = 'track' | 'sideBySide';

const LAYOUTS: { layout: Layout; label: string; title: string }[] = [
  {
    layout: 'track',
    label: 'Track changes',
    title: 'The newer text with the edits marked in place',
  },
  { layout: 'sideBySide', label: 'Side by side', title: 'Older and newer, paragraph by paragraph' },
];

/** Changes mode: what changed between two captured versions of one article. */
export function VersionDiffView(props: VersionDiffViewProps) {
  const { older, newer, swapped } = inTimeOrder(props.older, props.newer);
  const [layout, setLayout] = useState<Layout>('track');
  const [hideCosmetic, setHideCosmetic] = useState(false);
  const state = useVersionDiff(older.version.id, newer.version.id, hideCosmetic);
  const diff =
    state.kind === 'ready' ? state.diff : state.kind === 'loading' ? state.previous : null;
  const items = useMemo(() => (diff ? changeItems(diff.paragraphs) : []), [diff]);
  const changeCount = useMemo(() => items.filter(isChangeStop).length, [items]);

  const names = { old: `v${older.version.seq}`, new: `v${newer.version.seq}` };
  const oldVersion = older.version;
  const newVersion = newer.version;
  // Headline, deck and byline are short: diffed here rather than by the engine.
  const fields: NamedField[] = [
    {
      name: 'headline',
      change: compareField(oldVersion.headline, newVersion.headline, hideCosmetic),
    },
    { name: 'deck', change: compareField(oldVersion.deck, newVersion.deck, hideCosmetic) },
    { name: 'byline', change: compareField(oldVersion.byline, newVersion.byline, hideCosmetic) },
  ];
  const changedFields = fields.filter((f) => f.change.kind === 'changed').map((f) => f.name);
  const subheads = { old: new Set(oldVersion.subheads), new: new Set(newVersion.subheads) };

  const idPrefix = useId();
  const placeId = useCallback<PlaceId>(
    (version, index) => `${idPrefix}-${version}-${index}`,
    [idPrefix],
  );
  const bodyRef = useRef<HTMLDivElement>(null);
  const navigation = useChangeNavigation(bodyRef, diff);
  const sectionRef = useRef<HTMLElement>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  useToolbarHeight(sectionRef, toolbarRef);

  const captured = (view: VersionView) =>
    `v${view.version.seq} · captured ${formatDateTime(view.version.capturedAt)}`;

  return (
    <section
      ref={sectionRef}
      className="version-diff"
      aria-label="What changed between the two versions"
      data-testid="version-diff"
    >
      <header className="vd-head">
        <p className="vd-versions">
          <span className="vd-outlet">{newer.outlet.name}</span>
          <span>
            <strong>{names.old}</strong>{' '}
            <span className="muted">captured {formatDateTime(oldVersion.capturedAt)}</span>
          </span>
          <span aria-hidden="true">→</span>
          <span className="visually-hidden">to</span>
          <span>
            <strong>{names.new}</strong>{' '}
            <span className="muted">captured {formatDateTime(newVersion.capturedAt)}</span>
          </span>
        </p>
        {swapped && (
          <p className="vd-note" data-testid="version-order-note">
            Side A is the later capture ({names.new}), so the changes read in time order: from{' '}
            {names.old} (side B) to {names.new} (side A).
          </p>
        )}
        <FieldChanges fields={fields} />
      </header>

      <div className="vd-toolbar" ref={toolbarRef}>
        <div className="vd-segmented" role="group" aria-label="Layout of the changes">
          {LAYOUTS.map((l) => (
            <button
              key={l.layout}
              type="button"
              className="vd-segment"
              aria-pressed={layout === l.layout}
              title={l.title}
              onClick={() => setLayout(l.layout)}
            >
              {l.label}
            </button>
          ))}
        </div>
        <button
          type="button"
          role="switch"
          aria-checked={hideCosmetic}
          className="vd-switch"
          title="Treat edits that only touch whitespace, quote style, dashes or punctuation as no change"
          onClick={() => setHideCosmetic((hidden) => !hidden)}
        >
          <span className="vd-switch-track" aria-hidden="true">
            <span className="vd-switch-thumb" />
          </span>
          Hide cosmetic changes
        </button>
        <div className="vd-nav" role="group" aria-label="Go from change to change">
          <button
            type="button"
            className="button button-small"
            title="Previous change (k)"
            aria-keyshortcuts="k"
            disabled={changeCount === 0}
            onClick={() => navigation.go(-1)}
          >
            <span aria-hidden="true">↑</span> Previous
          </button>
          <span className="vd-nav-status" aria-live="polite" data-testid="change-position">
            {changeCount === 0
              ? 'No changes'
              : navigation.atEdge === 'last'
                ? `Last change (${changeCount} of ${changeCount})`
                : navigation.atEdge === 'first'
                  ? `First change (1 of ${changeCount})`
                  : navigation.current < 0
                    ? `${changeCount} ${changeCount === 1 ? 'change' : 'changes'}`
                    : `Change ${navigation.current + 1} of ${changeCount}`}
          </span>
          <button
            type="button"
            className="button button-small"
            title="Next change (j)"
            aria-keyshortcuts="j"
            disabled={changeCount === 0}
            onClick={() => navigation.go(1)}
          >
            Next <span aria-hidden="true">↓</span>
          </button>
        </div>
      </div>

      <div className="vd-status">
        {state.kind === 'failed' && (
          <p className="vd-error" role="alert">
            {state.message}
          </p>
        )}
        {diff && (
          <p className="vd-summary" role="status" data-testid="version-summary">
            {summarizeChanges({ stats: diff.stats, changedFields, hideCosmetic })}
            {state.kind === 'loading' && <span className="muted"> Updating…</span>}
          </p>
        )}
        {!diff && state.kind === 'loading' && (
          <p className="loading-text" role="status">
            Working out what changed…
          </p>
        )}
        {diff?.timedOut && (
          <p className="vd-timeout" role="note" data-testid="version-timeout">
            <strong>Shown in less detail.</strong> This diff hit its time limit, so parts of it are
            coarser than they could be: some edited paragraphs appear as wholly rewritten, or as
            removed and added.
          </p>
        )}
        {diff && (
          <p className="vd-legend">
            <span>
              <del>Struck through</del>: removed
            </span>
            <span>
              <ins>Underlined</ins>: added
            </span>
            <span>Labels mark whole paragraphs added, removed or moved</span>
          </p>
        )}
      </div>

      <div className="vd-body" ref={bodyRef} aria-busy={state.kind === 'loading'}>
        {diff && items.length === 0 && <p className="muted">Neither version has body text.</p>}
        {diff &&
          items.length > 0 &&
          (layout === 'track' ? (
            <TrackChanges items={items} placeId={placeId} names={names} subheads={subheads} />
          ) : (
            <SideBySide
              items={items}
              placeId={placeId}
              names={names}
              subheads={subheads}
              headings={{ old: captured(older), new: captured(newer) }}
            />
          ))}
      </div>
    </section>
  );
}

/** Keeps `--vd-toolbar-h` at the sticky toolbar's height, so the side-by-side headings stick just below it. */
function useToolbarHeight(
  section: RefObject<HTMLElement | null>,
  toolbar: RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    const bar = toolbar.current;
    const root = section.current;
    if (!bar || !root) return;
    const observer = new ResizeObserver(() => {
      root.style.setProperty('--vd-toolbar-h', `${bar.offsetHeight}px`);
    });
    observer.observe(bar);
    return () => observer.disconnect();
  }, [section, toolbar]);
}
