import { useLayoutEffect, useRef, useState } from 'react';
import type { LinkExplanation } from './rowEvidence';
import { explanationText } from './rowEvidence';

interface EvidenceDetailsProps {
  /** The row's glyph (=, ≠, ?, ↕, ≡) and what kind of row it is, for its style. */
  glyph: string;
  glyphKind: string;
  /** "Why: same claim, 86% confidence". */
  label: string;
  explanations: readonly LinkExplanation[];
  /** Takes Tab: the row holds the sentence that does (roving tabindex). */
  tabbable: boolean;
  id: string;
}

/**
 * The gutter's glyph as a details button: pointing at it or focusing it from the
 * keyboard shows why the row's sentences are linked, below the row (so the
 * sentences it explains stay in view); a click pins it open, Escape closes it
 * (WCAG 1.4.13: dismissible, hoverable, persistent). The explanation is also the
 * button's description, so a screen reader hears it on focus.
 */
export function EvidenceDetails({
  glyph,
  glyphKind,
  label,
  explanations,
  tabbable,
  id,
}: EvidenceDetailsProps) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const [pinned, setPinned] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const [above, setAbove] = useState(false);
  const popoverRef = useRef<HTMLDivElement>(null);
  const leaving = useRef<number | undefined>(undefined);
  const open = (hovered || focused || pinned) && !dismissed;

  // Below the row unless that would run past the table (which clips) or the window.
  useLayoutEffect(() => {
    const popover = popoverRef.current;
    if (!open || !popover) return;
    const table = popover.closest('.aligned-table')?.getBoundingClientRect();
    const anchor = popover.parentElement!.getBoundingClientRect();
    const height = popover.offsetHeight;
    const floor = Math.min(table?.bottom ?? Infinity, window.innerHeight);
    const ceiling = table?.top ?? 0;
    const room = { below: floor - anchor.bottom, above: anchor.top - ceiling };
    setAbove(room.below < height && room.above > room.below);
  }, [open]);

  const enter = () => {
    window.clearTimeout(leaving.current);
    setHovered(true);
  };
  const leave = () => {
    // A moment's grace, so the pointer can cross to the popover.
    leaving.current = window.setTimeout(() => {
      setHovered(false);
      setDismissed(false);
    }, 120);
  };

  return (
    <span className={`evidence${open ? ' is-open' : ''}`} onMouseEnter={enter} onMouseLeave={leave}>
      <button
        type="button"
        className="evidence-button"
        aria-label={label}
        aria-describedby={id}
        aria-expanded={open}
        data-testid="evidence-button"
        tabIndex={tabbable ? 0 : -1}
        onFocus={(event) => {
          setFocused(event.currentTarget.matches(':focus-visible'));
          setDismissed(false);
        }}
        onBlur={() => {
          setFocused(false);
          setPinned(false);
          setDismissed(false);
        }}
        onClick={() => {
          // A click pins it open; a second click closes it, even under the pointer.
          setDismissed(pinned);
          setPinned(!pinned);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && open) {
            event.stopPropagation();
            setPinned(false);
            setDismissed(true);
          }
        }}
      >
        <span className={`gutter-glyph glyph-${glyphKind}`} aria-hidden="true">
          {glyph}
        </span>
      </button>
      <span id={id} hidden>
        {explanationText(explanations)}
      </span>
      {/* What the description says, drawn (only while open: rows are many); screen readers have the description. */}
      {open && (
        <div
          ref={popoverRef}
          className={`evidence-popover${above ? ' is-above' : ''}`}
          data-testid="evidence-popover"
          aria-hidden="true"
        >
          <div className="evidence-card">
            {explanations.map((x, i) => (
              <section key={i} className={`evidence-link link-${x.kind}`}>
                {x.between && (
                  <p className="evidence-between">
                    “{x.between.a}” ↔ “{x.between.b}”
                  </p>
                )}
                <p className="evidence-kind">
                  <span className={`evidence-glyph glyph-${x.kind}`}>{x.glyph}</span>
                  <strong>{x.title}</strong>
                  <span className="evidence-confidence">{x.confidence} confidence</span>
                </p>
                {x.reason && <p className="evidence-reason">{x.reason}</p>}
                {x.evidence.length > 0 ? (
                  <dl className="evidence-list">
                    {x.evidence.map((group) => (
                      <div key={group.kind} className={`evidence-group evidence-${group.kind}`}>
                        <dt>{group.label}</dt>
                        <dd>{group.items.join(' · ')}</dd>
                      </div>
                    ))}
                  </dl>
                ) : (
                  <p className="evidence-none">No shared names, numbers or quotes listed.</p>
                )}
              </section>
            ))}
          </div>
        </div>
      )}
    </span>
  );
}
