// Partner suggestions, paths, neighbourhood groups and filters, ties among organisations, partners in
// common and search phrases, on a small graph whose answers are worked out by hand below. Themes and
// places carry this file's prefix, so other tests' data never enters the answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../server/domain/model.ts';
import { uniquePrefix, type TestDb } from '../support/db.ts';
import { org, rel, searchWord } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';
import { closeServedNetwork, openServedNetwork } from '../support/servedNetwork.ts';

let db: TestDb;
let server: TestServer;
const p = uniquePrefix('partners');
const w = searchWord(p);
const T1 = `${w} Housing`;
const T2 = `${w} Health`;
const X = `${w} Xton`;
const Y = `${w} Yford`;
const id = (name: string) => `${p}-${name}`;

/**
 *   A (GOVERNMENT, X; T1, T2) — B (NGO, X; T1)        PARTNERSHIP CONFIRMED, 2020 only
 *   A → C (COMPANY, Y)                                  FUNDING IMPORTED
 *   B — D (ACADEMIC, Y; T2)                             PARTNERSHIP CONFIRMED
 *   C — D                                               DATA_SHARING CLAIMED
 *   C — E (NGO, X; T1, T2)                              PARTNERSHIP SOURCED
 *   F (CIVIC_INNOVATOR, no place, named after Y), G (GOVERNMENT, X) and H (GOVERNMENT, X, named "Fern"): no ties
 * Degrees: A 2, B 2, C 3, D 2, E 1, F 0, G 0, H 0.
 */
function network(): Dataset {
  const at = (city: string | null) => ({ country: `${w}land`, region: null, city });
  return {
    organisations: [
      org(id('a'), `${w} A`, 'GOVERNMENT', { ...at(X), themes: [T1, T2] }),
      org(id('b'), `${w} B`, 'NGO', { ...at(X), themes: [T1] }),
      org(id('c'), `${w} C`, 'COMPANY', { ...at(Y) }),
      org(id('d'), `${w} D`, 'ACADEMIC', { ...at(Y), themes: [T2] }),
      org(id('e'), `${w} E`, 'NGO', { ...at(X), themes: [T1, T2] }),
      // Its name starts with a place's name; it has no place itself.
      org(id('f'), `${Y} Community Foundation`, 'CIVIC_INNOVATOR'),
      org(id('g'), `${w} G`, 'GOVERNMENT', { ...at(X) }),
      // Scores as G does; its name comes first although its id comes last.
      org(id('h'), `${w} Fern`, 'GOVERNMENT', { ...at(X) }),
    ],
    relationships: [
      rel(id('ab'), id('a'), id('b'), 'PARTNERSHIP', {
        trust: 'CONFIRMED',
        since: '2020-01-01',
        until: '2020-12-31',
      }),
      rel(id('ac'), id('a'), id('c'), 'FUNDING', { trust: 'IMPORTED', since: '2019-05-01' }),
      rel(id('bd'), id('b'), id('d'), 'PARTNERSHIP', { trust: 'CONFIRMED' }),
      rel(id('cd'), id('c'), id('d'), 'DATA_SHARING', { trust: 'CLAIMED' }),
      rel(id('ce'), id('c'), id('e'), 'PARTNERSHIP', { trust: 'SOURCED' }),
    ],
    initiatives: [],
    participations: [],
    places: [],
  };
}

beforeAll(async () => ({ db, server } = await openServedNetwork(p, network())));
afterAll(() => closeServedNetwork({ db, server }, p));

const short = (full: string) => full.slice(p.length + 1);

interface Suggestion {
  organisation: { id: string };
  score: number;
  broker: { id: string } | null;
  reasons: {
    kind: string;
    weight: number;
    text: string;
    organisations: { id: string }[];
    themes: { name: string }[];
  }[];
}

const SUGGEST = `query ($id: ID!, $filter: OrganisationFilter, $first: Int) {
  partnerSuggestions(organisationId: $id, filter: $filter, first: $first) {
    organisation { id } score broker { id }
    reasons { kind weight text organisations { id } themes { name } }
  } }`;

async function suggest(filter?: Record<string, unknown>, first = 10) {
  const result = await server.graphql<{ partnerSuggestions: Suggestion[] }>(SUGGEST, {
    id: id('a'),
    filter,
    first,
  });
  expect(result.errors).toBeUndefined();
  return result.data!.partnerSuggestions;
}

