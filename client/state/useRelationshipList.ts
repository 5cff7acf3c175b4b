// The details panel's relationship list: one organisation's ties a page at a time ("Show more"), of the
// kind and trust state chosen in the list, newest first, as the server pages and filters them
// (relationships(filter: { organisations, kinds, trustStates })); and how many ties it has in all, per kind
// and per trust state (RelationshipCounts: Organisation.relationshipCounts), so the list's header and its
// filters give true totals however few of the ties are loaded.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { graphqlRequest, isAbort } from '../api/graphqlRequest.ts';
import { RELATIONSHIP_COUNTS, RELATIONSHIP_PAGE } from '../api/queries.ts';
import {
  RELATIONSHIP_KINDS,
  TRUST_STATES,
  type RelationshipDetails,
  type RelationshipFilter,
  type RelationshipKind,
  type TrustState,
} from '../api/types.ts';
import type { RelationshipPageQuery } from '../api/generated/graphql.ts';
import { useGraphQL } from './useGraphQL.ts';

/** Ties per page: the most relationships(first:) gives at once. */
export const RELATIONSHIP_PAGE_SIZE = 100;

/** "Load all" is offered up to this many ties (10 pages); above, "Show more" only. */
export const LOAD_ALL_UP_TO = 1000;

export interface RelationshipCounts {
  /** Every tie of the organisation. */
  all: number;
  kinds: Record<RelationshipKind, number>;
  trustStates: Record<TrustState, number>;
}

export interface RelationshipListState {
  /** The ties loaded so far (every page asked for), newest first. */
  items: RelationshipDetails[];
  /** How many ties of the chosen kind and trust state there are in all; null until the first page came. */
  totalCount: number | null;
  /** The organisation's ties counted per kind and per trust state; null until they came. */
  counts: RelationshipCounts | null;
  loading: boolean;
  /** The first page or the counts failed (retry asks both again). */
  error: unknown;
  /** The last "Show more" failed (loadMore tries again). */
  moreError: unknown;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  /** Every page left, for a sort or a name filter over all the ties (offered up to LOAD_ALL_UP_TO). */
  loadAll: () => void;
  retry: () => void;
}

export function relationshipFilter(
  organisationId: string,
  kind: RelationshipKind | null,
  trust: TrustState | null,
): RelationshipFilter {
  const filter: RelationshipFilter = { organisations: [organisationId] };
  if (kind !== null) filter.kinds = [kind];
  if (trust !== null) filter.trustStates = [trust];
  return filter;
}

export function useRelationshipList(
  organisationId: string,
  kind: RelationshipKind | null,
  trust: TrustState | null,
): RelationshipListState {
  const key = JSON.stringify(relationshipFilter(organisationId, kind, trust));
  const variables = useMemo(
    () => ({ filter: JSON.parse(key) as RelationshipFilter, first: RELATIONSHIP_PAGE_SIZE }),
    [key],
  );
  const first = useGraphQL(RELATIONSHIP_PAGE, variables);
  const countVariables = useMemo(() => ({ id: organisationId }), [organisationId]);
  const countQuery = useGraphQL(RELATIONSHIP_COUNTS, countVariables);
  const [more, setMore] = useState<{
    key: string;
    items: RelationshipDetails[];
    cursor: string | null;
    hasMore: boolean;
  } | null>(null);
  const [loadingMore, setLoadingMore] = useState<string | null>(null);
  const [moreError, setMoreError] = useState<{ key: string; error: unknown } | null>(null);
  // The pages being loaded belong to one key: another kind, trust state or organisation (or leaving the
  // list) stops them, so a late page never lands in another key's list or resets it.
  const loadingFor = useRef<{ key: string; abort: AbortController } | null>(null);
  useEffect(
    () => () => {
      loadingFor.current?.abort.abort();
      loadingFor.current = null;
    },
    [key],
  );

  const page = first.data?.relationships;
  const current = more?.key === key ? more : null;
  const items = useMemo(() => [...(page?.nodes ?? []), ...(current?.items ?? [])], [page, current]);
  const cursor = current ? current.cursor : (page?.pageInfo.endCursor ?? null);
  const hasMore = current ? current.hasMore : (page?.pageInfo.hasNextPage ?? false);

  /** The next page, or every page left (one after another) when `all`. */
  const load = useCallback(
    (all: boolean) => {
      if (!hasMore || loadingMore === key || cursor === null) return;
      const abort = new AbortController();
      loadingFor.current = { key, abort };
      setLoadingMore(key);
      setMoreError(null);
      const filter = JSON.parse(key) as RelationshipFilter;
      void (async () => {
        let after: string | null = cursor;
        try {
          do {
            const result: RelationshipPageQuery = await graphqlRequest(
              RELATIONSHIP_PAGE,
              { filter, first: RELATIONSHIP_PAGE_SIZE, after },
              { signal: abort.signal },
            );
            if (abort.signal.aborted) return;
            const next = result.relationships;
            setMore((previous) => ({
              key,
              items: [...(previous?.key === key ? previous.items : []), ...next.nodes],
              cursor: next.pageInfo.endCursor,
              hasMore: next.pageInfo.hasNextPage,
            }));
            after = next.pageInfo.hasNextPage ? next.pageInfo.endCursor : null;
          } while (all && after !== null);
        } catch (error) {
          if (!isAbort(error) && !abort.signal.aborted) setMoreError({ key, error });
        } finally {
          if (loadingFor.current?.abort === abort) loadingFor.current = null;
          setLoadingMore((loading) => (loading === key ? null : loading));
        }
      })();
    },
    [hasMore, loadingMore, cursor, key],
  );
  const loadMore = useCallback(() => load(false), [load]);
  const loadAll = useCallback(() => load(true), [load]);

  const data = countQuery.data;
  const counts = useMemo<RelationshipCounts | null>(() => {
    if (!data) return null;
    // An organisation no longer published has no ties to count.
    const found = data.organisation?.relationshipCounts;
    const kinds = Object.fromEntries(RELATIONSHIP_KINDS.map((k) => [k, 0])) as Record<
      RelationshipKind,
      number
    >;
    const trustStates = Object.fromEntries(TRUST_STATES.map((t) => [t, 0])) as Record<TrustState, number>;
    for (const { kind, count } of found?.byKind ?? []) kinds[kind] = count;
    for (const { trust, count } of found?.byTrust ?? []) trustStates[trust] = count;
    return { all: found?.total ?? 0, kinds, trustStates };
  }, [data]);

  const { retry: retryPage } = first;
  const { retry: retryCounts } = countQuery;
  const retry = useCallback(() => {
    retryPage();
    retryCounts();
  }, [retryPage, retryCounts]);

  return {
    items,
    totalCount: page?.totalCount ?? null,
    counts,
    loading: first.loading || countQuery.loading,
    error: first.error ?? countQuery.error,
    moreError: moreError?.key === key ? moreError.error : undefined,
    hasMore,
    loadingMore: loadingMore === key,
    loadMore,
    loadAll,
    retry,
  };
}
