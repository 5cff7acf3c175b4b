// How the search box ranks hits whose names match equally well, on a small known graph: the organisation
// with the most ties comes first (twelve organisations share one name here), with or without a filter;
// and a name match stays first even when many organisations that match a word only by theme or
// description score above it in the index (searchOrganisations in server/domain/organisations.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryRunner } from '../../server/common/queryRunner.ts';
import { createNetworkCache, networkAccess } from '../../server/domain/network/cache.ts';
import { degreesIn, heldDegrees } from '../../server/domain/network/degree.ts';
import { emptyDataset } from '../../server/domain/model.ts';
import {
  SEARCH_RANK_WINDOW,
  searchHits,
  searchOrganisations,
  type DegreeOf,
} from '../../server/domain/organisations.ts';
import { uniquePrefix, type TestDb } from '../support/db.ts';
import { org, rel, searchWord } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';
import { closeServedNetwork, openServedNetwork } from '../support/servedNetwork.ts';

let server: TestServer;
let db: TestDb;
const p = uniquePrefix('rank');
const w = searchWord(p);
/** Twelve organisations with one name; the k-th has k ties (to hubs whose names match nothing searched). */
const SAME_NAME = 12;
/** Organisations that match the second word only by theme and description (the window once was 30). */
const BY_THEME = 60;

beforeAll(async () => {
  const same = Array.from({ length: SAME_NAME }, (_, k) =>
    org(`${p}-same${k}`, `${w}callow Foundation`, 'NGO'),
  );
  const hubs = Array.from({ length: SAME_NAME }, (_, k) =>
    org(`${p}-hub${k}`, `Hubbard Unrelated ${k}`, 'COMPANY'),
  );
  const ties = same.flatMap((_, k) =>
    Array.from({ length: k }, (_, j) =>
      rel(`${p}-tie${k}-${j}`, `${p}-same${k}`, `${p}-hub${j}`, 'PARTNERSHIP'),
    ),
  );
  // Short names, and the first word in their place and description too: the index scores them above
  // the long name that has both words.
  const byTheme = Array.from({ length: BY_THEME }, (_, k) =>
    org(`${p}-theme${k}`, `${w}moor`, 'NGO', {
      city: `${w}moor`,
      themes: [`${w}civic participation`],
      description: `${w}moor ${w}civic`,
    }),
  );
  const named = org(`${p}-named`, `${w}moor ${w}civic Participation Partnership Network Alliance`, 'NGO');
  ({ db, server } = await openServedNetwork(p, {
    ...emptyDataset(),
    organisations: [...same, ...hubs, ...byTheme, named],
    relationships: ties,
  }));
});
afterAll(() => closeServedNetwork({ db, server }, p));

/** The degrees of a snapshot checked against the current data version (loaded first). */
async function checkedDegrees(): Promise<DegreeOf> {
  return degreesIn(await networkAccess(db.runner, createNetworkCache()).snapshot());
}

const ids = async (
  text: string,
  first: number,
  options: { allowed?: (id: string) => boolean; degrees?: DegreeOf | null } = {},
) => (await searchOrganisations(db.runner, text, first, options)).map((o) => o.id);

/** The ten with the most ties, most first: the two with the fewest (0 and 1) are left out. */
const bestConnected = Array.from({ length: 10 }, (_, k) => `${p}-same${SAME_NAME - 1 - k}`);

