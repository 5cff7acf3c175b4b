// organisations(filter, orderBy, first, after): a page of the filtered organisations, its total and the
// facet counts of the whole filtered set, from the network snapshot (and its in-process text index when
// the filter has a query: textIndex.ts). The page's organisations are then read from the database by id,
// unless only what the snapshot holds of them is asked for (`details: false`). The data version is read
// in the page's read, not in a round trip of its own, when the process already has a snapshot.
import { LRUCache } from 'lru-cache';
import type { QueryRunner } from '../../common/queryRunner.ts';
import type { OrganisationOrder as OrganisationOrderValues } from '../generated/vocabulary.ts';
import { InvalidInputError } from '../../common/errors.ts';
import {
  organisationOf,
  SEARCH_LIMITS,
  snapshotSummary,
  type Organisation,
  type OrganisationRow,
  type OrganisationView,
  type Place,
  type Theme,
} from '../organisations.ts';
import { connection, pageStart, PAGE_LIMITS, type Connection, type PageStart } from '../pagination.ts';
import {
  buildSearchQueries,
  searchWords,
  wordsOfNames,
  type NameWords,
  type SearchQueries,
} from '../search.ts';
import {
  RELATIONSHIP_KINDS,
  SECTORS,
  TRUST_STATES,
  type RelationshipKind,
  type Sector,
  type TrustState,
} from '../model.ts';
import type { NetworkAccess } from './cache.ts';
import {
  matches,
  memberMask,
  resolveFilter,
  type OrganisationFilterInput,
  type ResolvedFilter,
} from './filter.ts';
import { computeOrderings, type Orderings } from './orderings.ts';
import { placeChain, themesOf, type NetworkSnapshot } from './snapshot.ts';
import { matchText, TEXT_INDEX, textIndexOf, type TextMatches } from './textIndex.ts';

export type OrganisationOrder = (typeof OrganisationOrderValues)[keyof typeof OrganisationOrderValues];

/**
 * Texts whose matches a snapshot keeps (the most recently asked): the next page of a text list, or the same
 * text with another facet ticked, then matches nothing again (12 bytes per organisation matched: 0.2 MB
 * for a place name at D1).
 */
export const TEXT_HITS_KEPT = 32;

/** The matches of the texts asked over one snapshot, by textKey. */
type TextHits = LRUCache<string, TextMatches>;

const textKey = (queries: SearchQueries) => `${queries.strict}\u0000${queries.partial}`;

/** The matches kept with a snapshot (dropped with it when the data version moves). */
function textHitsOf(net: NetworkAccess, snapshot: NetworkSnapshot): Promise<TextHits> {
  return net.derived(snapshot, 'textHits', () => new LRUCache<string, TextMatches>({ max: TEXT_HITS_KEPT }));
}
/**
 * The words of the snapshot's organisation names (kept with it): a text filter adds typo matches only for
 * the words none of them contains (TypoMatches), the list, its export and the network figures alike.
 */
export function nameWordsOf(net: NetworkAccess, snapshot: NetworkSnapshot): Promise<NameWords> {
  return net.derived(snapshot, 'nameWords', () => wordsOfNames(snapshot.names));
}

/** The queries of a filter's text over `snapshot` (null when the text has no searchable word). */
async function textQueries(
  net: NetworkAccess,
  snapshot: NetworkSnapshot,
  text: string,
): Promise<SearchQueries | null> {
  return buildSearchQueries(text.slice(0, SEARCH_LIMITS.maxQueryLength), await nameWordsOf(net, snapshot));
}

/**
 * The organisations of the snapshot matching the text (every word, or any word when none matches every
 * word), by snapshot index: what a filter's `query` selects for the network figures and exports, as
 * organisations(filter) lists it.
 */
export async function queryMatches(
  runner: QueryRunner,
  net: NetworkAccess,
  s: NetworkSnapshot,
  query: string,
): Promise<Set<number>> {
  return new Set((await textMatches(runner, net, s, await textQueries(net, s, query))).index);
}

