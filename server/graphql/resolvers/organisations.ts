// Resolvers for organisations.graphql: organisations, their relationships and participations, search and
// neighbourhoods.
import { NotFoundError } from '../../common/errors.ts';
import { degreeOf, degreesIn } from '../../domain/network/degree.ts';
import { neighbourhoodOf } from '../../domain/network/neighbourhood.ts';
import { relationshipCountsOf } from '../../domain/network/relationshipCounts.ts';
import { filterPredicate } from '../../domain/network/organisationList.ts';
import {
  isSummary,
  searchOrganisations,
  SNAPSHOT_SUMMARY_FIELDS,
  SUMMARY_FIELDS,
  withPublishedEnds,
  type Relationship,
  type RelationshipRef,
} from '../../domain/organisations.ts';
import type { Context } from '../context.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { selectedFields } from '../selection.ts';

export async function publishedOrganisation(ctx: Context, id: string) {
  const organisation = await ctx.organisations.load(id);
  if (!organisation) throw new NotFoundError(`Organisation ${id} is not published.`);
  return organisation;
}

/** The relationships referred to, through the request's loader (one query), leaving out those not found. */
export async function loadRelationships(
  ctx: Context,
  refs: readonly RelationshipRef[],
): Promise<Relationship[]> {
  const found = await ctx.relationshipsById.loadMany(refs);
  return found.filter((r): r is Relationship => r !== null && !(r instanceof Error));
}

/**
 * Organisation fields an OrganisationSummary answers without reading the organisation: its own, and those
 * read from the network snapshot by id.
 */
export const SUMMARY_ANSWERS: ReadonlySet<string> = new Set([
  ...SUMMARY_FIELDS,
  '__typename',
  'degree',
  'relationshipCounts',
  'metrics',
  'gaps',
]);

/** Organisation fields a summary made from the network snapshot answers (a list page, the search box). */
export const SNAPSHOT_SUMMARY_ANSWERS: ReadonlySet<string> = new Set([
  ...SUMMARY_ANSWERS,
  ...SNAPSHOT_SUMMARY_FIELDS,
]);

/**
 * Resolvers for the fields a summary lacks (an OrganisationSummary from the network snapshot or with a
 * participant, where the response asked only for what the summary holds): the parent's value when it has
 * the field (a full record), else the full record read through `load` (the request's loader, so a list
 * reads them in one query).
 */
export const detailFrom =
  <T>(load: (ctx: Context, id: string) => Promise<T>) =>
  <K extends keyof T>(field: K) =>
  (parent: { id: string }, _: unknown, ctx: Context): T[K] | Promise<T[K]> => {
    const value = (parent as unknown as Partial<T>)[field];
    return value !== undefined ? (value as T[K]) : load(ctx, parent.id).then((full) => full[field]);
  };

const detail = detailFrom(publishedOrganisation);

export const organisationResolvers: Resolvers = {
  Query: {
    organisation: (_, { id }, ctx) => ctx.organisations.load(id),
    async searchOrganisations(_, { query, first, filter }, ctx, info) {
      const allowed = filter ? await filterPredicate(ctx.network, filter) : undefined;
      // With a filter, the snapshot it was checked against; without, the newest the process holds.
      const snapshot = filter ? await ctx.network.snapshot() : ctx.network.latest();
      const degrees = snapshot ? degreesIn(snapshot) : null;
      // The organisations are read only when a field the snapshot lacks is asked of them.
      const summaries = [...selectedFields(info)].every((field) => SNAPSHOT_SUMMARY_ANSWERS.has(field));
      const found = await searchOrganisations(ctx.runner, query, first, {
        allowed,
        degrees,
        summariesFrom: summaries ? snapshot : null,
      });
      for (const o of found) if (!isSummary(o)) ctx.organisations.prime(o.id, o);
      return found;
    },
    neighbourhood: (_, args, ctx) => neighbourhoodOf(ctx.network, args),
  },
  Organisation: {
    // The fields an OrganisationSummary lacks (those it has resolve by default).
    kind: detail('kind'),
    description: detail('description'),
    website: detail('website'),
    websites: detail('websites'),
    closedOn: detail('closedOn'),
    sectorRule: detail('sectorRule'),
    place: detail('place'),
    themes: detail('themes'),
    identifiers: detail('identifiers'),
    provenance: detail('provenance'),
    createdAt: detail('createdAt'),
    updatedAt: detail('updatedAt'),
    degree: (parent, _, ctx) => degreeOf(ctx.network, parent.id),
    relationshipCounts: (parent, { asOf }, ctx) => relationshipCountsOf(ctx.network, parent.id, asOf),
    relationships: async (parent, { first }, ctx) =>
      withPublishedEnds(await ctx.relationships(first).load(parent.id), (ids) =>
        ctx.organisations.loadMany(ids),
      ),
    participations: (parent, { first }, ctx) => ctx.participations(first).load(parent.id),
  },
  Relationship: {
    source: (parent, _, ctx) => publishedOrganisation(ctx, parent.sourceId),
    target: (parent, _, ctx) => publishedOrganisation(ctx, parent.targetId),
  },
};
