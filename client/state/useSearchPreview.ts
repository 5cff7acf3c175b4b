// The header search's preview as you type: the text read as a question (its words that name a sector, kind,
// place or theme become filter chips) and its best matches. With chips, the matches are the first of what "See
// all results" then lists: the chips added to the current filter, the words left over as its text, in the
// list's own order. Without chips, the text is searched as you type (prefixes, typos) within the current
// filter. Until the text's reading is known the matches shown before stay, never ones that ignore its chips.
import { useMemo, useState } from 'react';
import { INTERPRET_SEARCH, ORGANISATION_PAGE } from '../api/queries.ts';
import type { OrganisationSummary, SearchInterpretation } from '../api/types.ts';
import { useDebouncedValue } from './useDebouncedValue.ts';
import { useGraphQL } from './useGraphQL.ts';
import { defaultOrder } from './useOrganisationList.ts';
import { SEARCH_DEBOUNCE_MS, SEARCH_RESULTS, useSearch, type SearchState } from './useSearch.ts';
import { toOrganisationFilter, withChips, type GraphFilter } from './viewState.ts';

export interface SearchPreview extends SearchState {
  /** The text read as filters and leftover words; null until known (or for empty text). */
  interpretation: SearchInterpretation | null;
}

const NONE: readonly OrganisationSummary[] = [];

export function useSearchPreview(text: string, filter: GraphFilter): SearchPreview {
  const query = text.trim();
  const settled = useDebouncedValue(query, SEARCH_DEBOUNCE_MS);
  const interpretVariables = useMemo(() => (settled === '' ? null : { text: settled }), [settled]);
  const interpreted = useGraphQL(INTERPRET_SEARCH, interpretVariables);
  const plain = useSearch(text, toOrganisationFilter(filter));

  // Known once the debounced text is the text and its reading has arrived (or failed: then it has no chips).
  const known = query !== '' && settled === query && !interpreted.loading;
  const interpretation = known ? (interpreted.data?.interpretSearch ?? null) : null;
  const chips = interpretation?.chips ?? [];
  const filterKey = JSON.stringify(filter);
  const listVariables = useMemo(() => {
    if (interpretation === null || interpretation.chips.length === 0) return null;
    const words = interpretation.query ?? '';
    return {
      filter: toOrganisationFilter(
        withChips(JSON.parse(filterKey) as GraphFilter, interpretation.chips),
        words,
      ),
      orderBy: defaultOrder(words),
      first: SEARCH_RESULTS,
    };
  }, [interpretation, filterKey]);
  const list = useGraphQL(ORGANISATION_PAGE, listVariables);

  const byChips = chips.length > 0;
  // The matches for the text as it is now, once they are known.
  const fresh = !known
    ? undefined
    : byChips
      ? list.data?.organisations.nodes
      : plain.loading
        ? undefined
        : plain.results;
  const [shown, setShown] = useState<readonly OrganisationSummary[]>(NONE);
  const next = query === '' ? NONE : fresh;
  if (next !== undefined && next !== shown) setShown(next);

  if (query === '')
    return { results: NONE, interpretation: null, loading: false, error: undefined, retry: plain.retry };
  const source = byChips ? list : plain;
  return {
    results: fresh ?? shown,
    interpretation,
    loading: !known || source.loading,
    error: known ? source.error : undefined,
    retry: source.retry,
  };
}
