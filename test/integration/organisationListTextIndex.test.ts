// A text list matches its text in the process, with the text index kept with the network snapshot: only
// the first text list over a snapshot reads the organisations' texts; every text list (the next page, the
// same text with another filter, another text) then reads only the page (one query that also checks the
// data version) and gives what a fresh cache gives. A write moves the data version on, and the texts are
// read again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceFromDataset } from '../../server/domain/import/datasetSource.ts';
import { importSource } from '../../server/domain/import/importDataset.ts';
import { emptyDataset, type OrganisationRecord } from '../../server/domain/model.ts';
import { createNetworkCache, networkAccess, type NetworkCache } from '../../server/domain/network/cache.ts';
import type { OrganisationFilterInput } from '../../server/domain/network/filter.ts';
import { listOrganisations } from '../../server/domain/network/organisationList.ts';
import { connectTestDb, deleteByPrefix, uniquePrefix, type TestDb } from '../support/db.ts';
import { org } from '../support/fixtures.ts';
import { recording } from '../support/recordingRunner.ts';

let db: TestDb;
const p = uniquePrefix('texthits');
const w = p.replace(/[^a-zA-Z0-9]/g, '').toLowerCase();
const TEXT = `${w} beacon`;

const load = (organisations: OrganisationRecord[]) =>
  importSource(db.runner, sourceFromDataset({ ...emptyDataset(), organisations }), {
    recordedBy: 'import:test',
  });

beforeAll(async () => {
  db = connectTestDb();
  await load([
    org(`${p}-a`, `${w} Beacon Trust`, 'NGO'),
    org(`${p}-b`, `${w} Beacon Labs`, 'COMPANY'),
    org(`${p}-c`, `${w} Beacon Council`, 'GOVERNMENT'),
    org(`${p}-d`, `${w} Harbour Trust`, 'NGO'),
  ]);
});
afterAll(async () => {
  await deleteByPrefix(db, p);
  await db.close();
});

async function list(cache: NetworkCache, filter: OrganisationFilterInput, first = 10, after?: string) {
  const runner = recording(db.runner);
  const page = await listOrganisations(runner, networkAccess(runner, cache), { filter, first, after });
  return {
    ids: page.nodes.map((o) => o.id.slice(p.length + 1)),
    total: page.totalCount,
    sectors: page.facets().sectors,
    endCursor: page.pageInfo.endCursor,
    queries: runner.names,
  };
}

/** Whether no ask after the first needed more than the page's read (else a write came between them). */
function untouched(seen: Record<string, { queries: string[] }>): boolean {
  return Object.entries(seen).every(([name, ask]) => name === 'firstAsk' || ask.queries.length === 1);
}

describe('a text list keeps its text index with the snapshot', () => {
  it('reads only the page after the first text list, for another page, another filter or another text', async () => {
    // Other test files write to the same database meanwhile: a write between two asks rightly makes the
    // second read the texts again, so the asks are repeated until no write came between them.
    const asks = async () => {
      const cache = createNetworkCache();
      const firstAsk = await list(cache, { query: TEXT });
      const again = await list(cache, { query: TEXT });
      // The same text with a sector ticked, and page by page.
      const ngos = await list(cache, { query: TEXT, sectors: ['NGO'] });
      const one = await list(cache, { query: TEXT }, 1);
      const two = await list(cache, { query: TEXT }, 1, one.endCursor!);
      const other = await list(cache, { query: `${w} harbour` });
      return { firstAsk, again, ngos, one, two, other };
    };
    let seen = await asks();
    for (let attempt = 0; attempt < 20 && !untouched(seen); attempt++) seen = await asks();
    const { firstAsk, again, ngos, one, two, other } = seen;
    expect(firstAsk.ids.sort()).toEqual(['a', 'b', 'c']);
    expect(firstAsk.queries).toContain('snapshotTexts');
    // No full-text query at all.
    expect(firstAsk.queries.some((q) => /search/i.test(q))).toBe(false);

    expect(again.queries).toEqual(['organisationPage']);
    expect(again.ids.sort()).toEqual(['a', 'b', 'c']);
    expect(again.total).toBe(firstAsk.total);
    expect(again.sectors).toEqual(firstAsk.sectors);

    // What a fresh cache gives.
    expect(ngos.queries).toEqual(['organisationPage']);
    expect(ngos.ids).toEqual(['a']);
    expect(ngos.ids).toEqual((await list(createNetworkCache(), { query: TEXT, sectors: ['NGO'] })).ids);
    expect(two.queries).toEqual(['organisationPage']);
    expect(other.queries).toEqual(['organisationPage']);
    expect(other.ids).toEqual(['d']);
    const freshOne = await list(createNetworkCache(), { query: TEXT }, 1);
    expect([...one.ids, ...two.ids]).toEqual([
      ...freshOne.ids,
      ...(await list(createNetworkCache(), { query: TEXT }, 1, freshOne.endCursor!)).ids,
    ]);
  });

  it('reads the texts again once a write has moved the data version on', async () => {
    const cache = createNetworkCache();
    expect((await list(cache, { query: TEXT })).ids.sort()).toEqual(['a', 'b', 'c']);
    await load([org(`${p}-e`, `${w} Beacon Academy`, 'ACADEMIC')]);
    const after = await list(cache, { query: TEXT });
    expect(after.queries).toContain('snapshotTexts');
    expect(after.ids.sort()).toEqual(['a', 'b', 'c', 'e']);
    expect(after.total).toBe(4);
  });
});
