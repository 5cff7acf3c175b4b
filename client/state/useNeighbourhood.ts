// The graph for the chosen organisation plus every expanded node: one neighbourhood request per id (a few
// at a time, superseded ones aborted, answers cached within a bound), merged in the order of the ids, so a
// restored link shows what the user built step by step. Each request caps the new neighbours of its node;
// the rest become an "and N more" group node, and each opening of it asks for MORE_STEP more.
import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import { graphqlRequest } from '../api/graphqlRequest.ts';
import { NEIGHBOURHOOD } from '../api/queries.ts';
import type { Neighbourhood, NeighbourGroup } from '../api/types.ts';
import {
  mergeNeighbourhood,
  neighbourhoodToElements,
  nodeInfo,
  withGroups,
  type AtlasElement,
  type NodeInfo,
} from '../graph/elements.ts';
import { NeighbourhoodLoader } from './neighbourhoodLoader.ts';

/** The server's default cap on one neighbourhood; a larger view is still possible by expanding. */
export const NEIGHBOURHOOD_LIMIT = 300;
/** New neighbours drawn for the chosen organisation, and for each expanded one, before "and N more". */
export const ROOT_NEIGHBOURS = 40;
export const EXPANSION_NEIGHBOURS = 20;
/** How many more each opening of a group node draws. */
export const MORE_STEP = 40;
/** Requests in flight at once: enough to fill a link with many expansions quickly, few enough to be polite. */
export const CONCURRENT_REQUESTS = 4;
/** Neighbourhoods kept after they leave the view (Back and forth costs no request). */
export const CACHED_NEIGHBOURHOODS = 200;

export interface NeighbourhoodState {
  elements: AtlasElement[];
  /** Themes and places of the organisations drawn (for the filter and tooltips). */
  info: ReadonlyMap<string, NodeInfo>;
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

/** How many neighbours to ask for: the first cap plus MORE_STEP per opening of the group node. */
export function neighboursFor(isRoot: boolean, openings: number): number {
  return Math.min(
    NEIGHBOURHOOD_LIMIT,
    (isRoot ? ROOT_NEIGHBOURS : EXPANSION_NEIGHBOURS) + MORE_STEP * openings,
  );
}

const SEPARATOR = '\n';
const requestKey = (id: string, perNode: number) => `${id}${SEPARATOR}${perNode}`;

function fetchNeighbourhood(key: string, signal: AbortSignal): Promise<Neighbourhood> {
  const at = key.lastIndexOf(SEPARATOR);
  const id = key.slice(0, at);
  const perNode = Number(key.slice(at + 1));
  return graphqlRequest(
    NEIGHBOURHOOD,
    { ids: [id], depth: 1, limit: NEIGHBOURHOOD_LIMIT, perNode },
    { signal },
  ).then((result) => result.neighbourhood);
}

export function useNeighbourhood(
  rootId: string | null,
  expanded: readonly string[],
  more: Readonly<Record<string, number>>,
): NeighbourhoodState {
  // Keyed by value: the URL state is re-parsed on every change, selection included.
  const keysKey = JSON.stringify(
    rootId === null
      ? []
      : [rootId, ...expanded].map((id) => [id, requestKey(id, neighboursFor(id === rootId, more[id] ?? 0))]),
  );
  const requests = useMemo(() => JSON.parse(keysKey) as [string, string][], [keysKey]);
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

  useEffect(() => loader.want(requests.map(([, key]) => key)), [loader, requests]);
  // Leaving the explorer aborts whatever is still loading.
  useEffect(() => () => loader.want([]), [loader]);

  const retry = useCallback(() => loader.retryFailed(), [loader]);
  // `version` changes whenever the loader's answers do.
  const folded = useMemo(() => foldNeighbourhoods(requests, loader, version), [requests, loader, version]);
  return { ...folded, retry };
}

function foldNeighbourhoods(
  requests: readonly [string, string][],
  loader: NeighbourhoodLoader<Neighbourhood>,
  _version: number,
): Omit<NeighbourhoodState, 'retry'> {
  let elements: AtlasElement[] = [];
  let truncated = false;
  const info = new Map<string, NodeInfo>();
  const groups: NeighbourGroup[] = [];
  const shown: string[] = [];
  const result = (pending: string | null, failed: NeighbourhoodState['failed']) => ({
    elements: withGroups(elements, groups),
    info,
    shown,
    pending,
    failed,
    truncated,
  });
  for (const [id, key] of requests) {
    const entry = loader.get(key);
    if (entry === undefined) return result(id, null);
    if ('error' in entry) return result(null, { id, error: entry.error });
    const neighbourhood = entry.data;
    elements =
      shown.length === 0
        ? neighbourhoodToElements(neighbourhood)
        : mergeNeighbourhood(elements, neighbourhood, { anchorId: id });
    for (const node of neighbourhood.nodes) {
      if (!info.has(node.id)) info.set(node.id, nodeInfo(node.organisation));
    }
    // Only the expanded node's own group: its neighbours' groups are theirs to open when expanded.
    for (const group of neighbourhood.groups) if (group.organisationId === id) groups.push(group);
    truncated ||= neighbourhood.truncated;
    shown.push(id);
  }
  return result(null, null);
}
