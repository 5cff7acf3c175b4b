// Resolvers for explore.graphql: filtered organisation lists with facets.
import { listOrganisations } from '../../domain/network/organisationList.ts';
import type { Resolvers } from '../generated/resolvers.ts';

export const exploreResolvers: Resolvers = {
  Query: {
    async organisations(_, args, ctx) {
      const page = await listOrganisations(ctx.runner, ctx.network, args);
      for (const o of page.nodes) ctx.organisations.prime(o.id, o);
      return page;
    },
  },
  OrganisationConnection: {
    facets: (page) => page.facets(),
  },
};
