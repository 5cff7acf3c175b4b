// Reads that curation needs beyond the public read path: organisations whatever their status (for their
// owners and curators), the asking account's ownerships, and relationships by id with their consent.
import type { QueryRunner } from '../../common/queryRunner.ts';
import type { Actor } from '../access/actor.ts';
import { authorise, type OrganisationFacts, type Ownership } from '../access/policy.ts';
import type { OrganisationStatus } from '../model.ts';
import {
  organisationOf,
  relationshipOf,
  type Organisation,
  type OrganisationRow,
  type Relationship,
  type RelationshipRow,
} from '../organisations.ts';
import type { Contributor } from './history.ts';

export interface OrganisationAccess extends OrganisationFacts {
  id: string;
  name: string;
}

const ownership = (verified: boolean | null): Ownership =>
  verified === null ? null : verified ? 'verified' : 'unverified';

/** Existing organisations among `ids` (any status), with the actor's ownership of each, in the order given. */
export async function organisationAccess(
  runner: QueryRunner,
  actor: Actor,
  ids: readonly string[],
): Promise<(OrganisationAccess | undefined)[]> {
  const rows = await runner.read<{
    id: string;
    name: string;
    status: OrganisationStatus;
    verified: boolean | null;
  }>('organisationAccess', { ids: [...ids], accountId: actor.kind === 'account' ? actor.id : null });
  const byId = new Map(
    rows.map((r) => [r.id, { id: r.id, name: r.name, status: r.status, owner: ownership(r.verified) }]),
  );
  return ids.map((id) => byId.get(id));
}

/** Organisations by id whatever their status, aligned with `ids`: only for callers that authorised the view. */
export async function anyOrganisationsByIds(
  runner: QueryRunner,
  ids: readonly string[],
): Promise<(Organisation | null)[]> {
  if (ids.length === 0) return [];
  const rows = await runner.read<OrganisationRow>('anyOrganisationsByIds', { ids: [...ids] });
  const found = new Map(rows.map((row) => [row.organisation.id, organisationOf(row)]));
  return ids.map((id) => found.get(id) ?? null);
}

export interface OwnedOrganisation {
  organisationId: string;
  status: OrganisationStatus;
  verified: boolean;
  since: string;
}

/** The organisations the signed-in account owns (`me { organisations }`). */
export async function organisationsOwnedBy(runner: QueryRunner, actor: Actor): Promise<OwnedOrganisation[]> {
  const account = authorise(actor, 'account.self');
  return ownershipsOf(runner, account.id);
}

export async function ownershipsOf(runner: QueryRunner, accountId: string): Promise<OwnedOrganisation[]> {
  return runner.read<OwnedOrganisation>('ownershipsOfAccount', { accountId });
}

export interface Consent {
  proposedBy: Contributor | null;
  proposingOrganisationId: string | null;
  proposedAt: string | null;
  confirmedBy: Contributor | null;
  confirmedAt: string | null;
  disputedBy: Contributor | null;
  disputedAt: string | null;
  disputeReason: string | null;
  previousTrust: string | null;
}

/** A relationship as the API shows it, with the status of its ends and how it was proposed and answered. */
export interface RelationshipRecord {
  relationship: Relationship;
  sourceStatus: OrganisationStatus;
  targetStatus: OrganisationStatus;
  consent: Consent;
}

interface RelationshipByIdRow {
  id: string;
  relationship: RelationshipRow & Record<string, unknown>;
  sourceStatus: OrganisationStatus;
  targetStatus: OrganisationStatus;
  proposedBy: Contributor | null;
  confirmedBy: Contributor | null;
  disputedBy: Contributor | null;
}

const text = (v: unknown) => (typeof v === 'string' ? v : null);

function recordOf(row: RelationshipByIdRow): RelationshipRecord {
  const r = row.relationship;
  return {
    relationship: relationshipOf(r),
    sourceStatus: row.sourceStatus,
    targetStatus: row.targetStatus,
    consent: {
      proposedBy: row.proposedBy,
      proposingOrganisationId: text(r.proposingOrganisationId),
      proposedAt: text(r.proposedAt),
      confirmedBy: row.confirmedBy,
      confirmedAt: text(r.confirmedAt),
      disputedBy: row.disputedBy,
      disputedAt: text(r.disputedAt),
      disputeReason: text(r.disputeReason),
      previousTrust: text(r.previousTrust),
    },
  };
}

/** Relationships by id (any kind), aligned with `ids`; undefined where none has the id. */
export async function relationshipsByIds(
  runner: QueryRunner,
  ids: readonly string[],
): Promise<(RelationshipRecord | undefined)[]> {
  if (ids.length === 0) return [];
  const rows = await runner.read<RelationshipByIdRow>('relationshipsWithConsent', { ids: [...ids] });
  const byId = new Map(rows.map((r) => [r.id, recordOf(r)]));
  return ids.map((id) => byId.get(id));
}

export { recordOf as relationshipRecordOf, type RelationshipByIdRow };
