// Initiatives: a filtered, paged list and each initiative's participants with their roles (read from the
// database, or from the network snapshot when only what it holds is asked for).
import type { QueryRunner } from '../common/queryRunner.ts';
import { InvalidInputError } from '../common/errors.ts';
import {
  INITIATIVE_STAGES,
  PARTICIPATION_ROLES,
  SECTORS,
  type InitiativeStage,
  type ParticipationRole,
} from './model.ts';
import type { NetworkAccess } from './network/cache.ts';
import { resolveThemes } from './network/filter.ts';
import { resolveOrganisationIds } from './network/ids.ts';
import { themesOf, type NetworkSnapshot } from './network/snapshot.ts';
import {
  initiativeOf,
  initiativesByIds,
  organisationOf,
  requireRange,
  type Initiative,
  type InitiativeSummary,
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
  let participantIds: string[] | null = null;
  if (given(f.themes) || given(f.participants)) {
    const s = await net.snapshot();
    if (given(f.themes))
      themeIds = [...resolveThemes(s, f.themes, 'filter.themes')].map((t) => s.themes[t]!.id);
    // Each participant must be a published organisation; a merged id asks for the one it was merged into.
    if (given(f.participants))
      participantIds = resolveOrganisationIds(s, f.participants, 'filter.participants').map((i) => s.ids[i]!);
  }
  const params = {
    stages: given(f.stages) ? [...f.stages] : null,
    themeIds,
    participantIds,
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
 * Initiative.participants(first:): the list is capped like every other list (and its cost counted from
 * `first`); a large programme may have hundreds of participants.
 */
export const PARTICIPANT_LIMITS = { defaultFirst: 100, maxFirst: 500 } as const;

/**
 * The first `first` participants of an initiative, in the order they are held (leads first, then funders,
 * then the others, each by name): BAD_USER_INPUT naming `first` outside PARTICIPANT_LIMITS, before anything
 * is read.
 */
export async function firstParticipants<P>(
  first: number,
  read: () => Promise<readonly P[]> | readonly P[],
): Promise<P[]> {
  requireRange(first, 'first', 1, PARTICIPANT_LIMITS.maxFirst);
  return (await read()).slice(0, first);
}

/**
 * A participant with its organisation read in the same query (complete, as organisationsByIds reads it,
 * or as a summary with its themes) or taken from the network snapshot (a summary with its themes).
 */
export interface ParticipantWithOrganisation extends Participant {
  organisation: OrganisationView;
}

export interface InitiativeWithParticipants {
  initiative: Initiative;
  /** The published organisations taking part, leads first, then funders, then the others, each by name. */
  participants: ParticipantWithOrganisation[];
}

type ParticipantRow = Participant & { row: OrganisationRow };
type SummaryParticipantRow = Participant & { organisation: OrganisationSummary };

function participantOf({ row, ...participant }: ParticipantRow): ParticipantWithOrganisation {
  return { ...participant, organisation: organisationOf(row) };
}

/**
 * Initiatives by id with their participants and the participants' organisations, in one query (one round
 * trip for an initiative and its participants), aligned with `ids` (null where none has that id). With
 * `details: false`, each organisation is read only as an OrganisationSummary with its themes (for a
 * response that asks for no more of them): most of the full query's time is reading every property and
 * the place chain of each organisation.
 */
export async function participantsOfInitiatives(
  runner: QueryRunner,
  ids: readonly string[],
  { details = true }: { details?: boolean } = {},
): Promise<(InitiativeWithParticipants | null)[]> {
  if (ids.length === 0) return [];
  type Row<P> = { initiative: ParticipationRow['initiative']; themes: Theme[]; participants: P[] };
  const rows: Row<ParticipantWithOrganisation>[] = details
    ? (await runner.read<Row<ParticipantRow>>('participantsOfInitiatives', { ids: [...ids] })).map((r) => ({
        ...r,
        participants: r.participants.map(participantOf),
      }))
    : await runner.read<Row<SummaryParticipantRow>>('participantSummariesOfInitiatives', {
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

/**
 * The initiative as the network snapshot holds it (loaded at the data version this request checked):
 * null when there is no initiative with that id, undefined when the snapshot cannot answer for it (a
 * stage or a participant's role outside the vocabulary, or one only a participation names), so that the
 * database answers as before.
 */
export function initiativeFromSnapshot(s: NetworkSnapshot, id: string): InitiativeSummary | null | undefined {
  const x = s.initiativeIndex.get(id);
  if (x === undefined) return null;
  const stage = INITIATIVE_STAGES[s.initiativeStage[x]!];
  if (stage === undefined) return undefined;
  for (let k = s.participantStart[x]!; k < s.participantStart[x + 1]!; k++)
    if (PARTICIPATION_ROLES[s.participantRole[k]!] === undefined) return undefined;
  return { id, name: s.initiativeNames[x]!, stage };
}

/**
 * The initiative's participants from the network snapshot, each organisation as a summary with its
 * themes (by name), in the order participantsOfInitiatives gives them; undefined when the snapshot cannot
 * answer for it (see initiativeFromSnapshot). No initiative with that id has no participants.
 */
export function participantsFromSnapshot(
  s: NetworkSnapshot,
  id: string,
): ParticipantWithOrganisation[] | undefined {
  const x = s.initiativeIndex.get(id);
  if (x === undefined) return [];
  if (initiativeFromSnapshot(s, id) === undefined) return undefined;
  const participants: ParticipantWithOrganisation[] = [];
  for (let k = s.participantStart[x]!; k < s.participantStart[x + 1]!; k++) {
    const i = s.participantOrganisation[k]!;
    participants.push({
      organisationId: s.ids[i]!,
      role: PARTICIPATION_ROLES[s.participantRole[k]!]!,
      since: s.participantSince[k] ?? null,
      until: s.participantUntil[k] ?? null,
      organisation: {
        id: s.ids[i]!,
        name: s.names[i]!,
        sector: SECTORS[s.sector[i]!]!,
        status: 'PUBLISHED',
        themes: themesOf(s, i),
      },
    });
  }
  return participants;
}
