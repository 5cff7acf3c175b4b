// Search as you type: debounced, at most 8 results within the given filter, the previous results kept while the
// next ones load. The organisation pickers use it as it is; the header's search adds the chips a phrase reads
// as (useSearchPreview.ts).
import { useMemo } from 'react';
import { SEARCH_ORGANISATIONS } from '../api/queries.ts';
import type { OrganisationFilter, OrganisationSummary } from '../api/types.ts';
import { useDebouncedValue } from './useDebouncedValue.ts';
import { useGraphQL } from './useGraphQL.ts';

export const SEARCH_DEBOUNCE_MS = 200;
export const SEARCH_RESULTS = 8;

export interface SearchState {
  results: readonly OrganisationSummary[];
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
  const result = useGraphQL(SEARCH_ORGANISATIONS, variables);
  if (query === '') return { results: [], loading: false, error: undefined, retry: result.retry };
  return {
    results: result.data?.searchOrganisations ?? result.previousData?.searchOrganisations ?? [],
    loading: settled !== query || result.loading,
    error: result.error,
    retry: result.retry,
  };
}
