// Resolvers for research.graphql: relationship and initiative lists, analytics and time.
import { NotFoundError } from '../../common/errors.ts';
import {
  initiativeFromSnapshot,
  listInitiatives,
  participantsFromSnapshot,
  firstParticipants,
  type InitiativeWithParticipants,
} from '../../domain/initiatives.ts';
import { gapsOf, networkSummary, organisationMetrics } from '../../domain/network/metrics.ts';
import { changesBetween, listRelationships } from '../../domain/network/relationshipList.ts';
import {
  INITIATIVE_SUMMARY_FIELDS,
  isInitiativeSummary,
  isSummary,
  type Initiative,
  type Organisation,
} from '../../domain/organisations.ts';
import { requireRange } from '../../domain/organisations.ts';
import type { Context } from '../context.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { selectedFields } from '../selection.ts';
import { detailFrom, loadRelationships, publishedOrganisation, SUMMARY_ANSWERS } from './organisations.ts';

/** What a participant's organisation read as a summary with its themes answers. */
const PARTICIPANT_SUMMARY_FIELDS = new Set([...SUMMARY_ANSWERS, 'themes']);

/**
 * Initiative fields answered from the network snapshot's summary of it: its own, its participants (see
 * participants below), and fields whose resolvers read what they need by id.
 */
const INITIATIVE_SNAPSHOT_FIELDS = new Set<string>([
  ...INITIATIVE_SUMMARY_FIELDS,
  '__typename',
  'participants',
  'stageHistory',
]);

/** Whether only what a summary with its themes answers is asked of the participants' organisations. */
const summariesAnswer = (organisation: ReadonlySet<string>) =>
  [...organisation].every((field) => PARTICIPANT_SUMMARY_FIELDS.has(field));

/**
 * Initiatives with their participants read from the database (one batched query): each organisation only
 * as a summary with its themes when no more of it is asked for, else complete.
 */
async function readWithParticipants(
  ctx: Context,
  id: string,
  organisation: ReadonlySet<string>,
): Promise<InitiativeWithParticipants | null> {
  const found = await (summariesAnswer(organisation) ? ctx.participantSummaries : ctx.participants).load(id);
  if (!found) return null;
  ctx.initiatives.prime(id, found.initiative);
  // Read with the participants: Participant.organisation then needs no query of its own.
  for (const p of found.participants)
    if (!isSummary(p.organisation)) ctx.organisations.prime(p.organisationId, p.organisation);
  return found;
}

/**
 * The whole initiative, for a field an InitiativeSummary lacks (a summary from the network snapshot reads
 * it through the request's initiative loader if such a field is asked for after all).
 */
async function publishedInitiative(ctx: Context, id: string): Promise<Initiative> {
  const full = await ctx.initiatives.load(id);
  if (!full) throw new NotFoundError(`Initiative ${id} was removed meanwhile: ask again.`);
  return full;
}

const detail = detailFrom(publishedInitiative);

export const researchResolvers: Resolvers = {
  Query: {
    async relationships(_, args, ctx, info) {
      // Asked with its relationships: read with the page (and the data version) in one query, and kept
      // for nodes and edges below; a relationship left out (an end unpublished since) is kept as null.
      const asked = selectedFields(info);
      const read = asked.has('nodes') || asked.has('edges');
      const page = await listRelationships(ctx.network, args, read ? ctx.runner : null);
      page.relationships?.forEach((r, k) => ctx.relationshipsById.prime(page.nodes[k]!, r));
      return page;
    },
    async initiatives(_, args, ctx) {
      const page = await listInitiatives(ctx.runner, ctx.network, args);
      for (const i of page.nodes) ctx.initiatives.prime(i.id, i);
      return page;
    },
    async initiative(_, { id }, ctx, info) {
      const asked = selectedFields(info);
      if (!asked.has('participants')) return ctx.initiatives.load(id);
      // Asked with its participants. When only what the network snapshot holds is asked (of the initiative
      // and of its participants' organisations) and the current data version's snapshot is loaded: from
      // the snapshot after the request's one data-version check, and Initiative.participants answers from
      // the same snapshot. Else the initiative, its participants and their organisations in one query.
      const organisation = selectedFields(info, ['participants', 'organisation']);
      if (
        [...asked].every((field) => INITIATIVE_SNAPSHOT_FIELDS.has(field)) &&
        summariesAnswer(organisation)
      ) {
        const s = await ctx.network.ifLoaded();
        const held = s ? initiativeFromSnapshot(s, id) : undefined;
        if (held !== undefined) return held;
      }
      return (await readWithParticipants(ctx, id, organisation))?.initiative ?? null;
    },
    network: (_, { filter, asOf }, ctx) => networkSummary(ctx.runner, ctx.network, filter, asOf),
    changes: (_, args, ctx) => changesBetween(ctx.network, args),
  },
  RelationshipConnection: {
    nodes: (page, _, ctx) => loadRelationships(ctx, page.nodes),
    edges: async (page, _, ctx) => {
      const loaded = await ctx.relationshipsById.loadMany(page.edges.map((e) => e.node));
      return page.edges.flatMap((e, k) => {
        const node = loaded[k];
        return node && !(node instanceof Error) ? [{ cursor: e.cursor, node }] : [];
      });
    },
  },
  Changes: {
    started: (c, _, ctx) => loadRelationships(ctx, c.started),
    ended: (c, _, ctx) => loadRelationships(ctx, c.ended),
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
    // The fields an InitiativeSummary lacks (those it has resolve by default).
    startDate: detail('startDate'),
    endDate: detail('endDate'),
    description: detail('description'),
    website: detail('website'),
    themes: detail('themes'),
    provenance: detail('provenance'),
    participants: (i, { first }, ctx, info) =>
      firstParticipants(first, async () => {
        // An initiative from the snapshot: its participants from the same snapshot (the request's).
        if (isInitiativeSummary(i)) {
          const s = await ctx.network.ifLoaded();
          const held = s ? participantsFromSnapshot(s, i.id) : undefined;
          if (held) return held;
        }
        return (
          (await readWithParticipants(ctx, i.id, selectedFields(info, ['organisation'])))?.participants ?? []
        );
      }),
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