describe('partnerSuggestions', () => {
  it('scores by the documented weights, best first, never an existing partner', async () => {
    const found = await suggest();
    expect(found.map((s) => short(s.organisation.id))).toEqual(['d', 'e', 'h', 'g']);
    // D: theme T2 1.0 + mutual B, C: 2 × (1/ln 2 + 1/ln 3) = 4.706 + same country 0.2 + academic, which
    // none of A's partners is: 0.5 + 0.5 → 6.906
    expect(found[0]!.score).toBeCloseTo(1 + 2 * (1 / Math.log(2) + 1 / Math.log(3)) + 0.2 + 1, 3);
    // E: T1 and T2 2.0 + mutual C 2/ln 3 = 1.820 + same city 1.0 + NGO (B is one already) 0.5 → 5.320
    expect(found[1]!.score).toBeCloseTo(2 + 2 / Math.log(3) + 1 + 0.5, 3);
    // H and G: same city only 1.0 (same sector adds nothing), equal scores ordered by name
    expect(found[2]!.score).toBeCloseTo(1, 3);
    expect(found[3]!.score).toBe(found[2]!.score);
  });

  it('gives the best `first` of the whole ranking, equal scores at the cut still ordered by name', async () => {
    const all = await suggest();
    for (const first of [1, 2, 3]) expect(await suggest(undefined, first)).toEqual(all.slice(0, first));
  });

  it('explains each suggestion with reasons as data', async () => {
    const [d, e] = await suggest();
    expect(d!.reasons.map((r) => r.kind)).toEqual([
      'MUTUAL_PARTNERS',
      'SHARED_THEMES',
      'COMPLEMENTARY_SECTOR',
      'SAME_PLACE',
    ]);
    const mutual = d!.reasons[0]!;
    // Least connected first: B (degree 2) before C (3).
    expect(mutual.organisations.map((o) => short(o.id))).toEqual(['b', 'c']);
    expect(mutual.text).toBe(`2 partners in common: ${w} B and ${w} C`);
    expect(d!.reasons[1]!.themes).toEqual([{ name: T2 }]);
    expect(d!.reasons[2]!.text).toBe('An academic organisation: none of your partners is one yet');
    expect(e!.reasons.find((r) => r.kind === 'SAME_PLACE')?.text).toBe(`Also in ${X}`);
  });

  it('names as broker the partner in common with the most trusted ties to both', async () => {
    const [d, e, h] = await suggest();
    // B: CONFIRMED to A and to D; C: IMPORTED to A, CLAIMED to D.
    expect(short(d!.broker!.id)).toBe('b');
    expect(short(e!.broker!.id)).toBe('c');
    expect(h!.broker).toBeNull();
  });

  it('lets the user ask for only some organisations', async () => {
    expect((await suggest({ sectors: ['NGO'] })).map((s) => short(s.organisation.id))).toEqual(['e']);
    expect((await suggest({ places: [Y] })).map((s) => short(s.organisation.id))).toEqual(['d']);
    // The filter applies before the cut: better-scored organisations of other sectors leave room for these.
    expect((await suggest({ sectors: ['GOVERNMENT'] }, 1)).map((s) => short(s.organisation.id))).toEqual([
      'h',
    ]);
  });

  it('refuses an unknown organisation with a code', async () => {
    const { errors } = await server.graphql(SUGGEST, { id: `${p}-nobody` });
    expect(errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

interface PathResult {
  length: number;
  organisations: { id: string }[];
  relationships: { id: string }[];
}
const PATHS = `query ($from: ID!, $to: ID!, $filter: PathFilter, $asOf: Date, $maxHops: Int) {
  shortestPaths(from: $from, to: $to, filter: $filter, asOf: $asOf, maxHops: $maxHops) {
    length organisations { id } relationships { id }
  } }`;

async function paths(from: string, to: string, extra: Record<string, unknown> = {}) {
  const result = await server.graphql<{ shortestPaths: PathResult[] }>(PATHS, {
    from: id(from),
    to: id(to),
    ...extra,
  });
  expect(result.errors).toBeUndefined();
  return result.data!.shortestPaths.map((path) => ({
    length: path.length,
    organisations: path.organisations.map((o) => short(o.id)).join(''),
    relationships: path.relationships.map((r) => short(r.id)),
  }));
}

describe('shortestPaths', () => {
  it('returns every shortest path, in a stable order, with the ties along it', async () => {
    expect(await paths('a', 'd')).toEqual([
      { length: 2, organisations: 'abd', relationships: ['ab', 'bd'] },
      { length: 2, organisations: 'acd', relationships: ['ac', 'cd'] },
    ]);
    expect(await paths('b', 'e')).toEqual([
      { length: 3, organisations: 'bace', relationships: ['ab', 'ac', 'ce'] },
      { length: 3, organisations: 'bdce', relationships: ['bd', 'cd', 'ce'] },
    ]);
  });

  it('passes only through the sectors asked for (the ends always allowed)', async () => {
    expect((await paths('a', 'd', { filter: { sectors: ['NGO'] } })).map((x) => x.organisations)).toEqual([
      'abd',
    ]);
    expect(await paths('a', 'e', { filter: { sectors: ['NGO'] } })).toEqual([]);
  });

  it('uses only the ties the filter allows, and those active on asOf', async () => {
    expect(
      (await paths('a', 'd', { filter: { relationships: { trustStates: ['CONFIRMED'] } } })).map(
        (x) => x.organisations,
      ),
    ).toEqual(['abd']);
    // A—B ended in 2020.
    expect((await paths('a', 'd', { asOf: '2022-01-01' })).map((x) => x.organisations)).toEqual(['acd']);
    expect((await paths('a', 'd', { asOf: '2019-01-01' })).map((x) => x.organisations)).toEqual([]);
  });

  it('answers with no path, quickly bounded, when there is none or it is longer than maxHops', async () => {
    expect(await paths('a', 'f')).toEqual([]);
    expect(await paths('b', 'e', { maxHops: 2 })).toEqual([]);
  });

  it.each([
    [{ maxHops: 50 }, 'BAD_USER_INPUT'],
    [{ maxHops: 0 }, 'BAD_USER_INPUT'],
  ])('refuses %j with a code', async (extra, code) => {
    const { errors } = await server.graphql(PATHS, { from: id('a'), to: id('d'), ...extra });
    expect(errors?.[0]?.extensions?.code).toBe(code);
  });

  it('names an unknown end', async () => {
    const { errors } = await server.graphql(PATHS, { from: `${p}-nobody`, to: id('d') });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'from' }] });
  });

  it('refuses a malformed date in asOf, naming it', async () => {
    const { errors } = await server.graphql(
      `{ shortestPaths(from: "${id('a')}", to: "${id('d')}", asOf: "2022-02-30") { length } }`,
    );
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'asOf' }] });
  });
});

