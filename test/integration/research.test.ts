// The researchers' API on a small graph whose answers are worked out by hand: relationship lists with
// every filter, totals and amount sums, pages; initiatives and roles; metrics, gaps and network figures
// with the E–I index; asOf and changes. Everything sits in the country "<prefix>land" (filters select it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_PROVENANCE, RELATIONSHIP_KINDS, TRUST_STATES, type Dataset } from '../../server/domain/model.ts';
import { uniquePrefix, type TestDb } from '../support/db.ts';
import { org, rel, searchWord } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';
import { closeServedNetwork, openServedNetwork } from '../support/servedNetwork.ts';

let db: TestDb;
let server: TestServer;
const p = uniquePrefix('research');
const w = searchWord(p);
const country = `${w}land`;
const id = (name: string) => `${p}-${name}`;
const short = (full: string) => full.slice(p.length + 1);

/**
 * Two triangles joined by a bridge: (g1 GOVERNMENT, n1 NGO, n2 NGO) — g1–c1 — (c1 COMPANY, c2 COMPANY,
 * a1 ACADEMIC); plus lone x1 (CIVIC_INNOVATOR).
 *   g1→n1 FUNDING 1000 GBP 2019-01-01..2020-12-31 SOURCED     n1–n2 PARTNERSHIP 2021-03-01 CONFIRMED
 *   n2→g1 FUNDING 500 EUR 2022-06-01 IMPORTED                 g1–c1 PARTNERSHIP 2020-05-05 CLAIMED
 *   c1→c2 INVESTMENT 2500 GBP 2021-01-10 IMPORTED             c2–a1 DATA_SHARING (undated) DISPUTED
 *   a1→c1 FUNDING 300 GBP 2023-01-01 CONFIRMED
 */
function network(): Dataset {
  const here = { country, region: null, city: null };
  const initiative = (name: string, stage: 'PILOT' | 'IDEA', startDate: string | null, themes: string[]) => ({
    id: id(name),
    name: `${w} ${name}`,
    stage,
    startDate,
    endDate: null,
    themes,
    description: null,
    website: null,
    provenance: NO_PROVENANCE,
  });
  const take = (i: string, o: string, role: 'LEAD' | 'PARTNER' | 'FUNDER') => ({
    initiative: id(i),
    organisation: id(o),
    role,
    since: null,
    until: null,
    provenance: NO_PROVENANCE,
  });
  return {
    organisations: [
      org(id('g1'), `${w} Gov`, 'GOVERNMENT', here),
      org(id('n1'), `${w} Ngo One`, 'NGO', here),
      org(id('n2'), `${w} Ngo Two`, 'NGO', here),
      org(id('c1'), `${w} Co One`, 'COMPANY', here),
      org(id('c2'), `${w} Co Two`, 'COMPANY', here),
      org(id('a1'), `${w} Uni`, 'ACADEMIC', here),
      org(id('x1'), `${w} Lone Lab`, 'CIVIC_INNOVATOR', here),
    ],
    relationships: [
      rel(id('r1'), id('g1'), id('n1'), 'FUNDING', {
        amount: 1000,
        currency: 'GBP',
        since: '2019-01-01',
        until: '2020-12-31',
        trust: 'SOURCED',
      }),
      rel(id('r2'), id('n1'), id('n2'), 'PARTNERSHIP', { since: '2021-03-01', trust: 'CONFIRMED' }),
      rel(id('r3'), id('n2'), id('g1'), 'FUNDING', {
        amount: 500,
        currency: 'EUR',
        since: '2022-06-01',
        trust: 'IMPORTED',
      }),
      rel(id('r4'), id('g1'), id('c1'), 'PARTNERSHIP', { since: '2020-05-05', trust: 'CLAIMED' }),
      rel(id('r5'), id('c1'), id('c2'), 'INVESTMENT', {
        amount: 2500,
        currency: 'GBP',
        since: '2021-01-10',
        trust: 'IMPORTED',
      }),
      rel(id('r6'), id('c2'), id('a1'), 'DATA_SHARING', { trust: 'DISPUTED' }),
      rel(id('r7'), id('a1'), id('c1'), 'FUNDING', {
        amount: 300,
        currency: 'GBP',
        since: '2023-01-01',
        trust: 'CONFIRMED',
      }),
    ],
    initiatives: [
      initiative('pilot', 'PILOT', '2021-01-01', [`${w} Housing`]),
      initiative('idea', 'IDEA', null, [`${w} Energy`]),
    ],
    participations: [
      take('pilot', 'n1', 'PARTNER'),
      take('pilot', 'g1', 'LEAD'),
      take('pilot', 'c1', 'FUNDER'),
      take('idea', 'x1', 'LEAD'),
    ],
    places: [],
  };
}

