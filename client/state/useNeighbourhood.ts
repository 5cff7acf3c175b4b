// The graph for the chosen organisation plus every expanded node: one neighbourhood request per id (a few
// at a time, superseded ones aborted, answers cached within a bound), merged in the order of the ids, so a
// restored link shows what the user built step by step.
import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import { graphqlRequest } from '../api/graphqlRequest.ts';
import { NEIGHBOURHOOD } from '../api/queries.ts';
import type { Neighbourhood } from '../api/types.ts';
import { mergeNeighbourhood, neighbourhoodToElements, type AtlasElement } from '../graph/elements.ts';
import { NeighbourhoodLoader } from './neighbourhoodLoader.ts';

/** The server's default cap; a larger view is still possible by expanding. */
export const NEIGHBOURHOOD_LIMIT = 300;
/** Requests in flight at once: enough to fill a link with many expansions quickly, few enough to be polite. */
export const CONCURRENT_REQUESTS = 4;
/** Neighbourhoods kept after they leave the view (Back and forth costs no request). */
export const CACHED_NEIGHBOURHOODS = 200;

export interface NeighbourhoodState {
  elements: AtlasElement[];
  /** Ids whose neighbourhoods are merged into `elements`. */
  shown: string[];
  /** The first id still being fetched, if any. */
  pending: string | null;
  /** The first id that failed, with its error; later ids wait behind it. */
  failed: { id: string; error: unknown } | null;
  /** Some neighbourhood was cut short by the node limit. */
  truncated: boolean;
  retry: () => void;
}

function fetchNeighbourhood(id: string, signal: AbortSignal): Promise<Neighbourhood> {
  return graphqlRequest(NEIGHBOURHOOD, { ids: [id], depth: 1, limit: NEIGHBOURHOOD_LIMIT }, { signal }).then(
    (result) => result.neighbourhood,
  );
}

export function useNeighbourhood(rootId: string | null, expanded: readonly string[]): NeighbourhoodState {
  // Keyed by value: the URL state is re-parsed on every change, selection included.
  const idsKey = JSON.stringify(rootId === null ? [] : [rootId, ...expanded]);
  const ids = useMemo(() => JSON.parse(idsKey) as string[], [idsKey]);
  const [version, changed] = useReducer((n: number) => n + 1, 0);
  const [loader] = useState(
    () =>
      new NeighbourhoodLoader<Neighbourhood>({
        fetch: fetchNeighbourhood,
        concurrency: CONCURRENT_REQUESTS,
        cacheSize: CACHED_NEIGHBOURHOODS,
        onChange: changed,
      }),
  );

  useEffect(() => loader.want(ids), [loader, ids]);
  // Leaving the explorer aborts whatever is still loading.
  useEffect(() => () => loader.want([]), [loader]);

  const retry = useCallback(() => loader.retryFailed(), [loader]);
  // `version` changes whenever the loader's answers do.
  const folded = useMemo(() => foldNeighbourhoods(ids, loader, version), [ids, loader, version]);
  return { ...folded, retry };
}

function foldNeighbourhoods(
  ids: readonly string[],
  loader: NeighbourhoodLoader<Neighbourhood>,
  _version: number,
): Omit<NeighbourhoodState, 'retry'> {
  let elements: AtlasElement[] = [];
  let truncated = false;
  const shown: string[] = [];
  for (const id of ids) {
    const entry = loader.get(id);
    if (entry === undefined) return { elements, shown, pending: id, failed: null, truncated };
    if ('error' in entry)
      return { elements, shown, pending: null, failed: { id, error: entry.error }, truncated };
    elements =
      shown.length === 0
        ? neighbourhoodToElements(entry.data)
        : mergeNeighbourhood(elements, entry.data, { anchorId: id });
    truncated ||= entry.data.truncated;
    shown.push(id);
  }
  return { elements, shown, pending: null, failed: null, truncated };
}
