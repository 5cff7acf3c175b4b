// "How are we connected?": the shortest paths between two organisations, within the sectors a path may
// pass through and the trust states of the ties it may use.
import { useMemo } from 'react';
import { SHORTEST_PATHS } from '../api/queries.ts';
import type { Path, PathFilter, Sector, TrustState } from '../api/types.ts';
import { useGraphQL } from './useGraphQL.ts';
import type { ViewState } from './viewState.ts';

export const PATHS = 3;
export const DEFAULT_MAX_HOPS = 6;

export interface PathOptions {
  maxHops: number;
  /** Sectors a path may pass through (its ends are always allowed); empty for any. */
  sectors: Sector[];
  /** Trust states of the ties a path may use; empty for any. */
  trustStates: TrustState[];
}

export const DEFAULT_PATH_OPTIONS: PathOptions = { maxHops: DEFAULT_MAX_HOPS, sectors: [], trustStates: [] };

export interface PathsState {
  paths: Path[];
  /** The far end's name, once the answer has arrived (with or without paths). */
  targetName: string | null;
  /** True once an answer for these ends and options has arrived. */
  done: boolean;
  loading: boolean;
  error: unknown;
  retry: () => void;
}

export function pathFilter(options: PathOptions): PathFilter | null {
  const filter: PathFilter = {};
  if (options.sectors.length > 0) filter.sectors = [...options.sectors];
  if (options.trustStates.length > 0) filter.relationships = { trustStates: [...options.trustStates] };
  return Object.keys(filter).length > 0 ? filter : null;
}

export function usePaths(from: string | null, to: string | null, options: PathOptions): PathsState {
  const key = JSON.stringify(options);
  const variables = useMemo(() => {
    if (from === null || to === null || from === to) return null;
    const o = JSON.parse(key) as PathOptions;
    return { from, to, maxHops: o.maxHops, filter: pathFilter(o), first: PATHS };
  }, [from, to, key]);
  const result = useGraphQL(SHORTEST_PATHS, variables);
  return {
    paths: result.data?.shortestPaths ?? [],
    targetName: result.data?.target?.name ?? null,
    done: result.data !== undefined,
    loading: result.loading,
    error: result.error,
    retry: result.retry,
  };
}

/** The far end of the paths drawn for `view`, or null while none is (another tab or a tie open, no answer, no path). */
export function drawnPathEnd(view: Pick<ViewState, 'tab' | 'to' | 'edge'>, paths: PathsState): string | null {
  return view.edge === null && view.tab === 'connect' && paths.done && paths.paths.length > 0
    ? view.to
    : null;
}
