import type { VersionSummary } from '../../../shared/domain';
import { formatCount, formatWordChange, formatWordCount } from '../format/counts';
import { formatDate } from '../format/dates';
import type { Side, SideSelection } from './selection';
import { SideToggles } from './SideToggles';

interface VersionRowProps {
  version: VersionSummary;
  outletName: string;
  selection: SideSelection;
  onChoose: (side: Side, versionId: string) => void;
}

export function VersionRow({ version, outletName, selection, onChoose }: VersionRowProps) {
  const side = selection.a === version.id ? 'a' : selection.b === version.id ? 'b' : null;
  return (
    <li
      className={`version-row${side ? ` is-side-${side}` : ''}`}
      data-testid="version-row"
      data-version-id={version.id}
    >
      <span className="version-seq">v{version.seq}</span>
      <time
        className="version-date"
        dateTime={version.capturedAt}
        title={`Captured ${version.capturedAt}`}
      >
        {formatDate(version.capturedAt)}
      </time>
      <span className="version-words">
        {formatWordCount(version.wordCount)}
        {version.seq > 1 && version.wordsAdded !== null && version.wordsRemoved !== null && (
          <span
            className="version-change"
            title={`Size of change since v${version.seq - 1}: ${formatCount(version.wordsAdded, 'word')} added, ${formatCount(version.wordsRemoved, 'word')} removed`}
          >
            {formatWordChange(version.wordsAdded, version.wordsRemoved)}
            <span className="visually-hidden"> since v{version.seq - 1}</span>
          </span>
        )}
      </span>
      <SideToggles
        versionId={version.id}
        label={`${outletName} v${version.seq}`}
        selection={selection}
        onChoose={onChoose}
      />
    </li>
  );
}
