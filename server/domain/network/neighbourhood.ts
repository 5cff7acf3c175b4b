// neighbourhood(ids, depth, limit, perNode, filter, asOf) over the network snapshot: breadth-first from
// the given organisations along the ties the filter allows, best connected first. A node whose
// neighbours do not all fit (the per-node cap or the overall limit) gets a group entry: how many more,
// by sector, which the explorer shows as "and 120 more" and can open.
import { NotFoundError } from '../../common/errors.ts';
import { SECTORS, type RelationshipKind, type Sector, type TrustState } from '../model.ts';
import { requireRange, NEIGHBOURHOOD_LIMITS } from '../organisations.ts';
import type { NetworkAccess } from './cache.ts';
import { resolveOrganisationIds } from './ids.ts';
import { dayString, kindAsWritten, NO_END, NO_START, type NetworkSnapshot } from './snapshot.ts';
import { tiePredicate, type RelationshipFilterInput, type TiePredicate } from './tieFilter.ts';
import { RELATIONSHIP_KINDS, TRUST_STATES } from '../model.ts';

export interface GraphNodeView {
  id: string;
  name: string;
  sector: Sector;
  kind: string | null;
  degree: number;
  distance: number;
}

export interface GraphEdgeView {
  id: string;
  source: string;
  target: string;
  kind: RelationshipKind;
  trust: TrustState;
  since: string | null;
  until: string | null;
}

export interface NeighbourGroup {
  organisationId: string;
  /** Neighbours of this node left out. */
  total: number;
  bySector: { sector: Sector; count: number }[];
}

export interface NeighbourhoodView {
  nodes: GraphNodeView[];
  edges: GraphEdgeView[];
  groups: NeighbourGroup[];
  truncated: boolean;
}

export interface NeighbourhoodArgs {
  ids: readonly string[];
  depth?: number | null;
  limit?: number | null;
  perNode?: number | null;
  filter?: RelationshipFilterInput | null;
  asOf?: string | null;
}

export function nodeView(s: NetworkSnapshot, i: number, distance: number): GraphNodeView {
  return {
    id: s.ids[i]!,
    name: s.names[i]!,
    sector: SECTORS[s.sector[i]!]!,
    kind: kindAsWritten(s, i),
    degree: s.degree[i]!,
    distance,
  };
}

export function edgeView(s: NetworkSnapshot, t: number): GraphEdgeView {
  const since = s.tieSince[t]!;
  const until = s.tieUntil[t]!;
  return {
    id: s.tieIds[t]!,
    source: s.ids[s.tieSource[t]!]!,
    target: s.ids[s.tieTarget[t]!]!,
    kind: RELATIONSHIP_KINDS[s.tieKind[t]!]!,
    trust: TRUST_STATES[s.tieTrust[t]!]!,
    since: since === NO_START ? null : dayString(since),
    until: until === NO_END ? null : dayString(until),
  };
}

/**
 * Each organisation's position when all are ranked best connected first, then by id (the order in which
 * a neighbourhood offers and keeps neighbours): worked out once per snapshot (NetworkAccess.derived), so
 * a neighbourhood compares two numbers where it compared degrees and then id strings.
 */
function connectedRank(s: NetworkSnapshot): Int32Array {
  const order = Int32Array.from({ length: s.ids.length }, (_, i) => i).sort(
    (x, y) => s.degree[y]! - s.degree[x]! || (s.ids[x]! < s.ids[y]! ? -1 : s.ids[x]! > s.ids[y]! ? 1 : 0),
  );
  const rank = new Int32Array(order.length);
  order.forEach((i, position) => (rank[i] = position));
  return rank;
}

/** Neighbours of `i` over allowed ties, best connected first (then by id: `rank`), each once. */
export function rankedNeighbours(
  s: NetworkSnapshot,
  i: number,
  allowed: TiePredicate,
  rank: Int32Array,
): number[] {
  const seen = new Set<number>();
  for (let a = s.adjStart[i]!; a < s.adjStart[i + 1]!; a++)
    if (allowed(s.adjTie[a]!)) seen.add(s.adjOther[a]!);
  return [...seen].sort((x, y) => rank[x]! - rank[y]!);
}

