// The published network read straight from Neo4j into plain arrays, with Cypher written here (no product
// query or snapshot code): the benchmarks sample their inputs from it, and the naive reference of partner
// suggestions (reference.ts) computes over it. Works for any store, the 10,000-organisation run or D1.
import type { Driver } from 'neo4j-driver';
import { RELATIONSHIP_KINDS } from '../../server/domain/model.ts';
import { runCypher } from '../support/cypher.ts';

const PAGE = 10_000;

const ORGANISATIONS = `
MATCH (o:Organisation)
WHERE o.status = 'PUBLISHED' AND o.id > $after
WITH o ORDER BY o.id LIMIT toInteger($page)
RETURN o.id AS id, o.name AS name, o.sector AS sector, o.kind AS kind,
  [(o)-[:WORKS_ON]->(t:Theme) | t.name] AS themes,
  [(o)-[:LOCATED_IN]->(:Place)-[:IN*0..3]->(q:Place) | [q.level, q.id, q.name]] AS places,
  [(o)-[:PARTICIPATES_IN]->(i:Initiative) | i.id] AS initiatives,
  [(o)-[r]->(m:Organisation) WHERE m.status = 'PUBLISHED' AND type(r) IN $kinds | [m.id, r.id, r.trust]] AS ties`;

export interface GraphData {
  ids: string[];
  index: Map<string, number>;
  names: string[];
  sectors: string[];
  kinds: (string | null)[];
  /** Theme names of each organisation. */
  themes: string[][];
  /** The place ids of each organisation by level ('city', 'region', 'country'), when it has them. */
  places: { city?: string; region?: string; country?: string }[];
  /** Place names by id. */
  placeNames: Map<string, string>;
  initiatives: string[][];
  /** Ties between published organisations, each once (source → target), any kind. */
  tieIds: string[];
  tieSource: Int32Array;
  tieTarget: Int32Array;
  tieTrust: string[];
}

export async function readGraph(driver: Driver): Promise<GraphData> {
  const g: GraphData = {
    ids: [],
    index: new Map(),
    names: [],
    sectors: [],
    kinds: [],
    themes: [],
    places: [],
    placeNames: new Map(),
    initiatives: [],
    tieIds: [],
    tieSource: new Int32Array(0),
    tieTarget: new Int32Array(0),
    tieTrust: [],
  };
  const pendingTies: { source: number; target: string; id: string; trust: string }[] = [];
  let after = '';
  for (;;) {
    const rows = await runCypher(driver, ORGANISATIONS, {
      after,
      page: PAGE,
      kinds: [...RELATIONSHIP_KINDS],
    });
    for (const row of rows) {
      const i = g.ids.length;
      const id = String(row.id);
      g.ids.push(id);
      g.index.set(id, i);
      g.names.push(String(row.name));
      g.sectors.push(String(row.sector));
      g.kinds.push(typeof row.kind === 'string' ? row.kind : null);
      g.themes.push([...new Set(row.themes as string[])]);
      const places: GraphData['places'][number] = {};
      for (const [level, placeId, name] of row.places as [string, string, string][]) {
        if (level === 'city' || level === 'region' || level === 'country') places[level] = placeId;
        g.placeNames.set(placeId, name);
      }
      g.places.push(places);
      g.initiatives.push([...new Set(row.initiatives as string[])]);
      for (const [target, tieId, trust] of row.ties as [string, string, string | null][])
        pendingTies.push({ source: i, target, id: tieId, trust: trust ?? 'IMPORTED' });
    }
    if (rows.length < PAGE) break;
    after = g.ids[g.ids.length - 1]!;
  }
  const ties = pendingTies.filter((t) => g.index.has(t.target));
  g.tieIds = ties.map((t) => t.id);
  g.tieSource = Int32Array.from(ties, (t) => t.source);
  g.tieTarget = Int32Array.from(ties, (t) => g.index.get(t.target)!);
  g.tieTrust = ties.map((t) => t.trust);
  return g;
}

/** Ties per organisation (both directions, a tie counted once per end): the API's `degree`. */
export function degrees(g: GraphData): Int32Array {
  const degree = new Int32Array(g.ids.length);
  for (let t = 0; t < g.tieSource.length; t++) {
    degree[g.tieSource[t]!]! += 1;
    degree[g.tieTarget[t]!]! += 1;
  }
  return degree;
}

/** Distinct neighbours of each organisation. */
export function neighbourSets(g: GraphData): Set<number>[] {
  const sets = g.ids.map(() => new Set<number>());
  for (let t = 0; t < g.tieSource.length; t++) {
    const a = g.tieSource[t]!;
    const b = g.tieTarget[t]!;
    if (a === b) continue;
    sets[a]!.add(b);
    sets[b]!.add(a);
  }
  return sets;
}

/**
 * `count` organisations: the `hubs` best connected, the rest spread evenly over the remaining degree
 * ranking (ties by id), so the same data always gives the same list.
 */
export function spreadSample(g: GraphData, degree: Int32Array, count: number, hubs: number): number[] {
  const ranked = g.ids
    .map((_, i) => i)
    .sort((a, b) => degree[b]! - degree[a]! || (g.ids[a]! < g.ids[b]! ? -1 : 1));
  const top = ranked.slice(0, hubs);
  const rest = ranked.slice(hubs);
  const others = count - top.length;
  const spread = Array.from(
    { length: Math.min(others, rest.length) },
    (_, k) => rest[Math.floor(((k + 0.5) * rest.length) / others)]!,
  );
  return [...top, ...spread];
}
