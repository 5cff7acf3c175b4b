// Benchmark: neighbourhood (breadth-first over the in-memory network snapshot, after one data-version check
// against the database) against ONE hand-written Cypher query that returns the same graph view: the same
// nodes (with distance and degree) and the same edges, chosen by the same rule when the limit cuts.
import type { Driver } from 'neo4j-driver';
import type { QueryRunner } from '../../server/common/queryRunner.ts';
import { RELATIONSHIP_KINDS } from '../../server/domain/model.ts';
import { networkAccess, type NetworkCache } from '../../server/domain/network/cache.ts';
import { neighbourhoodOf } from '../../server/domain/network/neighbourhood.ts';
import { runCypher } from '../support/cypher.ts';
import type { GraphData } from './graphData.ts';
import { sideBySide, Samples, type Comparison } from './measure.ts';

export const NEIGHBOURHOOD_DEPTHS = [1, 2] as const;
const LIMIT = 300;
export const NEIGHBOURHOOD_STARTS = { hubs: 10, total: 50 } as const;

const KINDS = RELATIONSHIP_KINDS.join('|');
const DEGREE = `COUNT { (m)-[:${KINDS}]-(x:Organisation) WHERE x.status = 'PUBLISHED' }`;

/**
 * One layer of the breadth-first search: the published neighbours of `from` not yet reached, best connected
 * first (then by id), as {m, degree} maps, all of them (the caller keeps what fits).
 */
function layer(from: string, reached: string): string {
  return `
  WITH ${reached} AS reached, ${from} AS frontier
  UNWIND frontier AS f
  MATCH (f)-[:${KINDS}]-(m:Organisation)
  WHERE m.status = 'PUBLISHED' AND NOT m IN reached
  WITH DISTINCT m
  WITH m, ${DEGREE} AS degree
  ORDER BY degree DESC, m.id
  RETURN collect({m: m, degree: degree}) AS ranked`;
}

/**
 * The baseline for depth 1 or 2, the rule the API documents for neighbourhood: breadth-first over ties
 * between published organisations; when the limit cuts a layer, its best connected organisations (then by
 * id) are kept. Then the nodes with their degree (ties to published organisations) and distance, and every
 * tie among them. Variable-length bounds cannot be parameters, hence one text per depth.
 */
export function baselineCypher(depth: 1 | 2): string {
  const second =
    depth === 1
      ? 'WITH s, sDegree, hop1, [] AS hop2'
      : `CALL (s, hop1) {${layer('CASE WHEN size(hop1) < toInteger($limit) - 1 THEN [p IN hop1 | p.m] ELSE [] END', '[s] + [p IN hop1 | p.m]')}
}
WITH s, sDegree, hop1, ranked[..toInteger($limit) - 1 - size(hop1)] AS hop2`;
  return `
MATCH (s:Organisation {id: $id})
WHERE s.status = 'PUBLISHED'
WITH s, COUNT { (s)-[:${KINDS}]-(x:Organisation) WHERE x.status = 'PUBLISHED' } AS sDegree
CALL (s) {${layer('[s]', '[s]')}
}
WITH s, sDegree, ranked[..toInteger($limit) - 1] AS hop1
${second}
WITH [{m: s, degree: sDegree, distance: 0}] + [p IN hop1 | p {.*, distance: 1}] + [p IN hop2 | p {.*, distance: 2}] AS rows
WITH rows, [r IN rows | r.m] AS members
RETURN
  [r IN rows | {id: r.m.id, name: r.m.name, sector: r.m.sector, kind: r.m.kind, degree: r.degree, distance: r.distance}] AS nodes,
  COLLECT {
    UNWIND members AS a
    MATCH (a)-[r:${KINDS}]->(b:Organisation)
    WHERE b IN members
    RETURN r {.id, source: a.id, target: b.id, kind: type(r), .trust, since: toString(r.since), until: toString(r.until)} AS edge
  } AS edges`;
}

export interface View {
  nodes: { id: string; distance: number }[];
  edges: { id: string }[];
}

