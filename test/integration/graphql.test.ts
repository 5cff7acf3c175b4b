// The GraphQL API end to end over HTTP, on a real Neo4j with data this file owns.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../server/db/driver.ts';
import { loadQueryCatalog } from '../../server/db/queries.ts';
import { createQueryRunner } from '../../server/db/runner.ts';
import { createHttpServer } from '../../server/http/app.ts';
import { sourceFromDataset } from '../../server/domain/import/datasetSource.ts';
import { importSource } from '../../server/domain/import/importDataset.ts';
import { emptyDataset } from '../../server/domain/model.ts';
import { connectTestDb, deleteByPrefix, uniquePrefix, type TestDb } from '../support/db.ts';
import { org, searchWord, smallNetwork } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let db: TestDb;
let server: TestServer;
const p = uniquePrefix('gql');
const w = searchWord(p);

beforeAll(async () => {
  db = connectTestDb();
  await importSource(db.runner, sourceFromDataset(smallNetwork(p)), { recordedBy: 'import:test' });
  server = await startTestServer(db);
});
afterAll(async () => {
  await server?.close();
  await deleteByPrefix(db, p);
  await db.close();
});

describe('organisation(id)', () => {
  it('returns the organisation with place hierarchy, themes, identifiers, provenance and relationships', async () => {
    const { data, errors } = await server.graphql(
      `query ($id: ID!) { organisation(id: $id) {
          id name sector kind status degree createdAt
          place { name level latitude parent { name level parent { name level parent { name } } } }
          themes { id name } identifiers { scheme value }
          provenance { sourceUrl sourceDataset sourceRecord recordedBy recordedAt }
          relationships { id kind trust since until amount currency source { id } target { id name }
                          provenance { sourceUrl recordedBy } }
          participations { role initiative { id name stage startDate themes { name } } }
      } }`,
      { id: `${p}-hub` },
    );
    expect(errors).toBeUndefined();
    const o = data?.organisation as {
      relationships: { id: string; kind: string }[];
    };
    expect(o).toMatchObject({
      id: `${p}-hub`,
      sector: 'GOVERNMENT',
      kind: 'local authority',
      status: 'PUBLISHED',
      degree: 4, // a (twice: partnership and funding), b, c; the pending organisation does not count
      place: {
        name: 'Leeds',
        level: 'city',
        latitude: 53.8,
        parent: {
          name: 'England',
          level: 'region',
          parent: { name: 'United Kingdom', level: 'country', parent: null },
        },
      },
      themes: [
        { id: 'digital-inclusion', name: 'Digital inclusion' },
        { id: 'housing', name: 'Housing' },
      ],
      identifiers: [{ scheme: 'GB-GOV', value: `${w}ident` }],
      provenance: {
        sourceUrl: 'https://example.org/source',
        recordedBy: 'tester',
        recordedAt: '2024-01-02T03:04:05Z',
      },
      participations: [
        { role: 'LEAD', initiative: { id: `${p}-ini`, stage: 'PILOT', themes: [{ name: 'Housing' }] } },
      ],
    });
    expect(o.relationships.map((r: { id: string }) => r.id).sort()).toEqual(
      [`${p}-r1`, `${p}-r2`, `${p}-r3`, `${p}-r4`].sort(),
    );
    const funding = o.relationships.find((r: { kind: string }) => r.kind === 'FUNDING');
    expect(funding).toMatchObject({
      source: { id: `${p}-a` },
      target: { id: `${p}-hub` },
      amount: 25000,
      currency: 'GBP',
      since: '2021-04-01',
      until: '2022-03-31',
      trust: 'SOURCED',
    });
  });

  it('returns null for unknown and for unpublished organisations', async () => {
    const { data } = await server.graphql(
      'query ($a: ID!, $b: ID!) { a: organisation(id: $a) { id } b: organisation(id: $b) { id } }',
      {
        a: `${p}-nope`,
        b: `${p}-hidden`,
      },
    );
    expect(data).toEqual({ a: null, b: null });
  });
});

