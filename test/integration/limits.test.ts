// Hostile and oversized documents are refused with a 4xx and a code before anything runs, and the
// message names the limit and how to stay within it; ordinary research requests pass.
import { buildSchema, getIntrospectionQuery, parse } from 'graphql';
import { documentCost } from '../../server/graphql/limits.ts';
import { typeDefs } from '../../server/graphql/schema.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestDb, type TestDb } from '../support/db.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let db: TestDb;
let server: TestServer;

beforeAll(async () => {
  db = connectTestDb();
  server = await startTestServer(db);
});
afterAll(async () => {
  await server?.close();
  await db.close();
});

async function post(body: unknown) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as {
    errors?: { message: string; extensions?: Record<string, unknown> }[];
    data?: unknown;
  };
  return { status: response.status, ...json };
}

const neighbourhoods = (n: number, limit: number) =>
  `{ ${Array.from({ length: n }, (_, k) => `n${k}: neighbourhood(ids: ["x"], depth: 3, limit: ${limit}) { nodes { id name } edges { id } }`).join(' ')} }`;

describe('the cost limit counts the whole request', () => {
  it('refuses fifteen aliased 1,000-node neighbourhoods before they run', async () => {
    const result = await post({ query: neighbourhoods(15, 1000) });
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limit: { name: 'Cost', max: 30_000 },
    });
    expect(result.errors?.[0]?.message).toMatch(/first\/after/);
  });

  it('counts page sizes given in variables', async () => {
    const query = `query ($n: Int) { ${[0, 1, 2]
      .map((k) => `o${k}: organisations(first: $n) { nodes { id relationships(first: 200) { id } } }`)
      .join(' ')} }`;
    expect((await post({ query, variables: { n: 5 } })).status).toBe(200);
    const big = await post({ query, variables: { n: 100 } });
    expect(big.status).toBe(400);
    expect(big.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    // Costs are remembered per document and per value of its size variables: asked again, each value
    // gets its own answer (a small page after a refused one passes, and the other way round).
    expect((await post({ query, variables: { n: 5 } })).status).toBe(200);
    const again = await post({ query, variables: { n: 100 } });
    expect(again.status).toBe(400);
    expect(again.errors?.[0]?.extensions?.limit).toEqual(big.errors?.[0]?.extensions?.limit);
  });

  it('counts page sizes given in variables inside fragments', async () => {
    const query = `query ($n: Int) { ${[0, 1, 2].map((k) => `o${k}: organisations(first: 20) { nodes { ...Ties } }`).join(' ')} }
      fragment Ties on Organisation { id relationships(first: $n) { id } }`;
    expect((await post({ query, variables: { n: 20 } })).status).toBe(200);
    const big = await post({ query, variables: { n: 1000 } });
    expect(big.status).toBe(400);
    expect(big.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    expect((await post({ query, variables: { n: 20 } })).status).toBe(200);
  });

  it('lets a normal list page, a 1,000-node neighbourhood and ten batched organisations pass', async () => {
    const page =
      '{ organisations(first: 100) { totalCount nodes { id name sector degree themes { name } place { name } relationships(first: 20) { kind source { name } target { name } } } pageInfo { endCursor } } }';
    expect((await post({ query: page })).status).toBe(200);
    expect((await post({ query: neighbourhoods(1, 1000) })).status).toBe(200);
    const ten = `{ ${Array.from({ length: 10 }, (_, k) => `o${k}: organisation(id: "x${k}") { name relationships(first: 100) { kind trust source { name } target { name } } }`).join(' ')} }`;
    expect((await post({ query: ten })).status).toBe(200);
  });
});

describe('participations and participants count their `first`', () => {
  // QA19 H2: a CORDIS organisation takes part in 1,372 projects, each with up to a hundred participants;
  // fifteen of these read 200,000 participants (32 MB) when both lists counted as ten items.
  const crossing = (n: number, first?: number) => {
    const size = first === undefined ? '' : `(first: ${first})`;
    return `{ ${Array.from({ length: n }, (_, k) => `a${k}: organisation(id: "pic:${k}") { participations${size} { role initiative { id name participants${size} { role organisation { id name sector } } } } }`).join(' ')} }`;
  };

  it('refuses fifteen aliased organisations with their initiatives and participants before they run', async () => {
    const result = await post({ query: crossing(15) });
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limit: { name: 'Cost', max: 30_000 },
    });
    expect(result.errors?.[0]?.message).toMatch(/participations/);
    // Also with small pages, fifteen times over.
    expect((await post({ query: crossing(15, 20) })).status).toBe(400);
  });

  it('lets one organisation with small pages of initiatives and participants pass', async () => {
    expect((await post({ query: crossing(1, 20) })).status).toBe(200);
    const schema = buildSchema(typeDefs);
    // organisation 1 + participations (1 + 100 × (role 1 + initiative (1 + id 1))) = 302
    expect(
      documentCost(schema, parse('{ organisation(id: "x") { participations { role initiative { id } } } }')),
    ).toBe(302);
  });
});

