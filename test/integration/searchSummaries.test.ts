// The search box and list pages answered from the network snapshot (snapshotSummary): when a request asks
// only for what the snapshot holds of each organisation (id, name, sector, kind, place), no organisation
// is read — as long as the snapshot is at the data version the search read its hits at; otherwise the
// organisations are read by id and the answer shows the newer data. Kinds keep the case they are
// written in (the list facets lower-case them, the organisation does not).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceFromDataset } from '../../server/domain/import/datasetSource.ts';
import { importSource } from '../../server/domain/import/importDataset.ts';
import { emptyDataset, type Dataset } from '../../server/domain/model.ts';
import { dataVersion } from '../../server/domain/dataVersion.ts';
import { createNetworkCache } from '../../server/domain/network/cache.ts';
import { countedRequest } from '../support/countedRequest.ts';
import { connectTestDb, deleteByPrefix, uniquePrefix, type TestDb } from '../support/db.ts';
import { org, rel, searchWord } from '../support/fixtures.ts';

let db: TestDb;
const p = uniquePrefix('summ');
const w = searchWord(p);

const dataset = (worksKind: string | null): Dataset => ({
  ...emptyDataset(),
  organisations: [
    org(`${p}-trust`, `${w}alpha Trust`, 'NGO', {
      kind: 'Civic Tech Group',
      city: 'Leeds',
      region: 'England',
      country: 'United Kingdom',
    }),
    org(`${p}-council`, `${w}alpha Council`, 'GOVERNMENT', { kind: 'Local Authority', country: 'Kenya' }),
    org(`${p}-works`, `${w}alpha Works`, 'COMPANY', { kind: worksKind }),
  ],
  relationships: [rel(`${p}-tie`, `${p}-trust`, `${p}-council`, 'PARTNERSHIP')],
});

const load = (worksKind: string | null) =>
  importSource(db.runner, sourceFromDataset(dataset(worksKind)), { recordedBy: 'import:test' });

beforeAll(async () => {
  db = connectTestDb();
  await load(null);
});
afterAll(async () => {
  await deleteByPrefix(db, p);
  await db.close();
});

const PLACE =
  'place { id name level latitude longitude parent { id name level latitude longitude parent { id name } } }';
const SUMMARY = `__typename id name sector status kind ${PLACE}`;

type Found = { id: string; kind: string | null; description?: string | null; place: unknown }[];

/** The search, with how many organisations' details its index query was asked to read. */
const search = async (fields: string, network: ReturnType<typeof createNetworkCache>, filter?: unknown) => {
  let detailed: unknown = null;
  const result = await countedRequest<{ searchOrganisations: Found }>(
    db.runner,
    `query ($q: String!, $filter: OrganisationFilter) {
      searchOrganisations(query: $q, filter: $filter, first: 5) { ${fields} }
    }`,
    { q: `${w}alpha`, filter: filter ?? null },
    network,
    (name, params) => {
      if (name === 'searchOrganisations') detailed = params?.detailed;
    },
  );
  return { ...result, detailed };
};

/** A network cache holding a snapshot (the server's first network read loads one). */
async function holding() {
  const network = createNetworkCache();
  await countedRequest(db.runner, '{ organisations(first: 1) { totalCount } }', {}, network);
  expect(network.latest()).not.toBeNull();
  return network;
}

/**
 * `request` with the snapshot the network cache holds (or loads) at the data version the request ran
 * at: other test files write concurrently (each write a new version), so it is tried again when a write
 * came between the snapshot and the end of the request.
 */
async function atOneVersion<T>(
  network: ReturnType<typeof createNetworkCache>,
  request: () => Promise<T>,
): Promise<T> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const result = await request();
    const held = network.latest();
    if (held !== null && held.version === (await dataVersion(db.runner))) return result;
    await countedRequest(db.runner, '{ organisations(first: 1) { totalCount } }', {}, network);
  }
  throw new Error('the data version changed during every try');
}

