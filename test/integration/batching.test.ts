// "One database query per level of a response, not one per item" (README): counted, on a real Neo4j.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataVersion } from '../../server/domain/dataVersion.ts';
import { sourceFromDataset } from '../../server/domain/import/datasetSource.ts';
import { importSource } from '../../server/domain/import/importDataset.ts';
import { createNetworkCache, type NetworkCache } from '../../server/domain/network/cache.ts';
import { createContext } from '../../server/graphql/context.ts';
import { resolvers } from '../../server/graphql/resolvers/index.ts';
import { countedRequest, countingReads, type QueryCounts } from '../support/countedRequest.ts';
import { connectTestDb, deleteByPrefix, uniquePrefix, type TestDb } from '../support/db.ts';
import type { Dataset } from '../../server/domain/model.ts';
import { initiative, org, participation, rel, searchWord, smallNetwork } from '../support/fixtures.ts';

let db: TestDb;
const p = uniquePrefix('batch');
const w = searchWord(p);

beforeAll(async () => {
  db = connectTestDb();
  await importSource(db.runner, sourceFromDataset(smallNetwork(p)), { recordedBy: 'import:test' });
});
afterAll(async () => {
  await deleteByPrefix(db, p);
  await db.close();
});

/** `query` through the real schema and resolvers, with the reads it made by query name (countedRequest). */
const countQueries = (query: string, variables: Record<string, unknown>, network?: NetworkCache) =>
  countedRequest<{ searchOrganisations: { relationships: unknown[] }[] }>(
    db.runner,
    query,
    variables,
    network,
  );

/** A type's `description` resolver, called directly with a summary as its parent. */
const descriptionResolver = (type: 'Organisation' | 'Initiative') =>
  (resolvers[type] as Record<string, unknown>).description as (
    parent: unknown,
    args: unknown,
    context: unknown,
  ) => Promise<string | null>;

const QUERY = `query ($q: String!, $first: Int) {
  searchOrganisations(query: $q, first: $first) {
    name
    relationships { kind source { name place { name } } target { name } }
    participations { role initiative { name themes { name } } }
  }
}`;