describe('searchOrganisations', () => {
  const search = async (query: string, first?: number) => {
    const result = await server.graphql<{ searchOrganisations: { id: string }[] }>(
      'query ($q: String!, $first: Int) { searchOrganisations(query: $q, first: $first) { id name } }',
      { q: query, first },
    );
    return result;
  };

  it('finds by exact name, by prefix as you type, by typo, by description and by identifier', async () => {
    // The match comes first; partial matches from other data may follow it (ranked lower).
    const first = async (text: string) => (await search(text)).data?.searchOrganisations[0]?.id;
    expect(await first(`${w}alpha trust`)).toBe(`${p}-a`);
    expect(await first(`${w}alp`)).toBe(`${p}-a`);
    // one letter wrong in the second word
    expect(await first(`${w}alpha trsut`)).toBe(`${p}-a`);
    expect(await first(`${w}word`)).toBe(`${p}-hub`);
    expect(await first(`${w}ident`)).toBe(`${p}-hub`);
  });

  it("keeps words joined by an apostrophe whole, as the index does (O'Neill)", async () => {
    expect((await search(`${w}o'neill`)).data?.searchOrganisations.map((o) => o.id)).toEqual([`${p}-hub`]);
  });

  it('stays within Lucene clause limits for many long words', async () => {
    const result = await search('1234567 2345678 3456789 4567890 5678901 6789012 7890123 8901234 abcdefgh');
    expect(result.errors).toBeUndefined();
  });

  it('never shows unpublished organisations', async () => {
    expect((await search(`${w}hidden`)).data?.searchOrganisations).toEqual([]);
  });

  it('respects first and ranks the best match first', async () => {
    const all = (await search(w, 50)).data?.searchOrganisations ?? [];
    expect(all.length).toBe(6);
    expect((await search(w, 2)).data?.searchOrganisations.length).toBe(2);
  });

  it.each([
    'AND (',
    '"',
    '*',
    '\\',
    '/',
    `${w}alpha AND (`,
    `"${w}alpha`,
    `${w}alpha*`,
    'title:x',
    '~~~',
    'OR',
    ')(',
    '[1 TO 5]',
    '&&||!',
  ])('treats Lucene syntax %j as plain text', async (text) => {
    const result = await search(text);
    expect(result.errors).toBeUndefined();
    expect(Array.isArray(result.data?.searchOrganisations)).toBe(true);
  });

  it('puts a name that matches every word before one matched only by identifier and description', async () => {
    // In the index the council scores higher: its identifier and description repeat the first word, and
    // "fin" matches its description. By name, only the trust matches both words.
    const q = uniquePrefix('gqlrank');
    const v = searchWord(q);
    const council = org(`${q}-council`, `${v}stanby Borough Council`, 'GOVERNMENT', {
      description: `${v}stanby finances, ${v}stanby finance reports, ${v}stanby`,
      identifiers: [{ scheme: 'GB-GOV', value: `${v}stanby` }],
    });
    const trust = org(`${q}-trust`, `${v}stanby Finance Trust`, 'NGO');
    try {
      await importSource(
        db.runner,
        sourceFromDataset({ ...emptyDataset(), organisations: [council, trust] }),
        { recordedBy: 'import:test' },
      );
      // Both match every word; partial matches from other data may follow them (the database is shared).
      const found = (await search(`${v}stanby fin`)).data?.searchOrganisations.map((o) => o.id);
      expect(found?.slice(0, 2)).toEqual([`${q}-trust`, `${q}-council`]);
    } finally {
      await deleteByPrefix(db, q);
    }
  });

  it('rejects first outside 1–50 with BAD_USER_INPUT', async () => {
    const result = await search('x', 500);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('neighbourhood', () => {
  const query = `query ($ids: [ID!]!, $depth: Int, $limit: Int) {
    neighbourhood(ids: $ids, depth: $depth, limit: $limit) {
      truncated nodes { id name sector distance degree } edges { id source target kind trust since }
    } }`;
  type N = {
    neighbourhood: { truncated: boolean; nodes: { id: string; distance: number }[]; edges: { id: string }[] };
  };

  it('returns the organisation, its published neighbours and the ties among them', async () => {
    const { data, errors } = await server.graphql<N>(query, { ids: [`${p}-hub`] });
    expect(errors).toBeUndefined();
    const n = data!.neighbourhood;
    expect(Object.fromEntries(n.nodes.map((x) => [x.id, x.distance]))).toEqual({
      [`${p}-hub`]: 0,
      [`${p}-a`]: 1,
      [`${p}-b`]: 1,
      [`${p}-c`]: 1,
    });
    expect(n.edges.map((e) => e.id).sort()).toEqual([`${p}-r1`, `${p}-r2`, `${p}-r3`, `${p}-r4`]);
    expect(n.truncated).toBe(false);
  });

  it('goes as deep as asked', async () => {
    const { data } = await server.graphql<N>(query, { ids: [`${p}-hub`], depth: 3 });
    const byId = Object.fromEntries(data!.neighbourhood.nodes.map((x) => [x.id, x.distance]));
    expect(byId).toMatchObject({ [`${p}-d`]: 2, [`${p}-e`]: 3 });
    expect(byId[`${p}-hidden`]).toBeUndefined();
    expect(data!.neighbourhood.edges.map((e) => e.id)).toContain(`${p}-r6`);
  });

  it('caps the node count and says so', async () => {
    const { data } = await server.graphql<N>(query, { ids: [`${p}-hub`], depth: 3, limit: 3 });
    expect(data!.neighbourhood.nodes.length).toBe(3);
    expect(data!.neighbourhood.truncated).toBe(true);
  });

  it('rejects a depth beyond 3 with BAD_USER_INPUT and a problem naming the argument', async () => {
    const { errors } = await server.graphql(query, { ids: [`${p}-hub`], depth: 9 });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'depth' }] });
  });

  it('refuses ids that name no published organisation (unknown or pending), naming the argument', async () => {
    const { data, errors } = await server.graphql<N>(query, {
      ids: [`${p}-hub`, `${p}-nobody`, `${p}-hidden`],
    });
    expect(data).toBeNull();
    expect(errors?.[0]?.message).toBe(
      `ids: no published organisation has the id "${p}-nobody"; ids: no published organisation has the id "${p}-hidden".`,
    );
    expect(errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [
        { field: 'ids', code: 'NOT_FOUND' },
        { field: 'ids', code: 'NOT_FOUND' },
      ],
    });
  });
});

