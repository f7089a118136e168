import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { errorMessage } from '../../hooks/useErrors';
import { isTypingTarget } from '../../shell/shortcuts';
import type { Side } from '../workspaceTypes';
import { codesById, type Span } from './annotationModel';
import { ANNOTATE_KEY } from './annotationShortcuts';
import { focusedSentence, readSelection } from './domSelection';
import { PairingBar, SelectionPopover, type AnnotationDraftState } from './SelectionPopover';
import { trimSpan } from './selectionOffsets';
import type { AnnotationsController } from './useAnnotations';
import './annotation.css';

export { AnnotationSidebar, type AnnotationSidebarProps } from './AnnotationSidebar';
export { ANNOTATION_SHORTCUTS } from './annotationShortcuts';

export interface AnnotationLayerProps {
  controller: AnnotationsController;
  /** The element whose sentence texts ([data-side][data-start][data-end]) can be selected. */
  container: RefObject<HTMLElement | null>;
  outlets: { a: string; b: string };
}

const other = (side: Side): Side => (side === 'a' ? 'b' : 'a');

/** A short-lived message next to the selection (a selection across both sides, nothing to annotate). */
interface Hint {
  text: string;
  rect: DOMRect | null;
}

/**
 * Turns a text selection in the aligned view (mouse, Shift+arrows, or the A
 * key on a focused sentence) into an annotation through a popover; while
 * pairing, the next selection on the other side becomes the partner span.
 */
