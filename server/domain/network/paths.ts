// shortestPaths(from, to, maxHops, filter, asOf, first): the shortest chains of ties between two
// organisations, over the network snapshot. Breadth-first search from both ends at once (each step
// grows the smaller frontier), so the time is bounded by the graph even when no path exists; then the
// shortest paths are read off the layers, at most `first`, in a stable order (by the ids along them).
// Between two organisations on a path, the tie shown is the most trusted one (then the newest, then by id).
import { InvalidInputError } from '../../common/errors.ts';
import { RELATIONSHIP_KINDS, type RelationshipKind, type Sector } from '../model.ts';
import { requireRange } from '../organisations.ts';
import type { NetworkAccess } from './cache.ts';
import { requireOrganisation } from './neighbourhood.ts';
import { sectorIndex, type NetworkSnapshot } from './snapshot.ts';
import { tiePredicate, type RelationshipFilterInput, type TiePredicate } from './tieFilter.ts';

export const PATH_LIMITS = { defaultMaxHops: 6, maxHops: 8, defaultFirst: 3, maxFirst: 10 } as const;

/** Trust states from most to least trusted, for choosing the tie to show. */
const TRUST_RANK = [1, 4, 3, 2, 0]; // CLAIMED, CONFIRMED, SOURCED, IMPORTED, DISPUTED (index = TRUST_STATES order)

export interface PathFilterInput {
  sectors?: readonly Sector[] | null;
  relationships?: RelationshipFilterInput | null;
}

export interface PathView {
  length: number;
  /** Organisation ids, from `from` to `to`. */
  organisationIds: string[];
  /** The relationships, one per hop. */
  relationships: { id: string; kind: RelationshipKind }[];
}

export interface PathArgs {
  from: string;
  to: string;
  maxHops?: number | null;
  filter?: PathFilterInput | null;
  asOf?: string | null;
  first?: number | null;
}

/** The tie to show between two adjacent organisations on a path. */
function bestTie(s: NetworkSnapshot, a: number, b: number, allowed: TiePredicate): number {
  let best = -1;
  for (let k = s.adjStart[a]!; k < s.adjStart[a + 1]!; k++) {
    if (s.adjOther[k] !== b) continue;
    const t = s.adjTie[k]!;
    if (!allowed(t)) continue;
    if (
      best < 0 ||
      TRUST_RANK[s.tieTrust[t]!]! > TRUST_RANK[s.tieTrust[best]!]! ||
      (TRUST_RANK[s.tieTrust[t]!] === TRUST_RANK[s.tieTrust[best]!] &&
        (s.tieSince[t]! > s.tieSince[best]! ||
          (s.tieSince[t] === s.tieSince[best] && s.tieIds[t]! < s.tieIds[best]!)))
    ) {
      best = t;
    }
  }
  return best;
}

