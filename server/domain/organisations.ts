// Read-side use cases for organisations: lookup, search and neighbourhood exploration.
import type { QueryRunner } from '../db/runner.ts';
import { InvalidInputError } from './errors.ts';
import type { Problem } from './problems.ts';
import { buildSearchQuery } from './search.ts';

export interface PlaceSummary {
  id: string;
  name: string;
  level: string;
  latitude: number | null;
  longitude: number | null;
}

export interface ThemeSummary {
  id: string;
  name: string;
}

/** An organisation as stored: its properties plus place chain (most specific first), themes and degree. */
export interface OrganisationView {
  organisation: Record<string, unknown> & { id: string; name: string; sector: string };
  places: PlaceSummary[];
  themes: ThemeSummary[];
  degree: number;
}

export interface GraphNode {
  id: string;
  name: string;
  sector: string;
  kind: string | null;
  degree: number;
  distance: number;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: string;
  trust: string;
  since: string | null;
  until: string | null;
}

export interface Neighbourhood {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}

export const SEARCH_LIMITS = { defaultFirst: 10, maxFirst: 50, maxQueryLength: 200 } as const;
export const RELATIONSHIP_LIMITS = { maxFirst: 200 } as const;
export const NEIGHBOURHOOD_LIMITS = { maxDepth: 3, maxIds: 100, defaultLimit: 300, maxLimit: 1000 } as const;

function argumentProblem(field: string, message: string): Problem {
  return { file: 'arguments', line: null, column: null, field, code: 'OUT_OF_RANGE', message };
}

/** Throws BAD_USER_INPUT naming the argument when `value` is not an integer in [min, max]. */
export function requireRange(value: number, field: string, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidInputError(`${field} must be an integer from ${min} to ${max}; got ${value}.`, [
      argumentProblem(field, `use a value from ${min} to ${max}`),
    ]);
  }
}

export async function organisationsByIds(
  runner: QueryRunner,
  ids: readonly string[],
): Promise<OrganisationView[]> {
  if (ids.length === 0) return [];
  return runner.read<OrganisationView>('organisationsByIds', { ids: [...ids] });
}

export async function searchOrganisations(
  runner: QueryRunner,
  text: string,
  first: number = SEARCH_LIMITS.defaultFirst,
): Promise<OrganisationView[]> {
  requireRange(first, 'first', 1, SEARCH_LIMITS.maxFirst);
  const lucene = buildSearchQuery(text.slice(0, SEARCH_LIMITS.maxQueryLength));
  if (lucene === null) return [];
  // Fetch more index hits than asked: unpublished organisations are filtered out after the index.
  const hits = await runner.read<{ id: string }>('searchOrganisations', {
    lucene,
    first,
    candidates: first * 4 + 20,
  });
  return organisationsByIds(
    runner,
    hits.map((h) => h.id),
  );
}

/**
 * Breadth-first exploration from `ids`, one query per hop, keeping the best-connected neighbours when
 * the node limit is reached (then `truncated` is true). Unknown or unpublished ids are ignored.
 */
export async function exploreNeighbourhood(
  runner: QueryRunner,
  ids: readonly string[],
  depth = 1,
  limit: number = NEIGHBOURHOOD_LIMITS.defaultLimit,
): Promise<Neighbourhood> {
  requireRange(depth, 'depth', 0, NEIGHBOURHOOD_LIMITS.maxDepth);
  requireRange(limit, 'limit', 1, NEIGHBOURHOOD_LIMITS.maxLimit);
  requireRange(ids.length, 'ids (count)', 1, NEIGHBOURHOOD_LIMITS.maxIds);

  const roots = await runner.read<Omit<GraphNode, 'distance'>>('graphNodes', { ids: [...new Set(ids)] });
  const distance = new Map<string, number>();
  for (const root of roots.slice(0, limit)) distance.set(root.id, 0);
  let truncated = roots.length > limit;
  let frontier = [...distance.keys()];

  for (let hop = 1; hop <= depth && frontier.length > 0 && !truncated; hop++) {
    const room = limit - distance.size;
    const found = await runner.read<{ id: string }>('neighbourStep', {
      frontier,
      visited: [...distance.keys()],
      limit: room + 1,
    });
    if (found.length > room) truncated = true;
    frontier = found.slice(0, room).map((f) => f.id);
    for (const id of frontier) distance.set(id, hop);
  }

  const allIds = [...distance.keys()];
  const [nodes, edges] = await Promise.all([
    runner.read<Omit<GraphNode, 'distance'>>('graphNodes', { ids: allIds }),
    runner.read<GraphEdge>('graphEdges', { ids: allIds }),
  ]);
  return {
    nodes: nodes.map((n) => ({ ...n, distance: distance.get(n.id) ?? 0 })),
    edges,
    truncated,
  };
}
