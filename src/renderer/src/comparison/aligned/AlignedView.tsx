import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { TextComparisonResult } from '../../../../shared/engine';
import type { FocusRequest, Side, TextMark } from '../workspaceTypes';
import { startingRow, type AlignedAction } from './alignedKeys';
import {
  buildAlignedRows,
  indexRowsBySentence,
  isDifference,
  isOmission,
  isQuestionOnly,
  needsCheck,
  orderRows,
  rowsInLens,
  stepToRow,
  summarizeRows,
  type AlignedRow,
  type RowOrder,
} from './alignedRows';
import { AlignedRowView, type RowContext } from './AlignedRowView';
import { AlignedToolbar } from './AlignedToolbar';
import { LensBanner } from './LensBanner';
import { Minimap } from './Minimap';
import { highlightsOfRow } from './rowWording';
import { layersOfRows, NO_ROW_LAYERS } from './sentenceLayers';
import type { TextRange } from './sentenceSpans';
import { useAlignedKeyboard } from './useAlignedKeyboard';
import { useVirtualRows } from './useVirtualRows';
import './aligned.css';

export { ALIGNED_SHORTCUTS } from './alignedKeys';

export interface AlignedViewProps {
  analysis: TextComparisonResult;
  /** The two versions' bodies; sentence offsets point into them. */
  bodies: { a: string; b: string };
  /** Outlet names, for "Not in Tehran Times". */
  outlets: { a: string; b: string };
  /** Name of the chosen lens: its sentences are highlighted and the rest filtered out. */
  activeLens: string | null;
  marks: TextMark[];
  focusRequest: FocusRequest | null;
}

/** Above this many rows only those near the viewport are rendered. */
const VIRTUALIZE_FROM = 150;

const NO_LENS: { a: TextRange[]; b: TextRange[] } = { a: [], b: [] };

type SentenceRef = { side: Side; sentence: number };

const keyOf = (s: SentenceRef) => `${s.side}:${s.sentence}`;
const otherSide = (side: Side): Side => (side === 'a' ? 'b' : 'a');

/** The sentence to land on in a row: the first on `side`, else the first on the other side. */
function landingIn(row: AlignedRow, side: Side): SentenceRef | null {
  for (const s of [side, otherSide(side)]) {
    const id = row[s][0];
    if (id !== undefined) return { side: s, sentence: id };
  }
  return null;
}

/** What j/k, o and c step through, and what the status says. */
const STEPS = {
  difference: { noun: 'Difference', none: 'No differences here.', accept: isDifference },
  omission: { noun: 'Omission', none: 'No omissions here.', accept: isOmission },
  check: { noun: 'To check', none: 'Nothing to check here.', accept: needsCheck },
} as const;

const maybeInMatch = 'both say this, and one sentence is possibly the same claim — check';

/** Names for screen readers, as hidden elements that `aria-labelledby` points at. */
const LABELS = [
  'outlet-a',
  'outlet-b',
  'kind-match',
  'kind-identical',
  'kind-contrast',
  'kind-possible',
  'kind-onlyA',
  'kind-onlyB',
  'kind-elsewhere',
  'kind-elsewhere-possible',
] as const;

/**
 * Aligned mode: the two outlets claim by claim. Rows of A | B in one outlet's
 * order; matching claims side by side with what they share marked, contrasting
 * claims flagged with what differs, possible matches asked as questions, and
 * what only one outlet says shown against an explicit "Not in …". Each linked
 * row says why on its gutter button. A minimap, j/k/o/c navigation and a lens
 * filter help find one's way; long texts are virtualized.
 */