describe('neighbourhood groups, filters and asOf', () => {
  const N = `query ($ids: [ID!]!, $perNode: Int, $filter: RelationshipFilter, $asOf: Date, $depth: Int) {
    neighbourhood(ids: $ids, perNode: $perNode, filter: $filter, asOf: $asOf, depth: $depth) {
      truncated nodes { id distance degree } edges { id } groups { organisationId total bySector { sector count } }
    } }`;
  type View = {
    truncated: boolean;
    nodes: { id: string; distance: number; degree: number }[];
    edges: { id: string }[];
    groups: { organisationId: string; total: number; bySector: { sector: string; count: number }[] }[];
  };
  const view = async (vars: Record<string, unknown>) => {
    const result = await server.graphql<{ neighbourhood: View }>(N, vars);
    expect(result.errors).toBeUndefined();
    return result.data!.neighbourhood;
  };

  it('keeps the best connected neighbours per node and counts the rest by sector', async () => {
    const v = await view({ ids: [id('c')], perNode: 1 });
    // C's neighbours: A (degree 2), D (2), E (1); A before D by id.
    expect(v.nodes.map((n) => short(n.id)).sort()).toEqual(['a', 'c']);
    // Most first, then in sector order.
    expect(v.groups).toEqual([
      {
        organisationId: id('c'),
        total: 2,
        bySector: [
          { sector: 'NGO', count: 1 },
          { sector: 'ACADEMIC', count: 1 },
        ],
      },
    ]);
    expect(v.truncated).toBe(false);
    expect(v.nodes.find((n) => short(n.id) === 'c')?.degree).toBe(3);
  });

  it('walks only the ties the filter allows, and those active on asOf', async () => {
    const sharing = await view({ ids: [id('c')], filter: { kinds: ['DATA_SHARING'] } });
    expect(sharing.nodes.map((n) => short(n.id)).sort()).toEqual(['c', 'd']);
    expect(sharing.edges.map((e) => short(e.id))).toEqual(['cd']);
    const later = await view({ ids: [id('a')], asOf: '2022-01-01' });
    expect(later.nodes.map((n) => short(n.id)).sort()).toEqual(['a', 'c']);
    const earlier = await view({ ids: [id('a')], asOf: '2020-06-01' });
    expect(earlier.nodes.map((n) => short(n.id)).sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('ties among organisations and partners in common', () => {
  it('reveals the ties among a set of organisations', async () => {
    const { data } = await server.graphql<{ relationshipsAmong: { id: string; source: { id: string } }[] }>(
      'query ($ids: [ID!]!) { relationshipsAmong(ids: $ids) { id source { id } } }',
      { ids: [id('a'), id('b'), id('c'), `${p}-nobody`] },
    );
    expect(data!.relationshipsAmong.map((r) => short(r.id))).toEqual(['ab', 'ac']);
  });

  it('lists the partners two organisations have in common', async () => {
    const { data } = await server.graphql<{
      commonPartners: { organisation: { id: string }; partnerOf: { id: string }[] }[];
    }>('query ($ids: [ID!]!) { commonPartners(ids: $ids) { organisation { id } partnerOf { id } } }', {
      ids: [id('a'), id('d')],
    });
    // C has degree 3, B 2: best connected first.
    expect(
      data!.commonPartners.map((c) => [short(c.organisation.id), c.partnerOf.map((o) => short(o.id))]),
    ).toEqual([
      ['c', ['a', 'd']],
      ['b', ['a', 'd']],
    ]);
  });
});

describe('interpretSearch', () => {
  it('turns words naming a sector, a place and a theme into filters', async () => {
    const { data } = await server.graphql<{
      interpretSearch: { query: string | null; chips: { kind: string; value: string }[] };
    }>('query ($t: String!) { interpretSearch(text: $t) { query chips { kind value } } }', {
      t: `NGOs in ${X} ${T1.toLowerCase()} ${w}word`,
    });
    expect(data!.interpretSearch).toEqual({
      query: `${w}word`,
      chips: [
        { kind: 'SECTOR', value: 'NGO' },
        { kind: 'PLACE', value: X },
        { kind: 'THEME', value: T1 },
      ],
    });
    // The chips as a filter give the list the phrase asks for.
    const list = await server.graphql<{ organisations: { nodes: { id: string }[] } }>(
      'query ($f: OrganisationFilter) { organisations(filter: $f, first: 10) { nodes { id } } }',
      { f: { sectors: ['NGO'], places: [X], themes: [T1] } },
    );
    expect(list.data!.organisations.nodes.map((o) => short(o.id)).sort()).toEqual(['b', 'e']);
  });

  it('leaves a plain name search alone', async () => {
    const { data } = await server.graphql<{ interpretSearch: { query: string | null; chips: unknown[] } }>(
      'query ($t: String!) { interpretSearch(text: $t) { query chips { kind } } }',
      { t: `${w} Borough Council` },
    );
    expect(data!.interpretSearch).toEqual({ query: `${w} Borough Council`, chips: [] });
  });

  it("keeps an organisation's whole name as text, though it starts with a place's name", async () => {
    const ask = (t: string) =>
      server.graphql<{ interpretSearch: { query: string | null; chips: { kind: string; value: string }[] } }>(
        'query ($t: String!) { interpretSearch(text: $t) { query chips { kind value } } }',
        { t },
      );
    const name = `${Y} Community Foundation`;
    expect((await ask(name)).data!.interpretSearch).toEqual({ query: name, chips: [] });
    // That text finds it (the place filter would have left it out: it has no place).
    const list = await server.graphql<{ organisations: { nodes: { id: string }[] } }>(
      'query ($f: OrganisationFilter) { organisations(filter: $f, first: 10) { nodes { id } } }',
      { f: { query: name } },
    );
    expect(list.data!.organisations.nodes.map((o) => o.id)[0]).toBe(id('f'));
    // Only part of the name: the place is still a filter.
    expect((await ask(`${Y} Community`)).data!.interpretSearch).toEqual({
      query: 'Community',
      chips: [{ kind: 'PLACE', value: Y }],
    });
  });
});
