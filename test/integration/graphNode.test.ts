// GraphNode.organisation (graphNode.graphql): the organisation behind each node of a neighbourhood, with its
// themes and place, loaded in one batch for all the nodes (the explorer filters what it draws with them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceFromDataset } from '../../server/domain/import/datasetSource.ts';
import { importSource } from '../../server/domain/import/importDataset.ts';
import type { Dataset } from '../../server/domain/model.ts';
import { countedRequest } from '../support/countedRequest.ts';
import { connectTestDb, deleteByPrefix, uniquePrefix, type TestDb } from '../support/db.ts';
import { org, rel, searchWord } from '../support/fixtures.ts';

let db: TestDb;
const p = uniquePrefix('graphnode');
const w = searchWord(p);
const id = (name: string) => `${p}-${name}`;

/** A hub with four partners: two in a city of the test's own country, with themes; two without. */
function network(): Dataset {
  const place = { country: `${w}land`, region: `${w} North`, city: `${w} Town` };
  return {
    organisations: [
      org(id('hub'), `${w} Hub`, 'GOVERNMENT', { ...place, themes: [`${w} Housing`] }),
      org(id('a'), `${w} A`, 'NGO', { ...place, themes: [`${w} Housing`, `${w} Health`] }),
      org(id('b'), `${w} B`, 'COMPANY', { ...place }),
      org(id('c'), `${w} C`, 'ACADEMIC'),
      org(id('d'), `${w} D`, 'CIVIC_INNOVATOR', { themes: [`${w} Health`] }),
    ],
    relationships: ['a', 'b', 'c', 'd'].map((other) =>
      rel(id(`hub-${other}`), id('hub'), id(other), 'PARTNERSHIP'),
    ),
    initiatives: [],
    participations: [],
    places: [],
  };
}

beforeAll(async () => {
  db = connectTestDb();
  await importSource(db.runner, sourceFromDataset(network()), { recordedBy: 'import:test' });
});
afterAll(async () => {
  await deleteByPrefix(db, p);
  await db.close();
});

const QUERY = `query ($ids: [ID!]!) {
  neighbourhood(ids: $ids) {
    nodes {
      id
      organisation { id kind themes { name } place { name level parent { name parent { name } } } }
    }
  }
}`;

interface Node {
  id: string;
  organisation: {
    id: string;
    themes: { name: string }[];
    place: {
      name: string;
      level: string;
      parent: { name: string; parent: { name: string } | null } | null;
    } | null;
  } | null;
}

async function run() {
  const { data, counts } = await countedRequest<{ neighbourhood: { nodes: Node[] } }>(db.runner, QUERY, {
    ids: [id('hub')],
  });
  return { nodes: data.neighbourhood.nodes, counts };
}

describe('GraphNode.organisation', () => {
  it('gives each node its organisation with themes and the place chain', async () => {
    const { nodes } = await run();
    const byId = new Map(nodes.map((n) => [n.id, n.organisation]));
    expect([...byId.keys()].sort()).toEqual(['a', 'b', 'c', 'd', 'hub'].map(id).sort());
    for (const [nodeId, organisation] of byId) expect(organisation?.id).toBe(nodeId);
    expect(
      byId
        .get(id('a'))
        ?.themes.map((t) => t.name)
        .sort(),
    ).toEqual([`${w} Health`, `${w} Housing`]);
    expect(byId.get(id('a'))?.place).toEqual({
      name: `${w} Town`,
      level: 'city',
      parent: { name: `${w} North`, parent: { name: `${w}land` } },
    });
    expect(byId.get(id('c'))?.place).toBeNull();
    expect(byId.get(id('c'))?.themes).toEqual([]);
  });

  it('loads the organisations of all the nodes in one batch, not one query per node', async () => {
    const { counts } = await run();
    const perQuery = Object.entries(counts);
    expect(perQuery.length).toBeGreaterThan(0);
    for (const [name, count] of perQuery) expect(count, `${name} runs once`).toBe(1);
  });
});
