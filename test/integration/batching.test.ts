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

  it("reads an initiative's participants with their organisations in one query", async () => {
    const { counts, data } = await countQueries(
      `query ($id: ID!) {
        initiative(id: $id) { name participants { role organisation { id name place { name } themes { name } } } }
      }`,
      { id: `${p}-ini` },
    );
    const initiative = (
      data as unknown as {
        initiative: { participants: { role: string; organisation: { id: string; name: string } }[] };
      }
    ).initiative;
    expect(initiative.participants.length).toBeGreaterThan(1);
    expect(initiative.participants[0]).toMatchObject({ role: 'LEAD', organisation: { id: `${p}-hub` } });
    expect(counts).toEqual({ initiativesByIds: 1, participantsOfInitiatives: 1 });
  });
});
