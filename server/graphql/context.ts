// Per-request context: batching loaders over the domain's use cases, so each level of a response costs
// one query. The runner is handed to the domain, never used here.
import DataLoader from 'dataloader';
import type { QueryRunner } from '../common/queryRunner.ts';
import {
  anonymousAuth,
  createAccountsContext,
  type AccountsContext,
  type RequestAuth,
} from './accountsContext.ts';
import {
  organisationsByIds,
  participationsOfOrganisations,
  relationshipsOfOrganisations,
  type Organisation,
  type Participation,
  type Relationship,
} from '../domain/organisations.ts';

export interface Context {
  runner: QueryRunner;
  organisations: DataLoader<string, Organisation | null>;
  participations: DataLoader<string, Participation[]>;
  /** One loader per page size, since `first` is part of the query. */
  relationships(first: number): DataLoader<string, Relationship[]>;
  /** Who is asking, sessions and what only owners and curators see (accountsContext.ts). */
  accounts: AccountsContext;
}

export function createContext(runner: QueryRunner, auth: RequestAuth = anonymousAuth()): Context {
  const relationshipLoaders = new Map<number, DataLoader<string, Relationship[]>>();
  return {
    runner,
    accounts: createAccountsContext(runner, auth),
    organisations: new DataLoader((ids) => organisationsByIds(runner, ids)),
    participations: new DataLoader((ids) => participationsOfOrganisations(runner, ids)),
    relationships(first) {
      let loader = relationshipLoaders.get(first);
      if (!loader) {
        loader = new DataLoader((ids) => relationshipsOfOrganisations(runner, ids, first));
        relationshipLoaders.set(first, loader);
      }
      return loader;
    },
  };
}
