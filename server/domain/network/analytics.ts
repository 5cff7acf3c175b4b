// Network analytics over the snapshot, as pure functions (checked against graphology's reference
// implementations in test/unit/network/analytics.test.ts):
// - components: connected components, ties taken both ways (union–find);
// - PageRank: damping 0.85, at most 100 iterations or until the L1 change is below 1e-9; directed kinds
//   (funding, membership, part-of, investment, adoption) pass rank from source to target, symmetric kinds
//   (partnership, data sharing) both ways; dangling rank is spread evenly; ranks sum to 1;
// - betweenness: Brandes' algorithm on the simple undirected graph (parallel ties count once), normalised
//   by (n−1)(n−2)/2; from every organisation with a tie up to EXACT_BETWEENNESS_LIMIT of them (an
//   organisation without one is on no path, and a path from it adds nothing), above that from a seeded
//   sample of BETWEENNESS_SAMPLES of them, scaled by (those with a tie) / samples (an unbiased estimate);
// - communities: Louvain (graphology-communities-louvain, resolution 1, a seeded random order, so the same
//   data gives the same communities), on the undirected graph weighted by the number of ties per pair.
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import { seededRandom } from '../../common/seededRandom.ts';
import type { NetworkSnapshot } from './snapshot.ts';

// The package is CommonJS: at run time its default export is the function itself.
const louvain = louvainModule as unknown as (
  graph: UndirectedGraph,
  options: { rng: () => number; getEdgeWeight: string },
) => Record<string, number>;

export const EXACT_BETWEENNESS_LIMIT = 5_000;
export const BETWEENNESS_SAMPLES = 256;
export const PAGERANK = { damping: 0.85, maxIterations: 100, tolerance: 1e-9 } as const;

/** Kinds whose rank flows one way (source → target), by RELATIONSHIP_KINDS index: all but PARTNERSHIP (0) and DATA_SHARING (5). */
const SYMMETRIC_KINDS = new Set([0, 5]);

/** What the analytics read of a snapshot (all of it can be sent to a worker thread: analyticsPool.ts). */
export type AnalyticsGraph = Pick<
  NetworkSnapshot,
  'ids' | 'adjStart' | 'adjOther' | 'adjTie' | 'tieKind' | 'tieSource' | 'tieTarget'
>;

/** A subgraph of the snapshot: which organisations and ties count. */
export interface View {
  node: (i: number) => boolean;
  tie: (t: number) => boolean;
}

export const WHOLE: View = { node: () => true, tie: () => true };

/** Simple undirected neighbour lists (parallel ties merged, with their count as weight). */
export interface SimpleGraph {
  nodes: Int32Array;
  start: Int32Array;
  other: Int32Array;
  weight: Int32Array;
  /** Position of each snapshot organisation in `nodes`, -1 when outside the view. */
  position: Int32Array;
}

export function simpleGraph(s: AnalyticsGraph, view: View = WHOLE): SimpleGraph {
  const n = s.ids.length;
  const position = new Int32Array(n).fill(-1);
  let count = 0;
  let entries = 0;
  let widest = 0;
  for (let i = 0; i < n; i++) {
    if (!view.node(i)) continue;
    position[i] = count++;
    const ties = s.adjStart[i + 1]! - s.adjStart[i]!;
    entries += ties;
    widest = Math.max(widest, ties);
  }
  const nodes = new Int32Array(count);
  for (let i = 0; i < n; i++) if (position[i]! >= 0) nodes[position[i]!] = i;
  // Typed arrays throughout (a million ties at D1): each node's neighbours sorted, runs counted as weight.
  const start = new Int32Array(count + 1);
  const other = new Int32Array(entries);
  const weight = new Int32Array(entries);
  const scratch = new Int32Array(widest);
  let length = 0;
  for (let p = 0; p < count; p++) {
    const i = nodes[p]!;
    let found = 0;
    for (let k = s.adjStart[i]!; k < s.adjStart[i + 1]!; k++) {
      const j = s.adjOther[k]!;
      if (j === i || position[j]! < 0 || !view.tie(s.adjTie[k]!)) continue;
      scratch[found++] = position[j]!;
    }
    const sorted = scratch.subarray(0, found).sort();
    const first = length;
    for (let k = 0; k < found; k++) {
      const q = sorted[k]!;
      if (length > first && other[length - 1] === q) weight[length - 1]! += 1;
      else {
        other[length] = q;
        weight[length++] = 1;
      }
    }
    start[p + 1] = length;
  }
  return { nodes, start, other: other.slice(0, length), weight: weight.slice(0, length), position };
}

export interface Components {
  /** Component of each node of the graph (by position), numbered by size (0 = largest). */
  of: Int32Array;
  sizes: number[];
}

