// organisations(filter, orderBy, first, after): filters, facet counts, place containment, orders and
// pagination, on a small graph whose answers are known. Every organisation here is in the country
// "<prefix>land", so the filters select this file's data only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../server/domain/model.ts';
import { uniquePrefix, type TestDb } from '../support/db.ts';
import { org, rel, searchWord } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';
import { closeServedNetwork, openServedNetwork } from '../support/servedNetwork.ts';

let db: TestDb;
let server: TestServer;
const p = uniquePrefix('list');
const w = searchWord(p);
const country = `${w}land`;
// Region and city names of their own, so that place filters select this file's data only.
const NORTH = `${w} North`;
const SOUTH = `${w} South`;
const ALPHA = `${w} Alpha`;
const BETA = `${w} Beta`;
const HIDDEN_REGION = `${w} Westmarch`;
const HIDDEN_CITY = `${w} Gammaford`;
const HIDDEN_THEME = `${w} Secret gardens`;

/**
 * North region: Alpha city (a1 NGO, a2 COMPANY), Beta city (b1 NGO); South region, no city: s1 ACADEMIC;
 * the country only: c1 GOVERNMENT. Themes: Housing (a1, b1, s1), Health (a2, b1). Ties: a1—a2
 * PARTNERSHIP CONFIRMED, a1→b1 FUNDING SOURCED, b1—s1 DATA_SHARING CLAIMED, c1→a1 FUNDING IMPORTED.
 */
function network(): Dataset {
  const at = (region: string | null, city: string | null) => ({ country, region, city });
  return {
    organisations: [
      org(`${p}-a1`, `${w} Alpha Trust`, 'NGO', {
        ...at(NORTH, ALPHA),
        themes: ['Housing'],
        kind: 'Charity',
      }),
      org(`${p}-a2`, `${w} Alpha Labs`, 'COMPANY', {
        ...at(NORTH, ALPHA),
        themes: ['Health'],
        kind: 'social enterprise',
      }),
      org(`${p}-b1`, `${w} Beta Homes`, 'NGO', {
        ...at(NORTH, BETA),
        themes: ['Housing', 'Health'],
        kind: 'charity',
      }),
      org(`${p}-s1`, `${w} South University`, 'ACADEMIC', {
        ...at(SOUTH, null),
        themes: ['Housing'],
        kind: 'university',
      }),
      org(`${p}-c1`, `${w} National Office`, 'GOVERNMENT', { ...at(null, null), kind: 'department' }),
      org(`${p}-hidden`, `${w} Hidden Group`, 'NGO', { ...at(NORTH, ALPHA), status: 'PENDING' }),
      // A pending registration naming a region, a city and a theme no published organisation has.
      org(`${p}-hidden2`, `${w} Hidden Collective`, 'CIVIC_INNOVATOR', {
        ...at(HIDDEN_REGION, HIDDEN_CITY),
        themes: [HIDDEN_THEME],
        status: 'PENDING',
      }),
    ],
    relationships: [
      rel(`${p}-r1`, `${p}-a1`, `${p}-a2`, 'PARTNERSHIP', { trust: 'CONFIRMED' }),
      rel(`${p}-r2`, `${p}-a1`, `${p}-b1`, 'FUNDING', { trust: 'SOURCED', amount: 100, currency: 'GBP' }),
      rel(`${p}-r3`, `${p}-b1`, `${p}-s1`, 'DATA_SHARING', { trust: 'CLAIMED' }),
      rel(`${p}-r4`, `${p}-c1`, `${p}-a1`, 'FUNDING', { trust: 'IMPORTED' }),
      rel(`${p}-r5`, `${p}-hidden`, `${p}-c1`, 'PARTNERSHIP', { trust: 'CONFIRMED' }),
    ],
    initiatives: [],
    participations: [],
    places: [],
  };
}

beforeAll(async () => ({ db, server } = await openServedNetwork(p, network())));
afterAll(() => closeServedNetwork({ db, server }, p));

