// The one place that decides who may do what (server/domain/access/policy.ts): each rule, for each kind
// of actor, including every refusal the issue names.
import { describe, expect, it } from 'vitest';
import { ForbiddenError, UnauthenticatedError } from '../../../server/common/errors.ts';
import { ANONYMOUS, type AccountActor, type Actor } from '../../../server/domain/access/actor.ts';
import {
  allowed,
  authorise,
  PERMISSIONS,
  reasonRequired,
  type Permission,
  type RelationshipFacts,
} from '../../../server/domain/access/policy.ts';
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

describe('the policy table', () => {
  type Who = 'anonymous' | 'member' | 'owner' | 'pendingOwner' | 'curator' | 'admin' | 'token';
  const who: Record<Exclude<Who, 'anonymous' | 'owner' | 'pendingOwner'>, AccountActor> = {
    member,
    curator,
    admin,
    token: actor('MEMBER', 'token'),
  };
  const org = (w: Who, status: 'PENDING' | 'PUBLISHED' | 'ARCHIVED' = 'PUBLISHED') => ({
    status,
    owner: w === 'owner' ? ('verified' as const) : w === 'pendingOwner' ? ('unverified' as const) : null,
  });
  // A relationship proposed by organisation a's owner (acc-proposer); `w` owns the side named.
  const rel = (w: Who, side: 'source' | 'target' | 'none' = 'none'): RelationshipFacts => ({
    sourceId: 'a',
    targetId: 'b',
    sourceOwner: side === 'source' ? (w === 'pendingOwner' ? 'unverified' : 'verified') : null,
    targetOwner: side === 'target' ? (w === 'pendingOwner' ? 'unverified' : 'verified') : null,
    proposingOrganisationId: 'a',
    proposedBy: 'acc-proposer',
  });
  const asActor = (w: Who) =>
    w === 'anonymous' ? ANONYMOUS : w === 'owner' || w === 'pendingOwner' ? member : who[w];

  // [permission, who, facts, allowed]: every permission with at least one allowed and one refused row.
  const TABLE: [Permission, Who, unknown, boolean][] = [
    ['account.self', 'member', undefined, true],
    ['account.self', 'anonymous', undefined, false],
    ['apiToken.create', 'member', undefined, true],
    ['apiToken.create', 'token', undefined, false],
    ['organisation.register', 'member', undefined, true],
    ['organisation.register', 'anonymous', undefined, false],
    ['organisation.claim', 'member', org('member'), true],
    ['organisation.claim', 'member', org('member', 'PENDING'), false],
    ['organisation.claim', 'member', org('member', 'ARCHIVED'), false],
    ['organisation.viewPrivate', 'pendingOwner', org('pendingOwner', 'PENDING'), true],
    ['organisation.viewPrivate', 'curator', org('curator', 'PENDING'), true],
    ['organisation.viewPrivate', 'member', org('member', 'PENDING'), false],
    ['organisation.edit', 'owner', org('owner'), true],
    ['organisation.edit', 'pendingOwner', org('pendingOwner', 'PENDING'), true],
    ['organisation.edit', 'pendingOwner', org('pendingOwner'), false],
    ['organisation.edit', 'owner', org('owner', 'ARCHIVED'), false],
    ['organisation.edit', 'member', org('member'), false],
    ['organisation.edit', 'curator', org('curator', 'ARCHIVED'), true],
    ['organisation.edit', 'admin', org('admin'), true],
    ['relationship.propose', 'owner', org('owner'), true],
    ['relationship.propose', 'owner', org('owner', 'PENDING'), false],
    ['relationship.propose', 'pendingOwner', org('pendingOwner'), false],
    ['relationship.propose', 'curator', org('curator'), false],
    ['relationship.confirm', 'owner', rel('owner', 'target'), true],
    ['relationship.confirm', 'owner', rel('owner', 'source'), false],
    ['relationship.confirm', 'pendingOwner', rel('pendingOwner', 'target'), false],
    ['relationship.confirm', 'curator', rel('curator'), false],
    ['relationship.confirm', 'member', rel('member'), false],
    ['relationship.dispute', 'owner', rel('owner', 'source'), true],
    ['relationship.dispute', 'owner', rel('owner', 'target'), true],
    ['relationship.dispute', 'curator', rel('curator'), true],
    ['relationship.dispute', 'member', rel('member'), false],
    ['relationship.dispute', 'pendingOwner', rel('pendingOwner', 'target'), false],
    ['relationship.end', 'owner', rel('owner', 'target'), true],
    ['relationship.end', 'curator', rel('curator'), true],
    ['relationship.end', 'member', rel('member'), false],
    ['relationship.viewPrivate', 'curator', undefined, true],
    ['relationship.viewPrivate', 'member', undefined, false],
    ['review.read', 'curator', undefined, true],
    ['review.read', 'admin', undefined, true],
    ['review.read', 'member', undefined, false],
    ['review.decide', 'curator', undefined, true],
    ['review.decide', 'member', undefined, false],
    ['review.decide', 'anonymous', undefined, false],
    ['organisation.merge', 'curator', undefined, true],
    ['organisation.merge', 'member', undefined, false],
  ];

  it.each(TABLE)('%s for %s (%j): %s', (permission, w, facts, expected) => {
    const check = allowed as (a: Actor, p: Permission, f?: unknown) => boolean;
    const enforce = authorise as (a: Actor, p: Permission, f?: unknown) => AccountActor;
    expect(check(asActor(w), permission, facts)).toBe(expected);
    if (expected) expect(enforce(asActor(w), permission, facts)).toBe(asActor(w));
    else
      expect(() => enforce(asActor(w), permission, facts)).toThrow(
        w === 'anonymous' ? UnauthenticatedError : ForbiddenError,
      );
  });

  it('covers every permission the policy decides, each allowed and refused at least once', () => {
    for (const permission of PERMISSIONS) {
      const rows = TABLE.filter(([p]) => p === permission);
      expect(
        rows.some(([, , , ok]) => ok),
        permission,
      ).toBe(true);
      expect(
        rows.some(([, , , ok]) => !ok),
        permission,
      ).toBe(true);
    }
  });

  it('curators say why: reject, verify, merge, dismiss always; an edit only of what they do not own', () => {
    for (const action of [
      'review.reject',
      'review.verifySource',
      'organisation.merge',
      'mergeCandidate.dismiss',
    ] as const) {
      expect(reasonRequired(curator, { action })).toBe(true);
    }
    const edit = (a: AccountActor, owner: 'verified' | null) =>
      reasonRequired(a, { action: 'organisation.edit', facts: { status: 'PUBLISHED', owner } });
    expect(edit(curator, null)).toBe(true);
    expect(edit(admin, null)).toBe(true);
    expect(edit(curator, 'verified')).toBe(false);
    expect(edit(member, 'verified')).toBe(false);
  });
});
