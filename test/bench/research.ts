// Research benchmarks:
// 1. GraphQL overhead for an organisation list: a degree-ranked page of 100 (with totalCount) through our
//    HTTP endpoint (Express, Apollo, limits, the snapshot, DataLoader reads) against one Cypher query
//    through neo4j-driver that computes the same page (degree counted in Cypher);
// 2. betweenness sampling: the seeded sample of BETWEENNESS_SAMPLES sources the product uses above
//    EXACT_BETWEENNESS_LIMIT organisations, against exact Brandes on the same graph; time of both, and the
//    error of the sample (absolute errors, relative errors of the 100 most central, rank agreement).
import { pino } from 'pino';
import { runCypher } from '../support/cypher.ts';
import type { BenchDb } from './database.ts';
import { createHttpServer } from '../../server/http/app.ts';
import { RELATIONSHIP_KINDS } from '../../server/domain/model.ts';
import {
  BETWEENNESS_SAMPLES,
  EXACT_BETWEENNESS_LIMIT,
  betweenness,
  simpleGraph,
} from '../../server/domain/network/analytics.ts';
import { createNetworkCache } from '../../server/domain/network/cache.ts';
import { sideBySide, Samples, timed, type Comparison } from './measure.ts';

const PAGE = 100;
const REQUESTS_PER_ROUND = 20;
const KINDS = RELATIONSHIP_KINDS.join('|');

const LIST_QUERY = `query ($first: Int) {
  organisations(first: $first, orderBy: DEGREE_DESC) { totalCount nodes { id name sector } }
}`;

const BASELINE_LIST = `
MATCH (o:Organisation) WHERE o.status = 'PUBLISHED'
WITH o, COUNT { (o)-[:${KINDS}]-(x:Organisation) WHERE x.status = 'PUBLISHED' } AS degree
ORDER BY degree DESC, o.name, o.id
WITH collect(o {.id, .name, .sector}) AS ranked
RETURN size(ranked) AS totalCount, ranked[..toInteger($first)] AS nodes`;

interface Page {
  totalCount: number;
  nodes: { id: string; name: string; sector: string }[];
}

export async function benchOrganisationList(
  db: BenchDb,
  rounds: number,
  log: (line: string) => void,
): Promise<Comparison> {
  const http = await createHttpServer({ runner: db.runner, logger: pino({ level: 'silent' }) });
  const port = await http.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/graphql`;
  const ours = async (): Promise<Page> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LIST_QUERY, variables: { first: PAGE } }),
    });
    const body = (await response.json()) as { data?: { organisations: Page }; errors?: unknown[] };
    if (!body.data) throw new Error(`organisations failed: ${JSON.stringify(body.errors)}`);
    return body.data.organisations;
  };
  const baseline = async (): Promise<Page> => {
    const [row] = await runCypher(db.driver, BASELINE_LIST, { first: PAGE });
    return row as unknown as Page;
  };
  try {
    log(`organisation list: warm-up, then ${rounds} × ${REQUESTS_PER_ROUND} requests each side`);
    const warm = await sideBySide(true, ours, baseline);
    const samples = new Samples();
    for (let r = 0; r < rounds; r++)
      for (let k = 0; k < REQUESTS_PER_ROUND; k++)
        samples.add(await sideBySide((r + k) % 2 === 0, ours, baseline));
    const a = warm.ours.value;
    const b = warm.baseline.value;
    const same = a.nodes.filter((n) => b.nodes.some((m) => m.id === n.id)).length;
    return samples.compare(`organisations(first: ${PAGE}, orderBy: DEGREE_DESC) over HTTP vs neo4j-driver`, [
      `ours: POST /graphql (HTTP on 127.0.0.1, Apollo, cost and depth limits, one data-version check, the in-memory snapshot's degree ordering, organisation fields batched by DataLoader); baseline: one Cypher query through neo4j-driver counting degrees and sorting`,
      `totalCount ${a.totalCount} (ours) / ${b.totalCount} (baseline); ${same} of the ${PAGE} organisations on both pages (equal degrees may be ordered differently)`,
      `${rounds * REQUESTS_PER_ROUND} requests per side, alternating which goes first`,
    ]);
  } finally {
    await http.close();
  }
}