/** The text's matches over the snapshot (none when the text has no searchable word), kept for the next ask. */
async function textMatches(
  runner: QueryRunner,
  net: NetworkAccess,
  snapshot: NetworkSnapshot,
  queries: SearchQueries | null,
): Promise<TextMatches> {
  if (queries === null) return { index: new Int32Array(0), score: new Float64Array(0), tier: 0 };
  const kept = await textHitsOf(net, snapshot);
  const key = textKey(queries);
  const known = kept.get(key);
  if (known !== undefined) return known;
  const index = await textIndexOf(runner, net, snapshot);
  const found = matchText(index, queries);
  // Kept only when the texts were read at the snapshot's own version (a later write could have changed them).
  if (index.atSnapshot) kept.set(key, found);
  return found;
}
/** Entries per facet (the most frequent). */
export const FACET_ENTRIES = 50;

export interface OrganisationFacets {
  sectors: { sector: Sector; count: number }[];
  themes: { theme: Theme; count: number }[];
  places: { place: Place; count: number }[];
  kinds: { kind: string; count: number }[];
  relationshipKinds: { kind: RelationshipKind; count: number }[];
  trustStates: { trust: TrustState; count: number }[];
}

export interface OrganisationPage extends Connection<OrganisationView> {
  facets: () => OrganisationFacets;
}

export function orderingsOf(net: NetworkAccess, snapshot: NetworkSnapshot): Promise<Orderings> {
  return net.derived(snapshot, 'orderings', () => computeOrderings(snapshot));
}

/** Places as the API shows them: with their enclosing places. */
export function placeOf(snapshot: NetworkSnapshot, index: number): Place | null {
  if (index < 0) return null;
  const entry = snapshot.places[index]!;
  return {
    id: entry.id,
    name: entry.name,
    level: entry.level,
    latitude: entry.latitude,
    longitude: entry.longitude,
    parent: placeOf(snapshot, entry.parent),
  };
}

/**
 * The FACET_ENTRIES most frequent keys (count > 0 in `counts`), most first, then by label. Keys tied on
 * count and label keep the order the members first meet them in (`firstMet`, only worked out when such a
 * tie exists: without one, the order is the same whatever order the keys are sorted from).
 */
function top<T>(
  counts: Int32Array,
  label: (i: number) => string,
  make: (i: number, count: number) => T,
  firstMet: () => number[],
): T[] {
  const order = (a: [number, number], b: [number, number]) =>
    b[1] - a[1] || (label(a[0]) < label(b[0]) ? -1 : 1);
  let entries: [number, number][] = [];
  const seen = new Set<string>();
  let tied = false;
  for (let key = 0; key < counts.length; key++) {
    if (counts[key] === 0) continue;
    entries.push([key, counts[key]!]);
    const tie = `${counts[key]}\u0000${label(key)}`;
    if (seen.has(tie)) tied = true;
    seen.add(tie);
  }
  if (tied) entries = firstMet().map((key) => [key, counts[key]!]);
  return entries
    .sort(order)
    .slice(0, FACET_ENTRIES)
    .map(([i, count]) => make(i, count));
}

/**
 * Facet counts of the members (the filtered set in list order). `mask` (1 for each member) lets the
 * counting walk the snapshot in index order, which reads its arrays in sequence; without it the members
 * are walked in list order.
 */
