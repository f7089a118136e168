import { useMemo, useState } from 'react';
import type { LibraryOverview } from '../../../shared/api';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import type { ReportError } from '../hooks/useErrors';
import { useSearch } from '../hooks/useSearch';
import { SearchBox } from './SearchBox';
import { SearchResults } from './SearchResults';
import { indexVersions, type Side, type SideSelection, type VersionLabel } from './selection';
import { SelectionBar } from './SelectionBar';
import { StoryList } from './StoryList';

const SEARCH_DEBOUNCE_MS = 200;

interface LibraryViewProps {
  id: string;
  hidden: boolean;
  overview: LibraryOverview | null;
  selection: SideSelection;
  onChoose: (side: Side, versionId: string) => void;
  onCompare: () => void;
  onOpenVersion: (versionId: string) => void;
  onRefresh: () => void;
  onError: ReportError;
}

export function LibraryView(props: LibraryViewProps) {
  const {
    id,
    hidden,
    overview,
    selection,
    onChoose,
    onCompare,
    onOpenVersion,
    onRefresh,
    onError,
  } = props;
  const [query, setQuery] = useState('');
  const asked = useDebouncedValue(query.trim(), SEARCH_DEBOUNCE_MS);
  const search = useSearch(asked, onError);
  const labels = useMemo(
    () => (overview ? indexVersions(overview) : new Map<string, VersionLabel>()),
    [overview],
  );
  const searching = query.trim() !== '';

  return (
    <nav className="library" id={id} hidden={hidden} aria-label="Library" data-testid="library">
      <div className="library-head">
        <h2 className="library-title">Library</h2>
        <button
          type="button"
          className="button button-quiet"
          onClick={onRefresh}
          title="Reload the library"
        >
          Refresh
        </button>
      </div>
      <SearchBox query={query} onChange={setQuery} />
      <div className="library-scroll">
        {searching ? (
          <SearchResults
            query={query.trim()}
            hits={search.hits}
            searching={search.query !== query.trim()}
            selection={selection}
            onChoose={onChoose}
            onOpen={onOpenVersion}
          />
        ) : overview ? (
          <StoryList overview={overview} selection={selection} onChoose={onChoose} />
        ) : (
          <p className="library-note loading-text" aria-busy="true">
            Loading library…
          </p>
        )}
      </div>
      <SelectionBar selection={selection} labels={labels} onCompare={onCompare} />
    </nav>
  );
}