describe('the search box from the network snapshot', () => {
  it('reads no organisation when the snapshot is at the version of the hits; the same answer as read', async () => {
    const network = await holding();
    const summary = await atOneVersion(network, () => search(SUMMARY, network));
    // One query, which reads no organisation's details (they come from the snapshot).
    expect(summary.counts).toEqual({ searchOrganisations: 1 });
    expect(summary.detailed).toBe(0);
    const full = await search(`${SUMMARY} description`, network);
    expect(full.detailed).toBe(5);
    const found = summary.data.searchOrganisations;
    expect(found.map((o) => o.id).sort()).toEqual([`${p}-council`, `${p}-trust`, `${p}-works`]);
    expect(found).toEqual(full.data.searchOrganisations.map(({ description: _, ...rest }) => rest));
    const byId = new Map(found.map((o) => [o.id, o]));
    expect(byId.get(`${p}-trust`)).toMatchObject({
      kind: 'Civic Tech Group',
      place: {
        name: 'Leeds',
        level: 'city',
        parent: { name: 'England', parent: { name: 'United Kingdom' } },
      },
    });
    expect(byId.get(`${p}-council`)).toMatchObject({
      kind: 'Local Authority',
      place: { name: 'Kenya', parent: null },
    });
    expect(byId.get(`${p}-works`)).toMatchObject({ kind: null, place: null });
  });

  it('reads the organisations when the data changed since the snapshot, and shows the change', async () => {
    const network = await holding();
    try {
      await load('Social Enterprise');
      const after = await search(SUMMARY, network);
      expect(after.counts.organisationsByIds).toBe(1);
      const works = after.data.searchOrganisations.find((o) => o.id === `${p}-works`);
      expect(works?.kind).toBe('Social Enterprise');
      // With a filter the snapshot is checked first (and loaded again): then nothing is read by id.
      const filtered = await atOneVersion(network, () =>
        search(SUMMARY, network, { sectors: ['COMPANY', 'NGO'] }),
      );
      expect(filtered.counts.organisationsByIds).toBeUndefined();
      expect(filtered.data.searchOrganisations.map((o) => [o.id, o.kind])).toEqual(
        expect.arrayContaining([
          [`${p}-works`, 'Social Enterprise'],
          [`${p}-trust`, 'Civic Tech Group'],
        ]),
      );
      expect(filtered.data.searchOrganisations).toHaveLength(2);
    } finally {
      await load(null);
    }
  });

  it('reads the organisations when a field the snapshot lacks is asked for', async () => {
    const network = await holding();
    const { counts, data } = await search('id website', network);
    expect(counts.searchOrganisations).toBe(1);
    // The index query brings the details of the best hits itself, or they are read by id.
    expect(data.searchOrganisations).toHaveLength(3);
  });
});

describe('a list page and a neighbourhood from the network snapshot', () => {
  it('gives the kind as written and the place chain without reading the page', async () => {
    const network = await holding();
    const { counts, data } = await countedRequest<{
      organisations: { nodes: { id: string; kind: string | null; place: { name: string } | null }[] };
      neighbourhood: { nodes: { id: string; kind: string | null }[] };
    }>(
      db.runner,
      `query ($q: String!, $id: ID!) {
        organisations(filter: { query: $q }, orderBy: NAME, first: 5) { nodes { id kind ${PLACE} } }
        neighbourhood(ids: [$id]) { nodes { id kind } }
      }`,
      { q: `${w}alpha`, id: `${p}-trust` },
      network,
    );
    expect(counts.organisationPage).toBeUndefined();
    expect(data.organisations.nodes.map((o) => [o.id, o.kind, o.place?.name ?? null])).toEqual([
      [`${p}-council`, 'Local Authority', 'Kenya'],
      [`${p}-trust`, 'Civic Tech Group', 'Leeds'],
      [`${p}-works`, null, null],
    ]);
    expect(data.neighbourhood.nodes.map((n) => [n.id, n.kind]).sort()).toEqual([
      [`${p}-council`, 'Local Authority'],
      [`${p}-trust`, 'Civic Tech Group'],
    ]);
  });
});