describe('HTTP surface', () => {
  it('/healthz says the database is up, and names no host', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: 'ok', neo4j: { connected: true } });
    expect(JSON.stringify(body)).not.toContain('127.0.0.1');
  });

  it('/healthz says the database is down with 503, without the driver error text or hosts', async () => {
    const uri = 'bolt://127.0.0.1:1';
    const driver = createDriver({ uri, user: undefined, password: undefined, database: 'neo4j' });
    const logged: unknown[] = [];
    const logger = pino({ level: 'debug' }, { write: (line: string) => logged.push(line) });
    const runner = createQueryRunner({
      driver,
      database: 'neo4j',
      catalog: loadQueryCatalog(),
      timeoutMs: 2_000,
      onHiddenError: (err, context) => logger.warn({ err }, context),
    });
    const down = await createHttpServer({ runner, logger });
    const port = await down.listen(0, '127.0.0.1');
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(response.status).toBe(503);
      const body = await response.json();
      // Exactly this, nothing more: no host, no driver message.
      expect(body).toEqual({
        status: 'unavailable',
        neo4j: { connected: false, latencyMs: expect.any(Number) },
      });
      // The reason goes to the log instead.
      expect(logged.join('')).toMatch(/ECONNREFUSED|connect/i);
    } finally {
      await down.close();
      await driver.close();
    }
  });

  it('rejects over-deep queries with the depth limit', async () => {
    const deep = `{ organisation(id: "x") { ${'relationships { source { '.repeat(8)} id ${'} } '.repeat(8)} } }`;
    const { errors } = await server.graphql(deep);
    expect(errors?.[0]?.message).toMatch(/depth/i);
  });

  it('refuses nested lists that multiply beyond the cost budget, before touching the database', async () => {
    const { errors } = await server.graphql(
      `{ searchOrganisations(query: "x", first: 50) { relationships(first: 200) { source {
           relationships(first: 200) { id } } } } }`,
    );
    expect(errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    expect(errors?.[0]?.message).toMatch(/Cost limit/);
  });

  it('rejects relationships(first:) outside 1–200', async () => {
    const { errors } = await server.graphql(
      'query ($id: ID!) { organisation(id: $id) { relationships(first: 300) { id } } }',
      {
        id: `${p}-hub`,
      },
    );
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers unknown fields with a suggestion', async () => {
    const { errors } = await server.graphql('{ searchOrganisation(query: "x") { id } }');
    expect(errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors?.[0]?.message).toMatch(/Did you mean "searchOrganisations"/);
    expect(errors?.[0]?.extensions?.stacktrace).toBeUndefined();
  });
});