interface Page {
  totalCount: number;
  nodes: { id: string }[];
  edges: { cursor: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  facets: {
    sectors: { sector: string; count: number }[];
    themes: { theme: { name: string }; count: number }[];
    places: { place: { name: string; level: string }; count: number }[];
    kinds: { kind: string; count: number }[];
    relationshipKinds: { kind: string; count: number }[];
    trustStates: { trust: string; count: number }[];
  };
}

const LIST = `query ($filter: OrganisationFilter, $orderBy: OrganisationOrder, $first: Int, $after: String) {
  organisations(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount nodes { id } edges { cursor } pageInfo { hasNextPage endCursor }
    facets {
      sectors { sector count } themes { theme { name } count } places { place { name level } count }
      kinds { kind count } relationshipKinds { kind count } trustStates { trust count }
    }
  } }`;

async function list(filter: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const result = await server.graphql<{ organisations: Page }>(LIST, {
    filter: { places: [country], ...filter },
    ...extra,
  });
  return result;
}
const ids = (page: Page) => page.nodes.map((n) => n.id.slice(p.length + 1));

describe('organisations(filter)', () => {
  it('keeps the places and themes only pending registrations name out of facets and search chips', async () => {
    const { data } = await list({});
    const names = [
      ...data!.organisations.facets.places.map((f) => f.place.name),
      ...data!.organisations.facets.themes.map((f) => f.theme.name),
    ];
    expect(names).not.toContain(HIDDEN_REGION);
    expect(names).not.toContain(HIDDEN_CITY);
    expect(names).not.toContain(HIDDEN_THEME);
    const chips = await server.graphql<{ interpretSearch: { chips: { kind: string; value: string }[] } }>(
      'query ($t: String!) { interpretSearch(text: $t) { chips { kind value } } }',
      { t: `${HIDDEN_THEME} in ${HIDDEN_CITY}` },
    );
    expect(chips.data!.interpretSearch.chips).toEqual([]);
    // The published ones are still recognised.
    const known = await server.graphql<{ interpretSearch: { chips: { kind: string; value: string }[] } }>(
      'query ($t: String!) { interpretSearch(text: $t) { chips { kind value } } }',
      { t: `housing in ${BETA}` },
    );
    expect(known.data!.interpretSearch.chips).toEqual([
      { kind: 'THEME', value: 'Housing' },
      { kind: 'PLACE', value: BETA },
    ]);
  });

  it('counts the whole filtered set and its facets', async () => {
    const { data, errors } = await list({});
    expect(errors).toBeUndefined();
    const page = data!.organisations;
    expect(page.totalCount).toBe(5); // the pending one is never counted
    expect(page.facets.sectors).toEqual([
      { sector: 'GOVERNMENT', count: 1 },
      { sector: 'NGO', count: 2 },
      { sector: 'COMPANY', count: 1 },
      { sector: 'ACADEMIC', count: 1 },
    ]);
    expect(page.facets.themes).toEqual([
      { theme: { name: 'Housing' }, count: 3 },
      { theme: { name: 'Health' }, count: 2 },
    ]);
    expect(page.facets.kinds).toEqual([
      { kind: 'charity', count: 2 },
      { kind: 'department', count: 1 },
      { kind: 'social enterprise', count: 1 },
      { kind: 'university', count: 1 },
    ]);
    const places = Object.fromEntries(
      page.facets.places.map((f) => [`${f.place.level}:${f.place.name}`, f.count]),
    );
    expect(places).toEqual({
      [`country:${country}`]: 5,
      [`region:${NORTH}`]: 3,
      [`region:${SOUTH}`]: 1,
      [`city:${ALPHA}`]: 2,
      [`city:${BETA}`]: 1,
    });
    // Ties to the pending organisation do not count: c1 has only its FUNDING to a1.
    expect(page.facets.relationshipKinds).toEqual([
      { kind: 'PARTNERSHIP', count: 2 },
      { kind: 'FUNDING', count: 3 },
      { kind: 'DATA_SHARING', count: 2 },
    ]);
    expect(page.facets.trustStates).toEqual([
      { trust: 'CLAIMED', count: 2 },
      { trust: 'CONFIRMED', count: 2 },
      { trust: 'SOURCED', count: 2 },
      { trust: 'IMPORTED', count: 2 },
    ]);
  });

  it.each([
    [{ sectors: ['NGO'] }, ['a1', 'b1']],
    [{ sectors: ['NGO', 'ACADEMIC'] }, ['a1', 'b1', 's1']],
    [{ kinds: ['CHARITY'] }, ['a1', 'b1']],
    [{ themes: ['housing'] }, ['a1', 'b1', 's1']],
    [{ themes: ['health', 'Housing'] }, ['a1', 'a2', 'b1', 's1']],
    [{ relationshipKinds: ['DATA_SHARING'] }, ['b1', 's1']],
    [{ trustStates: ['CONFIRMED'] }, ['a1', 'a2']],
    [{ relationshipKinds: ['FUNDING'], trustStates: ['IMPORTED'] }, ['a1', 'c1']],
    [{ sectors: ['NGO'], themes: ['Health'] }, ['b1']],
  ])('%j selects %j', async (filter, expected) => {
    const { data, errors } = await list(filter);
    expect(errors).toBeUndefined();
    expect(ids(data!.organisations).sort()).toEqual(expected);
  });

  it.each([
    [[NORTH], ['a1', 'a2', 'b1']],
    [
      [ALPHA, SOUTH],
      ['a1', 'a2', 's1'],
    ],
    [[`city:${w}land/${w}-north/${w}-alpha`], ['a1', 'a2']],
  ])('places %j (a city is inside its region and country) select %j', async (places, expected) => {
    const { data, errors } = await server.graphql<{ organisations: Page }>(LIST, { filter: { places } });
    expect(errors).toBeUndefined();
    expect(ids(data!.organisations).sort()).toEqual(expected);
  });

  it('says which theme or place it does not know, with a suggestion', async () => {
    const { errors } = await list({ themes: ['Housng'] });
    expect(errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ field: 'filter.themes' }],
    });
    expect(errors?.[0]?.message).toMatch(/no theme is called "Housng" \(did you mean "Housing"\?\)/);
  });

  it('refuses an unknown sector with a code, not a 500', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ organisations(filter: {sectors: [NGOS]}) { totalCount } }' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('the organisations of a page', () => {
  it('have every field organisation(id) gives them: the place with the places enclosing it, themes by name', async () => {
    const FIELDS = `id name sector kind description website websites status closedOn sectorRule createdAt updatedAt
      identifiers { scheme value } themes { id name }
      place { id name level latitude longitude parent { id name level parent { id name level parent { id } } } }`;
    const { data } = await server.graphql<{ organisations: { nodes: { id: string }[] } }>(
      `query ($filter: OrganisationFilter) { organisations(filter: $filter, first: 10) { nodes { ${FIELDS} } } }`,
      { filter: { places: [country] } },
    );
    const nodes = data!.organisations.nodes;
    expect(nodes.map((o) => o.id.slice(p.length + 1)).sort()).toEqual(['a1', 'a2', 'b1', 'c1', 's1']);
    for (const node of nodes) {
      const one = await server.graphql<{ organisation: unknown }>(
        `query ($id: ID!) { organisation(id: $id) { ${FIELDS} } }`,
        { id: node.id },
      );
      expect(node).toEqual(one.data!.organisation);
    }
    const b1 = nodes.find((o) => o.id === `${p}-b1`) as unknown as {
      themes: { name: string }[];
      place: { name: string; parent: { name: string; parent: { name: string } } };
    };
    expect(b1.themes.map((t) => t.name)).toEqual(['Health', 'Housing']);
    expect([b1.place.name, b1.place.parent.name, b1.place.parent.parent.name]).toEqual([
      BETA,
      NORTH,
      country,
    ]);
  });
});

