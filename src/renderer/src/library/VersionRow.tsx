import type { VersionSummary } from '../../../shared/domain';
import { formatWordCount } from '../format/counts';
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
      <span className="version-words">{formatWordCount(version.wordCount)}</span>
      <SideToggles
        versionId={version.id}
        label={`${outletName} v${version.seq}`}
        selection={selection}
        onChoose={onChoose}
      />
    </li>
  );
}