export function findShortestPaths(
  s: NetworkSnapshot,
  from: number,
  to: number,
  maxHops: number,
  first: number,
  allowed: TiePredicate,
  passable: (i: number) => boolean,
): number[][] {
  if (from === to) return [[from]];
  // dist from each side; the search stops at the first layer where they meet.
  const distA = new Map<number, number>([[from, 0]]);
  const distB = new Map<number, number>([[to, 0]]);
  let frontA = [from];
  let frontB = [to];
  let depthA = 0;
  let depthB = 0;
  const meet = new Set<number>();
  const step = (front: number[], dist: Map<number, number>, depth: number, other: Map<number, number>) => {
    const next: number[] = [];
    for (const i of front) {
      for (let k = s.adjStart[i]!; k < s.adjStart[i + 1]!; k++) {
        const j = s.adjOther[k]!;
        if (dist.has(j) || !allowed(s.adjTie[k]!)) continue;
        // Intermediate organisations must pass the sector filter; the two ends always may.
        if (j !== from && j !== to && !passable(j)) continue;
        dist.set(j, depth + 1);
        next.push(j);
        if (other.has(j)) meet.add(j);
      }
    }
    return next;
  };
  while (meet.size === 0 && depthA + depthB < maxHops && frontA.length > 0 && frontB.length > 0) {
    if (frontA.length <= frontB.length) {
      frontA = step(frontA, distA, depthA, distB);
      depthA++;
    } else {
      frontB = step(frontB, distB, depthB, distA);
      depthB++;
    }
  }
  if (meet.size === 0) return [];
  const length = Math.min(...[...meet].map((m) => distA.get(m)! + distB.get(m)!));
  // Walk back through the layers: predecessors of j on a shortest path from `from`, toward `to` likewise.
  const paths: number[][] = [];
  const towards = (i: number, dist: Map<number, number>, target: number) => {
    const d = dist.get(i)!;
    const out: number[] = [];
    for (let k = s.adjStart[i]!; k < s.adjStart[i + 1]!; k++) {
      const j = s.adjOther[k]!;
      if (dist.get(j) === d - 1 && allowed(s.adjTie[k]!) && (j === target || passable(j)) && !out.includes(j))
        out.push(j);
    }
    return out.sort((x, y) => (s.ids[x]! < s.ids[y]! ? -1 : 1));
  };
  const halves = (i: number, dist: Map<number, number>, target: number, limit: number): number[][] => {
    if (i === target) return [[i]];
    const result: number[][] = [];
    for (const j of towards(i, dist, target)) {
      for (const rest of halves(j, dist, target, limit - result.length)) {
        result.push([i, ...rest]);
        if (result.length >= limit) return result;
      }
    }
    return result;
  };
  const meeting = [...meet]
    .filter((m) => distA.get(m)! + distB.get(m)! === length)
    .sort((x, y) => (s.ids[x]! < s.ids[y]! ? -1 : 1));
  for (const m of meeting) {
    for (const left of halves(m, distA, from, first)) {
      for (const right of halves(m, distB, to, first)) {
        const path = [...left.reverse(), ...right.slice(1)];
        if (!paths.some((p) => p.every((x, k) => x === path[k]))) paths.push(path);
        if (paths.length >= first) break;
      }
      if (paths.length >= first) break;
    }
    if (paths.length >= first) break;
  }
  return paths.sort((x, y) => {
    for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return s.ids[x[k]!]! < s.ids[y[k]!]! ? -1 : 1;
    return 0;
  });
}

export async function shortestPaths(net: NetworkAccess, args: PathArgs): Promise<PathView[]> {
  const maxHops = args.maxHops ?? PATH_LIMITS.defaultMaxHops;
  const first = args.first ?? PATH_LIMITS.defaultFirst;
  requireRange(maxHops, 'maxHops', 1, PATH_LIMITS.maxHops);
  requireRange(first, 'first', 1, PATH_LIMITS.maxFirst);
  const s = await net.snapshot();
  const problems: string[] = [];
  const check = (id: string, argument: string) => {
    try {
      return requireOrganisation(s, id, argument);
    } catch (error) {
      problems.push((error as Error).message);
      return -1;
    }
  };
  const from = check(args.from, 'from');
  const to = check(args.to, 'to');
  if (problems.length > 0) {
    throw new InvalidInputError(problems.join(' '), [
      ...(from < 0
        ? [
            {
              file: 'arguments',
              line: null,
              column: null,
              field: 'from',
              code: 'NOT_FOUND',
              message: 'no published organisation has this id',
            },
          ]
        : []),
      ...(to < 0
        ? [
            {
              file: 'arguments',
              line: null,
              column: null,
              field: 'to',
              code: 'NOT_FOUND',
              message: 'no published organisation has this id',
            },
          ]
        : []),
    ]);
  }
  const allowed = tiePredicate(s, args.filter?.relationships, args.asOf, 'filter.relationships');
  const sectors =
    args.filter?.sectors && args.filter.sectors.length > 0
      ? new Set(args.filter.sectors.map((x) => sectorIndex.get(x)!))
      : null;
  const passable = sectors ? (i: number) => sectors.has(s.sector[i]!) : () => true;
  return findShortestPaths(s, from, to, maxHops, first, allowed, passable).map((path) => ({
    length: path.length - 1,
    organisationIds: path.map((i) => s.ids[i]!),
    relationships: path.slice(1).map((j, k) => {
      const t = bestTie(s, path[k]!, j, allowed);
      return { id: s.tieIds[t]!, kind: RELATIONSHIP_KINDS[s.tieKind[t]!]! };
    }),
  }));
}
