import type { RowOrder, RowSummary } from './alignedRows';

interface AlignedToolbarProps {
  summary: RowSummary;
  outlets: { a: string; b: string };
  order: RowOrder;
  onOrder: (order: RowOrder) => void;
  /** Previous (-1) or next (1) difference. */
  onStep: (direction: 1 | -1) => void;
  /** Go to the next row with a possible match to check. */
  onCheck: () => void;
  canStep: boolean;
  /** "Difference 3 of 17: …", read out by screen readers as it changes. */
  status: string;
}

/**
 * Above the rows: what they show, counted, in a legend drawn like the rows and
 * the minimap; the order switch; previous / next difference; and the
 * position announcement.
 */
export function AlignedToolbar({
  summary,
  outlets,
  order,
  onOrder,
  onStep,
  onCheck,
  canStep,
  status,
}: AlignedToolbarProps) {
  return (
    <div className="aligned-toolbar">
      <ul className="aligned-legend" aria-label="What the rows show">
        <li>
          <span className="legend-glyph glyph-match" aria-hidden="true">
            =
          </span>
          <strong>{summary.match}</strong> both say
        </li>
        <li>
          <span className="legend-glyph glyph-contrast" aria-hidden="true">
            ≠
          </span>
          <strong>{summary.contrast}</strong> different{' '}
          {summary.contrast === 1 ? 'claim' : 'claims'}
        </li>
        <li title={`${summary.onlyA} sentences`}>
          <span className="legend-swatch swatch-onlyA" aria-hidden="true" />
          <strong>{summary.onlyA}</strong> only in {outlets.a}
        </li>
        <li title={`${summary.onlyB} sentences`}>
          <span className="legend-swatch swatch-onlyB" aria-hidden="true" />
          <strong>{summary.onlyB}</strong> only in {outlets.b}
        </li>
        {summary.elsewhere > 0 && (
          <li>
            <span className="legend-glyph glyph-elsewhere" aria-hidden="true">
              ↕
            </span>
            <strong>{summary.elsewhere}</strong> said elsewhere
          </li>
        )}
        <li
          className="legend-check"
          title="Possibly the same claim: a question for you, not counted as a finding"
        >
          <span className="legend-glyph glyph-possible" aria-hidden="true">
            ?
          </span>
          {summary.toCheck > 0 ? (
            <button
              type="button"
              className="link-button"
              onClick={onCheck}
              title="Next possible match to check (c)"
            >
              <strong>{summary.toCheck}</strong> to check
            </button>
          ) : (
            <span>
              <strong>0</strong> to check
            </span>
          )}
          <span className="visually-hidden">
            {' '}
            (possibly the same claim; not counted as findings)
          </span>
        </li>
      </ul>
      <p className="aligned-key">
        <span className="evidence-shared">shared</span>: names, numbers, quotes and paraphrases both
        use · <span className="differs">differs</span>: the phrase a different claim turns on ·{' '}
        <span className="diff-only legend-a">underlined</span>: words only one outlet uses, in
        near-identical wordings
      </p>
      <div className="aligned-controls">
        <div className="order-switch" role="group" aria-label="Order of the rows">
          <span className="order-label" aria-hidden="true">
            Order:
          </span>
          {(['a', 'b'] as const).map((side) => (
            <button
              key={side}
              type="button"
              className={`order-option order-${side}`}
              aria-pressed={order === side}
              title={`Rows in the order ${outlets[side]} tells the story`}
              onClick={() => onOrder(side)}
            >
              <span className="visually-hidden">Order: </span>
              {outlets[side]}’s
            </button>
          ))}
        </div>
        <div className="difference-nav">
          <button
            type="button"
            className="button button-small"
            onClick={() => onStep(-1)}
            title="Previous difference (k)"
            disabled={!canStep}
          >
            <span aria-hidden="true">↑</span> Previous
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={() => onStep(1)}
            title="Next difference (j)"
            disabled={!canStep}
          >
            <span aria-hidden="true">↓</span> Next difference
          </button>
          <span
            className="nav-keys"
            aria-hidden="true"
            title="Keys: j next, k previous, o omission"
          >
            <kbd>j</kbd> <kbd>k</kbd> <kbd>o</kbd>
          </span>
        </div>
        <p className="aligned-status" role="status" aria-live="polite" data-testid="aligned-status">
          {status}
        </p>
      </div>
    </div>
  );
}
