// Benchmark 1: neighbourhood (breadth-first over the in-memory network snapshot, after one data-version
// check against the database) against one variable-length Cypher query that returns the same graph view
// (nodes with degree, edges among them).
import type { Driver } from 'neo4j-driver';
import { runCypher } from '../support/cypher.ts';
import type { DbRunner as QueryRunner } from '../../server/db/runner.ts';
import { RELATIONSHIP_KINDS, type Dataset } from '../../server/domain/model.ts';
import { createNetworkCache, networkAccess } from '../../server/domain/network/cache.ts';
import { neighbourhoodOf } from '../../server/domain/network/neighbourhood.ts';
import { sideBySide, Samples, type Comparison } from './measure.ts';

export const NEIGHBOURHOOD_DEPTHS = [1, 2] as const;
const LIMIT = 300;
const HUBS = 10;
const ORDINARY = 40;

const KINDS = RELATIONSHIP_KINDS.join('|');

/**
 * The baseline: every published organisation within `depth` hops over published organisations (the BFS
 * never walks through unpublished ones either), at most `limit` nodes including the start, then the same
 * fields as graphNodes/graphEdges. Variable-length bounds cannot be parameters, hence one text per depth.
 */
function baselineCypher(depth: number): string {
  return `
MATCH (s:Organisation {id: $id})
WHERE s.status = 'PUBLISHED'
CALL (s) {
  MATCH p = (s)-[:${KINDS}*1..${depth}]-(m:Organisation)
  WHERE m <> s AND all(n IN nodes(p) WHERE n.status = 'PUBLISHED')
  WITH DISTINCT m
  LIMIT toInteger($limit)
  RETURN collect(m) AS found
}
WITH s, found[..toInteger($limit) - 1] AS others, size(found) >= $limit AS truncated
WITH [s] + others AS members, truncated
RETURN truncated,
  [n IN members | n {.id, .name, .sector, .kind,
    degree: COUNT { (n)-[:${KINDS}]-(x:Organisation) WHERE x.status = 'PUBLISHED' }}] AS nodes,
  COLLECT {
    UNWIND members AS a
    MATCH (a)-[r:${KINDS}]->(b:Organisation)
    WHERE b IN members
    RETURN r {.id, source: a.id, target: b.id, kind: type(r), .trust, .since, .until} AS edge
  } AS edges`;
}

interface BaselineView {
  truncated: boolean;
  nodes: unknown[];
  edges: unknown[];
}

async function baselineNeighbourhood(driver: Driver, id: string, depth: number): Promise<BaselineView> {
  const [row] = await runCypher(driver, baselineCypher(depth), { id, limit: LIMIT });
  return (row as BaselineView | undefined) ?? { truncated: false, nodes: [], edges: [] };
}

/**
 * The start organisations: the HUBS best-connected published ones, then ORDINARY ones spread evenly over
 * the rest of the degree ranking (ties broken by id), so the same dataset always gives the same list.
 */
export function startOrganisations(dataset: Dataset): string[] {
  const degree = new Map<string, number>();
  for (const r of dataset.relationships) {
    degree.set(r.source, (degree.get(r.source) ?? 0) + 1);
    degree.set(r.target, (degree.get(r.target) ?? 0) + 1);
  }
  const ranked = dataset.organisations
    .filter((o) => o.status === 'PUBLISHED')
    .map((o) => ({ id: o.id, degree: degree.get(o.id) ?? 0 }))
    .sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : 1));
  const hubs = ranked.slice(0, HUBS);
  const rest = ranked.slice(HUBS);
  const ordinary = Array.from({ length: Math.min(ORDINARY, rest.length) }, (_, k) => {
    return rest[Math.floor(((k + 0.5) * rest.length) / ORDINARY)];
  });
  return [...hubs, ...ordinary].filter((o) => o !== undefined).map((o) => o.id);
}

export async function benchNeighbourhood(
  { runner, driver }: { runner: QueryRunner; driver: Driver },
  dataset: Dataset,
  rounds: number,
  log: (line: string) => void,
): Promise<Comparison[]> {
  const starts = startOrganisations(dataset);
  // One cache for the run, as a server process has: the snapshot is built on the first call (warm-up)
  // and every call then checks the data version, exactly as a request does.
  const cache = createNetworkCache({
    onRebuild: (info) =>
      log(
        `neighbourhood: snapshot built in ${info.ms} ms (${info.organisations} organisations, ${info.ties} ties)`,
      ),
  });
  const samples = new Map(NEIGHBOURHOOD_DEPTHS.map((d) => [d, new Samples()]));
  const checks = new Map(NEIGHBOURHOOD_DEPTHS.map((d) => [d, { truncated: 0, compared: 0, differing: 0 }]));
  // Round 0 is the warm-up: its timings are dropped, its results are checked (they are the same every round).
  for (let round = 0; round <= rounds; round++) {
    log(`neighbourhood: ${round === 0 ? 'warm-up' : `round ${round}/${rounds}`}`);
    for (const [i, id] of starts.entries()) {
      for (const depth of NEIGHBOURHOOD_DEPTHS) {
        const pair = await sideBySide(
          (round + i + depth) % 2 === 0,
          () => neighbourhoodOf(networkAccess(runner, cache), { ids: [id], depth, limit: LIMIT }),
          () => baselineNeighbourhood(driver, id, depth),
        );
        if (round > 0) {
          samples.get(depth)?.add(pair);
          continue;
        }
        const check = checks.get(depth);
        if (!check) continue;
        const ours = pair.ours.value;
        const base = pair.baseline.value;
        if (ours.truncated || base.truncated) {
          check.truncated++;
          continue;
        }
        check.compared++;
        if (ours.nodes.length !== base.nodes.length || ours.edges.length !== base.edges.length) {
          check.differing++;
          console.warn(
            `WARNING neighbourhood depth ${depth} from ${id}: ours ${ours.nodes.length} nodes/${ours.edges.length} edges, baseline ${base.nodes.length} nodes/${base.edges.length} edges`,
          );
        }
      }
    }
  }
  return NEIGHBOURHOOD_DEPTHS.map((depth) => {
    const check = checks.get(depth) ?? { truncated: 0, compared: 0, differing: 0 };
    const notes = [
      `${starts.length} start organisations (${HUBS} hubs, the rest spread over the degree ranking) × ${rounds} round(s), limit ${LIMIT}`,
      `${check.truncated} of ${starts.length} hit the limit (not compared: each side keeps different nodes)`,
      check.differing === 0
        ? `node and edge counts equal for all ${check.compared} untruncated starts`
        : `WARNING: node or edge counts differ for ${check.differing} of ${check.compared} untruncated starts`,
    ];
    const summary = samples.get(depth) ?? new Samples();
    return summary.compare(`neighbourhood, depth ${depth}`, notes);
  });
}
