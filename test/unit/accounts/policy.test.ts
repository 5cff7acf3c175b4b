// The one place that decides who may do what (server/domain/access/policy.ts): each rule, for each kind
// of actor, including every refusal the issue names.
import { describe, expect, it } from 'vitest';
import { ForbiddenError, UnauthenticatedError } from '../../../server/common/errors.ts';
import { ANONYMOUS, type AccountActor } from '../../../server/domain/access/actor.ts';
import { allowed, authorise, type RelationshipFacts } from '../../../server/domain/access/policy.ts';
import type { Role } from '../../../server/domain/model.ts';

const actor = (role: Role, via: AccountActor['via'] = 'session', id = 'acc-1'): AccountActor => ({
  kind: 'account',
  id,
  name: 'N',
  email: 'n@example.org',
  role,
  via,
});
const member = actor('MEMBER');
const curator = actor('CURATOR');
const admin = actor('ADMIN');

describe('authorise', () => {
  it('refuses every permission to a signed-out request with UNAUTHENTICATED', () => {
    expect(() => authorise(ANONYMOUS, 'organisation.register')).toThrow(UnauthenticatedError);
    expect(() => authorise(ANONYMOUS, 'review.read')).toThrow(UnauthenticatedError);
    expect(allowed(ANONYMOUS, 'account.self')).toBe(false);
  });

  it('the review queue, decisions and merges are for curators and admins only', () => {
    for (const permission of [
      'review.read',
      'review.decide',
      'organisation.merge',
      'relationship.viewPrivate',
    ] as const) {
      expect(() => authorise(member, permission)).toThrow(ForbiddenError);
      expect(authorise(curator, permission)).toBe(curator);
      expect(authorise(admin, permission)).toBe(admin);
    }
  });

  it('an API token cannot create API tokens', () => {
    expect(() => authorise(actor('ADMIN', 'token'), 'apiToken.create')).toThrow(ForbiddenError);
    expect(authorise(member, 'apiToken.create')).toBe(member);
  });

  it("editing: verified owners (not archived), the registrant while pending, curators; never someone else's organisation", () => {
    const edit = (
      who: AccountActor,
      status: 'PENDING' | 'PUBLISHED' | 'ARCHIVED',
      owner: 'verified' | 'unverified' | null,
    ) => allowed(who, 'organisation.edit', { status, owner });
    expect(edit(member, 'PUBLISHED', 'verified')).toBe(true);
    expect(edit(member, 'PENDING', 'unverified')).toBe(true);
    expect(edit(member, 'PUBLISHED', 'unverified')).toBe(false);
    expect(edit(member, 'ARCHIVED', 'verified')).toBe(false);
    expect(edit(member, 'PUBLISHED', null)).toBe(false);
    expect(edit(curator, 'ARCHIVED', null)).toBe(true);
    expect(() => authorise(member, 'organisation.edit', { status: 'PUBLISHED', owner: null })).toThrow(
      /claim it first/,
    );
  });

  it('proposing needs a verified owner of a published organisation', () => {
    expect(allowed(member, 'relationship.propose', { status: 'PUBLISHED', owner: 'verified' })).toBe(true);
    expect(allowed(member, 'relationship.propose', { status: 'PENDING', owner: 'unverified' })).toBe(false);
    expect(allowed(curator, 'relationship.propose', { status: 'PUBLISHED', owner: null })).toBe(false);
  });

  describe('relationships', () => {
    const facts = (over: Partial<RelationshipFacts>): RelationshipFacts => ({
      sourceId: 'a',
      targetId: 'b',
      sourceOwner: null,
      targetOwner: null,
      proposingOrganisationId: 'a',
      proposedBy: 'acc-proposer',
      ...over,
    });

    it('only an owner of the other side confirms; never the proposer, even owning both sides', () => {
      expect(allowed(member, 'relationship.confirm', facts({ targetOwner: 'verified' }))).toBe(true);
      expect(allowed(member, 'relationship.confirm', facts({ sourceOwner: 'verified' }))).toBe(false);
      expect(allowed(member, 'relationship.confirm', facts({ targetOwner: 'unverified' }))).toBe(false);
      expect(allowed(curator, 'relationship.confirm', facts({}))).toBe(false);
      const proposer = actor('MEMBER', 'session', 'acc-proposer');
      expect(() =>
        authorise(
          proposer,
          'relationship.confirm',
          facts({ sourceOwner: 'verified', targetOwner: 'verified' }),
        ),
      ).toThrow(/cannot confirm your own proposal/);
      expect(
        allowed(
          member,
          'relationship.confirm',
          facts({ proposingOrganisationId: null, targetOwner: 'verified' }),
        ),
      ).toBe(false);
    });

    it('either side or a curator disputes and ends; a stranger cannot', () => {
      for (const permission of ['relationship.dispute', 'relationship.end'] as const) {
        expect(allowed(member, permission, facts({ sourceOwner: 'verified' }))).toBe(true);
        expect(allowed(member, permission, facts({ targetOwner: 'verified' }))).toBe(true);
        expect(allowed(curator, permission, facts({}))).toBe(true);
        expect(allowed(member, permission, facts({}))).toBe(false);
        expect(allowed(member, permission, facts({ targetOwner: 'unverified' }))).toBe(false);
      }
    });
  });
});
