// Network analytics over the snapshot, as pure functions (checked against graphology's reference
// implementations in test/unit/network/analytics.test.ts):
// - components: connected components, ties taken both ways (union–find);
// - PageRank: damping 0.85, at most 100 iterations or until the L1 change is below 1e-9; directed kinds
//   (funding, membership, part-of, investment, adoption) pass rank from source to target, symmetric kinds
//   (partnership, data sharing) both ways; dangling rank is spread evenly; ranks sum to 1;
// - betweenness: Brandes' algorithm on the simple undirected graph (parallel ties count once), normalised
//   by (n−1)(n−2)/2; from every organisation up to EXACT_BETWEENNESS_LIMIT organisations, above that from
//   a seeded sample of BETWEENNESS_SAMPLES sources, scaled by n / samples (an unbiased estimate);
// - communities: Louvain (graphology-communities-louvain, resolution 1, a seeded random order, so the same
//   data gives the same communities), on the undirected graph weighted by the number of ties per pair.
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
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
  const nodes: number[] = [];
  for (let i = 0; i < n; i++) if (view.node(i)) position[i] = nodes.push(i) - 1;
  const start = new Int32Array(nodes.length + 1);
  const other: number[] = [];
  const weight: number[] = [];
  nodes.forEach((i, p) => {
    const counts = new Map<number, number>();
    for (let k = s.adjStart[i]!; k < s.adjStart[i + 1]!; k++) {
      const j = s.adjOther[k]!;
      if (j === i || position[j]! < 0 || !view.tie(s.adjTie[k]!)) continue;
      counts.set(position[j]!, (counts.get(position[j]!) ?? 0) + 1);
    }
    for (const [q, c] of [...counts.entries()].sort((a, b) => a[0] - b[0])) {
      other.push(q);
      weight.push(c);
    }
    start[p + 1] = other.length;
  });
  return {
    nodes: Int32Array.from(nodes),
    start,
    other: Int32Array.from(other),
    weight: Int32Array.from(weight),
    position,
  };
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
export function pageRank(s: AnalyticsGraph, g: SimpleGraph, view: View = WHOLE): Float64Array {
  const n = g.nodes.length;
  if (n === 0) return new Float64Array(0);
  // Directed out-links (with multiplicity, so two fundings weigh twice).
  const outStart = new Int32Array(n + 1);
  const links: [number, number][] = [];
  for (let p = 0; p < n; p++) {
    const i = g.nodes[p]!;
    for (let k = s.adjStart[i]!; k < s.adjStart[i + 1]!; k++) {
      const t = s.adjTie[k]!;
      const j = s.adjOther[k]!;
      const q = g.position[j]!;
      if (q < 0 || j === i || !view.tie(t)) continue;
      const outgoing = SYMMETRIC_KINDS.has(s.tieKind[t]!) || s.tieSource[t] === i;
      if (outgoing) links.push([p, q]);
    }
  }
  links.sort((a, b) => a[0] - b[0]);
  const to = new Int32Array(links.length);
  links.forEach(([p, q], k) => {
    outStart[p + 1]!++;
    to[k] = q;
  });
  for (let p = 0; p < n; p++) outStart[p + 1]! += outStart[p]!;
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
    if (change < PAGERANK.tolerance) break;
  }
  return rank;
}

/** A small seeded random generator (mulberry32), so samples and Louvain orders are repeatable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Betweenness {
  values: Float64Array;
  /** Sources used: n when exact, else the sample size. */
  sources: number;
  exact: boolean;
}

/** Normalised betweenness (Brandes), exact up to `exactLimit` nodes, else from `samples` seeded sources. */
export function betweenness(
  g: SimpleGraph,
  exactLimit = EXACT_BETWEENNESS_LIMIT,
  samples = BETWEENNESS_SAMPLES,
  seed = 42,
): Betweenness {
  const n = g.nodes.length;
  const values = new Float64Array(n);
  if (n < 3) return { values, sources: n, exact: true };
  let sources: Int32Array;
  const exact = n <= exactLimit;
  if (exact) sources = Int32Array.from({ length: n }, (_, p) => p);
  else {
    const random = seededRandom(seed);
    const all = Int32Array.from({ length: n }, (_, p) => p);
    for (let k = 0; k < samples; k++) {
      const r = k + Math.floor(random() * (n - k));
      [all[k], all[r]] = [all[r]!, all[k]!];
    }
    sources = all.slice(0, samples);
  }
  const sigma = new Float64Array(n);
  const dist = new Int32Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  const queue = new Int32Array(n);
  for (const source of sources) {
    sigma.fill(0);
    dist.fill(-1);
    delta.fill(0);
    sigma[source] = 1;
    dist[source] = 0;
    let head = 0;
    let tail = 0;
    let count = 0;
    queue[tail++] = source;
    while (head < tail) {
      const v = queue[head++]!;
      order[count++] = v;
      for (let k = g.start[v]!; k < g.start[v + 1]!; k++) {
        const w = g.other[k]!;
        if (dist[w]! < 0) {
          dist[w] = dist[v]! + 1;
          queue[tail++] = w;
        }
        if (dist[w] === dist[v]! + 1) sigma[w]! += sigma[v]!;
      }
    }
    for (let c = count - 1; c > 0; c--) {
      const w = order[c]!;
      for (let k = g.start[w]!; k < g.start[w + 1]!; k++) {
        const v = g.other[k]!;
        if (dist[v] === dist[w]! - 1) delta[v]! += (sigma[v]! / sigma[w]!) * (1 + delta[w]!);
      }
      values[w]! += delta[w]!;
    }
  }
  // Undirected: every pair was counted from both ends; normalise by the number of pairs.
  const scale = n / sources.length / 2 / (((n - 1) * (n - 2)) / 2);
  for (let p = 0; p < n; p++) values[p]! *= scale;
  return { values, sources: sources.length, exact };
}

/** Louvain communities, aligned with `g.nodes`, numbered by size (0 = largest). */
export function communities(
  s: AnalyticsGraph,
  g: SimpleGraph,
  seed = 42,
): { of: Int32Array; sizes: number[] } {
  const graph = new UndirectedGraph({ allowSelfLoops: false });
  for (let p = 0; p < g.nodes.length; p++) graph.addNode(String(p));
  for (let p = 0; p < g.nodes.length; p++) {
    for (let k = g.start[p]!; k < g.start[p + 1]!; k++) {
      const q = g.other[k]!;
      if (q > p) graph.addUndirectedEdge(String(p), String(q), { weight: g.weight[k]! });
    }
  }
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
