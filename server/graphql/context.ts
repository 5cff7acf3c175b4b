// Per-request context: batching loaders over the domain's use cases, so each level of a response costs
// one query. The runner is handed to the domain, never used here.
import DataLoader from 'dataloader';
import type { QueryRunner } from '../common/queryRunner.ts';
import {
  organisationsByIds,
  participationsOfOrganisations,
  relationshipsOfOrganisations,
  type Organisation,
  type Participation,
  type Relationship,
} from '../domain/organisations.ts';
import { importRunsByIds, type ImportRun } from '../domain/import/runs.ts';

export interface Context {
  runner: QueryRunner;
  organisations: DataLoader<string, Organisation | null>;
  participations: DataLoader<string, Participation[]>;
  /** Import runs by id, for provenance (the run that created or last changed a fact). */
  importRuns: DataLoader<string, ImportRun | null>;
  /** One loader per page size, since `first` is part of the query. */
  relationships(first: number): DataLoader<string, Relationship[]>;
}

export function createContext(runner: QueryRunner): Context {
  const relationshipLoaders = new Map<number, DataLoader<string, Relationship[]>>();
  return {
    runner,
    organisations: new DataLoader((ids) => organisationsByIds(runner, ids)),
    participations: new DataLoader((ids) => participationsOfOrganisations(runner, ids)),
    importRuns: new DataLoader((ids) => importRunsByIds(runner, ids)),
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