describe('innovation pathways within the cost limit', () => {
  const pathways = (first: number, perStage: number) =>
    `{ innovationPathways(first: ${first}) { totalCount nodes { initiative { name stageHistory { stage on } }
       currentStage innovators { role organisation { name } }
       stages { stage from to days funders(first: ${perStage}) { organisation { name } relationship { kind amount } since }
                partners(first: ${perStage}) { organisation { name } role since } }
       adoptedBy { organisation { name } since } }
       summary { overall { pilots scaledOrAdoptedShare transitions { from to medianDays } }
                 bySector { sector scaledOrAdoptedShare } byTheme { theme { name } pilots } byPlace { place { name } pilots } } } }`;

  it('counts a stage history as at most five stages', () => {
    const schema = buildSchema(typeDefs);
    const cost = (query: string) => documentCost(schema, parse(query));
    // innovationPathways 1 + nodes (1 + 1 pathway × (stages 1 + 5 × stage 1)) = 8
    expect(cost('{ innovationPathways(first: 1) { nodes { stages { stage } } } }')).toBe(8);
    // … while a list without a known bound counts ten: innovators 1 + 10 × role 1
    expect(cost('{ innovationPathways(first: 1) { nodes { innovators { role } } } }')).toBe(13);
  });

  it('lets a page of 20 full pathways pass and refuses 100 with 100 supporters per stage', async () => {
    expect((await post({ query: pathways(20, 10) })).status).toBe(200);
    const big = await post({ query: pathways(100, 100) });
    expect(big.status).toBe(400);
    expect(big.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    expect(big.errors?.[0]?.message).toMatch(/innovationPathways\.nodes/);
  });
});

describe('relationship counts within the cost limit', () => {
  it('counts one entry per relationship kind and per trust state', () => {
    const cost = documentCost(
      buildSchema(typeDefs),
      parse(
        '{ organisation(id: "x") { relationshipCounts { total byKind { kind count } byTrust { trust count } } } }',
      ),
    );
    // organisation 1 + relationshipCounts 1 + total 1 + byKind (1 + 7 kinds × 2) + byTrust (1 + 5 states × 2)
    expect(cost).toBe(29);
  });
});

describe('hostile documents get a 4xx with a code, never a 5xx', () => {
  it.each([
    [
      'an alias bomb',
      {
        query: `{ ${Array.from({ length: 200 }, (_, k) => `a${k}: organisation(id: "x") { id }`).join(' ')} }`,
      },
      'LIMIT_EXCEEDED',
    ],
    ['a directive bomb', { query: `{ __typename ${'@skip(if: false) '.repeat(100)}}` }, 'LIMIT_EXCEEDED'],
    [
      'a deep introspection query',
      {
        query: `{ __schema { types { fields { type { ${'ofType { '.repeat(20)}name${' }'.repeat(20)} } } } } }`,
      },
      'LIMIT_EXCEEDED',
    ],
    ['a token bomb', { query: `{ ${'__typename '.repeat(3000)}}` }, 'LIMIT_EXCEEDED'],
    ['a 1,000-query batch', Array.from({ length: 1000 }, () => ({ query: '{ __typename }' })), 'BAD_REQUEST'],
    [
      'deep nesting',
      {
        query: `{ organisation(id: "x") { ${'relationships { source { '.repeat(6)} id ${'} } '.repeat(6)} } }`,
      },
      'LIMIT_EXCEEDED',
    ],
  ])('%s', async (_, body, code) => {
    const result = await post(body);
    expect(result.status).toBeGreaterThanOrEqual(400);
    expect(result.status).toBeLessThan(500);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
  });

  // QA19 L2: armor's own answer was "Syntax Error: Aliases limit of 15 exceeded, found 16." with
  // GRAPHQL_VALIDATION_FAILED; every limit answers as the README promises.
  it.each([
    [
      'Alias',
      `{ ${Array.from({ length: 16 }, (_, k) => `n${k}: organisation(id: "x") { id }`).join(' ')} }`,
      { name: 'Alias', max: 15, found: 16 },
      /aliases/,
    ],
    [
      'Directive',
      `{ ${'__typename @include(if: true) '.repeat(51)}}`,
      { name: 'Directive', max: 50, found: 51 },
      /directives/,
    ],
  ])('the %s limit answers 400 LIMIT_EXCEEDED with the limit and advice', async (_, query, limit, advice) => {
    const result = await post({ query });
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'LIMIT_EXCEEDED', limit });
    expect(result.errors?.[0]?.message).not.toMatch(/Syntax Error/);
    expect(result.errors?.[0]?.message).toMatch(advice);
    // At the limit, the same kind of request passes.
    const at = query.replace(
      / n15: organisation\(id: "x"\) \{ id \}|__typename @include\(if: true\) (?=})/,
      '',
    );
    expect((await post({ query: at })).status).toBe(200);
  });

  it('still answers the standard introspection query (the query editor needs it)', async () => {
    const result = await post({
      query: getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }),
    });
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
  });
});