export async function neighbourhoodOf(
  net: NetworkAccess,
  args: NeighbourhoodArgs,
): Promise<NeighbourhoodView> {
  const depth = args.depth ?? 1;
  const limit = args.limit ?? NEIGHBOURHOOD_LIMITS.defaultLimit;
  requireRange(depth, 'depth', 0, NEIGHBOURHOOD_LIMITS.maxDepth);
  requireRange(limit, 'limit', 1, NEIGHBOURHOOD_LIMITS.maxLimit);
  requireRange(args.ids.length, 'ids (count)', 1, NEIGHBOURHOOD_LIMITS.maxIds);
  const perNode = args.perNode ?? limit;
  requireRange(perNode, 'perNode', 1, NEIGHBOURHOOD_LIMITS.maxLimit);
  const s = await net.snapshot();
  // Each root once (an id and a merged id of the same organisation are one); an unknown id is an error.
  const roots = resolveOrganisationIds(s, args.ids, 'ids');
  const allowed = tiePredicate(s, args.filter, args.asOf);
  const rank = await net.derived(s, 'connectedRank', () => connectedRank(s));

  const distance = new Map<number, number>();
  for (const i of roots.slice(0, limit)) distance.set(i, 0);
  let truncated = roots.length > limit;
  const hiddenOf = new Map<number, Set<number>>();
  let frontier = [...distance.keys()];
  for (let hop = 1; hop <= depth && frontier.length > 0; hop++) {
    // Each frontier node offers its best connected new neighbours, at most perNode; the rest are hidden.
    const offered = new Map<number, number[]>(); // neighbour → the frontier nodes offering it
    for (const i of frontier) {
      const fresh = rankedNeighbours(s, i, allowed, rank).filter((j) => !distance.has(j));
      for (const j of fresh.slice(0, perNode)) {
        const by = offered.get(j);
        if (by) by.push(i);
        else offered.set(j, [i]);
      }
      if (fresh.length > perNode) hiddenOf.set(i, new Set(fresh.slice(perNode)));
    }
    // Then the overall limit keeps the best connected of all offered.
    const ranked = [...offered.keys()].sort((x, y) => rank[x]! - rank[y]!);
    const room = limit - distance.size;
    for (const j of ranked.slice(0, room)) distance.set(j, hop);
    for (const j of ranked.slice(room)) {
      truncated = true;
      for (const i of offered.get(j)!) hiddenOf.set(i, (hiddenOf.get(i) ?? new Set()).add(j));
    }
    frontier = ranked.slice(0, room);
  }
  // A neighbour hidden from one node may be shown through another: only the ones still missing count.
  const missing = [...hiddenOf.entries()]
    .map(([i, hidden]) => [i, [...hidden].filter((j) => !distance.has(j))] as const)
    .filter(([, hidden]) => hidden.length > 0);
  const groups: NeighbourGroup[] = missing.map(([i, hidden]) => {
    const bySector = new Map<number, number>();
    for (const j of hidden) bySector.set(s.sector[j]!, (bySector.get(s.sector[j]!) ?? 0) + 1);
    return {
      organisationId: s.ids[i]!,
      total: hidden.length,
      bySector: [...bySector.entries()]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .map(([k, count]) => ({ sector: SECTORS[k]!, count })),
    };
  });
  // Neighbours of the last layer are not explored: their ties to others are not groups.
  const included = [...distance.keys()];
  const inView = new Set(included);
  const edges: GraphEdgeView[] = [];
  for (const i of included) {
    for (let a = s.adjStart[i]!; a < s.adjStart[i + 1]!; a++) {
      const t = s.adjTie[a]!;
      // Each tie once: from its source's side.
      if (s.tieSource[t] === i && inView.has(s.tieTarget[t]!) && allowed(t)) edges.push(edgeView(s, t));
    }
  }
  edges.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    nodes: included.map((i) => nodeView(s, i, distance.get(i)!)),
    edges,
    groups,
    truncated,
  };
}

/** The organisation index for an id, or a NOT_FOUND error naming the argument. */
export function requireOrganisation(s: NetworkSnapshot, id: string, argument: string): number {
  const i = s.index.get(id);
  if (i === undefined)
    throw new NotFoundError(`${argument}: no published organisation has the id ${JSON.stringify(id)}.`);
  return i;
}
