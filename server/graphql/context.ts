// Per-request context: the query runner and batching loaders so nested fields cost one query per level.
import DataLoader from 'dataloader';
import type { QueryRunner } from '../db/runner.ts';
import { organisationsByIds, type OrganisationView } from '../domain/organisations.ts';

export interface Context {
  runner: QueryRunner;
  organisations: DataLoader<string, OrganisationView | null>;
}

export function createContext(runner: QueryRunner): Context {
  return {
    runner,
    organisations: new DataLoader(async (ids) => {
      const found = await organisationsByIds(runner, ids);
      const byId = new Map(found.map((o) => [o.organisation.id, o]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