describe('names that match equally well', () => {
  it('come best connected first (degrees of the network snapshot)', async () => {
    const degrees = await checkedDegrees();
    // Twelve "…callow Foundation"s for ten places.
    expect(await ids(`${w}callow Foundation`, 10, { degrees })).toEqual(bestConnected);
    expect(await ids(`${w}callow Fou`, 3, { degrees })).toEqual(bestConnected.slice(0, 3));
  });

  it('come with their details in the index query when its stored ties rank them as the degrees do, and are read by id when not', async () => {
    const reads: string[] = [];
    const counting: QueryRunner = Object.assign(Object.create(db.runner) as QueryRunner, {
      read: ((name, params) => {
        reads.push(name);
        return db.runner.read(name, params);
      }) as QueryRunner['read'],
    });
    const search = async (degrees: DegreeOf) => {
      reads.length = 0;
      return (await searchOrganisations(counting, `${w}callow Foundation`, 3, { degrees })).map((o) => o.id);
    };
    // The snapshot's degrees agree with the stored ties: one query.
    expect(await search(await checkedDegrees())).toEqual(bestConnected.slice(0, 3));
    expect(reads).toEqual(['searchOrganisations']);
    // Degrees that disagree (fewest ties first): the three they put first are read by id.
    const fewestFirst: DegreeOf = (id) => -Number(/same(\d+)$/.exec(id)?.[1] ?? 0);
    expect(await search(fewestFirst)).toEqual([`${p}-same0`, `${p}-same1`, `${p}-same2`]);
    expect(reads).toEqual(['searchOrganisations', 'organisationsByIds']);
  });

  it('come best connected first in a search narrowed by a filter too', async () => {
    const allowed = (id: string) => /same\d*[13579]$/.test(id);
    expect(await ids(`${w}callow Foundation`, 3, { allowed, degrees: await checkedDegrees() })).toEqual([
      `${p}-same11`,
      `${p}-same9`,
      `${p}-same7`,
    ]);
  });

  it('keep the index order without degrees (the process holds no snapshot: the search neither waits nor loads one)', async () => {
    // The search box's index query: its best SEARCH_RANK_WINDOW hits, typo matches only for unknown words.
    const text = `${w}callow Foundation`;
    const hits = await searchHits(db.runner, text, SEARCH_RANK_WINDOW, SEARCH_RANK_WINDOW, 'unknown');
    const byIndex = hits.slice(0, 10).map((h) => h.id);
    expect(byIndex).not.toEqual(bestConnected);
    expect(await ids(text, 10, { degrees: null })).toEqual(byIndex);
    // No snapshot in a new cache: heldDegrees answers null (and loads none); once a read of the network
    // has loaded one, its degrees.
    const cache = createNetworkCache();
    expect(heldDegrees(networkAccess(db.runner, cache))).toBeNull();
    expect(cache.latest()).toBeNull();
    await networkAccess(db.runner, cache).snapshot();
    const held = heldDegrees(networkAccess(db.runner, cache))!;
    expect(await ids(text, 10, { degrees: held })).toEqual(bestConnected);
  });

  it('come best connected first through GraphQL once the server holds a snapshot, with or without a filter', async () => {
    // The server's first network read loads its snapshot (after this file's import).
    await server.graphql('{ organisations(first: 1) { totalCount } }');
    const search = async (filter: Record<string, unknown> | null) => {
      const { data } = await server.graphql<{ searchOrganisations: { id: string }[] }>(
        'query ($q: String!, $f: OrganisationFilter) { searchOrganisations(query: $q, first: 10, filter: $f) { id } }',
        { q: `${w}callow Foundation`, f: filter },
      );
      return data!.searchOrganisations.map((o) => o.id);
    };
    expect(await search(null)).toEqual(bestConnected);
    expect(await search({ sectors: ['NGO'] })).toEqual(bestConnected);
    // Beside another field that checks the request's snapshot first: the same order.
    const { data } = await server.graphql<{ searchOrganisations: { id: string }[] }>(
      'query ($q: String!) { organisations(first: 1) { totalCount } searchOrganisations(query: $q, first: 10) { id } }',
      { q: `${w}callow Foundation` },
    );
    expect(data!.searchOrganisations.map((o) => o.id)).toEqual(bestConnected);
  });
});

describe('a name match among many matches by theme', () => {
  it('comes first although sixty others score above it in the index', async () => {
    const text = `${w}moor ${w}civ`;
    // The premise: the index ranks every other above the organisation named so (within the window).
    const byIndex = (await searchHits(db.runner, text, BY_THEME + 5)).map((h) => h.id);
    expect(byIndex.indexOf(`${p}-named`)).toBe(BY_THEME);
    expect(BY_THEME).toBeLessThan(SEARCH_RANK_WINDOW);
    expect((await ids(text, 5))[0]).toBe(`${p}-named`);
  });
});
