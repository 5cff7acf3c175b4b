// Search as you type: debounced, at most 8 results within the current filter, the previous results kept
// while the next ones load; and the same text read as a question (its words that name a sector, kind,
// place or theme become filter chips).
import { useMemo } from 'react';
import { INTERPRET_SEARCH, SEARCH_ORGANISATIONS } from '../api/queries.ts';
import type { OrganisationFilter, OrganisationSummary, SearchInterpretation } from '../api/types.ts';
import { useDebouncedValue } from './useDebouncedValue.ts';
import { useGraphQL } from './useGraphQL.ts';

export const SEARCH_DEBOUNCE_MS = 200;
export const SEARCH_RESULTS = 8;

export interface SearchState {
  results: OrganisationSummary[];
  /** The text read as filters and leftover words; null until known (or for empty text). */
  interpretation: SearchInterpretation | null;
  /** True while typing or waiting for the server. */
  loading: boolean;
  error: unknown;
  retry: () => void;
}

export function useSearch(text: string, filter: OrganisationFilter | null = null): SearchState {
  const query = text.trim();
  const settled = useDebouncedValue(query, SEARCH_DEBOUNCE_MS);
  const filterKey = JSON.stringify(filter ?? {});
  const variables = useMemo(
    () =>
      settled === ''
        ? null
        : { query: settled, first: SEARCH_RESULTS, filter: JSON.parse(filterKey) as OrganisationFilter },
    [settled, filterKey],
  );
  const interpretVariables = useMemo(() => (settled === '' ? null : { text: settled }), [settled]);
  const result = useGraphQL(SEARCH_ORGANISATIONS, variables);
  const interpreted = useGraphQL(INTERPRET_SEARCH, interpretVariables);
  if (query === '')
    return { results: [], interpretation: null, loading: false, error: undefined, retry: result.retry };
  return {
    results: result.data?.searchOrganisations ?? result.previousData?.searchOrganisations ?? [],
    interpretation: settled === query ? (interpreted.data?.interpretSearch ?? null) : null,
    loading: settled !== query || result.loading,
    error: result.error,
    retry: result.retry,
  };
}
