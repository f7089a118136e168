import { useEffect, useId, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Codebook } from '../../../../shared/domain';
import { CloseIcon } from '../../shell/Icon';
import type { Side } from '../workspaceTypes';
import { shortenQuote, type Span } from './annotationModel';
import {
  boxOfSentences,
  rangeInSentences,
  sentencesOfSpan,
  type RenderedSentence,
} from './domSelection';
import { CodePicker } from './CodePicker';

/** A selection being annotated: its span, an optional partner span on the other side, and what the user has typed. */
export interface AnnotationDraftState {
  span: Span;
  quote: string;
  pair: { span: Span; quote: string } | null;
  /** Waiting for the user to select the partner span on the other side. */
  pairing: boolean;
  codeId: string | null;
  note: string;
  /** The span the popover sits next to: the one selected last. */
  anchor: Span;
  /** Where focus goes when the popover (re)appears; `focusSeq` makes a repeat request new. */
  focus: 'code' | 'save' | null;
  focusSeq: number;
}

interface SelectionPopoverProps {
  draft: AnnotationDraftState;
  outlets: { a: string; b: string };
  codebooks: Codebook[];
  saving: boolean;
  error: string | null;
  /** The element holding the sentences, to find where the anchor span is on screen. */
  container: RefObject<HTMLElement | null>;
  onChange: (patch: Partial<AnnotationDraftState>) => void;
  onSave: (codeId: string | null) => void;
  onCancel: () => void;
  onStartPairing: () => void;
  onRemovePair: () => void;
}

const GAP = 8;

const other = (side: Side): Side => (side === 'a' ? 'b' : 'a');

export function SideTag({ side, outlet }: { side: Side; outlet: string }) {
  return (
    <span className={`side-tag side-tag-${side}`}>
      <span className={`inline-badge${side === 'b' ? ' inline-badge-b' : ''}`} aria-hidden="true">
        {side.toUpperCase()}
      </span>
      {outlet}
    </span>
  );
}

/** Keeps a fixed-position box next to its anchor as the page scrolls or resizes. */
function usePlacement(
  boxRef: RefObject<HTMLElement | null>,
  container: RefObject<HTMLElement | null>,
  anchor: Span,
) {
  const { side, start, end } = anchor;
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);
  useLayoutEffect(() => {
    const span = { side, start, end };
    let frame = 0;
    // The anchor's sentence elements are found once; scrolling only measures them again.
    // They are looked up anew when the list re-renders them (scrolled out of and back into
    // its window of rows) or while they are not on screen at all.
    let sentences: RenderedSentence[] = [];
    const anchorSentences = () => {
      const root = container.current;
      if (root && (sentences.length === 0 || sentences.some((s) => !s.element.isConnected))) {
        sentences = sentencesOfSpan(root, span);
      }
      return sentences;
    };
    const update = () => {
      const box = boxRef.current;
      if (!box) return;
      const { innerWidth: width, innerHeight: height } = window;
      const size = box.getBoundingClientRect();
      const shown = anchorSentences();
      const found = rangeInSentences(shown, span)?.getBoundingClientRect();
      // An empty rect: the span's sentences are not rendered (a lens filters them out).
      const rect = found && (found.width > 0 || found.height > 0) ? found : null;
      // Beside the span means beside its whole sentence, so no words of it are covered.
      const sentence = rect ? boxOfSentences(shown) : null;
      if (!rect) {
        setPlace({ top: GAP * 4, left: Math.max((width - size.width) / 2, GAP) });
        return;
      }
      const w = size.width;
      const h = size.height;
      const clampX = (x: number) => Math.min(Math.max(x, GAP), Math.max(width - w - GAP, GAP));
      const clampY = (y: number) => Math.min(Math.max(y, GAP), Math.max(height - h - GAP, GAP));
      let top: number;
      let left: number;
      // Below the span, else above it, else beside it: never over the words being annotated.
      if (rect.bottom + GAP + h <= height - GAP) {
        top = rect.bottom + GAP;
        left = clampX(rect.left);
      } else if (rect.top - GAP - h >= GAP) {
        top = rect.top - GAP - h;
        left = clampX(rect.left);
      } else if ((sentence ?? rect).right + GAP + w <= width - GAP) {
        top = clampY(rect.top + rect.height / 2 - h / 2);
        left = (sentence ?? rect).right + GAP;
      } else if ((sentence ?? rect).left - GAP - w >= GAP) {
        top = clampY(rect.top + rect.height / 2 - h / 2);
        left = (sentence ?? rect).left - GAP - w;
      } else {
        top = clampY(rect.bottom + GAP);
        left = clampX(rect.left);
      }
      setPlace((old) => (old && old.top === top && old.left === left ? old : { top, left }));
    };
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(update);
    };
    update();
    window.addEventListener('scroll', schedule, { capture: true, passive: true });
    window.addEventListener('resize', schedule);
    const observer = new ResizeObserver(schedule);
    if (boxRef.current) observer.observe(boxRef.current);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule, { capture: true });
      window.removeEventListener('resize', schedule);
      observer.disconnect();
    };
  }, [boxRef, container, side, start, end]);
  return place;
}