export function components(g: SimpleGraph): Components {
  const n = g.nodes.length;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let p = 0; p < n; p++) {
    for (let k = g.start[p]!; k < g.start[p + 1]!; k++) {
      const a = find(p);
      const b = find(g.other[k]!);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const rootSize = new Map<number, number>();
  for (let p = 0; p < n; p++) rootSize.set(find(p), (rootSize.get(find(p)) ?? 0) + 1);
  // Number by size, largest first; ties by smallest member.
  const ranked = [...rootSize.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const number = new Map(ranked.map(([root], k) => [root, k]));
  return {
    of: Int32Array.from({ length: n }, (_, p) => number.get(find(p))!),
    sizes: ranked.map(([, size]) => size),
  };
}

/** PageRank over the view's organisations, aligned with `g.nodes` (see the header for the rules). */
export function pageRank(
  s: AnalyticsGraph,
  g: SimpleGraph,
  view: View = WHOLE,
  info?: { iterations: number },
): Float64Array {
  const n = g.nodes.length;
  if (n === 0) return new Float64Array(0);
  // Directed out-links (with multiplicity, so two fundings weigh twice), counted then filled in place.
  const outgoing = (p: number, k: number): number => {
    const i = g.nodes[p]!;
    const t = s.adjTie[k]!;
    const j = s.adjOther[k]!;
    const q = g.position[j]!;
    if (q < 0 || j === i || !view.tie(t)) return -1;
    return SYMMETRIC_KINDS.has(s.tieKind[t]!) || s.tieSource[t] === i ? q : -1;
  };
  const outStart = new Int32Array(n + 1);
  for (let p = 0; p < n; p++) {
    const i = g.nodes[p]!;
    let out = 0;
    for (let k = s.adjStart[i]!; k < s.adjStart[i + 1]!; k++) if (outgoing(p, k) >= 0) out++;
    outStart[p + 1] = outStart[p]! + out;
  }
  const to = new Int32Array(outStart[n]!);
  for (let p = 0, at = 0; p < n; p++) {
    const i = g.nodes[p]!;
    for (let k = s.adjStart[i]!; k < s.adjStart[i + 1]!; k++) {
      const q = outgoing(p, k);
      if (q >= 0) to[at++] = q;
    }
  }
  let rank = new Float64Array(n).fill(1 / n);
  for (let iteration = 0; iteration < PAGERANK.maxIterations; iteration++) {
    const next = new Float64Array(n);
    let dangling = 0;
    for (let p = 0; p < n; p++) {
      const out = outStart[p + 1]! - outStart[p]!;
      if (out === 0) dangling += rank[p]!;
      else {
        const share = rank[p]! / out;
        for (let k = outStart[p]!; k < outStart[p + 1]!; k++) next[to[k]!]! += share;
      }
    }
    let change = 0;
    for (let p = 0; p < n; p++) {
      const value = (1 - PAGERANK.damping) / n + PAGERANK.damping * (next[p]! + dangling / n);
      change += Math.abs(value - rank[p]!);
      next[p] = value;
    }
    rank = next;
    if (info) info.iterations = iteration + 1;
    if (change < PAGERANK.tolerance) break;
  }
  return rank;
}

export interface Betweenness {
  values: Float64Array;
  /** Sources used: every node with a tie when exact, else the sample size. */
  sources: number;
  exact: boolean;
}

/**
 * Normalised betweenness (Brandes), exact up to `exactLimit` nodes with a tie, else from `samples` seeded
 * sources among them. Nodes without a tie are left out of the sources: their betweenness is 0 and a path
 * from one adds nothing, so they neither make a graph of few ties sampled nor use up the sample (and
 * adding one leaves the sample as it was).
 */
export function betweenness(
  g: SimpleGraph,
  exactLimit = EXACT_BETWEENNESS_LIMIT,
  samples = BETWEENNESS_SAMPLES,
  seed = 42,
): Betweenness {
  const n = g.nodes.length;
  const values = new Float64Array(n);
  if (n < 3) return { values, sources: n, exact: true };
  const linked: number[] = [];
  for (let p = 0; p < n; p++) if (g.start[p + 1]! > g.start[p]!) linked.push(p);
  const m = linked.length;
  let sources = Int32Array.from(linked);
  const exact = m <= exactLimit;
  if (m === 0) return { values, sources: 0, exact: true };
  if (!exact) {
    const random = seededRandom(seed);
    const count = Math.min(samples, m);
    for (let k = 0; k < count; k++) {
      const r = k + Math.floor(random() * (m - k));
      [sources[k], sources[r]] = [sources[r]!, sources[k]!];
    }
    sources = sources.slice(0, count);
  }
  // Hot loops over typed arrays held in locals (at D1 each source walks ~1.8 million neighbour entries).
  // The forward pass notes each node's predecessors on shortest paths in the node's own slice of
  // `before` (as long as its neighbour list), so the backward pass visits only those. Each predecessor
  // gets one contribution per node, in reverse BFS order as before, so the sums are the same.
  const start = g.start;
  const other = g.other;
  const sigma = new Float64Array(n);
  const dist = new Int32Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  const before = new Int32Array(other.length);
  const befores = new Int32Array(n);
  for (let s = 0; s < sources.length; s++) {
    const source = sources[s]!;
    sigma.fill(0);
    dist.fill(-1);
    delta.fill(0);
    befores.fill(0);
    sigma[source] = 1;
    dist[source] = 0;
    let head = 0;
    let tail = 0;
    order[tail++] = source;
    while (head < tail) {
      const v = order[head++]!;
      const next = dist[v]! + 1;
      const paths = sigma[v]!;
      for (let k = start[v]!, end = start[v + 1]!; k < end; k++) {
        const w = other[k]!;
        const d = dist[w]!;
        if (d < 0) {
          dist[w] = next;
          order[tail++] = w;
          sigma[w] = paths;
          before[start[w]!] = v;
          befores[w] = 1;
        } else if (d === next) {
          sigma[w]! += paths;
          before[start[w]! + befores[w]!++] = v;
        }
      }
    }
    for (let c = tail - 1; c > 0; c--) {
      const w = order[c]!;
      const paths = sigma[w]!;
      const carried = 1 + delta[w]!;
      for (let k = start[w]!, end = k + befores[w]!; k < end; k++) {
        const v = before[k]!;
        delta[v]! += (sigma[v]! / paths) * carried;
      }
      values[w]! += delta[w]!;
    }
  }
  // Undirected: every pair was counted from both ends; normalise by the number of pairs.
  const scale = m / sources.length / 2 / (((n - 1) * (n - 2)) / 2);
  for (let p = 0; p < n; p++) values[p]! *= scale;
  return { values, sources: sources.length, exact };
}

/**
 * The simple graph seen as the read-only graphology graph Louvain reads: nodes "0".."n-1" in order, each
 * pair once (p < q, by p then q) with its weight, the order in which an UndirectedGraph built from `g`
 * would list them. graphology-communities-louvain only reads `type`, `order`, `size`, `selfLoopCount`,
 * `forEachNode`, `undirectedDegreeWithoutSelfLoops` and `forEachEdge` (into its own typed-array index,
 * graphology-indices/louvain), so it finds the same communities as on a built graph, without building
 * one: at D1 that took 7–15 s and a few hundred MB for a million edges. `buildGraph` below is the
 * reference the unit tests compare with.
 */
export function louvainView(g: SimpleGraph): UndirectedGraph {
  const n = g.nodes.length;
  const size = g.other.length / 2;
  const unsupported = () => {
    throw new Error('louvainView is read-only');
  };
  const view = {
    type: 'undirected',
    multi: false,
    order: n,
    size,
    selfLoopCount: 0,
    addUndirectedEdgeWithKey: unsupported,
    dropNode: unsupported,
    setNodeAttribute: unsupported,
    forEachNode(callback: (node: string) => void) {
      for (let p = 0; p < n; p++) callback(String(p));
    },
    undirectedDegreeWithoutSelfLoops(node: string) {
      const p = Number(node);
      return g.start[p + 1]! - g.start[p]!;
    },
    forEachEdge(
      callback: (
        edge: string,
        attributes: { weight: number },
        source: string,
        target: string,
        sourceAttributes: object,
        targetAttributes: object,
        undirected: boolean,
      ) => void,
    ) {
      const none = {};
      let e = 0;
      for (let p = 0; p < n; p++) {
        const source = String(p);
        for (let k = g.start[p]!; k < g.start[p + 1]!; k++) {
          const q = g.other[k]!;
          if (q > p) callback(String(e++), { weight: g.weight[k]! }, source, String(q), none, none, true);
        }
      }
    },
  };
  return view as unknown as UndirectedGraph;
}

/** The simple graph as a graphology graph (the reference `louvainView` stands for). */
export function buildGraph(g: SimpleGraph): UndirectedGraph {
  const graph = new UndirectedGraph({ allowSelfLoops: false });
  for (let p = 0; p < g.nodes.length; p++) graph.addNode(String(p));
  for (let p = 0; p < g.nodes.length; p++) {
    for (let k = g.start[p]!; k < g.start[p + 1]!; k++) {
      const q = g.other[k]!;
      if (q > p) graph.addUndirectedEdge(String(p), String(q), { weight: g.weight[k]! });
    }
  }
  return graph;
}

/** Louvain communities, aligned with `g.nodes`, numbered by size (0 = largest). */
export function communities(
  s: AnalyticsGraph,
  g: SimpleGraph,
  seed = 42,
): { of: Int32Array; sizes: number[] } {
  const graph = louvainView(g);
  const found = graph.size === 0 ? {} : louvain(graph, { rng: seededRandom(seed), getEdgeWeight: 'weight' });
  const raw = Int32Array.from(
    { length: g.nodes.length },
    (_, p) => (found as Record<string, number>)[String(p)] ?? -1 - p,
  );
  const sizes = new Map<number, number>();
  for (const c of raw) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  // Renumber by size; ties by the smallest member's id in the snapshot.
  const first = new Map<number, string>();
  raw.forEach((c, p) => {
    const id = s.ids[g.nodes[p]!]!;
    if (!first.has(c) || id < first.get(c)!) first.set(c, id);
  });
  const ranked = [...sizes.entries()].sort(
    (a, b) => b[1] - a[1] || (first.get(a[0])! < first.get(b[0])! ? -1 : 1),
  );
  const number = new Map(ranked.map(([c], k) => [c, k]));
  return { of: Int32Array.from(raw, (c) => number.get(c)!), sizes: ranked.map(([, size]) => size) };
}
