// "One database query per level of a response, not one per item" (README): counted, on a real Neo4j.
import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryName, QueryRunner } from '../../server/common/queryRunner.ts';
import { sourceFromDataset } from '../../server/domain/import/datasetSource.ts';
import { importSource } from '../../server/domain/import/importDataset.ts';
import { createNetworkCache } from '../../server/domain/network/cache.ts';
import { createContext } from '../../server/graphql/context.ts';
import { resolvers } from '../../server/graphql/resolvers/index.ts';
import { typeDefs } from '../../server/graphql/schema.ts';
import { connectTestDb, deleteByPrefix, uniquePrefix, type TestDb } from '../support/db.ts';
import { searchWord, smallNetwork } from '../support/fixtures.ts';

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

/** Runs `query` through the real schema and resolvers, counting the queries each named Cypher file ran. */
async function countQueries(query: string, variables: Record<string, unknown>) {
  const counts: Partial<Record<QueryName, number>> = {};
  const counting: QueryRunner = {
    ...db.runner,
    read: (name, params) => {
      counts[name] = (counts[name] ?? 0) + 1;
      return db.runner.read(name, params);
    },
  };
  const apollo = new ApolloServer({ typeDefs, resolvers: resolvers as never });
  const response = await apollo.executeOperation(
    { query, variables },
    { contextValue: createContext(counting, createNetworkCache()) as never },
  );
  const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
  expect(result?.errors).toBeUndefined();
  return { counts, data: result?.data as { searchOrganisations: { relationships: unknown[] }[] } };
}

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
    expect(counts).toEqual({ initiativesWithParticipants: 1 });
  });

  it("reads only what is asked of the participants' organisations; the same answer as the full read", async () => {
    const ask = (more: string) =>
      countQueries(
        `query ($id: ID!) {
          initiative(id: $id) { id name participants { role since organisation { id name sector status themes { id name } ${more} } } }
        }`,
        { id: `${p}-ini` },
      );
    const summaries = await ask('');
    const full = await ask('place { id }');
    expect(summaries.counts).toEqual({ initiativesWithParticipantSummaries: 1 });
    expect(full.counts).toEqual({ initiativesWithParticipants: 1 });
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
    expect(one.counts.initiativesWithParticipants).toBe(1);
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
    const summary = await page('__typename id name sector status degree');
    const full = await page('__typename id name sector status degree description');
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
      fragment More on Organisation { ... on Organisation { place { name } } }`,
      { q: w },
    );
    const viaEdge = await countQueries(
      `query ($q: String!) { organisations(filter: { query: $q }, first: 2) { edges { node { id kind } } } }`,
      { q: w },
    );
    for (const { counts } of [viaFragment, viaEdge]) expect(counts.organisationPage).toBe(1);
  });

  it('reads the rest of a summary, batched, if a resolver is handed one', async () => {
    const ctx = createContext(db.runner, createNetworkCache());
    const description = (resolvers.Organisation as Record<string, unknown>).description as (
      o: unknown,
      args: unknown,
      context: unknown,
    ) => Promise<string | null>;
    const summary = { id: `${p}-hub`, name: 'x', sector: 'GOVERNMENT', status: 'PUBLISHED' };
    await expect(description(summary, {}, ctx)).resolves.toContain(`${w}word inclusion`);
    await expect(description({ ...summary, id: `${p}-hidden` }, {}, ctx)).rejects.toThrow(/not published/);
  });
});
