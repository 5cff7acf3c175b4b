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
import { filterEnds, tieMask, tiePredicate, type RelationshipFilterInput } from './tieFilter.ts';

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

/** Amount sums per kind and currency, accumulated in list order (numeric keys, no strings per tie). */
class AmountSums {
  private readonly totals: Float64Array;
  private readonly counts: Int32Array;
  constructor(private readonly s: NetworkSnapshot) {
    this.totals = new Float64Array(RELATIONSHIP_KINDS.length * s.currencies.length);
    this.counts = new Int32Array(this.totals.length);
  }
  add(t: number): void {
    const amount = this.s.tieAmount[t]!;
    const currency = this.s.tieCurrency[t]!;
    if (Number.isNaN(amount) || currency < 0) return;
    const key = this.s.tieKind[t]! * this.s.currencies.length + currency;
    this.totals[key]! += amount;
    this.counts[key]! += 1;
  }
  /** By kind (in RELATIONSHIP_KINDS order), then currency; totals rounded to cents. */
  list(): AmountTotal[] {
    const c = this.s.currencies.length;
    const byName = [...this.s.currencies.keys()].sort((x, y) =>
      this.s.currencies[x]! < this.s.currencies[y]! ? -1 : 1,
    );
    const out: AmountTotal[] = [];
    RELATIONSHIP_KINDS.forEach((kind, k) => {
      for (const currency of byName) {
        const key = k * c + currency;
        if (this.counts[key] === 0) continue;
        out.push({
          kind,
          currency: this.s.currencies[currency]!,
          total: Math.round(this.totals[key]! * 100) / 100,
          count: this.counts[key]!,
        });
      }
    });
    return out;
  }
}

export interface RelationshipListArgs {
  filter?: RelationshipFilterInput | null;
  asOf?: string | null;
  first?: number | null;
  after?: string | null;
}

/**
 * The ties in newestFirst order as a snapshot of their own: position k holds tie `order[k]` in every tie
 * array, so a filter reads them one after another instead of jumping around a million ties; and `at`,
 * the position of each tie. Built once per snapshot (a few tens of MB at D1).
 */
export interface OrderedTies {
  order: Int32Array;
  at: Int32Array;
  view: NetworkSnapshot;
}

export function orderedTies(s: NetworkSnapshot, order: Int32Array): OrderedTies {
  const at = new Int32Array(order.length);
  for (let k = 0; k < order.length; k++) at[order[k]!] = k;
  const pick = <T extends Int32Array | Uint8Array | Int16Array | Float64Array>(values: T): T => {
    const out = new (values.constructor as new (length: number) => T)(order.length);
    for (let k = 0; k < order.length; k++) out[k] = values[order[k]!]!;
    return out;
  };
  const view: NetworkSnapshot = {
    ...s,
    tieIds: Array.from(order, (t) => s.tieIds[t]!),
    tieSource: pick(s.tieSource),
    tieTarget: pick(s.tieTarget),
    tieKind: pick(s.tieKind),
    tieTrust: pick(s.tieTrust),
    tieSince: pick(s.tieSince),
    tieUntil: pick(s.tieUntil),
    tieAmount: pick(s.tieAmount),
    tieCurrency: pick(s.tieCurrency),
  };
  return { order, at, view };
}

/**
 * Where to look, as positions in newestFirst order: every tie, or, when the filter names organisations,
 * only the ties at their ends (from the adjacency, in order, each once), so a few organisations cost little.
 */
function candidates(s: NetworkSnapshot, at: Int32Array, ends: readonly number[] | null): Int32Array | null {
  if (ends === null) return null;
  let size = 0;
  for (const i of ends) size += s.adjStart[i + 1]! - s.adjStart[i]!;
  const found = new Int32Array(size);
  let k = 0;
  for (const i of ends)
    for (let a = s.adjStart[i]!; a < s.adjStart[i + 1]!; a++) found[k++] = at[s.adjTie[a]!]!;
  found.sort();
  let unique = 0;
  for (let x = 0; x < found.length; x++)
    if (x === 0 || found[x] !== found[x - 1]) found[unique++] = found[x]!;
  return found.subarray(0, unique);
}

/** No filter value and no date at all (anything else is filtered in the scan): every tie is in the list. */
function unfiltered(args: RelationshipListArgs): boolean {
  const f = args.filter ?? {};
  const none = (x: unknown) => x === null || x === undefined || (Array.isArray(x) && x.length === 0);
  return none(args.asOf) && Object.values(f).every(none);
}

function badCursor(): InvalidInputError {
  return new InvalidInputError(
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

export async function listRelationships(
  net: NetworkAccess,
  args: RelationshipListArgs,
): Promise<RelationshipPage> {
  const list = 'relationships';
  const start = pageStart(list, args.first ?? PAGE_LIMITS.defaultFirst, args.after);
  const s = await net.snapshot();
  // The filter reads the ties in list order (positions), then the page maps positions back to ties.
  const { order, at, view } = await net.derived(s, 'tiesNewestFirstView', async () =>
    orderedTies(s, await net.derived(s, 'tiesNewestFirst', () => newestFirst(s))),
  );
  const allowed = tiePredicate(view, args.filter, args.asOf);
  // The first position after the cursor: the list sorts by (since desc with undated last, id asc).
  let from = 0;
  if (start.after) {
    const [since] = start.after.key;
    if (typeof since !== 'number') throw badCursor();
    const before = (t: number) => {
      const x = sinceKey(s, t);
      if (x !== since) return x === NO_START ? false : since === NO_START ? true : x > since;
      return s.tieIds[t]! <= start.after!.id;
    };
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(order[mid]!)) lo = mid + 1;
      else hi = mid;
    }
    from = lo;
  }
  const only = candidates(s, at, filterEnds(s, args.filter));
  const window: number[] = [];
  let total: number;
  let amountTotals: AmountTotal[];
  if (only === null && unfiltered(args)) {
    // Every tie: the page is a slice of the list, the sums those of the whole list (kept with it).
    total = order.length;
    for (let k = from; k < order.length && window.length <= start.first; k++) window.push(order[k]!);
    amountTotals = await net.derived(s, 'tiesAmountTotals', () => {
      const all = new AmountSums(view);
      for (let k = 0; k < order.length; k++) all.add(k);
      return all.list();
    });
  } else {
    // One pass over the candidate positions: count, sum the amounts, keep the page (and one more).
    // Over every tie, the filter is first applied column by column (tieMask), much faster than a call
    // per tie; the few ties of named organisations are tested one by one.
    const sums = new AmountSums(view);
    let count = 0;
    const take = (position: number) => {
      count++;
      sums.add(position);
      if (position >= from && window.length <= start.first) window.push(order[position]!);
    };
    if (only === null) {
      const mask = tieMask(view, args.filter, args.asOf);
      for (let position = 0; position < mask.length; position++) if (mask[position] !== 0) take(position);
    } else {
      for (const position of only) if (allowed(position)) take(position);
    }
    total = count;
    amountTotals = sums.list();
  }
  const page = connection(list, window, start.first, total, (t) => ({
    key: [sinceKey(s, t)],
    id: s.tieIds[t]!,
  }));
  return {
    edges: page.edges.map((e) => ({ cursor: e.cursor, node: ref(s, e.node) })),
    nodes: page.nodes.map((t) => ref(s, t)),
    pageInfo: page.pageInfo,
    totalCount: page.totalCount,
    amountTotals,
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
