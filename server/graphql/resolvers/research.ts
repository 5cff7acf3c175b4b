// Resolvers for research.graphql: relationship and initiative lists, analytics and time.
import { NotFoundError } from '../../common/errors.ts';
import { listInitiatives } from '../../domain/initiatives.ts';
import { gapsOf, networkSummary, organisationMetrics } from '../../domain/network/metrics.ts';
import { changesBetween, listRelationships } from '../../domain/network/relationshipList.ts';
import { isSummary, type Organisation, type Relationship } from '../../domain/organisations.ts';
import { requireRange } from '../../domain/organisations.ts';
import type { Context } from '../context.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { selectedFields } from '../selection.ts';
import { publishedOrganisation, SUMMARY_ANSWERS } from './organisations.ts';

/** What a participant's organisation read as a summary with its themes answers. */
const PARTICIPANT_SUMMARY_FIELDS = new Set([...SUMMARY_ANSWERS, 'themes']);

async function relationships(
  ctx: Context,
  refs: readonly { id: string; kind: string }[],
): Promise<Relationship[]> {
  const found = await ctx.relationshipsById.loadMany(refs.map((r) => `${r.kind}:${r.id}`));
  return found.filter((r): r is Relationship => r !== null && !(r instanceof Error));
}

export const researchResolvers: Resolvers = {
  Query: {
    relationships: (_, args, ctx) => listRelationships(ctx.network, args),
    async initiatives(_, args, ctx) {
      const page = await listInitiatives(ctx.runner, ctx.network, args);
      for (const i of page.nodes) ctx.initiatives.prime(i.id, i);
      return page;
    },
    async initiative(_, { id }, ctx, info) {
      if (!selectedFields(info).has('participants')) return ctx.initiatives.load(id);
      // Asked with its participants: the initiative, its participants and their organisations in one query,
      // the organisations only as summaries when no more of them is asked for.
      const summaries = [...selectedFields(info, ['participants', 'organisation'])].every((field) =>
        PARTICIPANT_SUMMARY_FIELDS.has(field),
      );
      const found = await (
        summaries ? ctx.initiativesWithParticipantSummaries : ctx.initiativesWithParticipants
      ).load(id);
      if (!found) return null;
      ctx.initiatives.prime(id, found.initiative);
      ctx.participants.prime(id, found.participants);
      return found.initiative;
    },
    network: (_, { filter, asOf }, ctx) => networkSummary(ctx.network, filter, asOf),
    changes: (_, args, ctx) => changesBetween(ctx.network, args),
  },
  RelationshipConnection: {
    nodes: (page, _, ctx) => relationships(ctx, page.nodes),
    edges: async (page, _, ctx) => {
      const loaded = await ctx.relationshipsById.loadMany(
        page.edges.map((e) => `${e.node.kind}:${e.node.id}`),
      );
      return page.edges.flatMap((e, k) => {
        const node = loaded[k];
        return node && !(node instanceof Error) ? [{ cursor: e.cursor, node }] : [];
      });
    },
  },
  Changes: {
    started: (c, _, ctx) => relationships(ctx, c.started),
    ended: (c, _, ctx) => relationships(ctx, c.ended),
  },
  Organisation: {
    async metrics(o, _, ctx) {
      const metrics = await organisationMetrics(ctx.network, o.id);
      if (!metrics) throw new NotFoundError(`Organisation ${o.id} is not in the network any more.`);
      return metrics;
    },
    gaps: (o, _, ctx) => gapsOf(ctx.network, o.id),
  },
  Initiative: {
    async participants(i, _, ctx) {
      const participants = await ctx.participants.load(i.id);
      // Read with the participants: Participant.organisation then needs no query of its own.
      for (const p of participants)
        if (!isSummary(p.organisation)) ctx.organisations.prime(p.organisationId, p.organisation);
      return participants;
    },
  },
  Participant: {
    organisation: (p, _, ctx) => p.organisation ?? publishedOrganisation(ctx, p.organisationId),
  },
  NetworkSummary: {
    components: (n) => n,
    communities: (n) => n,
  },
  ComponentSummary: {
    count: (n) => n.componentCount,
    sizes: (n, { first }) => {
      requireRange(first, 'first', 1, 100);
      return n.componentSizes.slice(0, first);
    },
  },
  CommunitySummary: {
    count: (n) => n.communityCount,
    list: (n, { first }) => {
      requireRange(first, 'first', 1, 100);
      return n.communitySizes
        .slice(0, first)
        .map((size, id) => ({ id, size, memberIds: n.communityMembers[id]! }));
    },
  },
  Community: {
    members: async (c, { first }, ctx) => {
      requireRange(first, 'first', 1, 100);
      const found = await ctx.organisations.loadMany(c.memberIds.slice(0, first));
      return found.filter((o): o is Organisation => o !== null && !(o instanceof Error));
    },
  },
};