describe('orders and pages', () => {
  it('orders by name and by degree, ties broken by name', async () => {
    const byName = await list({}, { orderBy: 'NAME' });
    expect(ids(byName.data!.organisations)).toEqual(['a2', 'a1', 'b1', 'c1', 's1']);
    const byDegree = await list({}, { orderBy: 'DEGREE_DESC' });
    // a1: 3 ties, b1: 2, then a2, c1, s1 with 1 each (by name)
    expect(ids(byDegree.data!.organisations)).toEqual(['a1', 'b1', 'a2', 'c1', 's1']);
  });

  it('ranks the best text match first', async () => {
    const { data } = await list({ query: `${w} alpha` });
    expect(ids(data!.organisations).slice(0, 2).sort()).toEqual(['a1', 'a2']);
    expect(data!.organisations.totalCount).toBe(2);
  });

  it("matches the words of a text by place (the places enclosing an organisation's own too), theme and name together", async () => {
    // Each word may match a different field: the names of the organisation's place and the places enclosing
    // it, its themes, its name.
    const north = await list({ query: `${w} north` });
    expect(ids(north.data!.organisations).sort()).toEqual(['a1', 'a2', 'b1']);
    expect(north.data!.organisations.totalCount).toBe(3);
    const alphaHousing = await list({ query: `${w} alpha housing` });
    expect(ids(alphaHousing.data!.organisations)).toEqual(['a1']);
    const alphaHealth = await list({ query: `${w} alpha health` });
    expect(ids(alphaHealth.data!.organisations)).toEqual(['a2']);
    // A word begun: the themes and places it begins.
    const heal = await list({ query: `${w} heal` });
    expect(ids(heal.data!.organisations).sort()).toEqual(['a2', 'b1']);
  });

  it('falls back to the best partial matches when no organisation matches every word', async () => {
    const { data } = await list({ query: `${w} alpha zqxwvj` });
    // Every published organisation here has the prefix word; the Alpha ones match two words.
    expect(ids(data!.organisations).slice(0, 2).sort()).toEqual(['a1', 'a2']);
    expect(ids(data!.organisations).sort()).toEqual(['a1', 'a2', 'b1', 'c1', 's1']);
    expect(data!.organisations.totalCount).toBe(5);
  });

  it('narrows a text match by the other filters, counting facets of what is left', async () => {
    const { data } = await list({ query: `${w}`, relationshipKinds: ['FUNDING'], trustStates: ['IMPORTED'] });
    expect(ids(data!.organisations).sort()).toEqual(['a1', 'c1']);
    expect(data!.organisations.facets.sectors).toEqual(
      expect.arrayContaining([
        { sector: 'NGO', count: 1 },
        { sector: 'GOVERNMENT', count: 1 },
      ]),
    );
  });

  it.each(['NAME', 'DEGREE_DESC', 'RELEVANCE'])(
    'walks every page of %s with no duplicate and no gap',
    async (orderBy) => {
      const whole = await list({}, { orderBy, first: 100 });
      const all = ids(whole.data!.organisations);
      const seen: string[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 10; guard++) {
        const page: { data?: { organisations: Page } } = await list({}, { orderBy, first: 2, after });
        seen.push(...ids(page.data!.organisations));
        if (!page.data!.organisations.pageInfo.hasNextPage) break;
        after = page.data!.organisations.pageInfo.endCursor;
      }
      expect(seen).toEqual(all);
      expect(all).toHaveLength(5);
    },
  );

  it.each([
    ['a malformed cursor', 'nonsense'],
    ['a cursor of another order', null],
  ])('refuses %s with BAD_USER_INPUT', async (_, cursor) => {
    let after = cursor;
    if (after === null)
      after = (await list({}, { orderBy: 'DEGREE_DESC', first: 1 })).data!.organisations.pageInfo.endCursor;
    const { errors } = await list({}, { orderBy: 'NAME', after });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'after' }] });
  });

  it.each([0, 101])('refuses first: %s with BAD_USER_INPUT', async (first) => {
    const { errors } = await list({}, { first });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses first: 100000 before anything runs, naming the list', async () => {
    const { errors } = await list({}, { first: 100_000 });
    expect(errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    expect(errors?.[0]?.message).toContain('organisations.nodes');
  });
});

describe('searchOrganisations(filter)', () => {
  it('searches among the organisations the filter allows', async () => {
    const { data } = await server.graphql<{ searchOrganisations: { id: string }[] }>(
      'query ($q: String!, $f: OrganisationFilter) { searchOrganisations(query: $q, filter: $f) { id } }',
      { q: w, f: { places: [country], sectors: ['NGO'] } },
    );
    expect(data!.searchOrganisations.map((o) => o.id).sort()).toEqual([`${p}-a1`, `${p}-b1`]);
  });
});
