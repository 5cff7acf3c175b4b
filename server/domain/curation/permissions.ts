// The viewerCan fields: the policy's decisions (access/policy.ts) for one organisation or relationship,
// from the facts already loaded for the response. The server enforces the same rules on every mutation.
import type { Actor } from '../access/actor.ts';
import { allowed, type Ownership } from '../access/policy.ts';
import type { OrganisationStatus } from '../model.ts';
import type { Relationship } from '../organisations.ts';
import type { OwnedOrganisation, RelationshipRecord } from './reads.ts';

const ownership = (owned: OwnedOrganisation | undefined): Ownership =>
  owned === undefined ? null : owned.verified ? 'verified' : 'unverified';

export function organisationPermissions(
  actor: Actor,
  organisation: { id: string; status: OrganisationStatus },
  owned: ReadonlyMap<string, OwnedOrganisation>,
) {
  const facts = { status: organisation.status, owner: ownership(owned.get(organisation.id)) };
  return {
    edit: allowed(actor, 'organisation.edit', facts),
    claim: facts.owner === null && allowed(actor, 'organisation.claim', facts),
    proposeRelationship: allowed(actor, 'relationship.propose', facts),
  };
}

export function relationshipPermissions(
  actor: Actor,
  relationship: Relationship,
  record: RelationshipRecord | undefined,
  owned: ReadonlyMap<string, OwnedOrganisation>,
) {
  const facts = {
    sourceId: relationship.sourceId,
    targetId: relationship.targetId,
    sourceOwner: ownership(owned.get(relationship.sourceId)),
    targetOwner: ownership(owned.get(relationship.targetId)),
    proposingOrganisationId: record?.consent.proposingOrganisationId ?? null,
    proposedBy: record?.consent.proposedBy?.id ?? null,
  };
  const open = relationship.trust !== 'DISPUTED';
  return {
    confirm: open && relationship.trust !== 'CONFIRMED' && allowed(actor, 'relationship.confirm', facts),
    dispute: open && allowed(actor, 'relationship.dispute', facts),
    end: relationship.until === null && allowed(actor, 'relationship.end', facts),
  };
}
