// Per-request context: the query runner and batching loaders, so each level of a response costs one query.
import DataLoader from 'dataloader';
import type { QueryRunner } from '../db/runner.ts';
import { organisationsByIds, type OrganisationView } from '../domain/organisations.ts';

type Props = Record<string, unknown>;

export interface ParticipationRow {
  participation: Props;
  initiative: Props;
  themes: { id: string; name: string }[];
}

export interface Context {
  runner: QueryRunner;
  organisations: DataLoader<string, OrganisationView | null>;
  participations: DataLoader<string, ParticipationRow[]>;
  /** One loader per page size, since `first` is part of the query. */
  relationships(first: number): DataLoader<string, Props[]>;
}

function byId<T>(ids: readonly string[], rows: { id: string }[], pick: (row: never) => T, empty: T): T[] {
  const found = new Map(rows.map((row) => [row.id, pick(row as never)]));
  return ids.map((id) => found.get(id) ?? empty);
}

export function createContext(runner: QueryRunner): Context {
  const relationshipLoaders = new Map<number, DataLoader<string, Props[]>>();
  return {
    runner,
    organisations: new DataLoader(async (ids) => {
      const found = await organisationsByIds(runner, ids);
      const map = new Map(found.map((o) => [o.organisation.id, o]));
      return ids.map((id) => map.get(id) ?? null);
    }),
    participations: new DataLoader(async (ids) => {
      const rows = await runner.read<{ id: string; participations: ParticipationRow[] }>(
        'participationsOfOrganisations',
        { ids: [...ids] },
      );
      return byId(ids, rows, (row: { participations: ParticipationRow[] }) => row.participations, []);
    }),
    relationships(first) {
      let loader = relationshipLoaders.get(first);
      if (!loader) {
        loader = new DataLoader(async (ids) => {
          const rows = await runner.read<{ id: string; relationships: Props[] }>(
            'relationshipsOfOrganisations',
            {
              ids: [...ids],
              first,
            },
          );
          return byId(ids, rows, (row: { relationships: Props[] }) => row.relationships, []);
        });
        relationshipLoaders.set(first, loader);
      }
      return loader;
    },
  };
}