function spearman(x: Float64Array, y: Float64Array): number {
  const ranks = (v: Float64Array) => {
    const order = Array.from(v.keys()).sort((i, j) => v[i]! - v[j]!);
    const r = new Float64Array(v.length);
    let k = 0;
    while (k < order.length) {
      let end = k;
      while (end + 1 < order.length && v[order[end + 1]!] === v[order[k]!]) end++;
      for (let q = k; q <= end; q++) r[order[q]!] = (k + end) / 2;
      k = end + 1;
    }
    return r;
  };
  const rx = ranks(x);
  const ry = ranks(y);
  const n = x.length;
  const mean = (n - 1) / 2;
  let num = 0;
  let dx = 0;
  let dy = 0;
  for (let i = 0; i < n; i++) {
    num += (rx[i]! - mean) * (ry[i]! - mean);
    dx += (rx[i]! - mean) ** 2;
    dy += (ry[i]! - mean) ** 2;
  }
  return num / Math.sqrt(dx * dy);
}

export async function benchBetweennessSampling(
  db: BenchDb,
  log: (line: string) => void,
): Promise<Comparison> {
  const s = await createNetworkCache().current(db.runner);
  const g = simpleGraph(s);
  const n = g.nodes.length;
  log(`betweenness: ${BETWEENNESS_SAMPLES} sampled sources, then exact Brandes over ${n} organisations`);
  // Sampled even below EXACT_BETWEENNESS_LIMIT, so the error of the sample can be measured at any size.
  const sampled = await timed(async () => betweenness(g, 0, BETWEENNESS_SAMPLES));
  const exact = await timed(async () => betweenness(g, Number.POSITIVE_INFINITY));
  const e = exact.value.values;
  const est = sampled.value.values;
  let maxAbs = 0;
  let sumAbs = 0;
  let maxExact = 0;
  for (let p = 0; p < n; p++) {
    const d = Math.abs(est[p]! - e[p]!);
    maxAbs = Math.max(maxAbs, d);
    sumAbs += d;
    maxExact = Math.max(maxExact, e[p]!);
  }
  /** Indexes of the 100 largest values, largest first. */
  const top100 = (values: Float64Array | number[]) =>
    Array.from(values.keys())
      .sort((i, j) => values[j]! - values[i]!)
      .slice(0, 100);
  const top = top100(e);
  /** The relative errors of `values` on the exact top 100, smallest first. */
  const relativeErrors = (values: Float64Array | number[]) =>
    top.map((p) => Math.abs(values[p]! - e[p]!) / e[p]!).sort((a, b) => a - b);
  // The same error figures for half and a quarter of the sample, to show what the sample size buys.
  const smaller = [BETWEENNESS_SAMPLES / 2, BETWEENNESS_SAMPLES / 4].map((k) => {
    const v = betweenness(g, 0, k).values;
    const inTop = new Set(top100(v));
    const rel = relativeErrors(v);
    return `with ${k} sources instead: the 100 most central, relative error median ${(rel[49]! * 100).toFixed(1)} %, 90th percentile ${(rel[89]! * 100).toFixed(1)} %; ${top.filter((p) => inTop.has(p)).length} of them in the sample's top 100; Spearman ${spearman(v, e).toFixed(3)}`;
  });
  const topSampled = new Set(top100(est));
  const relative = relativeErrors(est);
  const samples = new Samples();
  samples.add({ ours: sampled, baseline: exact });
  const fmt = (x: number) => x.toExponential(2);
  return samples.compare(
    `betweenness: ${sampled.value.sources} sampled sources (ours) vs exact Brandes (baseline), ${n} organisations`,
    [
      `sampled: ${sampled.value.sources} seeded sources, scaled by n / samples (forced here; the product samples only above ${EXACT_BETWEENNESS_LIMIT} organisations and is exact below)`,
      `absolute error of the normalised values: mean ${fmt(sumAbs / n)}, max ${fmt(maxAbs)} (largest exact value ${fmt(maxExact)})`,
      `the 100 most central (exact): relative error median ${(relative[49]! * 100).toFixed(1)} %, 90th percentile ${(relative[89]! * 100).toFixed(1)} %, max ${(relative[99]! * 100).toFixed(1)} %; ${top.filter((p) => topSampled.has(p)).length} of them also in the sample's top 100`,
      `rank agreement over all organisations (Spearman): ${spearman(est, e).toFixed(3)}`,
      ...smaller,
      'one measurement each (a single computation, not repeated)',
    ],
    's',
  );
}
