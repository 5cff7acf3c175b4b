// Who may do what: the one place where authorisation is decided. Every use case of the domain that
// changes something, or shows something that is not public, asks `authorise` (or `allowed`, for the
// viewerCan fields) with the facts it read; resolvers never decide. The README's "Roles" table is this file.
import { ForbiddenError, UnauthenticatedError } from '../../common/errors.ts';
import type { OrganisationStatus } from '../model.ts';
import { hasRole, type AccountActor, type Actor } from './actor.ts';

/** The asking account's tie to one organisation. */
export type Ownership = 'verified' | 'unverified' | null;

export interface OrganisationFacts {
  status: OrganisationStatus;
  /** Whether the actor owns it: verified (an approved registration or claim) or waiting for approval. */
  owner: Ownership;
}

export interface RelationshipFacts {
  /** The actor's ownership of each end. */
  sourceOwner: Ownership;
  targetOwner: Ownership;
  /** For proposed relationships: which end proposed it, and which account. */
  proposingOrganisationId: string | null;
  proposedBy: string | null;
  sourceId: string;
  targetId: string;
}

interface Facts {
  'account.self': undefined;
  'apiToken.create': undefined;
  'organisation.register': undefined;
  'organisation.claim': OrganisationFacts;
  'organisation.viewPrivate': OrganisationFacts;
  'organisation.edit': OrganisationFacts;
  'relationship.propose': OrganisationFacts;
  'relationship.confirm': RelationshipFacts;
  'relationship.dispute': RelationshipFacts;
  'relationship.end': RelationshipFacts;
  'relationship.viewPrivate': undefined;
  'review.read': undefined;
  'review.decide': undefined;
  'organisation.merge': undefined;
}

export type Permission = keyof Facts;

const curator = (a: Actor) => hasRole(a, 'CURATOR');
const ownsEither = (f: RelationshipFacts) => f.sourceOwner === 'verified' || f.targetOwner === 'verified';

/** Each rule returns null when allowed, or why not (the message of the FORBIDDEN error). */
const RULES: { [P in Permission]: (actor: AccountActor, facts: Facts[P]) => string | null } = {
  'account.self': () => null,
  'apiToken.create': (a) =>
    a.via === 'token'
      ? 'An API token cannot create API tokens: sign in with your password to create one.'
      : null,
  'organisation.register': () => null,
  'organisation.claim': (_, o) =>
    o.status === 'PUBLISHED' ? null : 'Only published organisations can be claimed.',
  'organisation.viewPrivate': (a, o) =>
    curator(a) || o.owner !== null
      ? null
      : 'Only its owners and curators can see an unpublished organisation.',
  'organisation.edit': (a, o) => {
    if (curator(a)) return null;
    if (o.owner === 'verified' && o.status !== 'ARCHIVED') return null;
    if (o.owner === 'unverified' && o.status === 'PENDING') return null;
    return o.owner === null
      ? "Only the organisation's owners and curators can edit it: claim it first if it is yours."
      : 'This organisation was archived: only a curator can edit it.';
  },
  'relationship.propose': (_, o) =>
    o.owner === 'verified' && o.status === 'PUBLISHED'
      ? null
      : 'You can propose relationships only for a published organisation you own (an approved registration or claim).',
  'relationship.confirm': (a, r) => {
    if (r.proposedBy === a.id) return 'You cannot confirm your own proposal: the other side confirms it.';
    const otherSide = r.proposingOrganisationId === r.sourceId ? r.targetOwner : r.sourceOwner;
    if (r.proposingOrganisationId === null || otherSide !== 'verified')
      return 'Only an owner of the other organisation can confirm this relationship.';
    return null;
  },
  'relationship.dispute': (a, r) =>
    curator(a) || ownsEither(r)
      ? null
      : 'Only owners of either organisation and curators can dispute a relationship.',
  'relationship.end': (a, r) =>
    curator(a) || ownsEither(r)
      ? null
      : 'Only owners of either organisation and curators can end a relationship.',
  'relationship.viewPrivate': (a) => (curator(a) ? null : 'Only curators can see this.'),
  'review.read': (a) => (curator(a) ? null : 'Only curators can see the review queue.'),
  'review.decide': (a) => (curator(a) ? null : 'Only curators can approve or reject.'),
  'organisation.merge': (a) => (curator(a) ? null : 'Only curators can merge organisations.'),
};

/** Every permission needs a signed-in account; then the rule decides. */
export function authorise<P extends Permission>(
  actor: Actor,
  permission: P,
  ...facts: Facts[P] extends undefined ? [] : [Facts[P]]
): AccountActor {
  if (actor.kind !== 'account') throw new UnauthenticatedError('Sign in first: this needs an account.');
  const why = RULES[permission](actor, facts[0] as Facts[P]);
  if (why !== null) throw new ForbiddenError(why);
  return actor;
}

/** Every permission the policy decides (the unit test's table covers each). */
export const PERMISSIONS = Object.keys(RULES) as Permission[];

/**
 * Curator actions on what is not theirs need a why, recorded in the history and shown to the submitter:
 * rejecting a request, verifying a proposal's source (SOURCED), merging, dismissing a merge candidate, and
 * editing an organisation the curator does not own. The domain refuses a missing or blank one with a
 * BAD_USER_INPUT problem on the `reason` field.
 */
export type ReasonedAction =
  | { action: 'review.reject' }
  | { action: 'review.verifySource' }
  | { action: 'organisation.merge' }
  | { action: 'mergeCandidate.dismiss' }
  | { action: 'organisation.edit'; facts: OrganisationFacts };

export function reasonRequired(actor: Actor, what: ReasonedAction): boolean {
  if (what.action === 'organisation.edit') return curator(actor) && what.facts.owner === null;
  return true;
}

/** The same decision as a boolean, for fields that tell the explorer which buttons to show. */
export function allowed<P extends Permission>(
  actor: Actor,
  permission: P,
  ...facts: Facts[P] extends undefined ? [] : [Facts[P]]
): boolean {
  return actor.kind === 'account' && RULES[permission](actor, facts[0] as Facts[P]) === null;
}
