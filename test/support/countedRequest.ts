// A GraphQL request through the real schema and resolvers (no HTTP), counting the reads each named Cypher
// file ran: the tests of "one database query per level" and of answers read in one round trip.
import { ApolloServer } from '@apollo/server';
import { expect } from 'vitest';
import type { QueryName, QueryRunner } from '../../server/common/queryRunner.ts';
import { createNetworkCache, type NetworkCache } from '../../server/domain/network/cache.ts';
import { createContext } from '../../server/graphql/context.ts';
import { resolvers } from '../../server/graphql/resolvers/index.ts';
import { typeDefs } from '../../server/graphql/schema.ts';

export type QueryCounts = Partial<Record<QueryName, number>>;

/** What a read was asked with. */
export type ReadSeen = (name: QueryName, params: Record<string, unknown> | undefined) => void;

/** A runner that counts its reads by query name into `counts` (and shows each to `seen`). */
export function countingReads(runner: QueryRunner, counts: QueryCounts, seen?: ReadSeen): QueryRunner {
  return {
    ...runner,
    read: (name, params) => {
      counts[name] = (counts[name] ?? 0) + 1;
      seen?.(name, params);
      return runner.read(name, params);
    },
  };
}

/**
 * Runs `query` with `variables` (expecting no errors) and gives its data and the reads it made by query
 * name; the network snapshot's load is counted too when the request starts one.
 */
export async function countedRequest<T>(
  runner: QueryRunner,
  query: string,
  variables: Record<string, unknown>,
  network: NetworkCache = createNetworkCache(),
  seen?: ReadSeen,
): Promise<{ data: T; counts: QueryCounts }> {
  const counts: QueryCounts = {};
  const apollo = new ApolloServer({ typeDefs, resolvers: resolvers as never });
  const response = await apollo.executeOperation(
    { query, variables },
    { contextValue: createContext(countingReads(runner, counts, seen), network) as never },
  );
  const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
  expect(result?.errors).toBeUndefined();
  return { data: result?.data as T, counts };
}
