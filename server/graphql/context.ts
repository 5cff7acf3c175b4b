// Per-request context: batching loaders over the domain's use cases, so each level of a response costs
// one query, and the network snapshot as this request sees it. The runner is handed to the domain, never
// used here.
import DataLoader from 'dataloader';
import type { QueryRunner } from '../common/queryRunner.ts';
import { participantsOfInitiatives, type InitiativeWithParticipants } from '../domain/initiatives.ts';
import { networkAccess, type NetworkAccess, type NetworkCache } from '../domain/network/cache.ts';
import {
  anonymousAuth,
  createAccountsContext,
  type AccountsContext,
  type RequestAuth,
} from './accountsContext.ts';
import {
  initiativesByIds,
  organisationsByIds,
  participationsOfOrganisations,
  relationshipKey,
  relationshipsByIds,
  relationshipsOfOrganisations,
  type Initiative,
  type Organisation,
  type Participation,
  type Relationship,
  type RelationshipRef,
} from '../domain/organisations.ts';
import { importRunsByIds, type ImportRun } from '../domain/import/runs.ts';

export interface Context {
  runner: QueryRunner;
  /** The network snapshot for this request (one data-version check per request). */
  network: NetworkAccess;
  organisations: DataLoader<string, Organisation | null>;
  initiatives: DataLoader<string, Initiative | null>;
  /** One loader per page size, since `first` is part of the query. */
  participations(first: number): DataLoader<string, Participation[]>;
  /**
   * Initiatives with their participants, by initiative id, each with its organisation (read in the same
   * query): for a response that asks for an initiative and its participants, or a page's participants.
   */
  participants: DataLoader<string, InitiativeWithParticipants | null>;
  /** The same with each organisation as a summary with its themes (a response asking no more of them). */
  participantSummaries: DataLoader<string, InitiativeWithParticipants | null>;
  /** Relationships by reference (id and kind: the kind locates it with one index seek; relationshipKey). */
  relationshipsById: DataLoader<RelationshipRef, Relationship | null, string>;
  /** Import runs by id, for provenance (the run that created or last changed a fact). */
  importRuns: DataLoader<string, ImportRun | null>;
  /** One loader per page size, since `first` is part of the query. */
  relationships(first: number): DataLoader<string, Relationship[]>;
  /** Who is asking, sessions and what only owners and curators see (accountsContext.ts). */
  accounts: AccountsContext;
}

export function createContext(
  runner: QueryRunner,
  network: NetworkCache,
  auth: RequestAuth = anonymousAuth(),
  budgetMs?: number,
): Context {
  return {
    runner,
    network: networkAccess(runner, network, budgetMs),
    accounts: createAccountsContext(runner, auth),
    organisations: new DataLoader((ids) => organisationsByIds(runner, ids)),
    initiatives: new DataLoader((ids) => initiativesByIds(runner, ids)),
    participations: loaderPerPageSize((ids, first) => participationsOfOrganisations(runner, ids, first)),
    participants: new DataLoader((ids) => participantsOfInitiatives(runner, ids)),
    participantSummaries: new DataLoader((ids) => participantsOfInitiatives(runner, ids, { details: false })),
    relationshipsById: new DataLoader(
      async (refs) => {
        const found = new Map((await relationshipsByIds(runner, refs)).map((r) => [relationshipKey(r), r]));
        return refs.map((ref) => found.get(relationshipKey(ref)) ?? null);
      },
      { cacheKeyFn: relationshipKey },
    ),
    importRuns: new DataLoader((ids) => importRunsByIds(runner, ids)),
    relationships: loaderPerPageSize((ids, first) => relationshipsOfOrganisations(runner, ids, first)),
  };
}

/** A loader for each page size asked for in the request, made when first asked for. */
function loaderPerPageSize<T>(
  load: (ids: readonly string[], first: number) => Promise<T[]>,
): (first: number) => DataLoader<string, T> {
  const loaders = new Map<number, DataLoader<string, T>>();
  return (first) => {
    let loader = loaders.get(first);
    if (!loader) {
      loader = new DataLoader((ids) => load(ids, first));
      loaders.set(first, loader);
    }
    return loader;
  };
}
