import { useEffect, useId, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { Lens } from '../../../../shared/domain';
import type { TextComparisonResult } from '../../../../shared/engine';
import { api } from '../../api/client';
import { errorMessage } from '../../hooks/useErrors';
import { Icon } from '../../shell/Icon';
import { isShortcutBlocked, type Shortcut } from '../../shell/shortcuts';
import type { Side } from '../workspaceTypes';
import { summarizeCoverage, lensForKey, type CoverageSummary } from './lensCoverage';
import { LensEditor, type LensEditorTarget } from './LensEditor';
import { LENS_COLORS } from './lensForm';
import { LensMarker, lensShape, type LensShape } from './LensMarker';
import './lenses.css';

export interface LensBarProps {
  analysis: TextComparisonResult;
  outlets: { a: string; b: string };
  activeLens: string | null;
  onChoose: (lens: string | null) => void;
  /** After a lens was added, edited or deleted: the workspace re-runs the analysis. */
  onLensesChanged: () => void;
}

/** For the shortcuts sheet; the lens bar handles them while it is shown. */
export const LENS_SHORTCUTS: readonly Shortcut[] = [
  { keys: '1 – 9', action: 'Show only the sentences of lens 1 to 9 (again: show all)' },
  { keys: '0', action: 'Show all sentences again' },
];

const PENCIL =
  'M12.5 4.5l3 3M4 16l.8-3.6L13.6 3.6a1.4 1.4 0 0 1 2 0l.8.8a1.4 1.4 0 0 1 0 2L7.6 15.2z';
const PLUS = 'M10 4.5v11M4.5 10h11';
const CHECK = 'M5 10.5l3.2 3.2L15 7';
const NOT_THERE = 'M10 3.2a6.8 6.8 0 1 0 0 13.6a6.8 6.8 0 1 0 0-13.6zM5.2 5.2l9.6 9.6';

/** Where focus goes once a saved lens's chip is on screen. */
interface PendingFocus {
  lens: string;
  part: 'toggle' | 'edit';
  /** Focus moves only if the reader has not moved it since the dialog closed. */
  from: Element | null;
}

/**
 * The lenses over the comparison: one chip per lens with its coverage in each
 * outlet ("Not in Tehran Times" where an outlet never mentions it). A chip is a
 * toggle: chosen, the aligned view shows only that lens's sentences.
 */
export function LensBar({
  analysis,
  outlets,
  activeLens,
  onChoose,
  onLensesChanged,
}: LensBarProps) {
  const id = useId();
  const barRef = useRef<HTMLElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const [definitions, setDefinitions] = useState<Lens[] | null>(null);
  const [listFailure, setListFailure] = useState<string | null>(null);
  const [editor, setEditor] = useState<LensEditorTarget | null>(null);
  // What a save or delete did; shown until the reader chooses another lens.
  const [notice, setNotice] = useState<{ text: string; lens: string | null } | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const pendingFocus = useRef<PendingFocus | null>(null);

  // Colors and terms live in the library; read them again with every new analysis.
  useEffect(() => {
    let current = true;
    api['lens:list']({}).then(
      ({ lenses }) => {
        if (!current) return;
        setDefinitions(lenses);
        setListFailure(null);
      },
      (error: unknown) => current && setListFailure(errorMessage(error)),
    );
    return () => {
      current = false;
    };
  }, [analysis]);

  const names = useMemo(() => analysis.lenses.map((l) => l.name), [analysis]);

  // 1–9 choose a lens, 0 shows all again; never while typing or in a dialog or popover.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.shiftKey || isShortcutBlocked(event)) return;
      const pick = lensForKey(event.key, names);
      if (!pick) return;
      event.preventDefault();
      onChoose(pick.lens === activeLens ? null : pick.lens);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [names, activeLens, onChoose]);

  // A saved lens's chip appears only after the analysis reruns: then it takes focus.
  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending) return;
    const chip = [...(barRef.current?.querySelectorAll<HTMLElement>('[data-lens]') ?? [])].find(
      (element) => element.dataset.lens === pending.lens,
    );
    const part = chip?.querySelector<HTMLElement>(
      pending.part === 'edit' ? '.lens-chip-edit' : '.lens-chip-toggle',
    );
    if (!part) return;
    pendingFocus.current = null;
    const active = document.activeElement;
    if (active === pending.from || active === document.body || active === null) part.focus();
  });

  const openEditor = (target: LensEditorTarget) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setNotice(null);
    setEditor(target);
  };

  /** Closes the dialog and puts focus back on what opened it, or on Add lens if that is gone. */
  const closeEditor = (): Element | null => {
    setEditor(null);
    const back = opener.current?.isConnected ? opener.current : addRef.current;
    opener.current = null;
    // After the modal dialog has closed: while it is open the page is inert.
    requestAnimationFrame(() => back?.focus());
    return back;
  };

  const onSaved = (lens: Lens, previous: Lens | null) => {
    setDefinitions((list) =>
      previous ? (list ?? []).map((l) => (l.id === lens.id ? lens : l)) : [...(list ?? []), lens],
    );
    const from = closeEditor();
    pendingFocus.current = { lens: lens.name, part: previous ? 'edit' : 'toggle', from };
    const renamedActive = previous && activeLens === previous.name && previous.name !== lens.name;
    if (renamedActive) onChoose(lens.name);
    setNotice({
      text: previous ? `Saved the lens “${lens.name}”.` : `Added the lens “${lens.name}”.`,
      lens: renamedActive ? lens.name : activeLens,
    });
    onLensesChanged();
  };

  const onDeleted = (lens: Lens) => {
    setDefinitions((list) => (list ?? []).filter((l) => l.id !== lens.id));
    setEditor(null);
    opener.current = null;
    requestAnimationFrame(() => addRef.current?.focus());
    const deletedActive = activeLens === lens.name;
    if (deletedActive) onChoose(null);
    setNotice({
      text: `Deleted the lens “${lens.name}”.`,
      lens: deletedActive ? null : activeLens,
    });
    onLensesChanged();
  };

  const chips = analysis.lenses.map((coverage, index) => ({
    coverage,
    definition: definitions?.find((d) => d.name === coverage.name) ?? null,
    shape: lensShape(index),
    fallbackColor: LENS_COLORS[index % LENS_COLORS.length]!.color,
  }));
  const active = analysis.lenses.find((l) => l.name === activeLens) ?? null;

  return (
    <section
      ref={barRef}
      className="lens-bar"
      aria-labelledby={`${id}-title`}
      data-testid="lens-bar"
    >
      <div className="lens-bar-head">
        <h2 id={`${id}-title`} className="lens-bar-title">
          Lenses
        </h2>
        <p className="lens-bar-hint" id={`${id}-hint`} role="status">
          {(notice?.lens === activeLens ? notice?.text : null) ??
            (active
              ? `Showing only the sentences on “${active.name}”: ${countIn(active.a.sentences.length, outlets.a)}, ${countIn(active.b.sentences.length, outlets.b)}.`
              : 'Choose a lens to show only the sentences on its topic.')}
        </p>
        <div className="lens-bar-actions">
          {active && (
            <button
              type="button"
              className="button button-small button-quiet"
              onClick={() => onChoose(null)}
            >
              Show all sentences
            </button>
          )}
          <button
            ref={addRef}
            type="button"
            className="button button-small"
            disabled={definitions === null && listFailure === null}
            onClick={() => openEditor({ kind: 'new' })}
          >
            <Icon d={PLUS} strokeWidth={2} />
            Add lens
          </button>
        </div>
      </div>

      {chips.length === 0 ? (
        <p className="lens-bar-empty">
          No lenses yet: add one to follow a topic through both texts.
        </p>
      ) : (
        <div
          className="lens-chips"
          role="group"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-hint`}
        >
          {chips.map(({ coverage, definition, shape, fallbackColor }) => (
            <LensChip
              key={coverage.name}
              name={coverage.name}
              color={definition?.color ?? fallbackColor}
              shape={shape}
              pressed={coverage.name === activeLens}
              summaries={{
                a: summarizeCoverage(coverage.a, outlets.a, analysis.a.sentences),
                b: summarizeCoverage(coverage.b, outlets.b, analysis.b.sentences),
              }}
              outlets={outlets}
              onToggle={() => onChoose(coverage.name === activeLens ? null : coverage.name)}
              onEdit={definition ? () => openEditor({ kind: 'edit', lens: definition }) : null}
            />
          ))}
        </div>
      )}
      {listFailure && (
        <p className="lens-bar-failure" role="alert">
          The lenses’ colors and terms could not be read: {listFailure}
        </p>
      )}

      <LensEditor
        target={editor}
        lenses={definitions ?? []}
        onClose={closeEditor}
        onSaved={onSaved}
        onDeleted={onDeleted}
      />
    </section>
  );
}

/** "none in Tehran Times", "4 in CGTN". */
function countIn(count: number, outlet: string): string {
  return `${count === 0 ? 'none' : count} in ${outlet}`;
}

interface LensChipProps {
  name: string;
  color: string;
  shape: LensShape;
  pressed: boolean;
  summaries: Record<Side, CoverageSummary>;
  outlets: Record<Side, string>;
  onToggle: () => void;
  /** Null while the lens's definition is not known (the library did not answer). */
  onEdit: (() => void) | null;
}

function LensChip({
  name,
  color,
  shape,
  pressed,
  summaries,
  outlets,
  onToggle,
  onEdit,
}: LensChipProps) {
  const coverageId = useId();
  return (
    <div
      className="lens-chip"
      data-lens={name}
      data-pressed={pressed || undefined}
      data-testid="lens-chip"
      style={{ '--lens-color': color } as CSSProperties}
    >
      <button
        type="button"
        className="lens-chip-toggle"
        aria-pressed={pressed}
        aria-label={name}
        aria-describedby={coverageId}
        onClick={onToggle}
      >
        <span className="lens-chip-head">
          <LensMarker shape={shape} color={color} />
          <span className="lens-chip-name">{name}</span>
          {pressed && (
            <span className="lens-chip-on">
              <Icon d={CHECK} strokeWidth={2.4} />
              Showing
            </span>
          )}
        </span>
        <span className="lens-chip-coverage" id={coverageId}>
          {(['a', 'b'] as const).map((side) => (
            <CoverageLine key={side} side={side} outlet={outlets[side]} summary={summaries[side]} />
          ))}
        </span>
      </button>
      {onEdit && (
        <button
          type="button"
          className="icon-button lens-chip-edit"
          aria-label={`Edit the lens ${name}`}
          title="Edit lens"
          onClick={onEdit}
        >
          <Icon d={PENCIL} className="" />
        </button>
      )}
    </div>
  );
}

function CoverageLine({
  side,
  outlet,
  summary,
}: {
  side: Side;
  outlet: string;
  summary: CoverageSummary;
}) {
  const letter = (
    <span className={`inline-badge inline-badge-${side}`} aria-hidden="true">
      {side.toUpperCase()}
    </span>
  );
  if (summary.absent) {
    return (
      <span className="lens-chip-side lens-chip-side-absent" data-testid={`lens-coverage-${side}`}>
        {letter}
        <span className="lens-chip-absent" title={summary.text}>
          <Icon d={NOT_THERE} strokeWidth={2} />
          {summary.badge}
        </span>
        {/* Read as a sentence: "Tehran Times never mentions it." */}
        <span className="visually-hidden">. {summary.text}</span>
      </span>
    );
  }
  return (
    <span className="lens-chip-side" data-testid={`lens-coverage-${side}`}>
      {letter}
      <span className="lens-chip-outlet">{outlet}</span>
      <span className="lens-chip-stats" title={summary.text}>
        <span className="visually-hidden">: </span>
        <strong>{summary.words}</strong>
        <span aria-hidden="true"> · </span>
        <span className="visually-hidden">, </span>
        {summary.share}
        <span className="visually-hidden"> of the text</span>
        <span aria-hidden="true"> · </span>
        <span className="visually-hidden">, </span>
        {summary.position}
        <span className="visually-hidden">.</span>
      </span>
    </span>
  );
}
