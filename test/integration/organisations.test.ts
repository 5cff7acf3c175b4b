// Organisations, their relationships and neighbourhoods as the API reads them, on small graphs with known answers.
import { runCypher } from '../support/cypher.ts';
import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkCache } from '../../server/domain/network/cache.ts';
import { createContext } from '../../server/graphql/context.ts';
import { resolvers } from '../../server/graphql/resolvers/index.ts';
import { typeDefs } from '../../server/graphql/schema.ts';
import type { Dataset } from '../../server/domain/model.ts';
import { uniquePrefix, type TestDb } from '../support/db.ts';
import { org, rel } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';
import { closeServedNetwork, openServedNetwork } from '../support/servedNetwork.ts';

let db: TestDb;
let server: TestServer;
const p = uniquePrefix('orgs');

/**
 * hub — x, hub — y; x is tied to three PENDING organisations, y to two published ones; hub has one dated
 * and one undated relationship to z and takes part in a dated and an undated initiative.
 */
function network(): Dataset {
  const pending = (n: number) => org(`${p}-pending${n}`, `${p} pending ${n}`, 'NGO', { status: 'PENDING' });
  return {
    organisations: [
      org(`${p}-hub`, `${p} hub`, 'GOVERNMENT'),
      org(`${p}-x`, `${p} x`, 'NGO'),
      org(`${p}-y`, `${p} y`, 'COMPANY'),
      org(`${p}-y1`, `${p} y1`, 'COMPANY'),
      org(`${p}-y2`, `${p} y2`, 'COMPANY'),
      org(`${p}-z`, `${p} z`, 'ACADEMIC'),
      pending(1),
      pending(2),
      pending(3),
    ],
    relationships: [
      rel(`${p}-hx`, `${p}-hub`, `${p}-x`, 'PARTNERSHIP', { since: '2018-01-01' }),
      rel(`${p}-hy`, `${p}-hub`, `${p}-y`, 'PARTNERSHIP', { since: '2018-01-01' }),
      rel(`${p}-xp1`, `${p}-x`, `${p}-pending1`, 'PARTNERSHIP'),
      rel(`${p}-xp2`, `${p}-x`, `${p}-pending2`, 'PARTNERSHIP'),
      rel(`${p}-xp3`, `${p}-x`, `${p}-pending3`, 'PARTNERSHIP'),
      rel(`${p}-yy1`, `${p}-y`, `${p}-y1`, 'PARTNERSHIP'),
      rel(`${p}-yy2`, `${p}-y`, `${p}-y2`, 'PARTNERSHIP'),
      rel(`${p}-hz-undated`, `${p}-hub`, `${p}-z`, 'DATA_SHARING'),
      rel(`${p}-hz-dated`, `${p}-hub`, `${p}-z`, 'FUNDING', {
        since: '2021-05-01',
        amount: 10,
        currency: 'GBP',
      }),
    ],
    initiatives: [
      {
        id: `${p}-ini-undated`,
        name: `${p} undated`,
        stage: 'IDEA',
        startDate: null,
        endDate: null,
        themes: [],
        description: null,
        website: null,
        provenance: org('', '', 'NGO').provenance,
      },
      {
        id: `${p}-ini-dated`,
        name: `${p} dated`,
        stage: 'PILOT',
        startDate: '2020-01-01',
        endDate: null,
        themes: [],
        description: null,
        website: null,
        provenance: org('', '', 'NGO').provenance,
      },
    ],
    participations: [
      {
        initiative: `${p}-ini-undated`,
        organisation: `${p}-hub`,
        role: 'LEAD',
        since: null,
        until: null,
        provenance: org('', '', 'NGO').provenance,
      },
      {
        initiative: `${p}-ini-dated`,
        organisation: `${p}-hub`,
        role: 'PARTNER',
        since: null,
        until: null,
        provenance: org('', '', 'NGO').provenance,
      },
    ],
    places: [],
  };
}

beforeAll(async () => ({ db, server } = await openServedNetwork(p, network())));
afterAll(() => closeServedNetwork({ db, server }, p));