export function AnnotationLayer({ controller, container, outlets }: AnnotationLayerProps) {
  const [draft, setDraft] = useState<AnnotationDraftState | null>(null);
  const [hint, setHint] = useState<Hint | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const draftRef = useRef(draft);
  const lastCode = useRef<string | null>(null);
  const returnFocus = useRef<Element | null>(null);
  const { codebooks, setDraft: showDraft, create, target } = controller;

  useEffect(() => {
    draftRef.current = draft;
  }, [draft]);

  // The spans being annotated are shown as marks in the text until saved or dropped; not
  // while Shift+arrows are still extending the selection (re-rendering would break it).
  const draftSpan = draft && (draft.focus || draft.pair) ? draft.span : undefined;
  const pairSpan = draft?.pair?.span;
  const draftCode = draft?.codeId ?? null;
  useEffect(() => {
    showDraft(
      draftSpan
        ? { spans: pairSpan ? [draftSpan, pairSpan] : [draftSpan], codeId: draftCode }
        : null,
    );
  }, [showDraft, draftSpan, pairSpan, draftCode]);
  useEffect(() => () => showDraft(null), [showDraft]);

  const firstCode = codebooks[0]?.codes[0]?.id ?? null;

  const close = useCallback(() => {
    setDraft(null);
    setError(null);
    window.getSelection()?.removeAllRanges();
    const target = returnFocus.current;
    returnFocus.current = null;
    if (target instanceof HTMLElement && target.isConnected && target !== document.body) {
      target.focus({ preventScroll: true });
    }
  }, []);

  // The document listeners are added once; they read the latest props through this ref.
  const latest = useRef({ outlets, firstCode, bodies: target.bodies });
  useEffect(() => {
    latest.current = { outlets, firstCode, bodies: target.bodies };
  });

  useEffect(() => {
    /** Starts (or, while pairing, completes) an annotation of a span. */
    const annotate = (raw: Span, focus: 'code' | null, rect: DOMRect | null) => {
      const { outlets, firstCode, bodies } = latest.current;
      const body = bodies[raw.side];
      const span = trimSpan(body, raw);
      if (!span) return;
      const quote = body.slice(span.start, span.end).replace(/\s+/g, ' ');
      const current = draftRef.current;
      setHint(null);
      // Once the popover takes over, the span is shown as a mark; the native selection,
      // which the mark's re-rendering would leave misplaced, goes.
      if (focus || current?.pairing) window.getSelection()?.removeAllRanges();
      if (current?.pairing) {
        if (span.side === current.span.side) {
          setHint({
            text: `That is in ${outlets[span.side]}. Select the matching text in ${outlets[other(span.side)]}.`,
            rect,
          });
          return;
        }
        setDraft({
          ...current,
          pair: { span, quote },
          pairing: false,
          anchor: span,
          focus: 'save',
          focusSeq: current.focusSeq + 1,
        });
        return;
      }
      if (!current) returnFocus.current = document.activeElement;
      setError(null);
      setDraft({
        span,
        quote,
        pair: null,
        pairing: false,
        codeId: current ? current.codeId : (lastCode.current ?? firstCode),
        note: current?.note ?? '',
        anchor: span,
        focus,
        focusSeq: (current?.focusSeq ?? 0) + 1,
      });
    };

    /** Reads the selection after the mouse, Shift+arrows or the A key. */
    const takeSelection = (focus: 'code' | null): 'span' | 'cross-side' | 'none' => {
      const root = container.current;
      const selection = window.getSelection();
      if (!root) return 'none';
      const result = readSelection(selection, root);
      const rect =
        selection && selection.rangeCount > 0
          ? selection.getRangeAt(0).getBoundingClientRect()
          : null;
      if (result.kind === 'span') annotate(result.span, focus, rect);
      if (result.kind === 'cross-side') {
        const { outlets } = latest.current;
        setHint({
          text:
            `An annotation covers text in one outlet. Select in ${outlets.a} or in ${outlets.b}; ` +
            'to link the two, use “Pair with…” in the annotation.',
          rect,
        });
      }
      return result.kind;
    };

    const inLayer = (target: EventTarget | null) =>
      target instanceof Element &&
      target.closest('.annotation-popover, .pairing-bar, .annotation-hint') !== null;

    // Only a press that began in the text makes a selection worth reading: a click on a
    // button elsewhere must not reopen the popover for a selection still lying around.
    let pressedInText = false;
    const onMouseDown = (event: MouseEvent) => {
      pressedInText = container.current?.contains(event.target as Node) ?? false;
    };
    const onMouseUp = (event: MouseEvent) => {
      if (event.button !== 0 || !pressedInText || inLayer(event.target)) return;
      const kind = takeSelection('code');
      const current = draftRef.current;
      if (kind !== 'none') return;
      setHint(null);
      // A click elsewhere in the text drops an annotation nobody has written anything into yet.
      if (current && !current.pairing && !current.pair && current.note.trim() === '') {
        setDraft(null);
      }
    };

    const onKeyUp = (event: KeyboardEvent) => {
      // Shift+arrows extend a selection: follow it without taking focus away from the text.
      if (!event.shiftKey && event.key !== 'Shift') return;
      if (isTypingTarget(event.target) || inLayer(event.target)) return;
      takeSelection(null);
    };

    const onKeyDown = (event: KeyboardEvent) => {
      const current = draftRef.current;
      if (event.key === 'Escape' && current?.pairing) {
        event.preventDefault();
        setDraft({ ...current, pairing: false, focus: 'code', focusSeq: current.focusSeq + 1 });
        setHint(null);
        return;
      }
      if (event.key === 'Escape') {
        setHint(null);
        // A popover opened by Shift+arrows leaves focus in the text, out of reach of its own
        // Esc handler; Esc there still cancels it (unless something else, a dialog or a
        // field, has taken this Esc already).
        if (current && !event.defaultPrevented && !document.querySelector('dialog[open]')) {
          event.preventDefault();
          close();
        }
        return;
      }
      // Not isShortcutBlocked: the popover is a dialog itself, and A must still reach it
      // (Shift+arrows open it with focus in the text; A then moves focus into it).
      if (
        event.key.toLowerCase() !== ANNOTATE_KEY ||
        event.ctrlKey ||
        event.metaKey ||
        event.altKey ||
        event.defaultPrevented ||
        isTypingTarget(event.target) ||
        document.querySelector('dialog[open]')
      ) {
        return;
      }
      const root = container.current;
      if (!root) return;
      if (takeSelection('code') !== 'none') {
        event.preventDefault();
        return;
      }
      const sentence = focusedSentence(root);
      if (sentence) {
        event.preventDefault();
        const element = document.activeElement;
        annotate(sentence, 'code', element ? element.getBoundingClientRect() : null);
      } else if (root.contains(document.activeElement) || current?.pairing) {
        setHint({ text: 'Select some text, or move to a sentence, then press A.', rect: null });
      }
    };

    document.addEventListener('mousedown', onMouseDown);
    document.addEventListener('mouseup', onMouseUp);
    document.addEventListener('keyup', onKeyUp);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('mousedown', onMouseDown);
      document.removeEventListener('mouseup', onMouseUp);
      document.removeEventListener('keyup', onKeyUp);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [container, close]);

  const save = async (codeId: string | null) => {
    if (!draft || saving) return;
    setSaving(true);
    try {
      await create({
        span: draft.span,
        codeId,
        note: draft.note.trim(),
        pair: draft.pair?.span,
      });
      lastCode.current = codeId;
      const code = codeId ? codesById(codebooks).get(codeId)?.name : null;
      setAnnouncement(
        `Saved${draft.pair ? ' a pair' : ''}${code ? ` as ${code}` : ' without a code'}, in ${outlets[draft.span.side]}${draft.pair ? ` and ${outlets[draft.pair.span.side]}` : ''}.`,
      );
      close();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  return createPortal(
    <>
      {draft && !draft.pairing && (
        <SelectionPopover
          draft={draft}
          outlets={outlets}
          codebooks={codebooks}
          saving={saving}
          error={error}
          container={container}
          onChange={(patch) => setDraft((d) => (d ? { ...d, ...patch } : d))}
          onSave={save}
          onCancel={close}
          onStartPairing={() => {
            setDraft((d) => (d ? { ...d, pairing: true } : d));
            window.getSelection()?.removeAllRanges();
            // Focus goes back to the text, where the partner span is chosen.
            const target = returnFocus.current;
            if (target instanceof HTMLElement && container.current?.contains(target)) {
              target.focus({ preventScroll: true });
            }
          }}
          onRemovePair={() =>
            setDraft((d) =>
              d ? { ...d, pair: null, anchor: d.span, focus: 'code', focusSeq: d.focusSeq + 1 } : d,
            )
          }
        />
      )}
      {draft?.pairing && (
        <PairingBar
          draft={draft}
          outlets={outlets}
          hint={hint?.text ?? null}
          onCancelPairing={() =>
            setDraft((d) =>
              d ? { ...d, pairing: false, focus: 'code', focusSeq: d.focusSeq + 1 } : d,
            )
          }
        />
      )}
      {hint && !draft?.pairing && (
        <div
          className="annotation-hint"
          role="status"
          style={
            hint.rect
              ? {
                  top: Math.min(hint.rect.bottom + 8, window.innerHeight - 80),
                  left: Math.max(Math.min(hint.rect.left, window.innerWidth - 360), 8),
                }
              : { bottom: 16, left: '50%', transform: 'translateX(-50%)' }
          }
        >
          {hint.text}
        </div>
      )}
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
    </>,
    document.body,
  );
}
