// The whole-network computations that take seconds to minutes on a large network (PageRank, betweenness,
// Louvain communities, components), as jobs a worker thread runs (analyticsWorker.ts, started by
// analyticsPool.ts) so that they never block the request thread. Pure: a job carries the graph arrays of
// the snapshot and, for a part of the network, which organisations and ties count.
import {
  betweenness,
  communities,
  components,
  pageRank,
  simpleGraph,
  WHOLE,
  type AnalyticsGraph,
  type View,
} from './analytics.ts';

export interface AnalyticsJob {
  /** `metrics`: every figure per organisation; `structure`: components and communities only. */
  kind: 'metrics' | 'structure';
  graph: AnalyticsGraph;
  /** 1 for each organisation (by snapshot index) in the view; null for all. */
  nodes: Uint8Array | null;
  /** 1 for each tie (by snapshot index) in the view; null for all. */
  ties: Uint8Array | null;
}

/** Figures per snapshot organisation (0 or -1 outside the view). */
export interface MetricsResult {
  kind: 'metrics';
  pageRank: Float64Array;
  betweenness: Float64Array;
  community: Int32Array;
  component: Int32Array;
  betweennessSources: number;
  betweennessExact: boolean;
  communitySizes: number[];
  componentSizes: number[];
  /** PageRank iterations until the tolerance (or the cap) was reached. */
  pageRankIterations: number;
  computedMs: number;
  /** Milliseconds per phase (graph, components, communities, betweenness, PageRank), for logs and benchmarks. */
  phases: Record<string, number>;
}

/** Components and communities of a part of the network, aligned with `nodes` (snapshot indexes). */
export interface StructureResult {
  kind: 'structure';
  nodes: Int32Array;
  componentSizes: number[];
  communityOf: Int32Array;
  communitySizes: number[];
  computedMs: number;
}

export type AnalyticsResult = MetricsResult | StructureResult;

function viewOf(job: AnalyticsJob): View {
  if (job.nodes === null && job.ties === null) return WHOLE;
  const { nodes, ties } = job;
  return {
    node: nodes === null ? () => true : (i) => nodes[i] === 1,
    tie: ties === null ? () => true : (t) => ties[t] === 1,
  };
}

export function runAnalyticsJob(job: AnalyticsJob): AnalyticsResult {
  const started = performance.now();
  const phases: Record<string, number> = {};
  let last = started;
  const phase = <T>(name: string, work: () => T): T => {
    const value = work();
    const now = performance.now();
    phases[name] = Math.round(now - last);
    last = now;
    return value;
  };
  const view = viewOf(job);
  const s = job.graph;
  const g = phase('graph', () => simpleGraph(s, view));
  const c = phase('components', () => components(g));
  const louvain = phase('communities', () => communities(s, g));
  if (job.kind === 'structure') {
    return {
      kind: 'structure',
      nodes: g.nodes,
      componentSizes: c.sizes,
      communityOf: louvain.of,
      communitySizes: louvain.sizes,
      computedMs: Math.round(performance.now() - started),
    };
  }
  const n = s.ids.length;
  const spread = <T extends Float64Array | Int32Array>(values: T, empty: T): T => {
    for (let p = 0; p < g.nodes.length; p++) empty[g.nodes[p]!] = values[p]!;
    return empty;
  };
  const b = phase('betweenness', () => betweenness(g));
  const pageRankInfo = { iterations: 0 };
  const ranks = phase('pageRank', () => pageRank(s, g, view, pageRankInfo));
  return {
    kind: 'metrics',
    pageRank: spread(ranks, new Float64Array(n)),
    betweenness: spread(b.values, new Float64Array(n)),
    community: spread(louvain.of, new Int32Array(n).fill(-1)),
    component: spread(c.of, new Int32Array(n).fill(-1)),
    betweennessSources: b.sources,
    betweennessExact: b.exact,
    communitySizes: louvain.sizes,
    componentSizes: c.sizes,
    pageRankIterations: pageRankInfo.iterations,
    computedMs: Math.round(performance.now() - started),
    phases,
  };
}
