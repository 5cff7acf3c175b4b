// Search as you type: debounced, at most 8 results, the previous results kept while the next ones load.
import { useMemo } from 'react';
import { SEARCH_ORGANISATIONS } from '../api/queries.ts';
import type { OrganisationSummary } from '../api/types.ts';
import { useDebouncedValue } from './useDebouncedValue.ts';
import { useGraphQL } from './useGraphQL.ts';

export const SEARCH_DEBOUNCE_MS = 200;
export const SEARCH_RESULTS = 8;

export interface SearchState {
  results: OrganisationSummary[];
  /** True while typing or waiting for the server. */
  loading: boolean;
  error: unknown;
  retry: () => void;
}

export function useSearch(text: string): SearchState {
  const query = text.trim();
  const settled = useDebouncedValue(query, SEARCH_DEBOUNCE_MS);
  const variables = useMemo(
    () => (settled === '' ? null : { query: settled, first: SEARCH_RESULTS }),
    [settled],
  );
  const result = useGraphQL(SEARCH_ORGANISATIONS, variables);
  if (query === '') return { results: [], loading: false, error: undefined, retry: result.retry };
  return {
    results: result.data?.searchOrganisations ?? result.previousData?.searchOrganisations ?? [],
    loading: settled !== query || result.loading,
    error: result.error,
    retry: result.retry,
  };
}