describe('review findings', () => {
  it('ranks capped neighbours by the degree it displays: ties to published organisations only', async () => {
    const { data } = await server.graphql<{ neighbourhood: { nodes: { id: string; degree: number }[] } }>(
      'query ($ids: [ID!]!) { neighbourhood(ids: $ids, depth: 1, limit: 2) { nodes { id degree } } }',
      { ids: [`${p}-hub`] },
    );
    // x has 4 ties but only 1 to a published organisation; y has 3, all published: y is the better connected.
    expect(data!.neighbourhood.nodes.map((n) => n.id).sort()).toEqual([`${p}-hub`, `${p}-y`]);
    expect(data!.neighbourhood.nodes.find((n) => n.id === `${p}-y`)?.degree).toBe(3);
  });

  it('lists newest relationships and initiatives first, undated ones last', async () => {
    const { data, errors } = await server.graphql<{
      organisation: { relationships: { id: string }[]; participations: { initiative: { id: string } }[] };
    }>(
      'query ($id: ID!) { organisation(id: $id) { relationships { id } participations { initiative { id } } } }',
      { id: `${p}-hub` },
    );
    expect(errors).toBeUndefined();
    expect(data!.organisation.relationships.map((r) => r.id)).toEqual([
      `${p}-hz-dated`,
      `${p}-hx`,
      `${p}-hy`,
      `${p}-hz-undated`,
    ]);
    expect(data!.organisation.participations.map((x) => x.initiative.id)).toEqual([
      `${p}-ini-dated`,
      `${p}-ini-undated`,
    ]);
  });

  it('gives the first `first` participations, newest first, and refuses a `first` out of range', async () => {
    const { data, errors } = await server.graphql<{
      organisation: { one: { initiative: { id: string } }[]; all: { initiative: { id: string } }[] };
    }>(
      'query ($id: ID!) { organisation(id: $id) { one: participations(first: 1) { initiative { id } } all: participations(first: 500) { initiative { id } } } }',
      { id: `${p}-hub` },
    );
    expect(errors).toBeUndefined();
    expect(data!.organisation.one.map((x) => x.initiative.id)).toEqual([`${p}-ini-dated`]);
    expect(data!.organisation.all).toHaveLength(2);
    const over = await server.graphql(
      'query ($id: ID!) { organisation(id: $id) { participations(first: 501) { role } } }',
      { id: `${p}-hub` },
    );
    expect(over.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(over.errors?.[0]?.message).toMatch(/first must be an integer from 1 to 500/);
  });

  it('keeps an organisation whose related organisation is unpublished between two batched reads', async () => {
    // Unpublish y right after the relationships were read, before their ends are loaded.
    let relationshipsRead = false;
    const racing = {
      ...db.runner,
      read: async (name: string, params?: Record<string, unknown>) => {
        if (name === 'organisationsByIds' && relationshipsRead) {
          await runCypher(db.driver, "MATCH (o:Organisation {id: $id}) SET o.status = 'PENDING'", {
            id: `${p}-y`,
          });
        }
        const rows = await db.runner.read(name as never, params);
        if (name === 'relationshipsOfOrganisations') relationshipsRead = true;
        return rows;
      },
    };
    const apollo = new ApolloServer({ typeDefs, resolvers: resolvers as never });
    try {
      const response = await apollo.executeOperation(
        {
          query:
            'query ($id: ID!) { organisation(id: $id) { id relationships { id source { id } target { id } } } }',
          variables: { id: `${p}-hub` },
        },
        { contextValue: createContext(racing as never, createNetworkCache()) as never },
      );
      const result = response.body.kind === 'single' ? response.body.singleResult : null;
      const organisation = result?.data?.organisation as {
        id: string;
        relationships: { id: string }[];
      } | null;
      expect(organisation?.id).toBe(`${p}-hub`);
      expect(organisation?.relationships.map((r) => r.id).sort()).toEqual(
        [`${p}-hx`, `${p}-hz-dated`, `${p}-hz-undated`].sort(),
      );
    } finally {
      await runCypher(db.driver, "MATCH (o:Organisation {id: $id}) SET o.status = 'PUBLISHED'", {
        id: `${p}-y`,
      });
    }
  });
});
