// All resolvers, one file per part of the schema (server/graphql/schema/*.graphql), merged per type.
// Resolvers stay thin: arguments in, one domain call, domain objects out (their fields resolve by
// default). Their types are generated from the schema (npm run codegen), so arguments cannot drift.
import type { Resolvers } from '../generated/resolvers.ts';
import { DateScalar } from '../scalars.ts';
import { exploreResolvers } from './explore.ts';
import { graphNodeResolvers } from './graphNode.ts';
import { accountResolvers } from './accounts.ts';
import { importResolvers } from './imports.ts';
import { organisationResolvers } from './organisations.ts';
import { pathwayResolvers } from './pathways.ts';
import { researchResolvers } from './research.ts';

const PARTS: Resolvers[] = [
  { Date: DateScalar },
  organisationResolvers,
  exploreResolvers,
  graphNodeResolvers,
  researchResolvers,
  pathwayResolvers,
  accountResolvers,
  importResolvers,
];

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** Field maps of the same type are merged; scalars (class instances) are taken as they are. */
export function mergeResolvers(parts: Resolvers[]): Resolvers {
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [type, value] of Object.entries(part)) {
      const existing = merged[type];
      merged[type] = isPlainObject(existing) && isPlainObject(value) ? { ...existing, ...value } : value;
    }
  }
  return merged as Resolvers;
}

export const resolvers: Resolvers = mergeResolvers(PARTS);
