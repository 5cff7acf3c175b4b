// Resolvers for explore.graphql: filtered lists with facets, search phrases, partner suggestions, paths,
// ties among organisations and partners in common.
import { commonPartners, tiesAmong } from '../../domain/network/common.ts';
import { listOrganisations } from '../../domain/network/organisationList.ts';
import { shortestPaths } from '../../domain/network/paths.ts';
import { interpretSearch } from '../../domain/network/phrase.ts';
import { partnerSuggestions } from '../../domain/network/suggestions.ts';
import { isSummary, type Initiative, type Organisation } from '../../domain/organisations.ts';
import type { Context } from '../context.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { selectedFields } from '../selection.ts';
import { loadRelationships, publishedOrganisation, SNAPSHOT_SUMMARY_ANSWERS } from './organisations.ts';

/** Organisations by id, leaving out any unpublished since the snapshot was taken. */
async function organisations(ctx: Context, ids: readonly string[]): Promise<Organisation[]> {
  const found = await ctx.organisations.loadMany(ids);
  return found.filter((o): o is Organisation => o !== null && !(o instanceof Error));
}

export const exploreResolvers: Resolvers = {
  Query: {
    async organisations(_, args, ctx, info) {
      // The page's organisations are read only when a field the snapshot lacks is asked of them.
      const asked = [...selectedFields(info, ['nodes']), ...selectedFields(info, ['edges', 'node'])];
      const details = asked.some((field) => !SNAPSHOT_SUMMARY_ANSWERS.has(field));
      const facets = selectedFields(info).has('facets');
      const page = await listOrganisations(ctx.runner, ctx.network, args, { details, facets });
      for (const o of page.nodes) if (!isSummary(o)) ctx.organisations.prime(o.id, o);
      return page;
    },
    interpretSearch: async (_, { text }, ctx) => ({ text, ...(await interpretSearch(ctx.network, text)) }),
    partnerSuggestions: (_, args, ctx) => partnerSuggestions(ctx.network, args),
    shortestPaths: (_, args, ctx) => shortestPaths(ctx.network, args),
    relationshipsAmong: async (_, { ids }, ctx) => loadRelationships(ctx, await tiesAmong(ctx.network, ids)),
    commonPartners: (_, { ids, first }, ctx) => commonPartners(ctx.network, ids, first),
  },
  OrganisationConnection: {
    facets: (page) => page.facets(),
  },
  PartnerSuggestion: {
    organisation: (s, _, ctx) => publishedOrganisation(ctx, s.organisationId),
    broker: (s, _, ctx) => (s.brokerId === null ? null : ctx.organisations.load(s.brokerId)),
  },
  SuggestionReason: {
    organisations: (reason, _, ctx) => organisations(ctx, reason.organisationIds),
    initiatives: async (reason, _, ctx) =>
      (await ctx.initiatives.loadMany(reason.initiativeIds)).filter(
        (i): i is Initiative => i !== null && !(i instanceof Error),
      ),
  },
  Path: {
    organisations: (path, _, ctx) => organisations(ctx, path.organisationIds),
    relationships: (path, _, ctx) => loadRelationships(ctx, path.relationships),
  },
  CommonPartner: {
    organisation: (c, _, ctx) => publishedOrganisation(ctx, c.organisationId),
    partnerOf: (c, _, ctx) => organisations(ctx, c.partnerOfIds),
  },
};