describe('nested fields are batched per level', () => {
  it('costs one query per level, for 2 organisations as for 6, not one per item', async () => {
    const few = await countQueries(QUERY, { q: w, first: 2 });
    const many = await countQueries(QUERY, { q: w, first: 6 });
    expect(few.data.searchOrganisations).toHaveLength(2);
    expect(many.data.searchOrganisations).toHaveLength(6);
    expect(many.data.searchOrganisations.some((o) => o.relationships.length > 1)).toBe(true);
    for (const { counts } of [few, many]) {
      expect(counts).toMatchObject({
        searchOrganisations: 1,
        relationshipsOfOrganisations: 1,
        participationsOfOrganisations: 1,
      });
      // The search results come with their details (one query), then at most one batch for all the
      // relationships' ends (none when every end is already among the results).
      expect(counts.organisationsByIds ?? 0).toBeLessThanOrEqual(1);
      expect(
        Object.keys(counts)
          .filter((name) => name !== 'organisationsByIds')
          .sort(),
      ).toEqual(['participationsOfOrganisations', 'relationshipsOfOrganisations', 'searchOrganisations']);
    }
  });

  it('reads an initiative with its participants and their organisations in one query', async () => {
    const { counts, data } = await countQueries(
      `query ($id: ID!) {
        initiative(id: $id) { name participants { role organisation { id name place { name } themes { name } } } }
        missing: initiative(id: "${p}-no-such-initiative") { name participants { role organisation { place { name } } } }
      }`,
      { id: `${p}-ini` },
    );
    const { initiative, missing } = data as unknown as {
      initiative: { participants: { role: string; organisation: { id: string; name: string } }[] };
      missing: null;
    };
    expect(initiative.participants.length).toBeGreaterThan(1);
    expect(initiative.participants[0]).toMatchObject({ role: 'LEAD', organisation: { id: `${p}-hub` } });
    expect(missing).toBeNull();
    // Both initiatives, their participants and the organisations: one batched query.
    expect(counts).toEqual({ participantsOfInitiatives: 1 });
  });

  it("reads only what is asked of the participants' organisations; the same answer as the full read", async () => {
    const ask = (more: string, network?: NetworkCache) =>
      countQueries(
        `query ($id: ID!) {
          initiative(id: $id) { id name participants { role since organisation { id name sector status themes { id name } ${more} } } }
        }`,
        { id: `${p}-ini` },
        network,
      );
    // A new cache: the snapshot is not loaded, so its load starts and the database answers meanwhile.
    const cold = createNetworkCache();
    const summaries = await ask('', cold);
    const full = await ask('place { id }');
    await cold.current(db.runner);
    expect(summaries.counts).toMatchObject({ dataVersion: 1, participantSummariesOfInitiatives: 1 });
    expect(summaries.counts.snapshotOrganisations).toBeGreaterThanOrEqual(1);
    expect(summaries.counts.participantsOfInitiatives).toBeUndefined();
    expect(full.counts).toEqual({ participantsOfInitiatives: 1 });
    type Read = { initiative: { participants: { organisation: Record<string, unknown> }[] } };
    const a = (summaries.data as unknown as Read).initiative;
    const b = (full.data as unknown as Read).initiative;
    expect(a.participants.map((x) => x.organisation.id)).toEqual([`${p}-hub`, `${p}-b`]);
    expect(a.participants[0]!.organisation.themes).toEqual([
      { id: expect.any(String), name: 'Digital inclusion' },
      { id: expect.any(String), name: 'Housing' },
    ]);
    expect(a).toEqual({
      ...b,
      participants: b.participants.map(({ organisation: { place: _, ...o }, ...rest }) => ({
        ...rest,
        organisation: o,
      })),
    });
  });

  it('reads an initiative without its participants when they are not asked for', async () => {
    const { counts } = await countQueries(`query ($id: ID!) { initiative(id: $id) { name stage } }`, {
      id: `${p}-ini`,
    });
    expect(counts).toEqual({ initiativesByIds: 1 });
  });

  it('gives the same participants whether read with the initiative or by the list', async () => {
    const fields = `id name stage startDate themes { id name }
      participants { role since until organisation { id name sector kind description place { id name } themes { id } } }`;
    const one = await countQueries(`query ($id: ID!) { initiative(id: $id) { ${fields} } }`, {
      id: `${p}-ini`,
    });
    const listed = await countQueries(
      `query ($o: [ID!]) { initiatives(filter: { participants: $o }) { nodes { ${fields} } } }`,
      { o: [`${p}-hub`] },
    );
    expect(one.counts.participantsOfInitiatives).toBe(1);
    expect(listed.counts.participantsOfInitiatives).toBe(1);
    const initiative = (one.data as unknown as { initiative: unknown }).initiative;
    expect((listed.data as unknown as { initiatives: { nodes: unknown[] } }).initiatives.nodes).toEqual([
      initiative,
    ]);
  });
});

describe('a list page asking only for what the network snapshot holds', () => {
  const page = (fields: string) =>
    countQueries(
      `query ($q: String!) {
        organisations(filter: { query: $q }, orderBy: NAME, first: 4) { totalCount nodes { ${fields} } }
      }`,
      { q: w },
    );
  type Listed = { organisations: { totalCount: number; nodes: Record<string, unknown>[] } };

  it('reads no organisation; the same answer as when they are read', async () => {
    const fields = '__typename id name sector status degree kind place { id name level parent { id name } }';
    const summary = await page(fields);
    const full = await page(`${fields} description`);
    // The list reads its page's organisations by organisationPage (the data version with them).
    expect(summary.counts.organisationPage).toBeUndefined();
    expect(summary.counts.organisationsByIds).toBeUndefined();
    expect(full.counts.organisationPage).toBe(1);
    const a = (summary.data as unknown as Listed).organisations;
    const b = (full.data as unknown as Listed).organisations;
    expect(a.nodes).toHaveLength(4);
    expect(a.nodes[0]).toMatchObject({ __typename: 'Organisation', status: 'PUBLISHED' });
    expect(a).toEqual({
      totalCount: b.totalCount,
      nodes: b.nodes.map(({ description: _, ...rest }) => rest),
    });
  });

  it('reads the organisations when a field the snapshot lacks is asked for in a fragment or an edge', async () => {
    const viaFragment = await countQueries(
      `query ($q: String!) {
        organisations(filter: { query: $q }, first: 2) { nodes { id ...More } }
      }
      fragment More on Organisation { ... on Organisation { description } }`,
      { q: w },
    );
    const viaEdge = await countQueries(
      `query ($q: String!) { organisations(filter: { query: $q }, first: 2) { edges { node { id website } } } }`,
      { q: w },
    );
    for (const { counts } of [viaFragment, viaEdge]) expect(counts.organisationPage).toBe(1);
  });

  it('reads the rest of a summary, batched, if a resolver is handed one', async () => {
    const ctx = createContext(db.runner, createNetworkCache());
    const description = descriptionResolver('Organisation');
    const summary = { id: `${p}-hub`, name: 'x', sector: 'GOVERNMENT', status: 'PUBLISHED' };
    await expect(description(summary, {}, ctx)).resolves.toContain(`${w}word inclusion`);
    await expect(description({ ...summary, id: `${p}-hidden` }, {}, ctx)).rejects.toThrow(/not published/);
  });
});

