// Search's typo matching on a small known graph: a word spelled exactly as a word of a published
// organisation's name is taken as meant (no typo variants of it); a word no published name contains
// gets typo matches on names (searchOrganisations.cypher, SearchWordPart in server/domain/search.ts). A
// text filter's list, export and network figures decide the same against their snapshot's names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceFromDataset } from '../../server/domain/import/datasetSource.ts';
import { importSource } from '../../server/domain/import/importDataset.ts';
import { emptyDataset } from '../../server/domain/model.ts';
import { selectForExport } from '../../server/domain/export/exporter.ts';
import { createNetworkCache, networkAccess } from '../../server/domain/network/cache.ts';
import { listOrganisations } from '../../server/domain/network/organisationList.ts';
import { searchHits, searchOrganisations } from '../../server/domain/organisations.ts';
import { connectTestDb, deleteByPrefix, uniquePrefix, type TestDb } from '../support/db.ts';
import { org, searchWord } from '../support/fixtures.ts';

let db: TestDb;
const p = uniquePrefix('typo');
const w = searchWord(p);

beforeAll(async () => {
  db = connectTestDb();
  const organisations = [
    org(`${p}-harwick`, `${w}harwick ${w}yard Trust`, 'NGO'),
    // One letter more than the name above: a typo of it as far as the index's fuzzy terms go.
    org(`${p}-hartwick`, `${w}hartwick ${w}yard Trust`, 'NGO'),
    // A word only an unpublished organisation's name contains does not count as a known word.
    org(`${p}-pending`, `${w}brightwell Homes`, 'NGO', { status: 'PENDING' }),
    org(`${p}-brigthwell`, `${w}brigthwell Homes`, 'NGO'),
  ];
  await importSource(db.runner, sourceFromDataset({ ...emptyDataset(), organisations }), {
    recordedBy: 'import:test',
  });
});
afterAll(async () => {
  await deleteByPrefix(db, p);
  await db.close();
});

const ids = async (text: string) => (await searchOrganisations(db.runner, text, 10)).map((o) => o.id);

describe('typo matches only for words no published name contains', () => {
  it('takes a word spelled as a name word as meant: no typo variants of it', async () => {
    expect(await ids(`${w}harwick`)).toEqual([`${p}-harwick`]);
    expect(await ids(`${w}hartwick`)).toEqual([`${p}-hartwick`]);
  });

  it('matches a word no name contains to the names it is a typo of, closest first', async () => {
    const found = await ids(`${w}harwik`);
    expect(found.slice(0, 2)).toEqual([`${p}-harwick`, `${p}-hartwick`]);
  });

  it('decides per word: a known word stays exact while a misspelt one next to it is matched as a typo', async () => {
    // "…yrad" is in no name: typo matches find "…yard"; "…harwick" is known, so only one name matches
    // every word, and the other comes after it as a partial match (by "…yard" alone).
    expect(await ids(`${w}harwick ${w}yrad`)).toEqual([`${p}-harwick`, `${p}-hartwick`]);
  });

  it('does not count words of unpublished organisations as known', async () => {
    // Only a pending organisation is named "…brightwell": the word gets typo matches and finds "…brigthwell".
    expect(await ids(`${w}brightwell`)).toEqual([`${p}-brigthwell`]);
  });

  it("leaves registration's likely matches with typo matches for every word", async () => {
    // searchHits' default serves registration's "is this you?" matches, which look wider than the search box.
    const found = (await searchHits(db.runner, `${w}harwick`, 10)).map((h) => h.id);
    expect(found.slice(0, 2)).toEqual([`${p}-harwick`, `${p}-hartwick`]);
    expect((await searchHits(db.runner, `${w}harwick`, 10, 10, 'unknown')).map((h) => h.id)).toEqual([
      `${p}-harwick`,
    ]);
  });
});

describe('a text filter decides typo matches against the names of its network snapshot', () => {
  // organisations(filter: {query}), its export and the network figures of the filter: the same words get
  // typo matches in all three (nameWordsOf in organisationList.ts), so they select the same organisations.
  const selected = async (query: string) => {
    const net = networkAccess(db.runner, createNetworkCache());
    const page = await listOrganisations(db.runner, net, { filter: { query }, first: 10 });
    const exported = await selectForExport(db.runner, net, { format: 'ATLAS', filter: { query } });
    const listed = page.nodes.map((o) => o.id);
    expect([...exported.organisationIds].sort()).toEqual([...listed].sort());
    expect(page.totalCount).toBe(listed.length);
    return listed;
  };

  it('lists only the names with a word spelled as typed, not its typo variants', async () => {
    expect(await selected(`${w}harwick`)).toEqual([`${p}-harwick`]);
    expect(await selected(`${w}hartwick`)).toEqual([`${p}-hartwick`]);
  });

  it('lists the typo matches of a word no name contains', async () => {
    expect((await selected(`${w}harwik`)).sort()).toEqual([`${p}-hartwick`, `${p}-harwick`]);
  });

  it('decides per word, and counts only published names', async () => {
    // "…harwick" is known and stays exact; "…yrad" is in no name and finds "…yard": one name matches both.
    expect(await selected(`${w}harwick ${w}yrad`)).toEqual([`${p}-harwick`]);
    // Only a pending organisation is named "…brightwell" (the snapshot holds published ones only).
    expect(await selected(`${w}brightwell`)).toEqual([`${p}-brigthwell`]);
  });
});
