// Thin resolvers: validate arguments, call the domain, map stored shapes to API shapes.
import { NotFoundError } from '../domain/errors.ts';
import {
  exploreNeighbourhood,
  RELATIONSHIP_LIMITS,
  requireRange,
  searchOrganisations,
  type OrganisationView,
  type PlaceSummary,
} from '../domain/organisations.ts';
import type { Context } from './context.ts';

type Props = Record<string, unknown>;

function provenance(props: Props) {
  return {
    sourceUrl: props.sourceUrl ?? null,
    sourceDataset: props.sourceDataset ?? null,
    sourceRecord: props.sourceRecord ?? null,
    recordedBy: props.recordedBy ?? null,
    recordedAt: props.recordedAt ?? null,
  };
}

/** Nest the place chain (most specific first) as place → parent → parent. */
function nestPlaces(chain: PlaceSummary[]): unknown {
  const [first, ...rest] = chain;
  return first ? { ...first, parent: nestPlaces(rest) } : null;
}

function organisationShape(view: OrganisationView) {
  const o = view.organisation;
  const identifiers = ((o.identifiers as string[] | undefined) ?? []).map((text) => {
    const at = text.indexOf(':');
    return { scheme: text.slice(0, at), value: text.slice(at + 1) };
  });
  return {
    ...o,
    place: nestPlaces(view.places),
    themes: view.themes,
    identifiers,
    degree: view.degree,
    provenance: provenance(o),
  };
}

async function loadOrganisation(ctx: Context, id: string) {
  const view = await ctx.organisations.load(id);
  if (!view) throw new NotFoundError(`Organisation ${id} is not published.`);
  return organisationShape(view);
}

export const resolvers = {
  Query: {
    async organisation(_: unknown, args: { id: string }, ctx: Context) {
      const view = await ctx.organisations.load(args.id);
      return view ? organisationShape(view) : null;
    },
    async searchOrganisations(_: unknown, args: { query: string; first: number }, ctx: Context) {
      const views = await searchOrganisations(ctx.runner, args.query, args.first);
      for (const view of views) ctx.organisations.prime(view.organisation.id, view);
      return views.map(organisationShape);
    },
    async neighbourhood(_: unknown, args: { ids: string[]; depth: number; limit: number }, ctx: Context) {
      return exploreNeighbourhood(ctx.runner, args.ids, args.depth, args.limit);
    },
  },
  Organisation: {
    async relationships(parent: { id: string }, args: { first: number }, ctx: Context) {
      requireRange(args.first, 'first', 1, RELATIONSHIP_LIMITS.maxFirst);
      const rows = await ctx.relationships(args.first).load(parent.id);
      return rows.map((row) => ({ ...row, provenance: provenance(row) }));
    },
    async participations(parent: { id: string }, _: unknown, ctx: Context) {
      const rows = await ctx.participations.load(parent.id);
      return rows.map((row) => ({
        ...row.participation,
        initiative: { ...row.initiative, themes: row.themes, provenance: provenance(row.initiative) },
      }));
    },
  },
  Relationship: {
    source: (parent: { sourceId: string }, _: unknown, ctx: Context) =>
      loadOrganisation(ctx, parent.sourceId),
    target: (parent: { targetId: string }, _: unknown, ctx: Context) =>
      loadOrganisation(ctx, parent.targetId),
  },
};
