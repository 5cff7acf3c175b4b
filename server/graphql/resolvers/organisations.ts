// Resolvers for organisations.graphql: organisations, their relationships and participations, search and
// neighbourhoods.
import { NotFoundError } from '../../common/errors.ts';
import { degreeOf } from '../../domain/network/degree.ts';
import { neighbourhoodOf } from '../../domain/network/neighbourhood.ts';
import { filterPredicate } from '../../domain/network/organisationList.ts';
import { searchOrganisations, withPublishedEnds } from '../../domain/organisations.ts';
import type { Context } from '../context.ts';
import type { Resolvers } from '../generated/resolvers.ts';

export async function publishedOrganisation(ctx: Context, id: string) {
  const organisation = await ctx.organisations.load(id);
  if (!organisation) throw new NotFoundError(`Organisation ${id} is not published.`);
  return organisation;
}

export const organisationResolvers: Resolvers = {
  Query: {
    organisation: (_, { id }, ctx) => ctx.organisations.load(id),
    async searchOrganisations(_, { query, first, filter }, ctx) {
      const allowed = filter ? await filterPredicate(ctx.network, filter) : undefined;
      const found = await searchOrganisations(ctx.runner, query, first, allowed);
      for (const organisation of found) ctx.organisations.prime(organisation.id, organisation);
      return found;
    },
    neighbourhood: (_, args, ctx) => neighbourhoodOf(ctx.network, args),
  },
  Organisation: {
    degree: (parent, _, ctx) => degreeOf(ctx.network, parent.id),
    relationships: async (parent, { first }, ctx) =>
      withPublishedEnds(await ctx.relationships(first).load(parent.id), (ids) =>
        ctx.organisations.loadMany(ids),
      ),
    participations: (parent, _, ctx) => ctx.participations.load(parent.id),
  },
  Relationship: {
    source: (parent, _, ctx) => publishedOrganisation(ctx, parent.sourceId),
    target: (parent, _, ctx) => publishedOrganisation(ctx, parent.targetId),
  },
};
