import type { SearchHit } from '../../../shared/api';
import { formatDate } from '../format/dates';
import type { Side, SideSelection } from './selection';
import { SideToggles } from './SideToggles';
import { Snippet } from './Snippet';

interface SearchResultsProps {
  query: string;
  hits: SearchHit[];
  searching: boolean;
  selection: SideSelection;
  onChoose: (side: Side, versionId: string) => void;
  onOpen: (versionId: string) => void;
}

export function SearchResults({
  query,
  hits,
  searching,
  selection,
  onChoose,
  onOpen,
}: SearchResultsProps) {
  return (
    <section
      className="search-results"
      data-testid="search-results"
      aria-label="Search results"
      aria-busy={searching}
    >
      <p className="search-status" role="status">
        {searching
          ? 'Searching…'
          : hits.length === 0
            ? `No matches for “${query}”.`
            : `${hits.length} ${hits.length === 1 ? 'match' : 'matches'}`}
      </p>
      <ul className="hit-list">
        {hits.map((hit) => (
          <li
            className="search-hit"
            key={hit.versionId}
            data-testid="search-hit"
            data-version-id={hit.versionId}
          >
            <div className="hit-head">
              <span className="hit-outlet">{hit.outlet}</span>
              <time className="hit-date" dateTime={hit.capturedAt}>
                {formatDate(hit.capturedAt)}
              </time>
              <SideToggles
                versionId={hit.versionId}
                label={hit.outlet}
                selection={selection}
                onChoose={onChoose}
              />
            </div>
            <button
              type="button"
              className="hit-headline"
              dir="auto"
              title="Read this version"
              onClick={() => onOpen(hit.versionId)}
            >
              {hit.headline}
            </button>
            <Snippet text={hit.snippet} />
          </li>
        ))}
      </ul>
    </section>
  );
}
