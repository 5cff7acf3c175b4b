// The graph for the chosen organisation plus every expanded node: one neighbourhood request per id,
// cached, merged in the order of the ids, so a restored link shows what the user built step by step.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { graphqlRequest } from '../api/graphqlRequest.ts';
import { NEIGHBOURHOOD } from '../api/queries.ts';
import type { Neighbourhood, NeighbourhoodResult, NeighbourhoodVariables } from '../api/types.ts';
import { mergeNeighbourhood, neighbourhoodToElements, type AtlasElement } from '../graph/elements.ts';

/** The server's default cap; a larger view is still possible by expanding. */
export const NEIGHBOURHOOD_LIMIT = 300;

type Entry = { data: Neighbourhood } | { error: unknown };

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

export function useNeighbourhood(rootId: string | null, expanded: readonly string[]): NeighbourhoodState {
  // Keyed by value: the URL state is re-parsed on every change, selection included.
  const idsKey = JSON.stringify(rootId === null ? [] : [rootId, ...expanded]);
  const ids = useMemo(() => JSON.parse(idsKey) as string[], [idsKey]);
  const [cache, setCache] = useState<ReadonlyMap<string, Entry>>(() => new Map());
  const inFlight = useRef(new Set<string>());

  useEffect(() => {
    for (const id of ids) {
      if (cache.has(id) || inFlight.current.has(id)) continue;
      inFlight.current.add(id);
      graphqlRequest<NeighbourhoodResult, NeighbourhoodVariables>(NEIGHBOURHOOD, {
        ids: [id],
        depth: 1,
        limit: NEIGHBOURHOOD_LIMIT,
      })
        .then(
          (result): Entry => ({ data: result.neighbourhood }),
          (error: unknown): Entry => ({ error }),
        )
        .then((entry) => {
          inFlight.current.delete(id);
          setCache((previous) => new Map(previous).set(id, entry));
        });
    }
  }, [ids, cache]);

  const retry = useCallback(() => {
    setCache((previous) => new Map([...previous].filter(([, entry]) => !('error' in entry))));
  }, []);

  const folded = useMemo(() => foldNeighbourhoods(ids, cache), [ids, cache]);
  return { ...folded, retry };
}

function foldNeighbourhoods(
  ids: readonly string[],
  cache: ReadonlyMap<string, Entry>,
): Omit<NeighbourhoodState, 'retry'> {
  let elements: AtlasElement[] = [];
  let truncated = false;
  const shown: string[] = [];
  for (const id of ids) {
    const entry = cache.get(id);
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
