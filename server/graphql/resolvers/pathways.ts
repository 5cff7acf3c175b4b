// Resolvers for pathways.graphql: innovation pathways and initiatives' stage histories.
import { NotFoundError } from '../../common/errors.ts';
import { requireRange } from '../../domain/organisations.ts';
import type { Relationship } from '../../domain/organisations.ts';
import { stageHistoryOf } from '../../domain/pathways/load.ts';
import { innovationPathways } from '../../domain/pathways/list.ts';
import type { TieRef } from '../../domain/pathways/pathways.ts';
import type { Context } from '../context.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { publishedOrganisation } from './organisations.ts';

async function relationship(ctx: Context, ref: TieRef): Promise<Relationship | null> {
  return ctx.relationshipsById.load(ref);
}

const firstOf = <T>(list: readonly T[], first: number): T[] => {
  requireRange(first, 'first', 1, 100);
  return list.slice(0, first);
};

export const pathwayResolvers: Resolvers = {
  Query: {
    innovationPathways: (_, args, ctx) => innovationPathways(ctx.runner, ctx.network, args),
  },
  Initiative: {
    stageHistory: (i, _, ctx) => stageHistoryOf(ctx.runner, ctx.network, i.id),
  },
  Pathway: {
    initiative: async (p, _, ctx) => {
      const initiative = await ctx.initiatives.load(p.initiativeId);
      if (!initiative)
        throw new NotFoundError(`Initiative ${p.initiativeId} was removed meanwhile: ask again.`);
      return initiative;
    },
  },
  PathwayStage: {
    funders: (s, { first }) => firstOf(s.funders, first),
    partners: (s, { first }) => firstOf(s.partners, first),
  },
  PathwaySupport: {
    organisation: (s, _, ctx) => publishedOrganisation(ctx, s.organisationId),
    relationship: (s, _, ctx) => (s.relationship === null ? null : relationship(ctx, s.relationship)),
  },
  PathwayAdoption: {
    organisation: (a, _, ctx) => publishedOrganisation(ctx, a.organisationId),
    relationship: async (a, _, ctx) => {
      const found = await relationship(ctx, a.relationship);
      if (!found)
        throw new NotFoundError(`Relationship ${a.relationship.id} was removed meanwhile: ask again.`);
      return found;
    },
  },
  PathwaySummary: {
    byTheme: (s, { first }) => firstOf(s.byTheme, first),
    byPlace: (s, { first }) => firstOf(s.byPlace, first),
  },
};