beforeAll(async () => ({ db, server } = await openServedNetwork(p, network())));
afterAll(() => closeServedNetwork({ db, server }, p));

interface RelPage {
  totalCount: number;
  nodes: { id: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  amountTotals: { kind: string; currency: string; total: number; count: number }[];
}
const RELS = `query ($filter: RelationshipFilter, $asOf: Date, $first: Int, $after: String) {
  relationships(filter: $filter, asOf: $asOf, first: $first, after: $after) {
    totalCount nodes { id } pageInfo { hasNextPage endCursor } amountTotals { kind currency total count }
  } }`;

/** Our organisations' ids: the filter's `organisations` keeps other test files' ties out of our pages. */
const OURS = network().organisations.map((o) => o.id);

async function rels(filter: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const result = await server.graphql<{ relationships: RelPage }>(RELS, {
    filter: { organisations: OURS, ...filter },
    first: 100,
    ...extra,
  });
  expect(result.errors).toBeUndefined();
  const page = result.data!.relationships;
  return page.nodes
    .map((n) => n.id)
    .filter((x) => x.startsWith(p))
    .map(short);
}

describe('relationships(filter)', () => {
  it.each([
    [{ kinds: ['FUNDING'] }, ['r7', 'r3', 'r1']],
    [{ trustStates: ['CONFIRMED', 'DISPUTED'] }, ['r7', 'r2', 'r6']],
    [{ minAmount: 500 }, ['r3', 'r5', 'r1']],
    [{ minAmount: 400, maxAmount: 1500, currency: 'gbp' }, ['r1']],
    [{ activeOn: '2020-06-01' }, ['r4', 'r1', 'r6']],
    [{ startedAfter: '2020-12-31', startedBefore: '2022-12-31' }, ['r3', 'r2', 'r5']],
    [{ sectors: ['ACADEMIC'] }, ['r7', 'r6']],
  ])('%j selects %j, newest first and undated last', async (filter, expected) => {
    expect(await rels(filter)).toEqual(expected);
  });

  it('counts all the matches and sums their amounts per kind and currency', async () => {
    const { data } = await server.graphql<{ relationships: RelPage }>(RELS, {
      filter: { sectors: ['COMPANY'], minAmount: 0 },
      first: 1,
    });
    const page = data!.relationships;
    // Other tests' companies may be in the set: check ours through a filter only ours match.
    expect(page.totalCount).toBeGreaterThanOrEqual(2);
    const ours = await server.graphql<{ relationships: RelPage }>(RELS, {
      filter: {
        kinds: ['INVESTMENT', 'FUNDING'],
        minAmount: 299.5,
        maxAmount: 2500.5,
        startedAfter: '2018-01-01',
        sectors: ['GOVERNMENT', 'COMPANY', 'ACADEMIC'],
      },
      first: 100,
    });
    const mine = ours.data!.relationships.nodes.filter((n) => n.id.startsWith(p)).map((n) => short(n.id));
    expect(mine).toEqual(['r7', 'r3', 'r5', 'r1']);
  });

  it('sums amounts exactly on a set of its own', async () => {
    const { data } = await server.graphql<{ relationships: RelPage }>(RELS, {
      filter: {
        minAmount: 299.999,
        maxAmount: 300.001,
        startedAfter: '2022-12-31',
        startedBefore: '2023-01-02',
        sectors: ['ACADEMIC'],
      },
    });
    expect(data!.relationships.totalCount).toBe(1);
    expect(data!.relationships.amountTotals).toEqual([
      { kind: 'FUNDING', currency: 'GBP', total: 300, count: 1 },
    ]);
  });

  it('keeps the ties active on asOf', async () => {
    expect(await rels({ sectors: ['GOVERNMENT'] }, { asOf: '2021-01-01' })).toEqual(['r4']);
  });

  it('walks every page with no duplicate and no gap', async () => {
    const filter = {
      sectors: ['GOVERNMENT', 'NGO', 'COMPANY', 'ACADEMIC'],
      startedAfter: '2018-12-31',
      organisations: OURS,
    };
    const all = (await server.graphql<{ relationships: RelPage }>(RELS, { filter, first: 100 })).data!
      .relationships;
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const page: { data?: { relationships: RelPage } } = await server.graphql(RELS, {
        filter,
        first: 2,
        after,
      });
      seen.push(...page.data!.relationships.nodes.map((n) => n.id));
      if (!page.data!.relationships.pageInfo.hasNextPage) break;
      after = page.data!.relationships.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.nodes.map((n) => n.id));
    expect(new Set(seen).size).toBe(all.totalCount);
  });

  it('keeps the ties with an end among the organisations asked for', async () => {
    expect(await rels({ organisations: [id('x1')] })).toEqual([]);
    const ofGov = await server.graphql<{ relationships: RelPage }>(RELS, {
      filter: { organisations: [id('g1')] },
      first: 100,
    });
    const ids = ofGov.data!.relationships.nodes.map((n) => short(n.id));
    const expected = network()
      .relationships.filter((r) => r.source === id('g1') || r.target === id('g1'))
      .map((r) => short(r.id));
    expect([...ids].sort()).toEqual([...expected].sort());
    expect(ofGov.data!.relationships.totalCount).toBe(expected.length);
  });

  it('refuses more than 1,000 organisations in the filter, naming it', async () => {
    const many = Array.from({ length: 1001 }, (_, i) => `${p}-o${i}`);
    const { errors } = await server.graphql(RELS, { filter: { organisations: many }, first: 1 });
    expect(errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ field: 'filter.organisations' }],
    });
  });

  it('refuses minAmount above maxAmount, a negative amount and a malformed cursor, with BAD_USER_INPUT', async () => {
    for (const vars of [
      { filter: { minAmount: 10, maxAmount: 1 } },
      { filter: { minAmount: -5 } },
      { filter: { maxAmount: -1 } },
      { after: 'xyz' },
    ]) {
      const { errors } = await server.graphql(RELS, vars);
      expect(errors?.[0]?.extensions?.code, JSON.stringify(vars)).toBe('BAD_USER_INPUT');
    }
  });
});

