// relationships(filter, asOf, first, after): the ties the filter allows, newest first (undated last,
// then by id), as a connection with the total and the amount totals per currency; and changes(from, to):
// the ties that started or ended between two days. From the network snapshot; the page's relationships
// are then read from the database by id.
import { invariant, InvalidInputError } from '../../common/errors.ts';
import { RELATIONSHIP_KINDS, SECTORS, TRUST_STATES, type RelationshipKind } from '../model.ts';
import type { QueryRunner } from '../../common/queryRunner.ts';
import {
  readRelationships,
  relationshipKey,
  relationshipsByIds,
  requireRange,
  type Relationship,
  type RelationshipRef,
} from '../organisations.ts';
import { connection, pageStart, PAGE_LIMITS, type Connection, type PageStart } from '../pagination.ts';
import type { NetworkAccess } from './cache.ts';
import { dayNumber, NO_END, NO_START, type NetworkSnapshot } from './snapshot.ts';
import {
  filterEnds,
  tieCriteria,
  tiePredicate,
  type RelationshipFilterInput,
  type TieCriteria,
} from './tieFilter.ts';

export interface AmountTotal {
  kind: RelationshipKind;
  currency: string;
  total: number;
  count: number;
}

export interface RelationshipPage extends Connection<RelationshipRef> {
  amountTotals: AmountTotal[];
  /**
   * The page's relationships read from the database, when listRelationships was given a runner: one per
   * node, in page order, null for one no longer shown (an end unpublished since the snapshot).
   */
  relationships?: (Relationship | null)[];
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
  // The columns in fields of their own: add() runs for every tie of a list of up to a million.
  private readonly amount: Float64Array;
  private readonly currency: Int16Array;
  private readonly kind: Uint8Array;
  private readonly currencyCount: number;
  constructor(private readonly s: NetworkSnapshot) {
    this.totals = new Float64Array(RELATIONSHIP_KINDS.length * s.currencies.length);
    this.counts = new Int32Array(this.totals.length);
    this.amount = s.tieAmount;
    this.currency = s.tieCurrency;
    this.kind = s.tieKind;
    this.currencyCount = s.currencies.length;
  }
  add(t: number): void {
    const amount = this.amount[t]!;
    const currency = this.currency[t]!;
    if (Number.isNaN(amount) || currency < 0) return;
    const key = this.kind[t]! * this.currencyCount + currency;
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
 * array, so a filter reads them one after another instead of jumping around a million ties; `at`, the
 * position of each tie; and two small indexes for the filter over every tie (scanTies):
 * - `endSectors`: the sectors of each tie's two ends as bits (1 << sector), so the sector test reads one
 *   small column instead of two organisations per tie;
 * - `groups`: the positions grouped so that a filter reads only the ties it may keep and tests few of
 *   them one by one: ties without an amount by kind, trust state and whether they have an end day; ties
 *   with an amount by kind only (so each kind's amounts are still summed in list order). Each group is in
 *   list order, from `groupStart[g]` to `groupStart[g + 1]` (see groupOf).
 * Built once per snapshot, on the first list (about 38 MB at D1, 4.4 MB of it the two indexes).
 */
export interface OrderedTies {
  order: Int32Array;
  at: Int32Array;
  view: NetworkSnapshot;
  endSectors: Uint8Array;
  groups: Int32Array;
  groupStart: Int32Array;
}

const KINDS = RELATIONSHIP_KINDS.length;
const TRUSTS = TRUST_STATES.length;
/** Groups of ties without an amount: (kind * TRUSTS + trust) * 2 + (1 when it has an end day). */
const PLAIN_GROUPS = KINDS * TRUSTS * 2;
/** Then one group per kind of the ties with an amount: PLAIN_GROUPS + kind. */
const GROUPS = PLAIN_GROUPS + KINDS;
const groupOf = (kind: number, trust: number, until: number, amount: number) =>
  Number.isNaN(amount) ? (kind * TRUSTS + trust) * 2 + (until === NO_END ? 0 : 1) : PLAIN_GROUPS + kind;

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
  invariant(SECTORS.length <= 8, 'endSectors holds a sector per bit of a byte');
  const endSectors = new Uint8Array(order.length);
  for (let k = 0; k < order.length; k++)
    endSectors[k] = (1 << s.sector[view.tieSource[k]!]!) | (1 << s.sector[view.tieTarget[k]!]!);
  // A counting sort of the positions by group: stable, so each group stays in list order.
  const groupStart = new Int32Array(GROUPS + 1);
  const group = (k: number) =>
    groupOf(view.tieKind[k]!, view.tieTrust[k]!, view.tieUntil[k]!, view.tieAmount[k]!);
  for (let k = 0; k < order.length; k++) groupStart[group(k) + 1]!++;
  for (let g = 0; g < GROUPS; g++) groupStart[g + 1]! += groupStart[g]!;
  const next = groupStart.slice(0, GROUPS);
  const groups = new Int32Array(order.length);
  for (let k = 0; k < order.length; k++) groups[next[group(k)]!++] = k;
  return { order, at, view, endSectors, groups, groupStart };
}

/** The first index in [lo, hi) where `passed` holds, for a test that fails, then holds, along the range. */
function firstWhere(lo: number, hi: number, passed: (k: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (passed(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The positions whose start day passes the criteria's tests on it (asOf/activeOn: started by then;
 * startedAfter; startedBefore): one range, as the list is in start-day order, newest first, undated
 * (NO_START, the smallest day) last. The same tests as tiePredicate, each found by a binary search.
 */
function sinceRange(since: Int32Array, c: TieCriteria): { lo: number; hi: number } {
  const n = since.length;
  let lo = 0;
  let hi = n;
  const { startedBy, after, before } = c;
  if (startedBy !== null)
    lo = Math.max(
      lo,
      firstWhere(0, n, (p) => !(since[p]! > startedBy)),
    );
  if (after !== null)
    hi = Math.min(
      hi,
      firstWhere(0, n, (p) => !(since[p]! > after && since[p] !== NO_START)),
    );
  if (before !== null) {
    lo = Math.max(
      lo,
      firstWhere(0, n, (p) => since[p]! < before),
    );
    hi = Math.min(
      hi,
      firstWhere(0, n, (p) => since[p] === NO_START),
    );
  }
  return { lo, hi: Math.max(lo, hi) };
}

/**
 * Every tie the criteria keep (besides named organisations, which candidates() handles), from the groups
 * the filter allows (its kinds and trust states; only ties with an amount when it bounds the amount),
 * within the range of start days it allows: counts them (the answer), adds their amounts to `sums` (each
 * kind's in list order, as a pass over the whole list would) and returns the page, the first `size` of
 * them from position `from` on, as ties. A group that every tie in the range passes is counted by its
 * length and paged by a binary search; in the others each tie is tested as tiePredicate tests it
 * (trust, currency, sectors from `endSectors`, amounts, the end day) in one loop over typed arrays, with
 * no closure or test the filter does not need (the calls left are adding a tie's amount and keeping a
 * page entry).
 */
function scanTies(
  ties: OrderedTies,
  c: TieCriteria,
  from: number,
  size: number,
  sums: AmountSums,
): { count: number; page: number[] } {
  const { order, endSectors, groups, groupStart } = ties;
  const { tieTrust, tieAmount, tieCurrency, tieSince, tieUntil } = ties.view;
  const { lo, hi } = sinceRange(tieSince, c);
  // Plain numbers and flags in locals, so the loop tests nothing that is not set.
  const { kinds, trust, sectors } = c;
  const byTrust = trust !== -1;
  const bySector = sectors !== -1;
  const byCurrency = c.currency !== null;
  const currency = c.currency ?? -1;
  const byMin = c.minAmount !== null;
  const min = c.minAmount ?? 0;
  const byMax = c.maxAmount !== null;
  const max = c.maxAmount ?? 0;
  const byEnd = c.endedNotBefore !== null;
  const endedNotBefore = c.endedNotBefore ?? 0;
  let count = 0;
  const found: number[] = [];
  for (let g = 0; g < GROUPS; g++) {
    const amounts = g >= PLAIN_GROUPS;
    const kind = amounts ? g - PLAIN_GROUPS : Math.floor(g / (TRUSTS * 2));
    if (kinds !== -1 && ((kinds >> kind) & 1) === 0) continue;
    let tested: boolean;
    if (amounts) tested = byTrust || bySector || byCurrency || byMin || byMax || byEnd;
    else {
      // No amount: no tie here passes a bound on it; the trust state and end day are the group's.
      if (byMin || byMax) continue;
      if (byTrust && ((trust >> ((g >> 1) % TRUSTS)) & 1) === 0) continue;
      tested = bySector || byCurrency || (byEnd && (g & 1) === 1);
    }
    // The group's ties within the range of start days (a group is in list order: two binary searches).
    const first = firstWhere(groupStart[g]!, groupStart[g + 1]!, (k) => groups[k]! >= lo);
    const last = firstWhere(first, groupStart[g + 1]!, (k) => groups[k]! >= hi);
    if (!tested) {
      count += last - first;
      if (amounts) for (let k = first; k < last; k++) sums.add(groups[k]!);
      const at = firstWhere(first, last, (k) => groups[k]! >= from);
      for (let k = at; k < Math.min(last, at + size); k++) found.push(groups[k]!);
      continue;
    }
    let kept = 0;
    for (let k = first; k < last; k++) {
      const p = groups[k]!;
      if (byTrust && ((trust >> tieTrust[p]!) & 1) === 0) continue;
      if (byCurrency && tieCurrency[p] !== currency) continue;
      if (bySector && (endSectors[p]! & sectors) === 0) continue;
      if (byMin && !(tieAmount[p]! >= min)) continue;
      if (byMax && !(tieAmount[p]! <= max)) continue;
      if (byEnd && tieUntil[p]! < endedNotBefore) continue;
      count++;
      if (amounts) sums.add(p);
      if (p >= from && kept < size) {
        found.push(p);
        kept++;
      }
    }
  }
  // Each group gave its first `size` from `from` on; the page is the first `size` of them all.
  found.sort((x, y) => x - y);
  return { count, page: Array.from(found.slice(0, size), (p) => order[p]!) };
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

/**
 * The page of relationships(filter, asOf, first, after); with `runner`, also the page's relationships
 * (`relationships`: those with both ends still published, in page order), for a request that asks for
 * them. Then, once the process holds a snapshot, the page is worked out over the newest one and its
 * relationships are read with the data version in one query (relationshipsByIds): one round trip instead
 * of two (the data-version check, then the read), and the answer is used only when that version is the
 * snapshot's; else it is worked out again over the current snapshot. Only when that snapshot already
 * keeps its ties in list order: building them (seconds for a million ties) for a snapshot that may be
 * out of date could be work thrown away.
 */
export async function listRelationships(
  net: NetworkAccess,
  args: RelationshipListArgs,
  runner: QueryRunner | null = null,
): Promise<RelationshipPage> {
  const start = pageStart(LIST, args.first ?? PAGE_LIMITS.defaultFirst, args.after);
  const newest = runner === null ? null : net.unchecked();
  const guess = newest !== null && net.kept(newest, ORDERED_TIES) ? newest : null;
  if (runner !== null && guess !== null) {
    // An id the guess does not know may name an organisation published since: refused only by the
    // current snapshot, below.
    const page = await pageOver(net, guess, args, start).catch((error: unknown) => {
      if (error instanceof InvalidInputError) return null;
      throw error;
    });
    const read = page === null ? null : await readRelationships(runner, page.nodes);
    if (page !== null && read !== null && net.confirm(guess, read.dataVersion))
      return { ...page, relationships: inPageOrder(page.nodes, read.relationships) };
  }
  const page = await pageOver(net, await net.snapshot(), args, start);
  if (runner === null) return page;
  return { ...page, relationships: inPageOrder(page.nodes, await relationshipsByIds(runner, page.nodes)) };
}

/** The relationships read for a page, one per node in page order, null for a node none was read for. */
function inPageOrder(
  nodes: readonly RelationshipRef[],
  read: readonly Relationship[],
): (Relationship | null)[] {
  const byKey = new Map(read.map((r) => [relationshipKey(r), r]));
  return nodes.map((r) => byKey.get(relationshipKey(r)) ?? null);
}

const LIST = 'relationships';
/** The derived key of the snapshot's ties in list order (orderedTies). */
const ORDERED_TIES = 'tiesNewestFirstView';

/** The page over snapshot `s`. */
async function pageOver(
  net: NetworkAccess,
  s: NetworkSnapshot,
  args: RelationshipListArgs,
  start: PageStart,
): Promise<RelationshipPage> {
  // The filter reads the ties in list order (positions), then the page maps positions back to ties.
  const ties = await net.derived(s, ORDERED_TIES, async () =>
    orderedTies(s, await net.derived(s, 'tiesNewestFirst', () => newestFirst(s))),
  );
  const { order, at, view } = ties;
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
    from = firstWhere(0, order.length, (k) => !before(order[k]!));
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
    // Count, sum the amounts, keep the page (and one more): over every tie, from the groups and the range
    // of start days the filter allows (scanTies); the few ties of named organisations one by one.
    const sums = new AmountSums(view);
    let count = 0;
    if (only === null) {
      const scan = scanTies(
        ties,
        tieCriteria(view, args.filter ?? {}, args.asOf),
        from,
        start.first + 1,
        sums,
      );
      count = scan.count;
      window.push(...scan.page);
    } else {
      for (const position of only) {
        if (!allowed(position)) continue;
        count++;
        sums.add(position);
        if (position >= from && window.length <= start.first) window.push(order[position]!);
      }
    }
    total = count;
    amountTotals = sums.list();
  }
  const page = connection(LIST, window, start.first, total, (t) => ({
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