export function facetsOf(
  snapshot: NetworkSnapshot,
  orderings: Orderings,
  members: Int32Array,
  mask: Uint8Array | null = null,
): OrganisationFacets {
  const sectors = new Int32Array(SECTORS.length);
  const kinds = new Int32Array(snapshot.kindNames.length);
  const themes = new Int32Array(snapshot.themes.length);
  const places = new Int32Array(snapshot.places.length);
  // Organisations per tie-kind mask and per trust mask (a byte each), turned into counts per bit after.
  const byKindMask = new Int32Array(256);
  const byTrustMask = new Int32Array(256);
  const { sector, kind, themeStart, themeOf, place } = snapshot;
  const { kindMask, trustMask, placeChainStart, placeChainOf } = orderings;
  const count = (i: number) => {
    sectors[sector[i]!]! += 1;
    if (kind[i]! >= 0) kinds[kind[i]!]! += 1;
    for (let k = themeStart[i]!; k < themeStart[i + 1]!; k++) themes[themeOf[k]!]! += 1;
    // The place and its enclosing places (placeChain).
    const p = place[i]!;
    if (p >= 0)
      for (let k = placeChainStart[p]!; k < placeChainStart[p + 1]!; k++) places[placeChainOf[k]!]! += 1;
    byKindMask[kindMask[i]!]! += 1;
    byTrustMask[trustMask[i]!]! += 1;
  };
  if (mask !== null) {
    for (let i = 0; i < mask.length; i++) if (mask[i] === 1) count(i);
  } else for (let m = 0; m < members.length; m++) count(members[m]!);
  // The order in which the members, in list order, first meet the keys of one facet (walked only as far
  // as it takes to meet every key counted).
  const firstMet = (counts: Int32Array, each: (i: number, visit: (key: number) => void) => void) => () => {
    let left = 0;
    for (let key = 0; key < counts.length; key++) if (counts[key]! > 0) left++;
    const met = new Uint8Array(counts.length);
    const order: number[] = [];
    const visit = (key: number) => {
      if (met[key] === 0) {
        met[key] = 1;
        order.push(key);
        left--;
      }
    };
    for (let m = 0; m < members.length && left > 0; m++) each(members[m]!, visit);
    return order;
  };
  const perBit = (byMask: Int32Array, bits: number) => {
    const counts = new Array<number>(bits).fill(0);
    for (let mask = 1; mask < byMask.length; mask++)
      if (byMask[mask]! > 0) for (let b = 0; b < bits; b++) if ((mask >> b) & 1) counts[b]! += byMask[mask]!;
    return counts;
  };
  const tieKinds = perBit(byKindMask, RELATIONSHIP_KINDS.length);
  const trust = perBit(byTrustMask, TRUST_STATES.length);
  return {
    sectors: SECTORS.map((sector, i) => ({ sector, count: sectors[i]! })).filter((f) => f.count > 0),
    themes: top(
      themes,
      (i) => snapshot.themes[i]!.name,
      (i, count) => ({ theme: snapshot.themes[i]!, count }),
      firstMet(themes, (i, visit) => {
        for (let k = themeStart[i]!; k < themeStart[i + 1]!; k++) visit(themeOf[k]!);
      }),
    ),
    places: top(
      places,
      (i) => snapshot.places[i]!.name,
      (i, count) => ({ place: placeOf(snapshot, i)!, count }),
      firstMet(places, (i, visit) => {
        const p = place[i]!;
        if (p >= 0)
          for (let k = placeChainStart[p]!; k < placeChainStart[p + 1]!; k++) visit(placeChainOf[k]!);
      }),
    ),
    kinds: top(
      kinds,
      (i) => snapshot.kindNames[i]!,
      (i, count) => ({ kind: snapshot.kindNames[i]!, count }),
      firstMet(kinds, (i, visit) => {
        if (kind[i]! >= 0) visit(kind[i]!);
      }),
    ),
    relationshipKinds: RELATIONSHIP_KINDS.map((kind, i) => ({ kind, count: tieKinds[i]! })).filter(
      (f) => f.count > 0,
    ),
    trustStates: TRUST_STATES.map((t, i) => ({ trust: t, count: trust[i]! })).filter((f) => f.count > 0),
  };
}

type Key = (string | number)[];

function compareKeys(a: Key, b: Key): number {
  for (let k = 0; k < a.length; k++) {
    if (a[k]! < b[k]!) return -1;
    if (a[k]! > b[k]!) return 1;
  }
  return 0;
}