interface Counts {
  total: number;
  byKind: { kind: string; count: number }[];
  byTrust: { trust: string; count: number }[];
}
const COUNTS = `query ($id: ID!, $asOf: Date) { organisation(id: $id) {
  relationshipCounts(asOf: $asOf) { total byKind { kind count } byTrust { trust count } } } }`;

/** An organisation's relationshipCounts, each list as { value: count } without the zeros. */
async function countsOf(name: string, asOf?: string) {
  const { data, errors } = await server.graphql<{ organisation: { relationshipCounts: Counts } }>(COUNTS, {
    id: id(name),
    asOf,
  });
  expect(errors).toBeUndefined();
  const { total, byKind, byTrust } = data!.organisation.relationshipCounts;
  expect(byKind.map((k) => k.kind)).toEqual(RELATIONSHIP_KINDS);
  expect(byTrust.map((t) => t.trust)).toEqual(TRUST_STATES);
  const nonZero = (pairs: [string, number][]) => Object.fromEntries(pairs.filter(([, n]) => n > 0));
  return {
    total,
    kinds: nonZero(byKind.map((k) => [k.kind, k.count])),
    trust: nonZero(byTrust.map((t) => [t.trust, t.count])),
  };
}

describe('Organisation.relationshipCounts', () => {
  it('counts the ties in all, per kind and per trust state, every kind and state listed', async () => {
    // g1: r1 FUNDING SOURCED, r3 FUNDING IMPORTED, r4 PARTNERSHIP CLAIMED.
    expect(await countsOf('g1')).toEqual({
      total: 3,
      kinds: { FUNDING: 2, PARTNERSHIP: 1 },
      trust: { SOURCED: 1, IMPORTED: 1, CLAIMED: 1 },
    });
    // c1: r4 PARTNERSHIP CLAIMED, r5 INVESTMENT IMPORTED, r7 FUNDING CONFIRMED.
    expect(await countsOf('c1')).toEqual({
      total: 3,
      kinds: { PARTNERSHIP: 1, INVESTMENT: 1, FUNDING: 1 },
      trust: { CLAIMED: 1, IMPORTED: 1, CONFIRMED: 1 },
    });
    expect(await countsOf('x1')).toEqual({ total: 0, kinds: {}, trust: {} });
  });

  it('agrees with the totals of relationships(filter) for each kind and trust state', async () => {
    const counts = await countsOf('c2');
    for (const kind of RELATIONSHIP_KINDS) {
      const { data } = await server.graphql<{ relationships: RelPage }>(RELS, {
        filter: { organisations: [id('c2')], kinds: [kind] },
      });
      expect(data!.relationships.totalCount, kind).toBe(counts.kinds[kind] ?? 0);
    }
    for (const trust of TRUST_STATES) {
      const { data } = await server.graphql<{ relationships: RelPage }>(RELS, {
        filter: { organisations: [id('c2')], trustStates: [trust] },
      });
      expect(data!.relationships.totalCount, trust).toBe(counts.trust[trust] ?? 0);
    }
  });

  it('counts only the ties active on asOf', async () => {
    // 2020-06-30: r1 (2019-01-01..2020-12-31) and r4 (from 2020-05-05); r3 starts in 2022.
    expect(await countsOf('g1', '2020-06-30')).toEqual({
      total: 2,
      kinds: { FUNDING: 1, PARTNERSHIP: 1 },
      trust: { SOURCED: 1, CLAIMED: 1 },
    });
    // 2023-06-30: r1 has ended; r3 and r4 are active.
    expect(await countsOf('g1', '2023-06-30')).toEqual({
      total: 2,
      kinds: { FUNDING: 1, PARTNERSHIP: 1 },
      trust: { IMPORTED: 1, CLAIMED: 1 },
    });
  });

  it('refuses a malformed asOf with BAD_USER_INPUT', async () => {
    const { errors } = await server.graphql(COUNTS, { id: id('g1'), asOf: '2020-13-01' });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('initiatives', () => {
  const INITS = `query ($filter: InitiativeFilter) { initiatives(filter: $filter) {
    totalCount nodes { id stage startDate participants { role organisation { id } } } } }`;
  type Init = {
    id: string;
    stage: string;
    startDate: string | null;
    participants: { role: string; organisation: { id: string } }[];
  };

  it('lists initiatives with their participants and roles, leads first', async () => {
    const { data } = await server.graphql<{ initiatives: { totalCount: number; nodes: Init[] } }>(INITS, {
      filter: { participants: [id('g1'), id('x1')] },
    });
    expect(data!.initiatives.totalCount).toBe(2);
    expect(data!.initiatives.nodes.map((i) => short(i.id))).toEqual(['pilot', 'idea']);
    expect(data!.initiatives.nodes[0]!.participants.map((x) => [x.role, short(x.organisation.id)])).toEqual([
      ['LEAD', 'g1'],
      ['FUNDER', 'c1'],
      ['PARTNER', 'n1'],
    ]);
  });

  it('filters by stage, theme and text', async () => {
    const byStage = await server.graphql<{ initiatives: { nodes: Init[] } }>(INITS, {
      filter: { stages: ['IDEA'], participants: [id('x1'), id('g1')] },
    });
    expect(byStage.data!.initiatives.nodes.map((i) => short(i.id))).toEqual(['idea']);
    const byTheme = await server.graphql<{ initiatives: { nodes: Init[] } }>(INITS, {
      filter: { themes: [`${w} housing`] },
    });
    expect(byTheme.data!.initiatives.nodes.map((i) => short(i.id))).toEqual(['pilot']);
    const byText = await server.graphql<{ initiatives: { nodes: Init[] } }>(INITS, {
      filter: { query: `${w} IDEA` },
    });
    expect(byText.data!.initiatives.nodes.map((i) => short(i.id))).toEqual(['idea']);
  });

  it('gives the first `first` participants, leads first, from the snapshot and from the database', async () => {
    const roles = (i: Init) => i.participants.map((x) => [x.role, short(x.organisation.id)]);
    // A page of initiatives: participants from the network snapshot.
    const page = await server.graphql<{ initiatives: { nodes: Init[] } }>(
      `query ($filter: InitiativeFilter) { initiatives(filter: $filter) { nodes { id stage startDate
         participants(first: 2) { role organisation { id } } } } }`,
      { filter: { participants: [id('g1')] } },
    );
    expect(page.errors).toBeUndefined();
    expect(roles(page.data!.initiatives.nodes[0]!)).toEqual([
      ['LEAD', 'g1'],
      ['FUNDER', 'c1'],
    ]);
    // One initiative asking more of its participants' organisations than the snapshot holds: the database.
    const one = await server.graphql<{ initiative: Init }>(
      'query ($id: ID!) { initiative(id: $id) { id stage startDate participants(first: 1) { role organisation { id description } } } }',
      { id: id('pilot') },
    );
    expect(one.errors).toBeUndefined();
    expect(roles(one.data!.initiative)).toEqual([['LEAD', 'g1']]);
    const over = await server.graphql(
      'query ($id: ID!) { initiative(id: $id) { participants(first: 0) { role } } }',
      {
        id: id('pilot'),
      },
    );
    expect(over.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('reads one initiative by id', async () => {
    const { data } = await server.graphql<{ initiative: Init }>(
      'query ($id: ID!) { initiative(id: $id) { id stage startDate participants { role organisation { id } } } }',
      { id: id('pilot') },
    );
    expect(data!.initiative).toMatchObject({ stage: 'PILOT', startDate: '2021-01-01' });
  });
});

describe('analytics', () => {
  const NET = `query ($filter: OrganisationFilter, $asOf: Date) { network(filter: $filter, asOf: $asOf) {
    organisationCount relationshipCount
    components { count sizes } communities { count list { size members(first: 10) { id } } }
    sectorMix { sector count internalTies externalTies crossSectorShare eiIndex }
  } }`;
  type Net = {
    organisationCount: number;
    relationshipCount: number;
    components: { count: number; sizes: number[] };
    communities: { count: number; list: { size: number; members: { id: string }[] }[] };
    sectorMix: {
      sector: string;
      count: number;
      internalTies: number;
      externalTies: number;
      crossSectorShare: number | null;
      eiIndex: number | null;
    }[];
  };

  it('counts, splits into components and communities, and gives the sector mix with the E–I index', async () => {
    const { data, errors } = await server.graphql<{ network: Net }>(NET, { filter: { places: [country] } });
    expect(errors).toBeUndefined();
    const n = data!.network;
    expect(n.organisationCount).toBe(7);
    expect(n.relationshipCount).toBe(7);
    expect(n.components).toEqual({ count: 2, sizes: [6, 1] });
    expect(n.communities.count).toBe(3);
    const groups = n.communities.list.map((c) => c.members.map((m) => short(m.id)).sort());
    expect(groups).toEqual(expect.arrayContaining([['g1', 'n1', 'n2'], ['a1', 'c1', 'c2'], ['x1']]));
    const mix = Object.fromEntries(n.sectorMix.map((m) => [m.sector, m]));
    // NGO: n1–n2 internal; g1–n1, n2–g1 external → E 2, I 1 → E–I (2−1)/3
    expect(mix.NGO).toEqual({
      sector: 'NGO',
      count: 2,
      internalTies: 1,
      externalTies: 2,
      crossSectorShare: 0.6667,
      eiIndex: 0.3333,
    });
    // COMPANY: c1–c2 internal; g1–c1, a1→c1, c2–a1 external → (3−1)/4
    expect(mix.COMPANY).toMatchObject({ internalTies: 1, externalTies: 3, eiIndex: 0.5 });
    // GOVERNMENT: 3 external, none internal → 1
    expect(mix.GOVERNMENT).toMatchObject({ internalTies: 0, externalTies: 3, eiIndex: 1 });
    expect(mix.CIVIC_INNOVATOR).toMatchObject({ count: 1, eiIndex: null, crossSectorShare: null });
  });

  it('takes the text query of the filter as organisations(filter) does', async () => {
    const filter = { query: `${w} ngo`, places: [country] };
    const { data, errors } = await server.graphql<{
      network: Net;
      organisations: { totalCount: number };
      none: { organisationCount: number };
    }>(
      `query ($filter: OrganisationFilter, $none: OrganisationFilter) {
        network(filter: $filter) { organisationCount relationshipCount components { sizes } }
        organisations(filter: $filter) { totalCount }
        none: network(filter: $none) { organisationCount }
      }`,
      { filter, none: { query: `${w}zzqx`, places: [country] } },
    );
    expect(errors).toBeUndefined();
    // n1 and n2 (the only names with "Ngo"), and the partnership between them.
    expect(data!.organisations.totalCount).toBe(2);
    expect(data!.network).toMatchObject({
      organisationCount: 2,
      relationshipCount: 1,
      components: { sizes: [2] },
    });
    expect(data!.none.organisationCount).toBe(0);
  });

  it('looks at the network as it was on asOf', async () => {
    const { data } = await server.graphql<{ network: Net }>(NET, {
      filter: { places: [country] },
      asOf: '2020-06-01',
    });
    // Active then: r1 (2019–2020), r4 (2020-05-05), r6 (undated)
    expect(data!.network.relationshipCount).toBe(3);
    expect(data!.network.components.sizes).toEqual([3, 2, 1, 1]);
  });

  it("gives each organisation's metrics and structural gaps", async () => {
    const { data, errors } = await server.graphql<{
      a: {
        metrics: {
          degree: number;
          betweenness: number;
          pageRank: number;
          community: number;
          component: number;
        };
      };
      b: { metrics: { degree: number; betweenness: number; pageRank: number; community: number } };
      c: {
        metrics: { community: number; component: number };
        gaps: { kind: string; sector: string | null }[];
      };
      x: { gaps: { kind: string }[] };
    }>(
      `query ($a: ID!, $b: ID!, $c: ID!, $x: ID!) {
        a: organisation(id: $a) { metrics { degree betweenness pageRank community component } }
        b: organisation(id: $b) { metrics { degree betweenness pageRank community } }
        c: organisation(id: $c) { metrics { community component } gaps { kind sector } }
        x: organisation(id: $x) { gaps { kind } }
      }`,
      { a: id('g1'), b: id('n1'), c: id('n2'), x: id('x1') },
    );
    expect(errors).toBeUndefined();
    expect(data!.a.metrics.degree).toBe(3);
    // g1 lies on every path between its triangle and the other one; n1 on none but its own pairs.
    expect(data!.a.metrics.betweenness).toBeGreaterThan(data!.b.metrics.betweenness);
    expect(data!.a.metrics.pageRank).toBeGreaterThan(0);
    expect(data!.c.metrics.community).toBe(data!.b.metrics.community);
    expect(data!.c.metrics.component).toBe(data!.a.metrics.component);
    // n2: funded by nobody (it funds g1), ties to NGO and government; within two hops: g1, n1, c1 → no
    // civic innovator or academic.
    expect(data!.c.gaps).toEqual([
      { kind: 'NO_FUNDER', sector: null },
      { kind: 'NO_SECTOR_WITHIN_TWO_HOPS', sector: 'CIVIC_INNOVATOR' },
      { kind: 'NO_SECTOR_WITHIN_TWO_HOPS', sector: 'ACADEMIC' },
    ]);
    expect(data!.x.gaps).toEqual([{ kind: 'NO_TIES' }]);
  });
});

describe('changes(from, to)', () => {
  it('lists the relationships that started and ended in the period', async () => {
    const { data, errors } = await server.graphql<{
      changes: {
        startedCount: number;
        endedCount: number;
        started: { id: string }[];
        ended: { id: string }[];
      };
    }>(
      `query ($filter: RelationshipFilter) { changes(from: "2020-01-01", to: "2021-12-31", filter: $filter, first: 100) {
        startedCount endedCount started { id } ended { id } } }`,
      { filter: { sectors: ['GOVERNMENT', 'NGO', 'COMPANY', 'ACADEMIC'], organisations: OURS } },
    );
    expect(errors).toBeUndefined();
    const mine = (list: { id: string }[]) => list.filter((r) => r.id.startsWith(p)).map((r) => short(r.id));
    expect(mine(data!.changes.started)).toEqual(['r2', 'r5', 'r4']);
    expect(mine(data!.changes.ended)).toEqual(['r1']);
  });

  it('refuses a period that ends before it starts', async () => {
    const { errors } = await server.graphql(
      '{ changes(from: "2022-01-01", to: "2021-01-01") { startedCount } }',
    );
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'from' }] });
  });
});

// QA L11: a mistyped id or currency is an error naming the argument, never an empty answer a researcher
// would read as "no relationships".
describe('ids and currencies that name nothing', () => {
  type Answer = {
    data?: unknown;
    errors?: {
      message: string;
      extensions?: { code?: string; problems?: { field: string; code: string }[] };
    }[];
  };
  const refused = (answer: Answer, field: string, code = 'NOT_FOUND') => {
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.extensions?.problems?.map((x) => [x.field, x.code])).toEqual([[field, code]]);
    return answer.errors![0]!.message;
  };
  const nobody = `${p}-nobody`;

  it('refuses an unknown organisation in relationships(filter.organisations), naming it and only it', async () => {
    const message = refused(
      await server.graphql(RELS, { filter: { organisations: [id('g1'), nobody, id('g1')] }, first: 1 }),
      'filter.organisations',
    );
    expect(message).toBe(`filter.organisations: no published organisation has the id "${nobody}".`);
  });

  it('lists a few unknown ids and counts the rest', async () => {
    const many = Array.from({ length: 7 }, (_, k) => `${p}-missing-${k}`);
    const { errors } = await server.graphql(RELS, { filter: { organisations: many }, first: 1 });
    expect(errors?.[0]?.extensions?.problems).toHaveLength(6);
    expect(errors?.[0]?.message).toMatch(
      new RegExp(
        `"${p}-missing-4"; filter\\.organisations: and 2 more ids that name no published organisation\\.$`,
      ),
    );
  });

  it('refuses an unknown participant in initiatives(filter.participants)', async () => {
    refused(
      await server.graphql(
        'query ($filter: InitiativeFilter) { initiatives(filter: $filter) { totalCount } }',
        { filter: { participants: [id('g1'), nobody] } },
      ),
      'filter.participants',
    );
  });

  it('refuses unknown ids in neighbourhood(ids), and in the filters of neighbourhood, shortestPaths and changes', async () => {
    refused(
      await server.graphql('query ($ids: [ID!]!) { neighbourhood(ids: $ids) { nodes { id } } }', {
        ids: [nobody],
      }),
      'ids',
    );
    refused(
      await server.graphql(
        'query ($ids: [ID!]!, $f: RelationshipFilter) { neighbourhood(ids: $ids, filter: $f) { nodes { id } } }',
        { ids: [id('g1')], f: { organisations: [nobody] } },
      ),
      'filter.organisations',
    );
    refused(
      await server.graphql(
        'query ($a: ID!, $b: ID!, $f: PathFilter) { shortestPaths(from: $a, to: $b, filter: $f) { length } }',
        { a: id('g1'), b: id('a1'), f: { relationships: { organisations: [nobody] } } },
      ),
      'filter.relationships.organisations',
    );
    refused(
      await server.graphql(
        'query ($f: RelationshipFilter) { changes(from: "2020-01-01", to: "2021-01-01", filter: $f) { startedCount } }',
        { f: { organisations: [nobody] } },
      ),
      'filter.organisations',
    );
  });

  it('refuses a currency that is not an ISO 4217 code, saying so; a code in any case is taken', async () => {
    const message = refused(
      await server.graphql(RELS, { filter: { currency: 'POUNDS' }, first: 1 }),
      'filter.currency',
      'BAD_CURRENCY',
    );
    expect(message).toMatch(
      /^filter\.currency is "POUNDS": give a three-letter ISO 4217 currency code such as GBP/,
    );
    expect(message).toMatch(/the relationships have amounts in .*GBP/);
    expect(await rels({ currency: 'gbp' })).toEqual(['r7', 'r5', 'r1']);
  });
});
