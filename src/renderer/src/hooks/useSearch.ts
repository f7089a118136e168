import { useEffect, useState } from 'react';
import type { SearchHit } from '../../../shared/api';
import { api } from '../api/client';
import type { ReportError } from './useErrors';

const SEARCH_LIMIT = 50;

export interface SearchState {
  /** The query these hits answer; differs from the asked query while a search is running. */
  query: string;
  hits: SearchHit[];
}

/** Full-text search for a (debounced, trimmed) query; an empty query asks nothing. */
export function useSearch(query: string, onError: ReportError): SearchState {
  const [state, setState] = useState<SearchState>({ query: '', hits: [] });

  useEffect(() => {
    if (query === '') return;
    // A slower answer to an older query must not overwrite a newer one.
    let current = true;
    api['library:search']({ query, limit: SEARCH_LIMIT }).then(
      ({ hits }) => {
        if (current) setState({ query, hits });
      },
      (error: unknown) => {
        if (!current) return;
        onError(error);
        setState({ query, hits: [] });
      },
    );
    return () => {
      current = false;
    };
  }, [query, onError]);

  return state;
}
