import type { Side, SideSelection } from './selection';

interface SideTogglesProps {
  versionId: string;
  /** Names the version in the buttons' tooltips, e.g. "CGTN v2". */
  label: string;
  selection: SideSelection;
  onChoose: (side: Side, versionId: string) => void;
}

const SIDES: { side: Side; name: string; where: string }[] = [
  { side: 'a', name: 'A', where: 'left' },
  { side: 'b', name: 'B', where: 'right' },
];

/** The "A" / "B" buttons that put a version on the left or right side of the next comparison. */
export function SideToggles({ versionId, label, selection, onChoose }: SideTogglesProps) {
  return (
    <span className="side-toggles">
      {SIDES.map(({ side, name, where }) => {
        const pressed = selection[side] === versionId;
        return (
          <button
            key={side}
            type="button"
            className={`side-toggle side-toggle-${side}`}
            aria-pressed={pressed}
            title={
              pressed ? `${label} is side ${name}` : `Show ${label} on the ${where} (side ${name})`
            }
            onClick={() => onChoose(side, versionId)}
          >
            {name}
          </button>
        );
      })}
    </span>
  );
}
