// Per-request context: batching loaders over the domain's use cases, so each level of a response costs
// one query. The runner is handed to the domain, never used here.
import DataLoader from 'dataloader';
import type { QueryRunner } from '../common/queryRunner.ts';
import type { NetworkCache } from '../domain/network/cache.ts';
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
  /** The in-memory network snapshot of this process (shared by requests, refreshed per data version). */
  network: NetworkCache;
  organisations: DataLoader<string, Organisation | null>;
  participations: DataLoader<string, Participation[]>;
  /** One loader per page size, since `first` is part of the query. */
  relationships(first: number): DataLoader<string, Relationship[]>;
}

export function createContext(runner: QueryRunner, network: NetworkCache): Context {
  const relationshipLoaders = new Map<number, DataLoader<string, Relationship[]>>();
  return {
    runner,
    network,
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
