// organisations(filter) reads the data version in the query it runs anyway (the full-text query of a text
// filter, or the page's read) and keeps a list worked out over the process's newest snapshot only when
// that version is the snapshot's. Here the data moves on after the snapshot was built: every list, with or
// without a text, filtered by something only the new data has or not, must answer as of the new data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceFromDataset } from '../../server/domain/import/datasetSource.ts';
import { importSource } from '../../server/domain/import/importDataset.ts';
import { emptyDataset, type OrganisationRecord } from '../../server/domain/model.ts';
import { createNetworkCache, networkAccess, type NetworkCache } from '../../server/domain/network/cache.ts';
import type { OrganisationFilterInput } from '../../server/domain/network/filter.ts';
import { listOrganisations } from '../../server/domain/network/organisationList.ts';
import { deleteByPrefix, connectTestDb, uniquePrefix, type TestDb } from '../support/db.ts';
import { org } from '../support/fixtures.ts';

let db: TestDb;
const p = uniquePrefix('fresh');
const w = p.replace(/[^a-zA-Z0-9]/g, '').toLowerCase();
const country = `${w}land`;
const NEW_THEME = `${w} Tidal power`;

const load = (organisations: OrganisationRecord[]) =>
  importSource(db.runner, sourceFromDataset({ ...emptyDataset(), organisations }), {
    recordedBy: 'import:test',
  });

beforeAll(async () => {
  db = connectTestDb();
  await load([org(`${p}-one`, `${w} Kappa One`, 'NGO', { country, themes: ['Housing'] })]);
});
afterAll(async () => {
  await deleteByPrefix(db, p);
  await db.close();
});

async function list(cache: NetworkCache, filter: OrganisationFilterInput, details = true) {
  const page = await listOrganisations(
    db.runner,
    networkAccess(db.runner, cache),
    { filter: { places: [country], ...filter } },
    { details },
  );
  return {
    total: page.totalCount,
    ids: page.nodes.map((o) => o.id.slice(p.length + 1)).sort(),
    names: page.nodes.map((o) => o.name).sort(),
    sectors: page.facets().sectors,
  };
}

describe('organisations(filter) over a snapshot the data has moved past', () => {
  it('answers as of the new data, with a text or without, details or not', async () => {
    const cache = createNetworkCache();
    expect((await list(cache, {})).ids).toEqual(['one']);
    expect((await list(cache, { query: `${w} kappa` })).ids).toEqual(['one']);

    // A second organisation, a renamed first one and a theme the snapshot does not know (each import
    // moves the data version on).
    await load([
      org(`${p}-one`, `${w} Kappa Uno`, 'NGO', { country, themes: ['Housing'] }),
      org(`${p}-two`, `${w} Kappa Two`, 'COMPANY', { country, themes: [NEW_THEME] }),
    ]);
    const all = await list(cache, {});
    expect(all.ids).toEqual(['one', 'two']);
    expect(all.names).toEqual([`${w} Kappa Two`, `${w} Kappa Uno`]);
    expect(all.sectors).toEqual(
      expect.arrayContaining([
        { sector: 'NGO', count: 1 },
        { sector: 'COMPANY', count: 1 },
      ]),
    );
    expect((await list(cache, { query: `${w} kappa` })).ids).toEqual(['one', 'two']);
    expect((await list(cache, { themes: [NEW_THEME] })).ids).toEqual(['two']);

    await load([org(`${p}-three`, `${w} Kappa Three`, 'ACADEMIC', { country })]);
    // A text matching only what is new; then the summary path (no page read: snapshot() checks).
    expect((await list(cache, { query: `${w} three` })).ids).toEqual(['three']);
    await load([org(`${p}-four`, `${w} Kappa Four`, 'NGO', { country })]);
    expect((await list(cache, {}, false)).ids).toEqual(['four', 'one', 'three', 'two']);
  });
});