function badCursor(): InvalidInputError {
  return new InvalidInputError(
    'after: not a cursor of this list. Pass the endCursor of a page of this same list.',
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

/** A cursor key must have the shape this list writes: numbers where it writes numbers, strings where strings. */
function checkKey(key: readonly (string | number | null)[], shape: Key): Key {
  if (key.length !== shape.length || key.some((v, k) => typeof v !== typeof shape[k])) throw badCursor();
  return key as Key;
}

export interface ListArgs {
  filter?: OrganisationFilterInput | null;
  orderBy?: OrganisationOrder | null;
  first?: number | null;
  after?: string | null;
}

/**
 * `details: false` when only the fields of an OrganisationSummary are needed of the page's organisations:
 * the page is then answered from the snapshot alone (it holds every published organisation's id, name and
 * sector as of the data version this request checked), without reading the organisations again.
 *
 * `facets: false` when the caller will not ask for the facets: otherwise they are counted while the
 * database reads the page (and kept for page.facets()).
 *
 * The data version is read in a query the list runs anyway when it can (NetworkAccess.unchecked): the
 * page's read by id. The list is worked out over the newest
 * snapshot and kept when that read gives the snapshot's version; otherwise it is worked out again over
 * the snapshot of the current version (snapshot(), which checks first).
 */
export async function listOrganisations(
  runner: QueryRunner,
  net: NetworkAccess,
  args: ListArgs,
  { details = true, facets: countFacets = true }: { details?: boolean; facets?: boolean } = {},
): Promise<OrganisationPage> {
  const text = typeof args.filter?.query === 'string' ? args.filter.query.trim() : '';
  // Relevance without a query is the name order; a cursor names the order it was made for.
  const order: OrganisationOrder =
    args.orderBy === 'RELEVANCE' || !args.orderBy ? (text !== '' ? 'RELEVANCE' : 'NAME') : args.orderBy;
  const list = `organisations:${order}`;
  const start = pageStart(list, args.first ?? PAGE_LIMITS.defaultFirst, args.after);
  // A text of no searchable word: nothing matches (buildSearchQueries would give no queries).
  const nothing = text !== '' && searchWords(text.slice(0, SEARCH_LIMITS.maxQueryLength)).length === 0;
  // The text's queries depend on the snapshot: typo matches only for words none of its names contains.
  const queriesOver = (snapshot: NetworkSnapshot) =>
    text === '' || nothing ? Promise.resolve(null) : textQueries(net, snapshot, text);
  const requestOver = async (snapshot: NetworkSnapshot): Promise<ListRequest> => ({
    runner,
    net,
    args,
    order,
    list,
    start,
    hasText: text !== '',
    queries: await queriesOver(snapshot),
    details,
    countFacets,
  });
  // Without a query that reads the version (a text of no searchable word, or a page answered from the
  // snapshot alone) snapshot() checks it; so it does for a text over a snapshot whose text index is not
  // loaded yet (loading it for a snapshot the page's read may find out of date would be wasted).
  const unchecked = !nothing && details ? net.unchecked() : null;
  const guess = unchecked !== null && (text === '' || net.kept(unchecked, TEXT_INDEX)) ? unchecked : null;
  if (guess !== null) {
    const page = await pageOver(await requestOver(guess), guess, false);
    if (page !== null) return page;
  }
  // Over a snapshot checked against the data version (pageOver answers null only over one that is not).
  const snapshot = await net.snapshot();
  return (await pageOver(await requestOver(snapshot), snapshot, true))!;
}

interface ListRequest {
  runner: QueryRunner;
  net: NetworkAccess;
  args: ListArgs;
  order: OrganisationOrder;
  list: string;
  start: PageStart;
  /** Whether the filter has a text (`queries` null then when it has no searchable word: nothing matches). */
  hasText: boolean;
  queries: SearchQueries | null;
  details: boolean;
  countFacets: boolean;
}

/**
 * The page over `snapshot`. When it is not `checked`, the page's read gives the data version and the
 * answer is null unless that is the snapshot's (net.confirm), as it is when the filter names something
 * the snapshot does not know.
 */
async function pageOver(
  { runner, net, args, order, list, start, hasText, queries, details, countFacets }: ListRequest,
  snapshot: NetworkSnapshot,
  checked: boolean,
): Promise<OrganisationPage | null> {
  let filter: ResolvedFilter;
  try {
    filter = resolveFilter(snapshot, args.filter);
  } catch (error) {
    if (checked) throw error;
    return null;
  }
  const orderings = await orderingsOf(net, snapshot);
  const name = (i: number) => orderings.sortNames[i]!;
  const mask = memberMask(snapshot, filter, orderings);

  // The filtered set in list order, and the key each member's cursor carries (names, not positions, so
  // cursors survive a snapshot rebuild over the same data).
  // `keyAt`: the key of the member at a position of `sorted`.
  let sorted: Int32Array;
  let keyAt: (at: number) => Key;
  const { degree } = snapshot;
  if (hasText) {
    const hits = await textMatches(runner, net, snapshot, queries);
    // The hits the filter keeps, each once (its best hit; the mask is this request's own, so a member
    // taken is marked 2 in it), with their scores.
    let count = 0;
    const members = new Int32Array(hits.index.length);
    const scoreOf = new Float64Array(hits.index.length);
    for (let h = 0; h < hits.index.length; h++) {
      const i = hits.index[h]!;
      if (mask[i] !== 1) continue;
      mask[i] = 2;
      members[count] = i;
      scoreOf[count++] = hits.score[h]!;
    }
    const inOrder = inListOrder(members.subarray(0, count), scoreOf, order, snapshot, orderings);
    sorted = inOrder.members;
    const { scores } = inOrder;
    const tier = hits.tier;
    keyAt =
      order === 'RELEVANCE'
        ? (at) => [tier, -scores[at]!, name(sorted[at]!)]
        : order === 'NAME'
          ? (at) => [name(sorted[at]!)]
          : (at) => [-degree[sorted[at]!]!, name(sorted[at]!)];
  } else {
    // The precomputed orders already follow (key, id).
    const all = order === 'DEGREE_DESC' ? orderings.byDegree : orderings.byName;
    const kept = new Int32Array(all.length);
    let count = 0;
    for (let k = 0; k < all.length; k++) if (mask[all[k]!] === 1) kept[count++] = all[k]!;
    sorted = kept.subarray(0, count);
    keyAt =
      order === 'DEGREE_DESC'
        ? (at) => [-degree[sorted[at]!]!, name(sorted[at]!)]
        : (at) => [name(sorted[at]!)];
  }

  let from = 0;
  if (start.after) {
    const afterId = start.after.id;
    const shape: Key = order === 'RELEVANCE' ? [0, 0, ''] : order === 'NAME' ? [''] : [0, ''];
    const afterKey = checkKey(start.after.key, shape);
    // The first member strictly after the cursor's (key, id).
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const i = sorted[mid]!;
      const c =
        compareKeys(keyAt(mid), afterKey) ||
        (snapshot.ids[i]! < afterId ? -1 : snapshot.ids[i]! > afterId ? 1 : 0);
      if (c <= 0) lo = mid + 1;
      else hi = mid;
    }
    from = lo;
  }
  const window = Array.from(sorted.subarray(from, from + start.first + 1));
  const onPage = window.slice(0, start.first);
  let counted: OrganisationFacets | null = null;
  const facets = () => (counted ??= facetsOf(snapshot, orderings, sorted, hasText ? null : mask));
  let loaded: (OrganisationView | null)[];
  if (details) {
    const reading = readPage(runner, snapshot, onPage);
    // Counted while the database reads the page (its error, if any, is thrown by the await below).
    if (countFacets) {
      reading.catch(() => {});
      facets();
    }
    const read = await reading;
    if (!checked && !net.confirm(snapshot, read.dataVersion)) return null;
    loaded = read.organisations;
  } else loaded = onPage.map((i) => snapshotSummary(snapshot, i));
  // One more than the page tells whether another page follows; an organisation unpublished since the
  // snapshot was taken is left out of the page.
  const rows = window
    .map((i, k) => ({ i, at: from + k, organisation: loaded[k] ?? null }))
    .filter((r, k) => k >= start.first || r.organisation !== null);
  const page = connection(list, rows, start.first, sorted.length, (r) => ({
    key: keyAt(r.at),
    id: snapshot.ids[r.i]!,
  }));
  return {
    ...page,
    edges: page.edges.map((e) => ({ cursor: e.cursor, node: e.node.organisation! })),
    nodes: page.nodes.map((r) => r.organisation!),
    facets,
  };
}

/**
 * The members sorted by the same order as their cursor keys, then the id: by score (best first; RELEVANCE),
 * degree (most first; DEGREE_DESC) or nothing (NAME), then nameRank (name, then id). Each member's place in
 * that order is one number, (rank of its score or degree) × n + nameRank, so the sort is a typed-array sort
 * of numbers without a comparator, and byName turns a nameRank back into the member. With the members,
 * their scores in that order (RELEVANCE; empty otherwise).
 */
function inListOrder(
  members: Int32Array,
  scoreOf: Float64Array,
  order: OrganisationOrder,
  snapshot: NetworkSnapshot,
  { nameRank, byName }: Orderings,
): { members: Int32Array; scores: Float64Array } {
  const n = snapshot.ids.length;
  const count = members.length;
  const { degree } = snapshot;
  let rank: (k: number) => number;
  // The scores by rank (RELEVANCE).
  const ranked: number[] = [];
  if (order === 'RELEVANCE') {
    // Equal scores share a rank; the best score ranks 0: the distinct scores, best first (a typed-array
    // sort), and each member's rank found in them by bisection (a Map of 16,000 scores took 2 ms).
    const ascending = Float64Array.from(scoreOf.subarray(0, count)).sort();
    for (let k = ascending.length - 1; k >= 0; k--)
      if (ranked.length === 0 || ascending[k] !== ranked[ranked.length - 1]) ranked.push(ascending[k]!);
    rank = (k) => {
      const score = scoreOf[k]!;
      let lo = 0;
      let hi = ranked.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (ranked[mid]! > score) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
  } else if (order === 'DEGREE_DESC') {
    let most = 0;
    for (let k = 0; k < count; k++) most = Math.max(most, degree[members[k]!]!);
    rank = (k) => most - degree[members[k]!]!;
  } else rank = () => 0;
  const keys = new Float64Array(count);
  for (let k = 0; k < count; k++) keys[k] = rank(k) * n + nameRank[members[k]!]!;
  keys.sort();
  const sorted = new Int32Array(count);
  const scores = new Float64Array(order === 'RELEVANCE' ? count : 0);
  for (let k = 0; k < count; k++) {
    sorted[k] = byName[keys[k]! % n]!;
    if (order === 'RELEVANCE') scores[k] = ranked[Math.floor(keys[k]! / n)]!;
  }
  return { members: sorted, scores };
}

/** A row of organisationPage: createdAt and updatedAt as epoch milliseconds when they are datetimes. */
type PageRow = OrganisationRow & { createdAtMs: number | null; updatedAtMs: number | null };

/**
 * The row as organisationsByIds reads it: a datetime as toPlain gives it (the ISO form of its instant, to
 * the ms, in UTC: neo4j-driver's toStandardDate is the same instant), and a property the organisation
 * does not have left out (the query writes null in its place: a stored property is never null).
 */
export function withTimes({ createdAtMs, updatedAtMs, ...row }: PageRow): OrganisationRow {
  const organisation = { ...row.organisation };
  for (const [name, ms] of [
    ['createdAt', createdAtMs],
    ['updatedAt', updatedAtMs],
  ] as const) {
    if (ms !== null) organisation[name] = new Date(ms).toISOString();
    else if (organisation[name] === null) delete organisation[name];
  }
  return { ...row, organisation };
}

/** An organisation's place chain (most specific first) and themes (by name) as the snapshot holds them. */
function placesAndThemes(snapshot: NetworkSnapshot, i: number): Pick<OrganisationRow, 'places' | 'themes'> {
  return {
    places: placeChain(snapshot, snapshot.place[i]!).map((p) => snapshot.places[p]!),
    themes: themesOf(snapshot, i),
  };
}

/**
 * The page's organisations (snapshot indexes), aligned with them (null where one is no longer published),
 * and the data version: their properties from the database, their places and themes from the snapshot
 * (the caller keeps the page only when the version read is the snapshot's; over a snapshot it has
 * checked before, a write between the two could pair newer properties with the older places and themes
 * for this one answer, as it pairs them with the older membership and facets).
 */
async function readPage(
  runner: QueryRunner,
  snapshot: NetworkSnapshot,
  page: readonly number[],
): Promise<{ organisations: (Organisation | null)[]; dataVersion: number }> {
  const ids = page.map((i) => snapshot.ids[i]!);
  const [row] = await runner.read<{ dataVersion: number; rows: Omit<PageRow, 'places' | 'themes'>[] }>(
    'organisationPage',
    { ids },
  );
  const found = new Map(row!.rows.map((r) => [r.requested, r]));
  return {
    organisations: page.map((i, k) => {
      const r = found.get(ids[k]!);
      return r === undefined ? null : organisationOf(withTimes({ ...r, ...placesAndThemes(snapshot, i) }));
    }),
    dataVersion: row!.dataVersion,
  };
}

/** A predicate for searchOrganisations(filter): whether the filter (without its query) allows an id. */
export async function filterPredicate(
  net: NetworkAccess,
  input: OrganisationFilterInput,
): Promise<(id: string) => boolean> {
  const snapshot = await net.snapshot();
  const filter = resolveFilter(snapshot, { ...input, query: null });
  return (id) => {
    const i = snapshot.index.get(id);
    return i !== undefined && matches(snapshot, filter, i);
  };
}
