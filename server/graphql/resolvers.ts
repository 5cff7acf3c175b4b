// Thin resolvers: arguments in, one domain call, domain objects out (their fields resolve by default).
// Types are generated from the schema (npm run codegen), so arguments and results cannot drift.
import { NotFoundError } from '../common/errors.ts';
import { exploreNeighbourhood, searchOrganisations, withPublishedEnds } from '../domain/organisations.ts';
import type { Context } from './context.ts';
import type { Resolvers } from './generated/resolvers.ts';
import { DateScalar } from './scalars.ts';

async function publishedOrganisation(ctx: Context, id: string) {
  const organisation = await ctx.organisations.load(id);
  if (!organisation) throw new NotFoundError(`Organisation ${id} is not published.`);
  return organisation;
}

export const resolvers: Resolvers = {
  Date: DateScalar,
  Query: {
    organisation: (_, { id }, ctx) => ctx.organisations.load(id),
    async searchOrganisations(_, { query, first }, ctx) {
      const found = await searchOrganisations(ctx.runner, query, first);
      for (const organisation of found) ctx.organisations.prime(organisation.id, organisation);
      return found;
    },
    neighbourhood: (_, { ids, depth, limit }, ctx) => exploreNeighbourhood(ctx.runner, ids, depth, limit),
  },
  Organisation: {
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
