// Initiatives: a filtered, paged list and each initiative's participants with their roles.
import type { QueryRunner } from '../common/queryRunner.ts';
import { InvalidInputError } from '../common/errors.ts';
import type { InitiativeStage, ParticipationRole } from './model.ts';
import type { NetworkAccess } from './network/cache.ts';
import { resolveThemes } from './network/filter.ts';
import {
  initiativeOf,
  initiativesByIds,
  organisationOf,
  type Initiative,
  type OrganisationRow,
  type OrganisationSummary,
  type OrganisationView,
  type ParticipationRow,
  type Theme,
} from './organisations.ts';
import { connection, pageStart, PAGE_LIMITS, type Connection } from './pagination.ts';

export interface InitiativeFilterInput {
  query?: string | null;
  stages?: readonly InitiativeStage[] | null;
  themes?: readonly string[] | null;
  participants?: readonly string[] | null;
}

export interface Participant {
  organisationId: string;
  /** The organisation, when it was read with the participant. */
  organisation?: OrganisationView;
  role: ParticipationRole;
  since: string | null;
  until: string | null;
}

const given = <T>(list: readonly T[] | null | undefined): list is readonly T[] =>
  list !== null && list !== undefined && list.length > 0;

export async function listInitiatives(
  runner: QueryRunner,
  net: NetworkAccess,
  args: { filter?: InitiativeFilterInput | null; first?: number | null; after?: string | null },
): Promise<Connection<Initiative>> {
  const list = 'initiatives';
  const start = pageStart(list, args.first ?? PAGE_LIMITS.defaultFirst, args.after);
  const f = args.filter ?? {};
  let themeIds: string[] | null = null;
  if (given(f.themes)) {
    const s = await net.snapshot();
    themeIds = [...resolveThemes(s, f.themes, 'filter.themes')].map((t) => s.themes[t]!.id);
  }
  const params = {
    stages: given(f.stages) ? [...f.stages] : null,
    themeIds,
    participantIds: given(f.participants) ? [...f.participants] : null,
    text: typeof f.query === 'string' && f.query.trim() !== '' ? f.query.trim().toLowerCase() : null,
  };
  const [afterStart] = start.after?.key ?? [''];
  if (start.after && typeof afterStart !== 'string') {
    throw new InvalidInputError(
      'after: not a cursor of this list. Pass the endCursor of a page of initiatives.',
      [
        {
          file: 'arguments',
          line: null,
          column: null,
          field: 'after',
          code: 'BAD_CURSOR',
          message: 'not a cursor of this list',
        },
      ],
    );
  }
  const [rows, [count]] = await Promise.all([
    runner.read<{ id: string; start: string }>('initiativesPage', {
      ...params,
      afterStart: afterStart ?? '',
      afterId: start.after?.id ?? '',
      limit: start.first + 1,
    }),
    runner.read<{ count: number }>('initiativesCount', params),
  ]);
  const loaded = await initiativesByIds(
    runner,
    rows.map((r) => r.id),
  );
  const items = rows.map((r, k) => ({ row: r, initiative: loaded[k]! })).filter((x) => x.initiative !== null);
  const page = connection(list, items, start.first, count?.count ?? 0, (x) => ({
    key: [x.row.start],
    id: x.row.id,
  }));
  return {
    ...page,
    edges: page.edges.map((e) => ({ cursor: e.cursor, node: e.node.initiative })),
    nodes: page.nodes.map((x) => x.initiative),
  };
}

/**
 * A participant with its organisation read in the same query: as organisationsByIds reads it, or as a
 * summary (initiativesWithParticipants with `details: false`).
 */
export interface ParticipantWithOrganisation extends Participant {
  organisation: OrganisationView;
}

type ParticipantRow = Participant & { row: OrganisationRow };

function participantOf({ row, ...participant }: ParticipantRow): ParticipantWithOrganisation {
  return { ...participant, organisation: organisationOf(row) };
}

/** For each initiative id, the published organisations taking part (leads first), with the organisations. */
export async function participantsOfInitiatives(
  runner: QueryRunner,
  ids: readonly string[],
): Promise<ParticipantWithOrganisation[][]> {
  const rows = await runner.read<{ id: string; participants: ParticipantRow[] }>(
    'participantsOfInitiatives',
    {
      ids: [...ids],
    },
  );
  const found = new Map(rows.map((r) => [r.id, r.participants.map(participantOf)]));
  return ids.map((id) => found.get(id) ?? []);
}

export interface InitiativeWithParticipants {
  initiative: Initiative;
  /** As participantsOfInitiatives gives them; with `details: false`, each organisation as a summary. */
  participants: ParticipantWithOrganisation[];
}

type SummaryParticipantRow = Participant & { organisation: OrganisationSummary };

/**
 * Initiatives by id with their participants and the participants' organisations, in one query (one round
 * trip instead of initiativesByIds then participantsOfInitiatives), aligned with `ids` (null where none has
 * that id). With `details: false`, each organisation is read only as an OrganisationSummary with its
 * themes (for a response that asks for no more of them): most of the query's time is reading every
 * property and the place chain of each organisation.
 */
export async function initiativesWithParticipants(
  runner: QueryRunner,
  ids: readonly string[],
  { details = true }: { details?: boolean } = {},
): Promise<(InitiativeWithParticipants | null)[]> {
  if (ids.length === 0) return [];
  type Row<P> = { initiative: ParticipationRow['initiative']; themes: Theme[]; participants: P[] };
  const rows: Row<ParticipantWithOrganisation>[] = details
    ? (await runner.read<Row<ParticipantRow>>('initiativesWithParticipants', { ids: [...ids] })).map((r) => ({
        ...r,
        participants: r.participants.map(participantOf),
      }))
    : await runner.read<Row<SummaryParticipantRow>>('initiativesWithParticipantSummaries', {
        ids: [...ids],
      });
  const found = new Map(
    rows.map((r) => [
      r.initiative.id,
      { initiative: initiativeOf(r.initiative, r.themes), participants: r.participants },
    ]),
  );
  return ids.map((id) => found.get(id) ?? null);
}
