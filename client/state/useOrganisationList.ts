// The result list: organisations matching the search text and the filter, a page at a time ("Load more"),
// with facet counts for the filter panel. Each facet is counted without its own field's filter, so the
// panel can offer "or also …" with honest numbers.
import { useCallback, useMemo, useState } from 'react';
import { graphqlRequest, isAbort } from '../api/graphqlRequest.ts';
import { ORGANISATION_LIST, ORGANISATION_PAGE } from '../api/queries.ts';
import type { OrganisationListItem, OrganisationListResult, OrganisationOrder } from '../api/types.ts';
import { useGraphQL } from './useGraphQL.ts';
import { FILTER_FIELDS, NO_FILTER, toOrganisationFilter, type GraphFilter } from './viewState.ts';

export const PAGE_SIZE = 25;

export interface Facets {
  sectors: OrganisationListResult['sectors']['facets']['sectors'];
  themes: OrganisationListResult['themes']['facets']['themes'];
  places: OrganisationListResult['places']['facets']['places'];
  kinds: OrganisationListResult['kinds']['facets']['kinds'];
  relationshipKinds: OrganisationListResult['relationshipKinds']['facets']['relationshipKinds'];
  trustStates: OrganisationListResult['trustStates']['facets']['trustStates'];
}

export interface OrganisationListState {
  items: OrganisationListItem[];
  totalCount: number | null;
  facets: Facets | null;
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  retry: () => void;
}

const WITHOUT: Record<keyof GraphFilter, string> = {
  sectors: 'withoutSectors',
  themes: 'withoutThemes',
  places: 'withoutPlaces',
  kinds: 'withoutKinds',
  relationshipKinds: 'withoutRelationshipKinds',
  trustStates: 'withoutTrustStates',
};

/** The list's order until the user picks one: the best match first, or without words the best connected. */
export function defaultOrder(query: string): OrganisationOrder {
  return query === '' ? 'DEGREE_DESC' : 'RELEVANCE';
}

export function listVariables(query: string, filter: GraphFilter, orderBy: OrganisationOrder) {
  const variables: Record<string, unknown> = {
    filter: toOrganisationFilter(filter, query),
    orderBy,
    first: PAGE_SIZE,
  };
  for (const field of FILTER_FIELDS) {
    variables[WITHOUT[field]] = toOrganisationFilter({ ...filter, [field]: NO_FILTER[field] }, query);
  }
  return variables;
}

export function useOrganisationList(
  query: string,
  filter: GraphFilter,
  orderBy: OrganisationOrder,
  enabled = true,
): OrganisationListState {
  const key = JSON.stringify([query, filter, orderBy]);
  const variables = useMemo(() => {
    if (!enabled) return null;
    const [q, f, o] = JSON.parse(key) as [string, GraphFilter, OrganisationOrder];
    return listVariables(q, f, o);
  }, [key, enabled]);
  const first = useGraphQL(ORGANISATION_LIST, variables);
  const [more, setMore] = useState<{
    key: string;
    items: OrganisationListItem[];
    cursor: string | null;
    hasMore: boolean;
  } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<{ key: string; error: unknown } | null>(null);

  const data = first.data ?? first.previousData;
  const current = more?.key === key ? more : null;
  const items = useMemo(() => [...(data?.list.nodes ?? []), ...(current?.items ?? [])], [data, current]);
  const cursor = current ? current.cursor : (data?.list.pageInfo.endCursor ?? null);
  const hasMore = current ? current.hasMore : (data?.list.pageInfo.hasNextPage ?? false);

  const loadMore = useCallback(() => {
    if (!hasMore || loadingMore || cursor === null) return;
    const [q, f, o] = JSON.parse(key) as [string, GraphFilter, OrganisationOrder];
    setLoadingMore(true);
    graphqlRequest(ORGANISATION_PAGE, {
      filter: toOrganisationFilter(f, q),
      orderBy: o,
      first: PAGE_SIZE,
      after: cursor,
    }).then(
      (result) => {
        setMore((previous) => ({
          key,
          items: [...(previous?.key === key ? previous.items : []), ...result.organisations.nodes],
          cursor: result.organisations.pageInfo.endCursor,
          hasMore: result.organisations.pageInfo.hasNextPage,
        }));
        setLoadingMore(false);
      },
      (error: unknown) => {
        if (!isAbort(error)) setMoreError({ key, error });
        setLoadingMore(false);
      },
    );
  }, [hasMore, loadingMore, cursor, key]);

  const facets = useMemo<Facets | null>(
    () =>
      data
        ? {
            sectors: data.sectors.facets.sectors,
            themes: data.themes.facets.themes,
            places: data.places.facets.places,
            kinds: data.kinds.facets.kinds,
            relationshipKinds: data.relationshipKinds.facets.relationshipKinds,
            trustStates: data.trustStates.facets.trustStates,
          }
        : null,
    [data],
  );

  return {
    items,
    totalCount: data?.list.totalCount ?? null,
    facets,
    loading: first.loading,
    error: first.error ?? (moreError?.key === key ? moreError.error : undefined),
    hasMore,
    loadingMore,
    loadMore,
    retry: first.retry,
  };
}