export function AlignedView({
  analysis,
  bodies,
  outlets,
  activeLens,
  marks,
  focusRequest,
}: AlignedViewProps) {
  const [order, setOrder] = useState<RowOrder>('a');
  const [current, setCurrent] = useState<SentenceRef | null>(null);
  const [status, setStatus] = useState('');
  // The side j/k land on: the reader's choice (h/l, a click), not where an omission took them.
  const preferredSide = useRef<Side>('a');
  const movingFocus = useRef<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const uid = useId();

  const allRows = useMemo(() => buildAlignedRows(analysis), [analysis]);
  const lens = activeLens ? (analysis.lenses.find((l) => l.name === activeLens) ?? null) : null;
  const rows = useMemo(
    () => orderRows(lens ? rowsInLens(allRows, lens) : allRows, order),
    [allRows, lens, order],
  );
  const rowIndex = useMemo(() => indexRowsBySentence(rows), [rows]);
  const keys = useMemo(() => rows.map((row) => row.key), [rows]);
  const summary = useMemo(() => summarizeRows(allRows), [allRows]);
  const hasDifferences = useMemo(() => rows.some(isDifference), [rows]);

  // A row's height guessed from its longer side, until it is measured.
  const [charsPerLine, setCharsPerLine] = useState(60);
  useEffect(() => {
    const list = listRef.current;
    if (!list || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      setCharsPerLine(Math.max(16, Math.round((list.clientWidth / 2 - 56) / 8.6)));
    });
    observer.observe(list);
    return () => observer.disconnect();
  }, []);
  const estimate = useCallback(
    (index: number) => {
      const row = rows[index];
      if (!row) return 80;
      const chars = (side: Side) =>
        row[side].reduce((n, id) => n + (analysis[side].sentences[id]?.text.length ?? 0), 0);
      const lines = Math.max(2, Math.ceil(Math.max(chars('a'), chars('b')) / charsPerLine));
      const caption = row.kind === 'contrast' || row.kind === 'possible' ? 30 : 0;
      return 30 + caption + lines * 27;
    },
    [rows, analysis, charsPerLine],
  );

  // The column titles stick below the app's header; rows scrolled to land below both.
  const topInset = useCallback(() => {
    const head = headRef.current;
    if (!head) return 0;
    const top = parseFloat(getComputedStyle(head).top);
    return head.offsetHeight + (Number.isFinite(top) ? top : 0);
  }, []);
  const virtual = useVirtualRows({
    keys,
    estimate,
    enabled: rows.length > VIRTUALIZE_FROM,
    listRef,
    topInset,
  });
  const { scrollToIndex, firstVisibleIndex } = virtual;

  /** Scrolls a sentence's row into view (rendering it first) and focuses the sentence. */
  const focusSentence = useCallback(
    (target: SentenceRef): boolean => {
      const index = rowIndex.get(keyOf(target));
      if (index === undefined) return false;
      setCurrent(target);
      scrollToIndex(index, (row) => {
        movingFocus.current = keyOf(target);
        row
          .querySelector<HTMLElement>(`[data-focus-key="${keyOf(target)}"]`)
          ?.focus({ preventScroll: true });
        movingFocus.current = null;
      });
      return true;
    },
    [rowIndex, scrollToIndex],
  );

  const onFocusFromRow = useCallback((side: Side, sentence: number) => {
    setCurrent((c) => (c?.side === side && c.sentence === sentence ? c : { side, sentence }));
    // A click or Tab is the reader choosing a side; our own moves are not.
    if (movingFocus.current !== `${side}:${sentence}`) preferredSide.current = side;
  }, []);

  const onJump = useCallback(
    (side: Side, sentence: number) => {
      if (!focusSentence({ side, sentence })) setStatus('That sentence is hidden by the lens.');
    },
    [focusSentence],
  );

  const labelIds = useMemo(
    () =>
      Object.fromEntries([
        ['prefix', `${uid}sentence`],
        ...LABELS.map((name) => [name, `${uid}${name}`]),
      ]) as Record<string, string>,
    [uid],
  );
  const lensRanges = useMemo(
    () =>
      lens
        ? {
            a: lens.a.matches.map(({ start, end }) => ({ start, end })),
            b: lens.b.matches.map(({ start, end }) => ({ start, end })),
          }
        : NO_LENS,
    [lens],
  );
  // Each row gets the marks and lens terms of its own sentences only (not in the
  // shared context), so a change to one mark re-renders the rows it touches.
  const layersByRow = useMemo(
    () =>
      layersOfRows(
        rows,
        rowIndex,
        { a: analysis.a.sentences, b: analysis.b.sentences },
        lensRanges,
        marks,
      ),
    [rows, rowIndex, analysis, lensRanges, marks],
  );
  const context: RowContext = useMemo(
    () => ({
      sentences: { a: analysis.a.sentences, b: analysis.b.sentences },
      bodies,
      outlets,
      labelIds,
      onSentenceFocus: onFocusFromRow,
      onJump,
      rowOf: (side, sentence) => rowIndex.get(`${side}:${sentence}`),
    }),
    // Bodies and outlets arrive as fresh objects on every render of the workspace.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [
      analysis,
      bodies.a,
      bodies.b,
      outlets.a,
      outlets.b,
      labelIds,
      onFocusFromRow,
      onJump,
      rowIndex,
    ],
  );

  /** What a row is, in words, for the position announcement. */
  const describe = useCallback(
    (row: AlignedRow): string => {
      switch (row.kind) {
        case 'match':
          return row.identical ? 'both say this, word for word' : 'both say this, in other words';
        case 'contrast':
          return 'different claim';
        case 'possible':
          return `possibly the same claim, maybe in ${outlets.b} — check`;
        case 'onlyA':
          return `not in ${outlets.b}`;
        case 'onlyB':
          return `not in ${outlets.a}`;
        case 'elsewhere':
          return isQuestionOnly(row)
            ? `maybe said elsewhere in ${outlets.b} — check`
            : `${outlets.b} says this elsewhere`;
      }
    },
    [outlets.a, outlets.b],
  );

  const perform = useCallback(
    (action: AlignedAction) => {
      if (rows.length === 0) return;
      // The row the reader is at: the focused sentence's, else the one at the top of the window.
      const focusedRow = current ? rowIndex.get(keyOf(current)) : undefined;
      const index = startingRow(action, focusedRow, firstVisibleIndex());
      switch (action.kind) {
        case 'difference':
        case 'omission':
        case 'check': {
          const { noun, none, accept } = STEPS[action.kind];
          const step = stepToRow(rows, index, action.direction, accept);
          if (!step) {
            setStatus(none);
            return;
          }
          const row = rows[step.row]!;
          const target = landingIn(row, preferredSide.current);
          if (target) focusSentence(target);
          const wrapped = !step.wrapped
            ? ''
            : action.direction === 1
              ? ' (from the top)'
              : ' (from the end)';
          const what =
            action.kind === 'check' && row.kind === 'match' ? maybeInMatch : describe(row);
          setStatus(`${noun} ${step.position} of ${step.total}: ${what}${wrapped}`);
          return;
        }
        case 'side': {
          const row = rows[index];
          if (!row) return;
          preferredSide.current = action.side;
          const ids = row[action.side];
          if (ids.length === 0) {
            const outlet = outlets[action.side];
            setStatus(
              row.kind === 'elsewhere'
                ? isQuestionOnly(row)
                  ? `${outlet} may say this elsewhere — check`
                  : `${outlet} says this elsewhere`
                : `Not in ${outlet}`,
            );
            return;
          }
          const stay = current?.side === action.side && ids.includes(current.sentence);
          focusSentence({ side: action.side, sentence: stay ? current.sentence : ids[0]! });
          return;
        }
        case 'sentence': {
          // Next / previous sentence on the focused side, across rows.
          if (!current || focusedRow === undefined) return;
          const { side } = current;
          const here = rows[index]![side];
          const within = here[here.indexOf(current.sentence) + action.direction];
          if (within !== undefined) {
            focusSentence({ side, sentence: within });
            return;
          }
          for (let i = index + action.direction; i >= 0 && i < rows.length; i += action.direction) {
            const ids = rows[i]![side];
            if (ids.length > 0) {
              focusSentence({ side, sentence: action.direction === 1 ? ids[0]! : ids.at(-1)! });
              return;
            }
          }
        }
      }
    },
    [rows, current, rowIndex, firstVisibleIndex, focusSentence, describe, outlets],
  );
  useAlignedKeyboard(listRef, perform);

  // The workspace asks for a sentence (from voices, annotations, Reading mode).
  const focusRef = useRef(focusSentence);
  useLayoutEffect(() => {
    focusRef.current = focusSentence;
  });
  useEffect(() => {
    if (!focusRequest) return;
    preferredSide.current = focusRequest.side;
    if (!focusRef.current({ side: focusRequest.side, sentence: focusRequest.sentence })) {
      setStatus(
        activeLens
          ? `That sentence is hidden by the lens “${activeLens}”.`
          : 'That sentence is not in this comparison.',
      );
    }
    // Only a new request (a new seq) moves the focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest?.seq]);

  // After a change of order the reader stays at the same sentence.
  const firstOrder = useRef(true);
  useEffect(() => {
    if (firstOrder.current) {
      firstOrder.current = false;
      return;
    }
    if (current) focusRef.current(current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [order]);

  const jumpToRow = useCallback(
    (index: number) => {
      const row = rows[index];
      const target = row && landingIn(row, preferredSide.current);
      if (target) focusSentence(target);
    },
    [rows, focusSentence],
  );

  // Roving tabindex: Tab enters at the current sentence, or at the first one rendered.
  const currentIndex = current ? rowIndex.get(keyOf(current)) : undefined;
  const currentRendered =
    currentIndex !== undefined && currentIndex >= virtual.start && currentIndex < virtual.end;
  const firstRendered = rows[virtual.start] && landingIn(rows[virtual.start]!, 'a');
  const tabbable = currentRendered ? current : firstRendered;
  const tabbableRow = tabbable ? rowIndex.get(keyOf(tabbable)) : undefined;

  const top = virtual.offsets[virtual.start] ?? 0;
  const total = virtual.offsets[rows.length] ?? 0;
  const bottom = total - (virtual.offsets[virtual.end] ?? total);

  return (
    <div className="aligned" data-testid="aligned-view">
      <div hidden>
        <span id={labelIds['outlet-a']}>{outlets.a}:</span>
        <span id={labelIds['outlet-b']}>{outlets.b}:</span>
        <span id={labelIds['kind-match']}>both say this.</span>
        <span id={labelIds['kind-identical']}>both say this, word for word.</span>
        <span id={labelIds['kind-contrast']}>different claim.</span>
        <span id={labelIds['kind-possible']}>
          possibly the same claim, maybe in the other outlet — check.
        </span>
        <span id={labelIds['kind-onlyA']}>
          only in {outlets.a}, not in {outlets.b}.
        </span>
        <span id={labelIds['kind-onlyB']}>
          only in {outlets.b}, not in {outlets.a}.
        </span>
        <span id={labelIds['kind-elsewhere']}>{outlets.b} says this elsewhere.</span>
        <span id={labelIds['kind-elsewhere-possible']}>
          {outlets.b} may say this elsewhere — check.
        </span>
      </div>

      {lens && (
        <LensBanner lens={lens} outlets={outlets} shown={rows.length} total={allRows.length} />
      )}

      <AlignedToolbar
        summary={summary}
        outlets={outlets}
        order={order}
        onOrder={setOrder}
        onStep={(direction) => perform({ kind: 'difference', direction })}
        onCheck={() => perform({ kind: 'check', direction: 1 })}
        canStep={hasDifferences}
        status={status}
      />

      <div className="aligned-body">
        <div className="aligned-table">
          <div className="aligned-head" ref={headRef} aria-hidden="true">
            <div className="head-cell head-a">
              <span className="side-badge">A</span>
              <span className="head-name">{outlets.a}</span>
            </div>
            <div className="head-gutter" />
            <div className="head-cell head-b">
              <span className="side-badge">B</span>
              <span className="head-name">{outlets.b}</span>
            </div>
          </div>
          {rows.length === 0 && (
            <p className="aligned-empty">
              {lens ? `Neither outlet has a sentence on ${lens.name}.` : 'No sentences to compare.'}
            </p>
          )}
          <div
            ref={listRef}
            role="list"
            aria-label={`${outlets.a} and ${outlets.b}, claim by claim`}
            className="aligned-rows"
            style={{ paddingTop: top, paddingBottom: bottom }}
          >
            {rows.slice(virtual.start, virtual.end).map((row, k) => {
              const index = virtual.start + k;
              return (
                <AlignedRowView
                  key={row.key}
                  row={row}
                  index={index}
                  count={rows.length}
                  highlights={highlightsOfRow(analysis, bodies, row)}
                  layers={layersByRow.get(row.key) ?? NO_ROW_LAYERS}
                  tabbable={tabbable && index === tabbableRow ? keyOf(tabbable) : null}
                  context={context}
                  measureRef={virtual.measureRef}
                />
              );
            })}
          </div>
        </div>
        <Minimap rows={rows} offsets={virtual.offsets} listRef={listRef} onJump={jumpToRow} />
      </div>
    </div>
  );
}
