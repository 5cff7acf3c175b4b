// `--only overhead`: the cost of our GraphQL endpoint over the database, issue 7's first two speed goals.
// 1. Ours = POST /graphql over HTTP to the real app (Express, Apollo, graphql-armor, cost and depth limits,
//    the data-version check, DataLoader, JSON); baseline = one Cypher query through neo4j-driver that
//    gives the same answer, as a competent developer would write it (checked equal on the warm-up round):
//    organisation by id, a filtered `relationships` page, `neighbourhood` depth 2 and `network`. Where our
//    server answers from the in-memory snapshot, the baseline is still the Cypher query.
// 2. Ours against the Neo4j GraphQL Library (@neo4j/graphql, a benchmark-only dev dependency) served by
//    Apollo over HTTP on the same store, with type definitions over our labels and relationship types:
//    a filtered list with its total, and a two-level nested read (an initiative's participants with
//    their themes).
import fs from 'node:fs';
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import { pino } from 'pino';
import { RELATIONSHIP_KINDS, SECTORS } from '../../server/domain/model.ts';
import type { SectorMix } from '../../server/domain/network/metrics.ts';
import { createHttpServer } from '../../server/http/app.ts';
import { runCypher } from '../support/cypher.ts';
import type { BenchDb } from './database.ts';
import { degrees, readGraph, spreadSample } from './graphData.ts';
import { ratio, sideBySide, Samples, summarise, type Comparison } from './measure.ts';
import { baselineCypher, difference, type View } from './neighbourhood.ts';

const KINDS = RELATIONSHIP_KINDS.join('|');

type Post = <T>(query: string, variables: Record<string, unknown>) => Promise<T>;

/**
 * The bench's HTTP client for every comparison over HTTP (ours, the Neo4j GraphQL Library, the HTTP floor):
 * `http.request` through one keep-alive `http.Agent`, the body read as a Buffer and parsed with JSON.parse.
 * Node's global fetch (undici, WHATWG streams and body mixins) costs about twice as much per request on
 * loopback (0.41–0.94 ms against 0.20–0.44 ms p50 here at load averages 3–6), and since client and server
 * share the bench's process and its 2 cores, that cost was counted as our server's overhead; httpFloor
 * still measures fetch too.
 */
const agent = new http.Agent({ keepAlive: true });

function poster(url: string): Post {
  const { hostname, port, pathname } = new URL(url);
  return <T>(query: string, variables: Record<string, unknown>) =>
    new Promise<T>((resolve, reject) => {
      const body = JSON.stringify({ query, variables });
      const request = http.request(
        {
          agent,
          hostname,
          port,
          path: pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            try {
              const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
                data?: T;
                errors?: unknown[];
              };
              if (!answer.data || answer.errors) throw new Error(`${url}: ${JSON.stringify(answer.errors)}`);
              resolve(answer.data);
            } catch (error) {
              reject(error as Error);
            }
          });
        },
      );
      request.on('error', reject);
      request.end(body);
    });
}