/**
 * The popover next to a selection: pick a code, write a note, save; or pair
 * the span with one in the other outlet first. A non-modal dialog: the text
 * behind stays selectable (that is how the partner span is chosen).
 */
export function SelectionPopover(props: SelectionPopoverProps) {
  const { draft, outlets, codebooks, saving, error, container, onChange, onSave, onCancel } = props;
  const titleId = useId();
  const noteId = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const saveRef = useRef<HTMLButtonElement>(null);
  const place = usePlacement(boxRef, container, draft.anchor);

  useEffect(() => {
    if (draft.focus === 'code') codeRef.current?.focus({ preventScroll: true });
    if (draft.focus === 'save') saveRef.current?.focus({ preventScroll: true });
  }, [draft.focus, draft.focusSeq]);

  const otherSide = other(draft.span.side);
  return (
    <div
      ref={boxRef}
      className="annotation-popover"
      role="dialog"
      aria-labelledby={titleId}
      data-testid="annotation-popover"
      style={
        // Until placed: invisible but focusable (visibility: hidden would refuse focus).
        place ? { top: place.top, left: place.left } : { top: 0, left: 0, opacity: 0 }
      }
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <div className="popover-head">
        <h2 id={titleId} className="popover-title">
          {draft.pair ? 'Annotate a pair of spans' : 'Annotate'}
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Cancel annotation"
          title="Cancel (Esc)"
          onClick={onCancel}
        >
          <CloseIcon />
        </button>
      </div>
      <figure className="popover-quote">
        <figcaption>
          <SideTag side={draft.span.side} outlet={outlets[draft.span.side]} />
        </figcaption>
        <blockquote dir="auto">“{shortenQuote(draft.quote, 140)}”</blockquote>
      </figure>
      {draft.pair && (
        <figure className="popover-quote">
          <figcaption>
            <SideTag side={draft.pair.span.side} outlet={outlets[draft.pair.span.side]} />
            <span className="popover-paired">paired</span>
            <button
              type="button"
              className="link-button"
              onClick={props.onRemovePair}
              aria-label={`Remove the paired span in ${outlets[draft.pair.span.side]}`}
            >
              Remove
            </button>
          </figcaption>
          <blockquote dir="auto">“{shortenQuote(draft.pair.quote, 140)}”</blockquote>
        </figure>
      )}
      <CodePicker
        codebooks={codebooks}
        value={draft.codeId}
        onChange={(codeId) => onChange({ codeId })}
        onSubmit={onSave}
        inputRef={codeRef}
      />
      <div className="popover-note">
        <label htmlFor={noteId} className="annotation-label">
          Note <span className="optional">(optional)</span>
        </label>
        <textarea
          id={noteId}
          rows={2}
          value={draft.note}
          placeholder="What does this wording do? Ctrl+Enter saves"
          onChange={(event) => onChange({ note: event.target.value })}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              onSave(draft.codeId);
            }
          }}
        />
      </div>
      {error && (
        <p className="annotation-error" role="alert">
          {error}
        </p>
      )}
      <div className="popover-actions">
        <button
          ref={saveRef}
          type="button"
          className="button button-primary button-small"
          disabled={saving}
          onClick={() => onSave(draft.codeId)}
        >
          {saving ? 'Saving…' : draft.pair ? 'Save pair' : 'Save'}
        </button>
        {!draft.pair && (
          <button
            type="button"
            className="button button-small"
            onClick={props.onStartPairing}
            title={`Link this span with the matching text in ${outlets[otherSide]}`}
          >
            Pair with {outlets[otherSide]}…
          </button>
        )}
        <button type="button" className="button button-quiet button-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

interface PairingBarProps {
  draft: AnnotationDraftState;
  outlets: { a: string; b: string };
  /** Set when the last selection was on the wrong side or across both. */
  hint: string | null;
  onCancelPairing: () => void;
}

/** While the partner span is being chosen: what to do next, and a way back. */
export function PairingBar({ draft, outlets, hint, onCancelPairing }: PairingBarProps) {
  const target = outlets[other(draft.span.side)];
  return (
    <div className="pairing-bar" role="region" aria-label="Pairing" data-testid="pairing-bar">
      <p role="status">
        <strong>Select the matching text in {target}</strong>, or press A on one of its sentences.
        <span className="pairing-first">
          {' '}
          Pairing with “{shortenQuote(draft.quote, 60)}” ({outlets[draft.span.side]}).
        </span>
        {hint && <span className="pairing-hint"> {hint}</span>}
      </p>
      <button type="button" className="button button-small" onClick={onCancelPairing}>
        Back to the annotation
      </button>
    </div>
  );
}
