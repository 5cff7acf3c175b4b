// Resolvers for accounts.graphql: accounts and sessions, API tokens, registration and claims, consent on
// relationships, the review queue, merges and history. Thin: arguments in, one domain call out; who may
// do what is decided in the domain (server/domain/access/policy.ts), never here.
import { currentAccount, signIn, signOut, signUp, toActor } from '../../domain/accounts/accounts.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../../domain/accounts/apiTokens.ts';
import { readHistory } from '../../domain/curation/history.ts';
import { organisationPermissions, relationshipPermissions } from '../../domain/curation/permissions.ts';
import { organisationsOwnedBy } from '../../domain/curation/reads.ts';
import {
  claimOrganisation,
  likelyMatches,
  organisationForEditing,
  registerOrganisation,
  updateOrganisation,
} from '../../domain/curation/registration.ts';
import {
  confirmRelationship,
  disputeRelationship,
  endRelationship,
  proposeRelationship,
} from '../../domain/curation/relationships.ts';
import {
  approveRequest,
  rejectRequest,
  requestsByIds,
  requestsOfAccount,
  reviewQueue,
} from '../../domain/curation/review.ts';
import { dismissMergeCandidate, mergeOrganisations } from '../../domain/identity/merge.ts';
import type { Organisation } from '../../domain/organisations.ts';
import type { Context } from '../context.ts';
import type { Resolvers } from '../generated/resolvers.ts';

async function organisationsOf(ctx: Context, ids: string[]): Promise<Organisation[]> {
  const found = await ctx.accounts.anyOrganisations.loadMany(ids);
  return found.filter((o): o is Organisation => o !== null && !(o instanceof Error));
}

/** Rate limits, the address, and the session cookie a new sign-in replaces. */
const origin = (ctx: Context) => ({ ...ctx.accounts.origin, sessionToken: ctx.accounts.cookies.current() });

/** A session started by this request: later fields of the same response see the new account. */
async function startSession(ctx: Context, signedIn: Awaited<ReturnType<typeof signIn>>) {
  const csrfToken = await ctx.accounts.cookies.start(signedIn.sessionToken, signedIn.expiresAt);
  ctx.accounts.viewer = toActor(signedIn.account, 'session');
  return { account: signedIn.account, csrfToken };
}

export const accountResolvers: Resolvers = {
  Query: {
    me: (_, __, ctx) => currentAccount(ctx.runner, ctx.accounts.viewer),
    csrfToken: (_, __, ctx) => ctx.accounts.cookies.csrfToken(),
    likelyMatches: (_, { input }, ctx) => likelyMatches(ctx.runner, input),
    organisationForEditing: (_, { id }, ctx) => organisationForEditing(ctx.runner, ctx.accounts.viewer, id),
    history: (_, { organisation, relationship, first }, ctx) =>
      readHistory(ctx.runner, ctx.accounts.viewer, { organisation, relationship }, first),
    reviewQueue: (_, { kinds, first, after }, ctx) =>
      reviewQueue(ctx.runner, ctx.accounts.viewer, kinds, first, after),
  },
  Mutation: {
    signUp: async (_, args, ctx) => startSession(ctx, await signUp(ctx.runner, args, origin(ctx))),
    signIn: async (_, args, ctx) => startSession(ctx, await signIn(ctx.runner, args, origin(ctx))),
    async signOut(_, __, ctx) {
      const token = ctx.accounts.cookies.current();
      if (token !== null) await signOut(ctx.runner, token);
      ctx.accounts.cookies.end();
      return true;
    },
    createApiToken: (_, { name }, ctx) => createApiToken(ctx.runner, ctx.accounts.viewer, name),
    revokeApiToken: (_, { id }, ctx) => revokeApiToken(ctx.runner, ctx.accounts.viewer, id),
    registerOrganisation: (_, { input }, ctx) => registerOrganisation(ctx.runner, ctx.accounts.viewer, input),
    claimOrganisation: (_, { id, evidence }, ctx) =>
      claimOrganisation(ctx.runner, ctx.accounts.viewer, id, evidence),
    updateOrganisation: (_, { id, changes, reason }, ctx) =>
      updateOrganisation(ctx.runner, ctx.accounts.viewer, id, changes, reason),
    proposeRelationship: (_, { input }, ctx) => proposeRelationship(ctx.runner, ctx.accounts.viewer, input),
    confirmRelationship: (_, { id }, ctx) => confirmRelationship(ctx.runner, ctx.accounts.viewer, id),
    disputeRelationship: (_, { id, reason }, ctx) =>
      disputeRelationship(ctx.runner, ctx.accounts.viewer, id, reason),
    endRelationship: (_, { id, until, reason }, ctx) =>
      endRelationship(ctx.runner, ctx.accounts.viewer, id, until, reason),
    approve: (_, { id, reason }, ctx) => approveRequest(ctx.runner, ctx.accounts.viewer, id, reason),
    reject: (_, { id, reason }, ctx) => rejectRequest(ctx.runner, ctx.accounts.viewer, id, reason),
    mergeOrganisations: (_, args, ctx) => mergeOrganisations(ctx.runner, ctx.accounts.viewer, args),
    dismissMergeCandidate: (_, { id, reason }, ctx) =>
      dismissMergeCandidate(ctx.runner, ctx.accounts.viewer, id, reason),
  },
  Account: {
    organisations: (_, __, ctx) => organisationsOwnedBy(ctx.runner, ctx.accounts.viewer),
    requests: (_, { first }, ctx) => requestsOfAccount(ctx.runner, ctx.accounts.viewer, first),
    apiTokens: (_, __, ctx) => listApiTokens(ctx.runner, ctx.accounts.viewer),
  },
  Ownership: {
    // The ownership list is the viewer's own (Account.organisations): its organisations are theirs to see.
    organisation: async (parent, _, ctx) => (await organisationsOf(ctx, [parent.organisationId]))[0]!,
  },
  Registration: {
    organisation: async (parent, _, ctx) => (await organisationsOf(ctx, [parent.organisationId]))[0]!,
    request: async (parent, _, ctx) => (await requestsByIds(ctx.runner, [parent.requestId]))[0]!,
  },
  ReviewRequest: {
    // Requests reach the API only for their submitter (me, mutations) and curators (reviewQueue).
    organisations: (parent, _, ctx) => organisationsOf(ctx, parent.organisationIds),
    relationship: async (parent, _, ctx) =>
      parent.relationshipId === null
        ? null
        : ((await ctx.accounts.relationships.load(parent.relationshipId))?.relationship ?? null),
  },
  MergeCandidate: {
    organisations: (parent, _, ctx) => organisationsOf(ctx, parent.organisationIds),
  },
  Organisation: {
    viewerCan: async (parent, _, ctx) =>
      organisationPermissions(ctx.accounts.viewer, parent, await ctx.accounts.viewerOwnerships()),
  },
  Relationship: {
    async consent(parent, _, ctx) {
      const consent = (await ctx.accounts.relationships.load(parent.id))?.consent;
      const answered =
        consent && (consent.proposingOrganisationId ?? consent.confirmedAt ?? consent.disputedAt);
      return answered ? consent : null;
    },
    async viewerCan(parent, _, ctx) {
      if (ctx.accounts.viewer.kind !== 'account') return { confirm: false, dispute: false, end: false };
      const [record, owned] = await Promise.all([
        ctx.accounts.relationships.load(parent.id),
        ctx.accounts.viewerOwnerships(),
      ]);
      return relationshipPermissions(ctx.accounts.viewer, parent, record, owned);
    },
  },
};