/** The client the bench used before: Node's global fetch, for the HTTP floor's comparison only. */
function fetchPoster(url: string): Post {
  return async <T>(query: string, variables: Record<string, unknown>) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (!body.data || body.errors) throw new Error(`${url}: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
}

/**
 * Runs every case side by side: round 0 is the warm-up, whose answers are checked (they are the same every
 * round), then `rounds` measured rounds of `repeats` passes over the cases, alternating which side goes first.
 */
async function measureCases<C, A, B>(options: {
  cases: readonly C[];
  rounds: number;
  repeats: number;
  ours: (c: C) => Promise<A>;
  baseline: (c: C) => Promise<B>;
  /** null when both answers are the same, else the difference in words. */
  check: (c: C, ours: A, baseline: B) => string | null;
}): Promise<{ samples: Samples; differing: string[] }> {
  const samples = new Samples();
  const differing: string[] = [];
  for (const [i, c] of options.cases.entries()) {
    const pair = await sideBySide(
      i % 2 === 0,
      () => options.ours(c),
      () => options.baseline(c),
    );
    const diff = options.check(c, pair.ours.value, pair.baseline.value);
    if (diff !== null) {
      differing.push(diff);
      console.warn(`WARNING: ${diff}`);
    }
  }
  let k = 0;
  for (let r = 0; r < options.rounds; r++)
    for (let p = 0; p < options.repeats; p++)
      for (const c of options.cases)
        samples.add(
          await sideBySide(
            k++ % 2 === 0,
            () => options.ours(c),
            () => options.baseline(c),
          ),
        );
  return { samples, differing };
}

const checked = (differing: string[], compared: number, what: string) =>
  differing.length === 0
    ? `answers checked equal on all ${compared} cases (warm-up round): ${what}`
    : `WARNING: answers differ on ${differing.length} of ${compared} cases: ${differing.slice(0, 3).join(' | ')}`;

/** The goals of "GraphQL overhead over HTTP" for a snapshot-backed query: p50 ≤ 1.3×, p99 ≤ 1.5×. */
function ratioGoals(c: Comparison, label: string): Comparison {
  const p50 = ratio(c);
  const p99 = c.ours.p99 / c.baseline.p99;
  return {
    ...c,
    goals: [
      {
        what: `${label} over HTTP ≤ 1.3× the Cypher at p50`,
        measured: `${p50.toFixed(2)}×`,
        met: p50 <= 1.3,
      },
      {
        what: `${label} over HTTP ≤ 1.5× the Cypher at p99`,
        measured: `${p99.toFixed(2)}×`,
        met: p99 <= 1.5,
      },
    ],
  };
}

// --- organisation by id -------------------------------------------------------------------------------

const ORGANISATION_QUERY = `query ($id: ID!) {
  organisation(id: $id) { id name sector kind description website place { id name } themes { id name } }
}`;

interface OrganisationAnswer {
  id: string;
  name: string;
  sector: string;
  kind: string | null;
  description: string | null;
  website: string | null;
  place: { id: string } | null;
  themes: { id: string }[];
}

/** The product's own query file, through the driver: the Cypher whose overhead we measure. */
const ORGANISATION_CYPHER = fs.readFileSync(
  new URL('../../cypher/queries/organisationsByIds.cypher', import.meta.url),
  'utf8',
);

/**
 * The HTTP floor: a client posting the same body to an Express endpoint that parses the JSON and answers a
 * small JSON object, with no GraphQL and no database; p50 over `n` requests, with the bench's client and
 * with fetch (interleaved in blocks of 20, so that the machine's load weighs on both alike).
 */
async function httpFloor(n: number): Promise<{ lean: number; fetch: number }> {
  const app = express();
  app.post('/graphql', express.json({ limit: '1mb' }), (req, res) => {
    res.json({ data: { echo: (req.body as { variables?: unknown }).variables ?? null } });
  });
  const server = http.createServer(app);
  const port = await listenOnFreePort(server);
  try {
    const url = `http://127.0.0.1:${port}/graphql`;
    const clients = { lean: poster(url), fetch: fetchPoster(url) };
    const times = { lean: [] as number[], fetch: [] as number[] };
    for (let block = 0; block < n / 20 + 1; block++)
      for (const name of ['lean', 'fetch'] as const)
        for (let k = 0; k < 20; k++) {
          const started = performance.now();
          await clients[name](ORGANISATION_QUERY, { id: `id-${block}-${k}` });
          // The first block of each client warms it up.
          if (block > 0) times[name].push(performance.now() - started);
        }
    return { lean: summarise(times.lean).median, fetch: summarise(times.fetch).median };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const httpFloorNote = (floor: { lean: number; fetch: number }) =>
  `the HTTP floor, measured after these: the same client (http.request with a keep-alive http.Agent) posting the same body to an Express endpoint that only parses it and answers a small JSON object (no GraphQL, no database) takes ${floor.lean.toFixed(2)} ms at p50 (200 requests); it is part of "ours" and not of the baseline. With Node's fetch as the client, as the bench used before, the same floor takes ${floor.fetch.toFixed(2)} ms (200 requests, interleaved with the others)`;

async function benchOrganisationById(
  post: Post,
  db: BenchDb,
  ids: string[],
  rounds: number,
): Promise<Comparison> {
  const { samples, differing } = await measureCases({
    cases: ids,
    rounds,
    repeats: 2,
    ours: async (id) =>
      (await post<{ organisation: OrganisationAnswer | null }>(ORGANISATION_QUERY, { id })).organisation,
    baseline: async (id) => {
      const [row] = await runCypher(db.driver, ORGANISATION_CYPHER, { ids: [id] });
      if (!row) return null;
      const o = row.organisation as Record<string, unknown>;
      const places = row.places as { id: string }[];
      return {
        id: o.id,
        name: o.name,
        sector: o.sector,
        kind: o.kind ?? null,
        description: o.description ?? null,
        website: o.website ?? null,
        place: places[0] ? { id: places[0].id } : null,
        themes: (row.themes as { id: string }[]).map((t) => ({ id: t.id })),
      } as OrganisationAnswer;
    },
    check: (id, a, b) => {
      const key = (o: OrganisationAnswer | null) =>
        o === null
          ? 'null'
          : JSON.stringify([
              o.id,
              o.name,
              o.sector,
              o.kind,
              o.description,
              o.website,
              o.place?.id ?? null,
              o.themes.map((t) => t.id),
            ]);
      return key(a) === key(b) ? null : `organisation ${id}: ours ${key(a)}, baseline ${key(b)}`;
    },
  });
  const c = samples.compare('organisation by id over HTTP vs its Cypher through neo4j-driver', [
    `${ids.length} organisations (spread over the degree ranking) × 2 × ${rounds} round(s); ours: POST /graphql \`organisation(id) { id name sector kind description website place { id name } themes { id name } }\` (Express, Apollo, graphql-armor, cost and depth limits, DataLoader, JSON; no snapshot is needed for these fields, so no data-version query), posted with http.request through a keep-alive agent (the HTTP floor below gives fetch's cost too); baseline: the same Cypher (cypher/queries/organisationsByIds.cypher with one id) through neo4j-driver`,
    checked(differing, ids.length, 'the same fields, place and theme ids'),
    httpFloorNote(await httpFloor(200)),
  ]);
  const added = c.ours.median - c.baseline.median;
  return {
    ...c,
    goals: [
      {
        what: 'organisation by id over HTTP adds at most 1 ms to its Cypher at p50',
        measured: `${added.toFixed(2)} ms added (${ratio(c).toFixed(2)}×)`,
        met: added <= 1,
      },
    ],
  };
}

// --- a filtered relationships page ----------------------------------------------------------------------

interface RelationshipFilterCase {
  kinds?: string[];
  minAmount?: number;
  sectors?: string[];
  trustStates?: string[];
  activeOn?: string;
  organisations?: string[];
}

const RELATIONSHIPS_QUERY = `query ($filter: RelationshipFilter, $first: Int) {
  relationships(filter: $filter, first: $first) {
    totalCount
    amountTotals { kind currency total count }
    nodes { id kind since until amount currency trust source { id name } target { id name } }
  }
}`;

interface RelationshipsAnswer {
  totalCount: number;
  amountTotals: { kind: string; currency: string; total: number; count: number }[];
  nodes: {
    id: string;
    kind: string;
    since: string | null;
    until: string | null;
    amount: number | null;
    currency: string | null;
    trust: string;
    source: { id: string; name: string };
    target: { id: string; name: string };
  }[];
}

/** The WHERE clause a developer would write for the filter (the RelationshipFilter rules of the API). */
function relationshipWhere(f: RelationshipFilterCase): string {
  const parts = ["a.status = 'PUBLISHED'", "b.status = 'PUBLISHED'"];
  if (f.kinds) parts.push('type(r) IN $f.kinds');
  if (f.minAmount !== undefined) parts.push('r.amount >= $f.minAmount');
  if (f.sectors) parts.push('(a.sector IN $f.sectors OR b.sector IN $f.sectors)');
  if (f.trustStates) parts.push('r.trust IN $f.trustStates');
  if (f.activeOn)
    parts.push(
      '(r.since IS NULL OR r.since <= date($f.activeOn)) AND (r.until IS NULL OR r.until >= date($f.activeOn))',
    );
  if (f.organisations) parts.push('(a.id IN $f.organisations OR b.id IN $f.organisations)');
  return parts.join(' AND ');
}

const relationshipsCypher = (f: RelationshipFilterCase) => `
MATCH (a:Organisation)-[r:${KINDS}]->(b:Organisation)
WHERE ${relationshipWhere(f)}
WITH a, r, b ORDER BY r.since IS NULL, r.since DESC, r.id
WITH collect({a: a, r: r, b: b}) AS rows
RETURN size(rows) AS totalCount,
  [x IN rows[..toInteger($first)] | {
    id: x.r.id, kind: type(x.r), since: toString(x.r.since), until: toString(x.r.until), amount: x.r.amount,
    currency: x.r.currency, trust: x.r.trust, source: {id: x.a.id, name: x.a.name}, target: {id: x.b.id, name: x.b.name}
  }] AS nodes,
  COLLECT {
    UNWIND rows AS x
    WITH x.r AS r WHERE r.amount IS NOT NULL AND r.currency IS NOT NULL
    WITH type(r) AS kind, r.currency AS currency, sum(r.amount) AS total, count(*) AS count
    RETURN {kind: kind, currency: currency, total: round(total, 2), count: count}
  } AS amountTotals`;

function relationshipsDifference(ours: RelationshipsAnswer, base: RelationshipsAnswer): string | null {
  const page = (a: RelationshipsAnswer) =>
    JSON.stringify(
      a.nodes.map((n) => [
        n.id,
        n.kind,
        n.since,
        n.until,
        n.amount,
        n.currency,
        n.trust,
        n.source.id,
        n.source.name,
        n.target.id,
        n.target.name,
      ]),
    );
  const totals = (a: RelationshipsAnswer) =>
    JSON.stringify(
      a.amountTotals
        .map((t) => [t.kind, t.currency, Math.round(t.total * 100), t.count])
        .sort((x, y) => (String(x) < String(y) ? -1 : 1)),
    );
  const diffs = [
    ours.totalCount !== base.totalCount ? `totalCount ${ours.totalCount} / ${base.totalCount}` : null,
    page(ours) !== page(base) ? 'the page differs' : null,
    totals(ours) !== totals(base) ? `amount totals ${totals(ours)} / ${totals(base)}` : null,
  ].filter((d) => d !== null);
  return diffs.length === 0 ? null : diffs.join('; ');
}

async function benchRelationships(post: Post, db: BenchDb, hub: string, rounds: number): Promise<Comparison> {
  const first = 20;
  const cases: RelationshipFilterCase[] = [
    { kinds: ['FUNDING'], minAmount: 100_000 },
    { sectors: ['GOVERNMENT'], trustStates: ['CONFIRMED', 'SOURCED'] },
    { kinds: ['PARTNERSHIP', 'DATA_SHARING'], activeOn: '2021-06-30' },
    { organisations: [hub] },
    { kinds: ['INVESTMENT', 'FUNDING'], sectors: ['CIVIC_INNOVATOR'] },
  ];
  const { samples, differing } = await measureCases({
    cases,
    rounds,
    repeats: 10,
    ours: async (filter) =>
      (await post<{ relationships: RelationshipsAnswer }>(RELATIONSHIPS_QUERY, { filter, first }))
        .relationships,
    baseline: async (filter) => {
      const [row] = await runCypher(db.driver, relationshipsCypher(filter), { f: filter, first });
      return row as unknown as RelationshipsAnswer;
    },
    check: (filter, a, b) => {
      const d = relationshipsDifference(a, b);
      return d === null ? null : `relationships ${JSON.stringify(filter)}: ${d}`;
    },
  });
  return ratioGoals(
    samples.compare(`relationships(filter, first: ${first}) over HTTP vs one Cypher query`, [
      `${cases.length} filters (${cases.map((c) => JSON.stringify(c).replace(/"/g, '')).join('; ')}) × 10 × ${rounds} round(s); ours: POST /graphql, the page, totalCount and amountTotals from the in-memory snapshot, the page's relationships by id with the data version in one query (relationshipsByIds), and their two ends through DataLoader (one more query); baseline: one Cypher query (MATCH … WHERE the filter, ORDER BY start day newest first with undated last then id, collect, the page, the count and the sums per kind and currency) through neo4j-driver`,
      checked(
        differing,
        cases.length,
        'totalCount, amount totals (to the cent) and every field of the page in order',
      ),
    ]),
    '`relationships` page with filters',
  );
}

// --- neighbourhood, depth 2 ---------------------------------------------------------------------------

const NEIGHBOURHOOD_QUERY = `query ($id: ID!, $limit: Int) {
  neighbourhood(ids: [$id], depth: 2, limit: $limit) {
    truncated
    nodes { id name sector kind distance degree }
    edges { id source target kind trust since until }
  }
}`;

async function benchNeighbourhoodDepth2(
  post: Post,
  db: BenchDb,
  starts: string[],
  rounds: number,
): Promise<Comparison> {
  const limit = 300;
  let truncated = 0;
  const { samples, differing } = await measureCases({
    cases: starts,
    rounds,
    repeats: 2,
    ours: async (id) =>
      (await post<{ neighbourhood: View & { truncated: boolean } }>(NEIGHBOURHOOD_QUERY, { id, limit }))
        .neighbourhood,
    baseline: async (id) => {
      const [row] = await runCypher(db.driver, baselineCypher(2), { id, limit });
      return (row as View | undefined) ?? { nodes: [], edges: [] };
    },
    check: (id, a, b) => {
      if (a.truncated) truncated++;
      const d = difference(a, b);
      return d === null ? null : `neighbourhood from ${id}: ${d}`;
    },
  });
  return ratioGoals(
    samples.compare('neighbourhood depth 2 over HTTP vs one Cypher query', [
      `${starts.length} start organisations (10 best connected, the rest spread over the degree ranking) × 2 × ${rounds} round(s) (so that p99 is not simply the slowest sample), limit ${limit}; ${truncated} of them hit the limit; ours: POST /graphql, breadth-first over the in-memory snapshot (one data-version query); baseline: the hand-written Cypher of neighbourhood.ts (the same nodes when the limit cuts: best connected, then by id) through neo4j-driver`,
      checked(differing, starts.length, 'the same nodes at the same distances and the same edges'),
    ]),
    '`neighbourhood` depth 2',
  );
}

// --- network ------------------------------------------------------------------------------------------

const NETWORK_QUERY = `query ($filter: OrganisationFilter) {
  network(filter: $filter) {
    organisationCount relationshipCount
    sectorMix { sector count internalTies externalTies crossSectorShare eiIndex }
  }
}`;

interface NetworkAnswer {
  organisationCount: number;
  relationshipCount: number;
  sectorMix: SectorMix[];
}

const NETWORK_CYPHER = `
MATCH (o:Organisation)
WHERE o.status = 'PUBLISHED' AND ($sectors IS NULL OR o.sector IN $sectors)
WITH o.sector AS sector, count(*) AS count
WITH collect({sector: sector, count: count}) AS counts
CALL () {
  MATCH (a:Organisation)-[r:${KINDS}]->(b:Organisation)
  WHERE a.status = 'PUBLISHED' AND b.status = 'PUBLISHED'
    AND ($sectors IS NULL OR (a.sector IN $sectors AND b.sector IN $sectors))
  WITH a.sector AS a, b.sector AS b, count(*) AS ties
  RETURN collect({a: a, b: b, ties: ties}) AS pairs
}
RETURN counts, pairs`;

/** The baseline's shaping in JavaScript: per sector its count, internal and external ties, share and E–I index. */
function networkFromRows(row: {
  counts: { sector: string; count: number }[];
  pairs: { a: string; b: string; ties: number }[];
}): NetworkAnswer {
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  const internal = new Map<string, number>();
  const external = new Map<string, number>();
  let ties = 0;
  for (const p of row.pairs) {
    ties += p.ties;
    if (p.a === p.b) internal.set(p.a, (internal.get(p.a) ?? 0) + p.ties);
    else {
      external.set(p.a, (external.get(p.a) ?? 0) + p.ties);
      external.set(p.b, (external.get(p.b) ?? 0) + p.ties);
    }
  }
  const counts = new Map(row.counts.map((c) => [c.sector, c.count]));
  return {
    organisationCount: row.counts.reduce((sum, c) => sum + c.count, 0),
    relationshipCount: ties,
    sectorMix: SECTORS.map((sector) => {
      const i = internal.get(sector) ?? 0;
      const e = external.get(sector) ?? 0;
      return {
        sector,
        count: counts.get(sector) ?? 0,
        internalTies: i,
        externalTies: e,
        crossSectorShare: i + e === 0 ? null : round(e / (i + e)),
        eiIndex: i + e === 0 ? null : round((e - i) / (i + e)),
      };
    }),
  };
}

async function benchNetwork(post: Post, db: BenchDb, rounds: number): Promise<Comparison> {
  const cases: (string[] | null)[] = [null, ['GOVERNMENT', 'CIVIC_INNOVATOR'], ['NGO']];
  const { samples, differing } = await measureCases({
    cases,
    rounds,
    repeats: 10,
    ours: async (sectors) =>
      (await post<{ network: NetworkAnswer }>(NETWORK_QUERY, { filter: sectors ? { sectors } : null }))
        .network,
    baseline: async (sectors) => {
      const [row] = await runCypher(db.driver, NETWORK_CYPHER, { sectors });
      return networkFromRows(row as never);
    },
    check: (sectors, a, b) =>
      JSON.stringify(a) === JSON.stringify(b)
        ? null
        : `network ${JSON.stringify(sectors)}: ours ${JSON.stringify(a)}, baseline ${JSON.stringify(b)}`,
  });
  return ratioGoals(
    samples.compare('network (counts and sector mix) over HTTP vs one Cypher query', [
      `${cases.length} views (the whole network; sectors GOVERNMENT and CIVIC_INNOVATOR; NGO) × 10 × ${rounds} round(s); ours: POST /graphql \`network(filter) { organisationCount relationshipCount sectorMix {…} }\`, computed once per data version and filter (the warm-up computes it, with components and Louvain communities on the worker thread), then from the cache after one data-version query; baseline: one Cypher query counting organisations per sector and ties per pair of sectors, shaped in JavaScript (components and communities are left out of both: plain Cypher cannot compute them and the bench store has no GDS)`,
      checked(differing, cases.length, 'counts, ties and every sector-mix figure'),
    ]),
    '`network`',
  );
}

// --- against the Neo4j GraphQL Library --------------------------------------------------------------

/** Type definitions over our store's labels and relationship types, as a user of the library writes them. */
const LIBRARY_TYPE_DEFS = `
type Organisation @node(labels: ["Organisation"]) {
  id: ID!
  name: String!
  sector: String!
  status: String!
  kind: String
  themes: [Theme!]! @relationship(type: "WORKS_ON", direction: OUT)
  initiatives: [Initiative!]! @relationship(type: "PARTICIPATES_IN", direction: OUT, properties: "Participation")
}
type Theme @node(labels: ["Theme"]) {
  id: ID!
  name: String!
}
type Initiative @node(labels: ["Initiative"]) {
  id: ID!
  name: String!
  stage: String
  participants: [Organisation!]! @relationship(type: "PARTICIPATES_IN", direction: IN, properties: "Participation")
}
type Participation @relationshipProperties {
  role: String
}
`;

async function startLibraryServer(db: BenchDb): Promise<{ url: string; close: () => Promise<void> }> {
  const library = new Neo4jGraphQL({ typeDefs: LIBRARY_TYPE_DEFS, driver: db.driver });
  const schema = await library.getSchema();
  const apollo = new ApolloServer({ schema });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo));
  const server = http.createServer(app);
  const port = await listenOnFreePort(server);
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: async () => {
      await apollo.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const OURS_LIST = `query ($sectors: [Sector!], $first: Int) {
  organisations(filter: { sectors: $sectors }, orderBy: NAME, first: $first) { totalCount nodes { id name sector } }
}`;
const LIBRARY_LIST = `query ($sectors: [String!], $first: Int) {
  organisationsConnection(
    where: { status: { eq: "PUBLISHED" }, sector: { in: $sectors } }
    sort: [{ name: ASC }, { id: ASC }]
    first: $first
  ) { totalCount edges { node { id name sector } } }
}`;

const OURS_NESTED = `query ($id: ID!) {
  initiative(id: $id) { id name stage participants { role organisation { id name sector themes { id name } } } }
}`;
const LIBRARY_NESTED = `query ($id: ID!) {
  initiatives(where: { id: { eq: $id } }) {
    id name stage
    participantsConnection(where: { node: { status: { eq: "PUBLISHED" } } }) {
      edges { properties { role } node { id name sector themes { id name } } }
    }
  }
}`;

interface ListPage {
  totalCount: number;
  ids: string[];
}
interface Nested {
  id: string;
  name: string;
  stage: string;
  participants: string[];
}

const participantKey = (
  role: string,
  o: { id: string; name: string; sector: string; themes: { id: string }[] },
) =>
  `${o.id} ${role} ${o.name} ${o.sector} [${o.themes
    .map((t) => t.id)
    .sort()
    .join(',')}]`;

async function benchLibrary(
  post: Post,
  db: BenchDb,
  initiatives: string[],
  rounds: number,
): Promise<Comparison[]> {
  const library = await startLibraryServer(db);
  const postLibrary = poster(library.url);
  try {
    const first = 20;
    const sectorCases = [['GOVERNMENT'], ['NGO', 'ACADEMIC'], ['CIVIC_INNOVATOR'], ['COMPANY']];
    const list = await measureCases({
      cases: sectorCases,
      rounds,
      repeats: 10,
      ours: async (sectors): Promise<ListPage> => {
        const d = await post<{ organisations: { totalCount: number; nodes: { id: string }[] } }>(OURS_LIST, {
          sectors,
          first,
        });
        return { totalCount: d.organisations.totalCount, ids: d.organisations.nodes.map((n) => n.id) };
      },
      baseline: async (sectors): Promise<ListPage> => {
        const d = await postLibrary<{
          organisationsConnection: { totalCount: number; edges: { node: { id: string } }[] };
        }>(LIBRARY_LIST, { sectors, first });
        return {
          totalCount: d.organisationsConnection.totalCount,
          ids: d.organisationsConnection.edges.map((e) => e.node.id),
        };
      },
      check: (sectors, a, b) =>
        JSON.stringify(a) === JSON.stringify(b)
          ? null
          : `organisations ${sectors.join(',')}: ours ${JSON.stringify(a)}, library ${JSON.stringify(b)}`,
    });
    const nested = await measureCases({
      cases: initiatives,
      rounds,
      repeats: 2,
      ours: async (id): Promise<Nested | null> => {
        const d = await post<{
          initiative: {
            id: string;
            name: string;
            stage: string;
            participants: { role: string; organisation: Parameters<typeof participantKey>[1] }[];
          } | null;
        }>(OURS_NESTED, { id });
        const i = d.initiative;
        return i
          ? {
              id: i.id,
              name: i.name,
              stage: i.stage,
              participants: i.participants.map((p) => participantKey(p.role, p.organisation)).sort(),
            }
          : null;
      },
      baseline: async (id): Promise<Nested | null> => {
        const d = await postLibrary<{
          initiatives: {
            id: string;
            name: string;
            stage: string;
            participantsConnection: {
              edges: { properties: { role: string }; node: Parameters<typeof participantKey>[1] }[];
            };
          }[];
        }>(LIBRARY_NESTED, { id });
        const i = d.initiatives[0];
        return i
          ? {
              id: i.id,
              name: i.name,
              stage: i.stage,
              participants: i.participantsConnection.edges
                .map((e) => participantKey(e.properties.role, e.node))
                .sort(),
            }
          : null;
      },
      check: (id, a, b) =>
        JSON.stringify(a) === JSON.stringify(b)
          ? null
          : `initiative ${id}: ours ${JSON.stringify(a)}, library ${JSON.stringify(b)}`,
    });
    const goal = (c: Comparison): Comparison => ({
      ...c,
      goals: [
        {
          what: `${c.name.split(':')[0]}: ours at least 2× faster than the Neo4j GraphQL Library at p50`,
          measured: `${(c.baseline.median / c.ours.median).toFixed(2)}× faster`,
          met: c.baseline.median / c.ours.median >= 2,
        },
      ],
    });
    const both =
      'both over HTTP on 127.0.0.1 with Apollo Server and Express; the library (@neo4j/graphql 7.6.3) with type definitions over our labels and relationship types (Organisation, Theme, Initiative; WORKS_ON, PARTICIPATES_IN with its role), no limits or plugins of ours; baseline column = the library';
    return [
      goal(
        list.samples.compare('filtered list with its total: ours vs the Neo4j GraphQL Library', [
          `${sectorCases.length} sector filters × 10 × ${rounds} round(s), first ${first} by name; ours: \`organisations(filter: { sectors }, orderBy: NAME, first) { totalCount nodes { id name sector } }\` (one data-version query, then the snapshot's name ordering, and the page's id, name and sector from the snapshot: no organisation read); library: \`organisationsConnection(where: { status: { eq: "PUBLISHED" }, sector: { in } }, sort: [{ name: ASC }, { id: ASC }], first) { totalCount edges { node { id name sector } } }\``,
          both,
          checked(
            list.differing,
            sectorCases.length,
            'the same totalCount and the same ids in the same order',
          ),
        ]),
      ),
      goal(
        nested.samples.compare('two-level nested read: ours vs the Neo4j GraphQL Library', [
          `${initiatives.length} initiatives (those with the most participants, then spread) × 2 × ${rounds} round(s); ours: \`initiative(id) { id name stage participants { role organisation { id name sector themes { id name } } } }\` (one data-version query, then the initiative, its participants with their roles and their organisations' id, name, sector and themes from the snapshot: nothing else read); library: \`initiatives(where: { id: { eq } }) { id name stage participantsConnection(where: { node: { status: { eq: "PUBLISHED" } } }) { edges { properties { role } node { id name sector themes { id name } } } } }\``,
          both,
          checked(
            nested.differing,
            initiatives.length,
            'the same participants with their roles, names, sectors and theme ids (compared as sets: ours orders leads first)',
          ),
        ]),
      ),
    ];
  } finally {
    await library.close();
  }
}

// --- all of it ----------------------------------------------------------------------------------------

export async function benchOverhead(
  db: BenchDb,
  rounds: number,
  log: (line: string) => void,
): Promise<Comparison[]> {
  log('overhead: reading the network to choose organisations and initiatives');
  const g = await readGraph(db.driver);
  const degree = degrees(g);
  const ids = spreadSample(g, degree, 50, 5).map((i) => g.ids[i]!);
  const starts = spreadSample(g, degree, 30, 10).map((i) => g.ids[i]!);
  const hub = g.ids[spreadSample(g, degree, 1, 1)[0]!]!;
  const initiativeRows = await runCypher(
    db.driver,
    `MATCH (i:Initiative)
     WITH i, COUNT { (o:Organisation)-[:PARTICIPATES_IN]->(i) WHERE o.status = 'PUBLISHED' } AS n
     ORDER BY n DESC, i.id
     WITH collect(i.id) AS ranked
     RETURN ranked[..10] + [k IN range(0, 9) | ranked[toInteger(k * size(ranked) / 10)]] AS ids`,
  );
  const initiatives = [...new Set(initiativeRows[0]!.ids as string[])];

  const app = await createHttpServer({ runner: db.runner, logger: pino({ level: 'silent' }) });
  const port = await app.listen(0, '127.0.0.1');
  const post = poster(`http://127.0.0.1:${port}/graphql`);
  try {
    const comparisons: Comparison[] = [];
    log(`overhead: organisation by id (${ids.length} ids × 2 × ${rounds})`);
    comparisons.push(await benchOrganisationById(post, db, ids, rounds));
    log('overhead: a filtered relationships page');
    comparisons.push(await benchRelationships(post, db, hub, rounds));
    log(`overhead: neighbourhood depth 2 (${starts.length} starts × ${rounds})`);
    comparisons.push(await benchNeighbourhoodDepth2(post, db, starts, rounds));
    log('overhead: network');
    comparisons.push(await benchNetwork(post, db, rounds));
    log('overhead: against the Neo4j GraphQL Library');
    comparisons.push(...(await benchLibrary(post, db, initiatives, rounds)));
    return comparisons;
  } finally {
    await app.close();
    agent.destroy();
  }
}

/** Starts `server` on a free port of 127.0.0.1 and gives the port. */
function listenOnFreePort(server: http.Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
}