describe('an initiative with its participants from the network snapshot', () => {
  const q = uniquePrefix('snapini');
  const ini = `${q}-ini`;
  // Names that tell orders apart: case, two equal names (then by id), accents, a full-width letter
  // (U+FF5A) against an emoji (U+1F600: before it by UTF-16 unit, as ORDER BY sorts; after it by code point).
  const dataset = (changed: boolean): Dataset => ({
    organisations: [
      org(`${q}-z1`, 'zeta Works', 'NGO', { themes: ['Zebra crossings', 'Housing', 'Accessibility'] }),
      org(`${q}-z2`, 'Alpha Partners', 'COMPANY'),
      org(`${q}-z3`, 'École Lab', 'ACADEMIC', { themes: ['Housing'] }),
      org(`${q}-z4`, '\uFF5A wide Co', 'COMPANY'),
      org(`${q}-z5`, '\u{1F600} Smile Co', 'CIVIC_INNOVATOR'),
      org(`${q}-z6`, 'beta Fund', 'NGO'),
      org(`${q}-z7`, 'Omega Council', 'GOVERNMENT'),
      org(`${q}-z8`, 'Zeta works', 'NGO'),
      org(`${q}-zh`, 'Aardvark Pending', 'NGO', { status: 'PENDING' }),
    ],
    relationships: [],
    places: [],
    initiatives: [
      initiative(ini, changed ? `${q} Scaled` : `${q} Pilot`, changed ? 'SCALING' : 'PILOT', {
        startDate: '2022-01-01',
        themes: ['Housing'],
        description: 'Tried first in one town',
      }),
      initiative(`${q}-empty`, `${q} Nobody yet`, 'IDEA'),
    ],
    participations: [
      ...['z1', 'z2', 'z3', 'z4', 'z5', 'z8', 'zh'].map((o) =>
        participation(
          ini,
          `${q}-${o}`,
          'PARTNER',
          o === 'z3' ? { since: '2021-03-04', until: '2023-05-06' } : {},
        ),
      ),
      participation(ini, `${q}-z6`, changed ? 'LEAD' : 'FUNDER'),
      participation(ini, `${q}-z7`, 'LEAD'),
    ],
  });
  const NESTED = (more: string) => `query ($id: ID!) {
    initiative(id: $id) {
      __typename id name stage ${more}
      participants { __typename role since until organisation { __typename id name sector status themes { id name } } }
    }
    empty: initiative(id: "${q}-empty") { id stage participants { role } }
    missing: initiative(id: "${q}-none") { id participants { role } }
  }`;
  const FULL = `query ($id: ID!) {
    initiative(id: $id) {
      __typename id name stage
      participants { __typename role since until organisation { __typename id name sector status themes { id name } place { id } } }
    }
    empty: initiative(id: "${q}-empty") { id stage participants { role } }
    missing: initiative(id: "${q}-none") { id participants { role } }
  }`;
  type Answer = {
    initiative: {
      participants: { role: string; organisation: { id: string; themes: { name: string }[] } }[];
    } & Record<string, unknown>;
    empty: unknown;
    missing: null;
  };
  const withoutPlace = (data: unknown): Answer => {
    const a = data as Answer;
    return {
      ...a,
      initiative: {
        ...a.initiative,
        participants: a.initiative.participants.map((x) => {
          const { place: _, ...organisation } = x.organisation as Record<string, unknown>;
          return { ...x, organisation } as (typeof a.initiative.participants)[number];
        }),
      },
    };
  };

  /**
   * `countQueries` on a loaded snapshot, on a data version that stayed put during the request. Other test
   * files write to the same database: a request during which the data version moved loads a new snapshot
   * (as it must), so it is tried again until one ran on a version that stayed put.
   */
  const countOnSteadyVersion = async (query: string, network: NetworkCache) => {
    for (let attempt = 0; attempt < 10; attempt++) {
      const version = await dataVersion(db.runner);
      await network.current(db.runner);
      const asked = await countQueries(query, { id: ini }, network);
      if ((await dataVersion(db.runner)) === version) return asked;
    }
    throw new Error('the data version moved during every attempt: other test files kept writing');
  };

  beforeAll(async () => {
    await importSource(db.runner, sourceFromDataset(dataset(false)), { recordedBy: 'import:test' });
  });
  afterAll(async () => {
    await deleteByPrefix(db, q);
  });

  it('answers after one data-version query, as the database does, in the same order', async () => {
    const network = createNetworkCache();
    const memory = await countOnSteadyVersion(NESTED(''), network);
    // Asking for more of the initiative (or its participants' organisations) reads the database.
    const summaries = await countOnSteadyVersion(NESTED('description'), network);
    const full = await countOnSteadyVersion(FULL, network);
    // The two other initiatives of each request (aliases) ask for no more: from the snapshot.
    expect(memory.counts).toEqual({ dataVersion: 1 });
    expect(summaries.counts).toEqual({ dataVersion: 1, participantSummariesOfInitiatives: 1 });
    expect(full.counts).toEqual({ dataVersion: 1, participantsOfInitiatives: 1 });
    const { description, ...summaryInitiative } = (summaries.data as unknown as Answer).initiative;
    expect(description).toBe('Tried first in one town');
    expect(memory.data).toEqual({ ...(summaries.data as object), initiative: summaryInitiative });
    expect(memory.data).toEqual(withoutPlace(full.data));

    const answer = memory.data as unknown as Answer;
    expect(answer.initiative).toMatchObject({
      __typename: 'Initiative',
      id: ini,
      name: `${q} Pilot`,
      stage: 'PILOT',
    });
    expect(
      answer.initiative.participants.map((x) => `${x.role} ${x.organisation.id.slice(q.length + 1)}`),
    ).toEqual([
      'LEAD z7',
      'FUNDER z6',
      'PARTNER z2',
      'PARTNER z1',
      'PARTNER z8',
      'PARTNER z3',
      'PARTNER z5',
      'PARTNER z4',
    ]);
    expect(answer.initiative.participants[3]!.organisation.themes.map((t) => t.name)).toEqual([
      'Accessibility',
      'Housing',
      'Zebra crossings',
    ]);
    expect(answer.initiative.participants[5]).toMatchObject({ since: '2021-03-04', until: '2023-05-06' });
    expect(answer.empty).toEqual({ id: `${q}-empty`, stage: 'IDEA', participants: [] });
    expect(answer.missing).toBeNull();
  });

  it('sees a write at once: the database answers until the new snapshot is loaded', async () => {
    const network = createNetworkCache();
    const before = await countOnSteadyVersion(NESTED(''), network);
    expect(before.counts).toEqual({ dataVersion: 1 });
    try {
      await importSource(db.runner, sourceFromDataset(dataset(true)), { recordedBy: 'import:test' });
      const after = await countQueries(NESTED(''), { id: ini }, network);
      expect(after.counts).toMatchObject({ dataVersion: 1, participantSummariesOfInitiatives: 1 });
      const changed = (after.data as unknown as Answer).initiative;
      expect(changed).toMatchObject({ name: `${q} Scaled`, stage: 'SCALING' });
      expect(
        changed.participants.slice(0, 2).map((x) => `${x.role} ${x.organisation.id.slice(q.length + 1)}`),
      ).toEqual(['LEAD z6', 'LEAD z7']);
      const loaded = await countOnSteadyVersion(NESTED(''), network);
      expect(loaded.counts).toEqual({ dataVersion: 1 });
      expect(loaded.data).toEqual(after.data);
    } finally {
      await importSource(db.runner, sourceFromDataset(dataset(false)), { recordedBy: 'import:test' });
    }
  });

  it("reads only summaries of a list page's participants when no more is asked of them", async () => {
    const { counts, data } = await countQueries(
      `query ($o: [ID!]) { initiatives(filter: { participants: $o }) { nodes { id participants { role organisation { id } } } } }`,
      { o: [`${q}-z7`] },
    );
    expect(counts.participantSummariesOfInitiatives).toBe(1);
    expect(counts.participantsOfInitiatives).toBeUndefined();
    expect(
      (data as unknown as { initiatives: { nodes: { participants: unknown[] }[] } }).initiatives.nodes[0]!
        .participants,
    ).toHaveLength(8);
  });

  it("reads the rest of an initiative's summary through the loader if a resolver is handed one", async () => {
    const ctx = createContext(db.runner, createNetworkCache());
    const description = descriptionResolver('Initiative');
    const summary = { id: ini, name: 'x', stage: 'PILOT' };
    await expect(description(summary, {}, ctx)).resolves.toBe('Tried first in one town');
    await expect(description({ ...summary, id: `${q}-none` }, {}, ctx)).rejects.toThrow(/removed meanwhile/);
  });
});

