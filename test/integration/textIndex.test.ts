// A list's text is matched in the process (server/domain/network/textIndex.ts), the search box's by Neo4j's
// full-text index: on a small known graph, both find the same organisations for texts that match by name,
// a word begun, an abbreviation, place, theme, identifier, description and typo, and fall back to the
// same partial matches; and the list ranks them as the index scores them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceFromDataset } from '../../server/domain/import/datasetSource.ts';
import { importSource } from '../../server/domain/import/importDataset.ts';
import { emptyDataset } from '../../server/domain/model.ts';
import { createNetworkCache, networkAccess } from '../../server/domain/network/cache.ts';
import { listOrganisations, nameWordsOf } from '../../server/domain/network/organisationList.ts';
import { searchHits } from '../../server/domain/organisations.ts';
import { connectTestDb, deleteByPrefix, uniquePrefix, type TestDb } from '../support/db.ts';
import { org, searchWord } from '../support/fixtures.ts';

let db: TestDb;
const p = uniquePrefix('textindex');
const w = searchWord(p);

beforeAll(async () => {
  db = connectTestDb();
  const organisations = [
    org(`${p}-a`, `${w}alder Housing Trust`, 'NGO', {
      description: `Affordable homes for families of the ${w}moor valley. Homes, not houses.`,
      city: `${w}ton`,
      region: `${w}shire`,
      country: 'United Kingdom',
      themes: ['Housing', `${w}care`],
      identifiers: [{ scheme: 'GB-CHC', value: `${w}77` }],
    }),
    org(`${p}-b`, `${w}alderney Digital Lab`, 'COMPANY', {
      description: `Digital skills for people in ${w}ton`,
      city: `${w}ford`,
      region: `${w}shire`,
      country: 'United Kingdom',
      themes: ['Digital inclusion'],
    }),
    org(`${p}-c`, `Department for ${w}alder Transport`, 'GOVERNMENT', {
      city: `${w}ton`,
      region: `${w}shire`,
      country: 'United Kingdom',
      themes: [`${w}care`],
    }),
    org(`${p}-d`, `${w}harwick Homes`, 'NGO', { description: `Homes and care in ${w}ford` }),
    // Its description names the moor twice in two words: it outscores a's one mention in a long text.
    org(`${p}-f`, `${w}zeta Aid`, 'NGO', { description: `${w}moor ${w}moor` }),
    // Not published: neither finds it.
    org(`${p}-e`, `${w}alder Pending`, 'NGO', { status: 'PENDING' }),
  ];
  await importSource(db.runner, sourceFromDataset({ ...emptyDataset(), organisations }), {
    recordedBy: 'import:test',
  });
});
afterAll(async () => {
  await deleteByPrefix(db, p);
  await db.close();
});

const ours = (id: string) => id.startsWith(`${p}-`);
const short = (id: string) => id.slice(p.length + 1);

/** The list's matches (ours only), best first, and the full-text index's for the same text and typo decisions. */
async function both(text: string) {
  const cache = createNetworkCache();
  const net = networkAccess(db.runner, cache);
  const page = await listOrganisations(db.runner, net, { filter: { query: text }, first: 100 });
  const nameWords = await nameWordsOf(net, await net.snapshot());
  const hits = await searchHits(db.runner, text, 5_000, 1, nameWords);
  return {
    list: page.nodes
      .map((o) => o.id)
      .filter(ours)
      .map(short),
    index: hits.filter((h) => ours(h.id)).map((h) => ({ id: short(h.id), score: h.score, tier: h.tier })),
  };
}

describe('the in-process text index finds what the full-text index finds', () => {
  it.each([
    ['a name word, and the name words it begins', `${w}alder`, ['a', 'c', 'b']],
    ['a word begun', `${w}ald`, ['a', 'b', 'c']],
    ['a place (city and region)', `${w}ton`, ['a', 'c', 'b']],
    ['a place and a theme together', `${w}shire digital`, ['b']],
    ['an abbreviation of a name word', `dept ${w}alder`, ['c']],
    ['a theme', `${w}care`, ['a', 'c']],
    ['an identifier', `${w}77`, ['a']],
    ['words of a description', `${w}moor valley`, ['a']],
    ['a joining word, not required', `the ${w}harwick`, ['d']],
    ['a typo of a name word no name contains', `${w}harwik`, ['d']],
  ])('%s: %s', async (_, text, expected) => {
    const { list, index } = await both(text);
    expect([...list].sort()).toEqual([...expected].sort());
    expect([...list].sort()).toEqual(index.map((h) => h.id).sort());
    expect(index.every((h) => h.tier === 0)).toBe(true);
  });

  it('falls back to the organisations matching some of the words when none matches all, as the index does', async () => {
    const text = `${w}alder ${w}nowhere`;
    const { list, index } = await both(text);
    expect([...list].sort()).toEqual(['a', 'b', 'c']);
    expect(index.map((h) => h.id).sort()).toEqual(['a', 'b', 'c']);
    expect(index.every((h) => h.tier === 1)).toBe(true);
  });

  it('ranks the matches as the index scores them where its scores differ', async () => {
    for (const text of [`${w}moor`, `${w}alder`, `${w}ton`, `${w}shire`, `${w}care`]) {
      const { list, index } = await both(text);
      expect(list.length).toBeGreaterThan(1);
      // Pairs the index scores more than 5 % apart come in the same order in the list (equal or near
      // scores may differ: the index also counts unpublished organisations in its statistics).
      for (const x of index)
        for (const y of index)
          if (x.score > y.score * 1.05)
            expect(
              list.indexOf(x.id),
              `${text}: ${x.id} (${x.score}) before ${y.id} (${y.score})`,
            ).toBeLessThan(list.indexOf(y.id));
    }
  });
});
