// relationships(filter) asked with its relationships reads them with the data version in one query
// (relationshipsByIds) and keeps the page it worked out over the process's newest snapshot only when that
// version is the snapshot's. Here: one query per request once the snapshot is current, and a page that
// answers as of the new data once the data has moved past the snapshot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataVersion } from '../../server/domain/dataVersion.ts';
import { sourceFromDataset } from '../../server/domain/import/datasetSource.ts';
import { importSource } from '../../server/domain/import/importDataset.ts';
import { emptyDataset, type RelationshipRecord } from '../../server/domain/model.ts';
import { createNetworkCache, networkAccess, type NetworkCache } from '../../server/domain/network/cache.ts';
import { listRelationships } from '../../server/domain/network/relationshipList.ts';
import { countedRequest } from '../support/countedRequest.ts';
import { connectTestDb, deleteByPrefix, uniquePrefix, type TestDb } from '../support/db.ts';
import { org, rel, searchWord } from '../support/fixtures.ts';

let db: TestDb;
const p = uniquePrefix('relfresh');
const w = searchWord(p);
const id = (name: string) => `${p}-${name}`;
const short = (full: string) => full.slice(p.length + 1);
const OURS = ['a', 'b', 'c'].map(id);

const organisations = [
  org(id('a'), `${w} Alpha`, 'GOVERNMENT', { country: `${w}land` }),
  org(id('b'), `${w} Beta`, 'NGO', { country: `${w}land` }),
  org(id('c'), `${w} Gamma`, 'COMPANY', { country: `${w}land` }),
];
const funding = (amount: number) =>
  rel(id('r1'), id('a'), id('b'), 'FUNDING', { amount, currency: 'GBP', since: '2021-01-01' });
const partnership = rel(id('r2'), id('b'), id('c'), 'PARTNERSHIP', { since: '2020-01-01' });

const load = (relationships: RelationshipRecord[]) =>
  importSource(db.runner, sourceFromDataset({ ...emptyDataset(), organisations, relationships }), {
    recordedBy: 'import:test',
  });

beforeAll(async () => {
  db = connectTestDb();
  await load([funding(1000), partnership]);
});
afterAll(async () => {
  await deleteByPrefix(db, p);
  await db.close();
});

const RELS = `query ($filter: RelationshipFilter) {
  relationships(filter: $filter, first: 10) {
    totalCount
    nodes { id kind amount currency since }
    edges { cursor node { id amount } }
  } }`;

interface Page {
  totalCount: number;
  nodes: { id: string; kind: string; amount: number | null; currency: string | null; since: string | null }[];
  edges: { cursor: string; node: { id: string; amount: number | null } }[];
}

/** The request through the real schema and resolvers, with the reads it made by query name. */
async function request(network: NetworkCache) {
  const { counts, data } = await countedRequest<{ relationships: Page }>(
    db.runner,
    RELS,
    { filter: { organisations: OURS } },
    network,
  );
  return { counts, page: data.relationships };
}

describe('relationships(filter) with its relationships', () => {
  it('reads the page and the data version in one query once the snapshot is current', async () => {
    const cache = createNetworkCache();
    await request(cache); // loads the snapshot
    // Other test files write to the same database: a request during which the data version moved reads
    // more (as it must); try again until one ran on a version that stayed put.
    for (let attempt = 0; attempt < 10; attempt++) {
      const before = await dataVersion(db.runner);
      await request(cache); // a new snapshot, when the version moved since
      const { counts, page } = await request(cache);
      if ((await dataVersion(db.runner)) !== before) continue;
      expect(counts).toEqual({ relationshipsByIds: 1 });
      expect(page.totalCount).toBe(2);
      expect(page.nodes).toEqual([
        { id: id('r1'), kind: 'FUNDING', amount: 1000, currency: 'GBP', since: '2021-01-01' },
        { id: id('r2'), kind: 'PARTNERSHIP', amount: null, currency: null, since: '2020-01-01' },
      ]);
      expect(page.edges.map((e) => [short(e.node.id), e.node.amount])).toEqual([
        ['r1', 1000],
        ['r2', null],
      ]);
      return;
    }
    throw new Error('the data version moved during every attempt: other test files kept writing');
  });

  it('answers as of the new data once the data has moved past the snapshot', async () => {
    const cache = createNetworkCache();
    const list = async () => {
      const page = await listRelationships(
        networkAccess(db.runner, cache),
        { filter: { organisations: OURS } },
        db.runner,
      );
      return {
        total: page.totalCount,
        ids: page.nodes.map((r) => short(r.id)),
        read: page.relationships!.map((r) => (r === null ? null : [short(r.id), r.amount])),
        sums: page.amountTotals,
      };
    };
    expect(await list()).toEqual({
      total: 2,
      ids: ['r1', 'r2'],
      read: [
        ['r1', 1000],
        ['r2', null],
      ],
      sums: [{ kind: 'FUNDING', currency: 'GBP', total: 1000, count: 1 }],
    });
    // A new, newer relationship and a new amount (the import moves the data version on): the page, its
    // total and sums, and the relationships read must all be the new data's, not the snapshot's.
    await load([
      funding(2500),
      partnership,
      rel(id('r3'), id('a'), id('c'), 'FUNDING', { amount: 40, currency: 'GBP', since: '2022-01-01' }),
    ]);
    expect(await list()).toEqual({
      total: 3,
      ids: ['r3', 'r1', 'r2'],
      read: [
        ['r3', 40],
        ['r1', 2500],
        ['r2', null],
      ],
      sums: [{ kind: 'FUNDING', currency: 'GBP', total: 2540, count: 2 }],
    });
  });
});
