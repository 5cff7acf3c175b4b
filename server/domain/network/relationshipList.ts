// relationships(filter, asOf, first, after): the ties the filter allows, newest first (undated last,
// then by id), as a connection with the total and the amount totals per currency; and changes(from, to):
// the ties that started or ended between two days. From the network snapshot; the page's relationships
// are then read from the database by id.
import { InvalidInputError } from '../../common/errors.ts';
import { RELATIONSHIP_KINDS, type RelationshipKind } from '../model.ts';
import { requireRange } from '../organisations.ts';
import { connection, pageStart, PAGE_LIMITS, type Connection } from '../pagination.ts';
import type { NetworkAccess } from './cache.ts';
import { dayNumber, NO_END, NO_START, type NetworkSnapshot } from './snapshot.ts';
import { tiePredicate, type RelationshipFilterInput, type TiePredicate } from './tieFilter.ts';

export interface RelationshipRef {
  id: string;
  kind: RelationshipKind;
}

export interface AmountTotal {
  kind: RelationshipKind;
  currency: string;
  total: number;
  count: number;
}

export interface RelationshipPage extends Connection<RelationshipRef> {
  amountTotals: AmountTotal[];
}

/** Ties by start day, newest first, undated last, then by id (once per snapshot). */
export function newestFirst(s: NetworkSnapshot): Int32Array {
  return Int32Array.from({ length: s.tieIds.length }, (_, t) => t).sort((a, b) => {
    const x = s.tieSince[a]!;
    const y = s.tieSince[b]!;
    if (x !== y) return x === NO_START ? 1 : y === NO_START ? -1 : y - x;
    return s.tieIds[a]! < s.tieIds[b]! ? -1 : s.tieIds[a]! > s.tieIds[b]! ? 1 : 0;
  });
}

const ref = (s: NetworkSnapshot, t: number): RelationshipRef => ({
  id: s.tieIds[t]!,
  kind: RELATIONSHIP_KINDS[s.tieKind[t]!]!,
});

/** The cursor key of a tie: its start day (a very old day when undated, which sorts last) and its id. */
const sinceKey = (s: NetworkSnapshot, t: number) => (s.tieSince[t] === NO_START ? NO_START : s.tieSince[t]!);

function amountTotals(s: NetworkSnapshot, ties: Int32Array): AmountTotal[] {
  const totals = new Map<string, AmountTotal>();
  for (const t of ties) {
    const amount = s.tieAmount[t]!;
    const currency = s.tieCurrency[t]!;
    if (Number.isNaN(amount) || currency < 0) continue;
    const kind = RELATIONSHIP_KINDS[s.tieKind[t]!]!;
    const key = `${kind} ${s.currencies[currency]}`;
    const entry = totals.get(key) ?? { kind, currency: s.currencies[currency]!, total: 0, count: 0 };
    entry.total += amount;
    entry.count += 1;
    totals.set(key, entry);
  }
  return [...totals.values()]
    .map((t) => ({ ...t, total: Math.round(t.total * 100) / 100 }))
    .sort(
      (a, b) =>
        RELATIONSHIP_KINDS.indexOf(a.kind) - RELATIONSHIP_KINDS.indexOf(b.kind) ||
        (a.currency < b.currency ? -1 : 1),
    );
}

export interface RelationshipListArgs {
  filter?: RelationshipFilterInput | null;
  asOf?: string | null;
  first?: number | null;
  after?: string | null;
}

function filtered(s: NetworkSnapshot, order: Int32Array, allowed: TiePredicate): Int32Array {
  return order.filter((t) => allowed(t));
}

export async function listRelationships(
  net: NetworkAccess,
  args: RelationshipListArgs,
): Promise<RelationshipPage> {
  const list = 'relationships';
  const start = pageStart(list, args.first ?? PAGE_LIMITS.defaultFirst, args.after);
  const s = await net.snapshot();
  const allowed = tiePredicate(s, args.filter, args.asOf);
  const order = await net.derived(s, 'tiesNewestFirst', () => newestFirst(s));
  const members = filtered(s, order, allowed);
  let from = 0;
  if (start.after) {
    const [since] = start.after.key;
    if (typeof since !== 'number') {
      throw new InvalidInputError(
        'after: not a cursor of this list. Pass the endCursor of a page of relationships.',
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
    // Members sort by (since desc with undated last, id asc): find the first one after the cursor.
    const before = (t: number) => {
      const x = sinceKey(s, t);
      if (x !== since) return x === NO_START ? false : since === NO_START ? true : x > since;
      return s.tieIds[t]! <= start.after!.id;
    };
    let lo = 0;
    let hi = members.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(members[mid]!)) lo = mid + 1;
      else hi = mid;
    }
    from = lo;
  }
  const window = Array.from(members.subarray(from, from + start.first + 1));
  const page = connection(list, window, start.first, members.length, (t) => ({
    key: [sinceKey(s, t)],
    id: s.tieIds[t]!,
  }));
  return {
    edges: page.edges.map((e) => ({ cursor: e.cursor, node: ref(s, e.node) })),
    nodes: page.nodes.map((t) => ref(s, t)),
    pageInfo: page.pageInfo,
    totalCount: page.totalCount,
    amountTotals: amountTotals(s, members),
  };
}

export const CHANGES_LIMITS = { defaultFirst: 20, maxFirst: 100 } as const;

export interface Changes {
  from: string;
  to: string;
  startedCount: number;
  endedCount: number;
  started: RelationshipRef[];
  ended: RelationshipRef[];
}

/** Ties that started, and ties that ended, on a day from `from` to `to` (both included). */
export async function changesBetween(
  net: NetworkAccess,
  args: { from: string; to: string; filter?: RelationshipFilterInput | null; first?: number | null },
): Promise<Changes> {
  const first = args.first ?? CHANGES_LIMITS.defaultFirst;
  requireRange(first, 'first', 1, CHANGES_LIMITS.maxFirst);
  const from = dayNumber(args.from);
  const to = dayNumber(args.to);
  if (from > to) {
    throw new InvalidInputError(`from (${args.from}) is after to (${args.to}): swap them.`, [
      {
        file: 'arguments',
        line: null,
        column: null,
        field: 'from',
        code: 'DATE_ORDER',
        message: 'must not be after to',
      },
    ]);
  }
  const s = await net.snapshot();
  const allowed = tiePredicate(s, args.filter);
  const order = await net.derived(s, 'tiesNewestFirst', () => newestFirst(s));
  const started = order.filter(
    (t) => allowed(t) && s.tieSince[t] !== NO_START && s.tieSince[t]! >= from && s.tieSince[t]! <= to,
  );
  const ended = order.filter(
    (t) => allowed(t) && s.tieUntil[t] !== NO_END && s.tieUntil[t]! >= from && s.tieUntil[t]! <= to,
  );
  return {
    from: args.from,
    to: args.to,
    startedCount: started.length,
    endedCount: ended.length,
    started: Array.from(started.subarray(0, first), (t) => ref(s, t)),
    ended: Array.from(ended.subarray(0, first), (t) => ref(s, t)),
  };
}