async function baselineNeighbourhood(driver: Driver, id: string, depth: 1 | 2): Promise<View> {
  const [row] = await runCypher(driver, baselineCypher(depth), { id, limit: LIMIT });
  return (row as View | undefined) ?? { nodes: [], edges: [] };
}

/** Whether both give the same nodes at the same distances and the same edges; a difference in words otherwise. */
export function difference(ours: View, base: View): string | null {
  const key = (v: View) => ({
    nodes: new Map(v.nodes.map((n) => [n.id, n.distance])),
    edges: new Set(v.edges.map((e) => e.id)),
  });
  const o = key(ours);
  const b = key(base);
  const nodesOnly = (x: Map<string, number>, y: Map<string, number>) =>
    [...x.entries()].filter(([id, d]) => y.get(id) !== d).length;
  const edgesOnly = (x: Set<string>, y: Set<string>) => [...x].filter((id) => !y.has(id)).length;
  const diffs = [
    nodesOnly(o.nodes, b.nodes),
    nodesOnly(b.nodes, o.nodes),
    edgesOnly(o.edges, b.edges),
    edgesOnly(b.edges, o.edges),
  ];
  if (diffs.every((d) => d === 0)) return null;
  return `ours ${ours.nodes.length} nodes/${ours.edges.length} edges, baseline ${base.nodes.length}/${base.edges.length}; only in ours: ${diffs[0]} nodes, ${diffs[2]} edges; only in the baseline: ${diffs[1]} nodes, ${diffs[3]} edges`;
}

export async function benchNeighbourhood(
  runner: QueryRunner,
  driver: Driver,
  cache: NetworkCache,
  g: GraphData,
  starts: number[],
  rounds: number,
  log: (line: string) => void,
): Promise<Comparison[]> {
  const samples = new Map(NEIGHBOURHOOD_DEPTHS.map((d) => [d, new Samples()]));
  const checks = new Map(
    NEIGHBOURHOOD_DEPTHS.map((d) => [d, { truncated: 0, compared: 0, differing: [] as string[] }]),
  );
  // Round 0 is the warm-up: its timings are dropped, its results are checked (they are the same every round).
  for (let round = 0; round <= rounds; round++) {
    log(`neighbourhood: ${round === 0 ? 'warm-up and check' : `round ${round}/${rounds}`}`);
    for (const [i, start] of starts.entries()) {
      const id = g.ids[start]!;
      for (const depth of NEIGHBOURHOOD_DEPTHS) {
        const pair = await sideBySide(
          (round + i + depth) % 2 === 0,
          () => neighbourhoodOf(networkAccess(runner, cache), { ids: [id], depth, limit: LIMIT }),
          () => baselineNeighbourhood(driver, id, depth),
        );
        if (round > 0) {
          samples.get(depth)!.add(pair);
          continue;
        }
        const check = checks.get(depth)!;
        check.compared++;
        if (pair.ours.value.truncated) check.truncated++;
        const diff = difference(pair.ours.value, pair.baseline.value);
        if (diff !== null) {
          check.differing.push(`${id}: ${diff}`);
          console.warn(`WARNING neighbourhood depth ${depth} from ${id}: ${diff}`);
        }
      }
    }
  }
  return NEIGHBOURHOOD_DEPTHS.map((depth) => {
    const check = checks.get(depth)!;
    const notes = [
      `${starts.length} start organisations (${NEIGHBOURHOOD_STARTS.hubs} best connected, the rest spread over the degree ranking) × ${rounds} round(s), limit ${LIMIT}; ours: neighbourhoodOf over the snapshot (one data-version query); baseline: one Cypher query (neighbourhood.ts) that keeps the same nodes when the limit cuts`,
      `${check.truncated} of ${check.compared} starts hit the limit (both sides keep the best connected)`,
      check.differing.length === 0
        ? `the same nodes (at the same distances) and the same edges on all ${check.compared} starts`
        : `WARNING: nodes or edges differ for ${check.differing.length} of ${check.compared} starts: ${check.differing.slice(0, 3).join(' | ')}`,
    ];
    return samples.get(depth)!.compare(`neighbourhood, depth ${depth}`, notes);
  });
}
