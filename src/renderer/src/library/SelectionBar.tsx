import type { Side, SideSelection, VersionLabel } from './selection';
import { canCompare } from './selection';

interface SelectionBarProps {
  selection: SideSelection;
  labels: Map<string, VersionLabel>;
  onCompare: () => void;
}

function SideSummary({
  side,
  versionId,
  labels,
}: {
  side: Side;
  versionId: string | null;
  labels: Map<string, VersionLabel>;
}) {
  const label = versionId ? labels.get(versionId) : undefined;
  return (
    <div className={`selection-side selection-side-${side}`}>
      <span className="side-badge" aria-hidden="true">
        {side.toUpperCase()}
      </span>
      <span className="visually-hidden">Side {side.toUpperCase()}: </span>
      {versionId === null ? (
        <span className="selection-empty">Not chosen</span>
      ) : (
        <span className="selection-name" title={label?.headline}>
          {label ? `${label.outlet} v${label.seq}` : 'Chosen version'}
        </span>
      )}
    </div>
  );
}

/** What the next comparison will show, and the button that opens it. */
export function SelectionBar({ selection, labels, onCompare }: SelectionBarProps) {
  return (
    <div className="selection-bar">
      <div className="selection-sides">
        <SideSummary side="a" versionId={selection.a} labels={labels} />
        <SideSummary side="b" versionId={selection.b} labels={labels} />
      </div>
      <button
        type="button"
        className="button button-primary"
        data-testid="compare-button"
        disabled={!canCompare(selection)}
        onClick={onCompare}
      >
        Compare
      </button>
    </div>
  );
}