describe('relationships read by id and kind', () => {
  // A relationship id is unique within its kind only: these two share one.
  const r = uniquePrefix('batch-rel');
  const tie = `${r}-tie`;
  const ends = [`${r}-a`, `${r}-b`];

  beforeAll(async () => {
    await importSource(
      db.runner,
      sourceFromDataset({
        organisations: [org(ends[0]!, `${r} Alpha`, 'NGO'), org(ends[1]!, `${r} Beta`, 'COMPANY')],
        relationships: [
          rel(tie, ends[0]!, ends[1]!, 'PARTNERSHIP'),
          rel(tie, ends[1]!, ends[0]!, 'FUNDING', { amount: 700, currency: 'GBP' }),
        ],
        initiatives: [],
        participations: [],
        places: [],
      }),
      { recordedBy: 'import:test' },
    );
  });
  afterAll(async () => {
    await deleteByPrefix(db, r);
  });

  it('tells apart two relationships with the same id, and reads them in one query for the whole request', async () => {
    const { counts, data } = await countQueries(
      `query ($ids: [ID!]!) {
        a: relationshipsAmong(ids: $ids) { id kind amount source { id } }
        b: relationshipsAmong(ids: $ids) { id kind amount source { id } }
      }`,
      { ids: ends },
    );
    type Tie = { id: string; kind: string; amount: number | null; source: { id: string } };
    const answer = data as unknown as { a: Tie[]; b: Tie[] };
    const byKind = (ties: Tie[]) => [...ties].sort((x, y) => x.kind.localeCompare(y.kind));
    expect(byKind(answer.a)).toEqual([
      { id: tie, kind: 'FUNDING', amount: 700, source: { id: ends[1] } },
      { id: tie, kind: 'PARTNERSHIP', amount: null, source: { id: ends[0] } },
    ]);
    expect(byKind(answer.b)).toEqual(byKind(answer.a));
    expect(counts.relationshipsByIds).toBe(1);
  });

  it("the request's loader keys a relationship by its id and kind, not by the object asked with", async () => {
    const counts: QueryCounts = {};
    const ctx = createContext(countingReads(db.runner, counts), createNetworkCache());
    const first = await ctx.relationshipsById.load({ id: tie, kind: 'FUNDING' });
    // Asked again later with an equal reference (another object), and for the other kind.
    const again = await ctx.relationshipsById.load({ id: tie, kind: 'FUNDING' });
    const other = await ctx.relationshipsById.load({ id: tie, kind: 'PARTNERSHIP' });
    expect(again).toBe(first);
    expect([first?.kind, other?.kind]).toEqual(['FUNDING', 'PARTNERSHIP']);
    expect(counts.relationshipsByIds).toBe(2);
  });
});
