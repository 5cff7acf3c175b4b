// organisations(filter, orderBy, first, after): a page of the filtered organisations, its total and the
// facet counts of the whole filtered set, from the network snapshot (plus the full-text index when the
// filter has a query). The page's organisations are then read from the database by id, unless only what
// the snapshot holds of them is asked for (`details: false`).
import type { QueryRunner } from '../../common/queryRunner.ts';
import type { OrganisationOrder as OrganisationOrderValues } from '../generated/vocabulary.ts';
import { InvalidInputError } from '../../common/errors.ts';
import {
  organisationsByIds,
  SEARCH_LIMITS,
  type OrganisationSummary,
  type OrganisationView,
  type Place,
  type Theme,
} from '../organisations.ts';
import { connection, pageStart, PAGE_LIMITS, type Connection } from '../pagination.ts';
import { buildSearchQueries } from '../search.ts';
import {
  RELATIONSHIP_KINDS,
  SECTORS,
  TRUST_STATES,
  type RelationshipKind,
  type Sector,
  type TrustState,
} from '../model.ts';
import type { NetworkAccess } from './cache.ts';
import { matches, resolveFilter, type OrganisationFilterInput, type ResolvedFilter } from './filter.ts';
import { computeOrderings, type Orderings } from './orderings.ts';
import type { NetworkSnapshot } from './snapshot.ts';

export type OrganisationOrder = (typeof OrganisationOrderValues)[keyof typeof OrganisationOrderValues];

/** Full-text hits considered for a list with a query (the best ones; the total counts at most these). */
export const MAX_QUERY_HITS = 10_000;
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

function top<T>(
  counts: [number, number][],
  label: (i: number) => string,
  make: (i: number, count: number) => T,
): T[] {
  return counts
    .sort((a, b) => b[1] - a[1] || (label(a[0]) < label(b[0]) ? -1 : 1))
    .slice(0, FACET_ENTRIES)
    .map(([i, count]) => make(i, count));
}

export function facetsOf(
  snapshot: NetworkSnapshot,
  orderings: Orderings,
  members: Int32Array,
): OrganisationFacets {
  const sectors = new Array<number>(SECTORS.length).fill(0);
  // Counts in typed arrays; each facet's entries in the order first met (as a Map would keep them), so
  // equal counts with equal labels keep their order.
  const kinds = new Counts(snapshot.kindNames.length);
  const themes = new Counts(snapshot.themes.length);
  const places = new Counts(snapshot.places.length);
  const tieKinds = new Array<number>(RELATIONSHIP_KINDS.length).fill(0);
  const trust = new Array<number>(TRUST_STATES.length).fill(0);
  for (const i of members) {
    sectors[snapshot.sector[i]!]! += 1;
    if (snapshot.kind[i]! >= 0) kinds.bump(snapshot.kind[i]!);
    for (let k = snapshot.themeStart[i]!; k < snapshot.themeStart[i + 1]!; k++)
      themes.bump(snapshot.themeOf[k]!);
    // The place chain (placeChain), without allocating it.
    for (let p = snapshot.place[i]!, depth = 0; p >= 0 && depth < 10; p = snapshot.places[p]!.parent, depth++)
      places.bump(p);
    const kindMask = orderings.kindMask[i]!;
    const trustMask = orderings.trustMask[i]!;
    if (kindMask !== 0) for (let k = 0; k < tieKinds.length; k++) if ((kindMask >> k) & 1) tieKinds[k]! += 1;
    if (trustMask !== 0) for (let t = 0; t < trust.length; t++) if ((trustMask >> t) & 1) trust[t]! += 1;
  }
  return {
    sectors: SECTORS.map((sector, i) => ({ sector, count: sectors[i]! })).filter((f) => f.count > 0),
    themes: top(
      themes.entries(),
      (i) => snapshot.themes[i]!.name,
      (i, count) => ({ theme: snapshot.themes[i]!, count }),
    ),
    places: top(
      places.entries(),
      (i) => snapshot.places[i]!.name,
      (i, count) => ({ place: placeOf(snapshot, i)!, count }),
    ),
    kinds: top(
      kinds.entries(),
      (i) => snapshot.kindNames[i]!,
      (i, count) => ({ kind: snapshot.kindNames[i]!, count }),
    ),
    relationshipKinds: RELATIONSHIP_KINDS.map((kind, i) => ({ kind, count: tieKinds[i]! })).filter(
      (f) => f.count > 0,
    ),
    trustStates: TRUST_STATES.map((t, i) => ({ trust: t, count: trust[i]! })).filter((f) => f.count > 0),
  };
}

/** Counts per index 0..size-1, remembering the order in which indexes were first counted. */
class Counts {
  private readonly counts: Int32Array;
  private readonly order: number[] = [];
  constructor(size: number) {
    this.counts = new Int32Array(size);
  }
  bump(key: number): void {
    if (this.counts[key]!++ === 0) this.order.push(key);
  }
  entries(): [number, number][] {
    return this.order.map((key) => [key, this.counts[key]!]);
  }
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
 */
export async function listOrganisations(
  runner: QueryRunner,
  net: NetworkAccess,
  args: ListArgs,
  { details = true }: { details?: boolean } = {},
): Promise<OrganisationPage> {
  const hasQuery = typeof args.filter?.query === 'string' && args.filter.query.trim() !== '';
  // Relevance without a query is the name order; a cursor names the order it was made for.
  const order: OrganisationOrder =
    args.orderBy === 'RELEVANCE' || !args.orderBy ? (hasQuery ? 'RELEVANCE' : 'NAME') : args.orderBy;
  const list = `organisations:${order}`;
  const start = pageStart(list, args.first ?? PAGE_LIMITS.defaultFirst, args.after);
  const snapshot = await net.snapshot();
  const filter = resolveFilter(snapshot, args.filter);
  const orderings = await orderingsOf(net, snapshot);
  const name = (i: number) => orderings.sortNames[i]!;
  const accepts = memberTest(snapshot, orderings, filter);

  // The filtered set in list order, and the key each member's cursor carries (names, not positions, so
  // cursors survive a snapshot rebuild over the same data).
  let sorted: Int32Array;
  let keyOf: (i: number) => Key;
  if (filter.query !== null) {
    const hits = await rankedHits(runner, snapshot, filter.query);
    const rank = new Map<number, { tier: number; score: number }>();
    for (const h of hits) if (!rank.has(h.i) && accepts(h.i)) rank.set(h.i, h);
    keyOf =
      order === 'RELEVANCE'
        ? (i) => [rank.get(i)!.tier, -rank.get(i)!.score, name(i)]
        : order === 'NAME'
          ? (i) => [name(i)]
          : (i) => [-snapshot.degree[i]!, name(i)];
    // The same order as the keys, then the id (nameRank orders by name, then id), compared as numbers.
    const { nameRank } = orderings;
    const members = [...rank.entries()].map(([i, h]) => ({
      i,
      tier: h.tier,
      score: h.score,
      name: nameRank[i]!,
    }));
    members.sort(
      order === 'RELEVANCE'
        ? (a, b) => a.tier - b.tier || b.score - a.score || a.name - b.name
        : order === 'NAME'
          ? (a, b) => a.name - b.name
          : (a, b) => snapshot.degree[b.i]! - snapshot.degree[a.i]! || a.name - b.name,
    );
    sorted = Int32Array.from(members, (m) => m.i);
  } else {
    // The precomputed orders already follow (key, id).
    keyOf = order === 'DEGREE_DESC' ? (i) => [-snapshot.degree[i]!, name(i)] : (i) => [name(i)];
    sorted = (order === 'DEGREE_DESC' ? orderings.byDegree : orderings.byName).filter(accepts);
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
        compareKeys(keyOf(i), afterKey) ||
        (snapshot.ids[i]! < afterId ? -1 : snapshot.ids[i]! > afterId ? 1 : 0);
      if (c <= 0) lo = mid + 1;
      else hi = mid;
    }
    from = lo;
  }
  const window = Array.from(sorted.subarray(from, from + start.first + 1));
  const onPage = window.slice(0, start.first);
  const loaded: (OrganisationView | null)[] = details
    ? await organisationsByIds(
        runner,
        onPage.map((i) => snapshot.ids[i]!),
      )
    : onPage.map((i) => summaryOf(snapshot, i));
  // One more than the page tells whether another page follows; an organisation unpublished since the
  // snapshot was taken is left out of the page.
  const rows = window
    .map((i, k) => ({ i, organisation: loaded[k] ?? null }))
    .filter((r, k) => k >= start.first || r.organisation !== null);
  const page = connection(list, rows, start.first, sorted.length, (r) => ({
    key: keyOf(r.i),
    id: snapshot.ids[r.i]!,
  }));
  return {
    ...page,
    edges: page.edges.map((e) => ({ cursor: e.cursor, node: e.node.organisation! })),
    nodes: page.nodes.map((r) => r.organisation!),
    facets: () => facetsOf(snapshot, orderings, sorted),
  };
}

function summaryOf(snapshot: NetworkSnapshot, i: number): OrganisationSummary {
  return {
    id: snapshot.ids[i]!,
    name: snapshot.names[i]!,
    sector: SECTORS[snapshot.sector[i]!]!,
    status: 'PUBLISHED',
  };
}

/** A full-text hit on a published organisation of the snapshot: `tier` 0 when every word matched. */
interface RankedHit {
  i: number;
  score: number;
  tier: 0 | 1;
}

/**
 * The published organisations matching `text`, best first, at most MAX_QUERY_HITS: those matching every
 * word, or, when none does, those matching any word (tier 1). The same hits as searchHits(text,
 * MAX_QUERY_HITS, 1) — the best published ones among the index's best MAX_QUERY_HITS * 2 + 20, by score,
 * then name — found without reading a property: the index returns element ids and scores
 * (searchCandidates), the snapshot says which are published organisations and gives their names.
 */
async function rankedHits(
  runner: QueryRunner,
  snapshot: NetworkSnapshot,
  text: string,
): Promise<RankedHit[]> {
  const queries = buildSearchQueries(text.slice(0, SEARCH_LIMITS.maxQueryLength));
  if (queries === null) return [];
  const strict = await topHits(runner, snapshot, queries.strict, 0);
  return strict.length > 0 ? strict : topHits(runner, snapshot, queries.partial, 1);
}

/** The index hits searchHits considers for MAX_QUERY_HITS hits (unpublished ones are left out after it). */
const CANDIDATES = MAX_QUERY_HITS * 2 + 20;
/** The hits returned first: a few more than kept, for the unpublished ones among them. */
const FIRST_KEEP = MAX_QUERY_HITS + 200;

async function topHits(
  runner: QueryRunner,
  snapshot: NetworkSnapshot,
  lucene: string,
  tier: 0 | 1,
): Promise<RankedHit[]> {
  const ask = async (keep: number) => {
    const [row] = await runner.read<{ candidates: number; nodeIds: string[]; scores: number[] }>(
      'searchCandidates',
      { lucene, candidates: CANDIDATES, keep },
    );
    return row ?? { candidates: 0, nodeIds: [], scores: [] };
  };
  let found = await ask(FIRST_KEEP);
  let hits = published(snapshot, found.nodeIds, found.scores, tier);
  // The hits returned are every candidate scoring at least as much as the last of them; the others score
  // less. So when MAX_QUERY_HITS of them are published, the others cannot be among the best; otherwise
  // every candidate is needed.
  if (hits.length < MAX_QUERY_HITS && found.nodeIds.length < found.candidates) {
    found = await ask(CANDIDATES);
    hits = published(snapshot, found.nodeIds, found.scores, tier);
  }
  return hits.slice(0, MAX_QUERY_HITS);
}

/**
 * The candidates that are published organisations of the snapshot, by score, then name (as searchHits
 * orders them), then id (where searchHits leaves equal names in no particular order).
 */
function published(
  snapshot: NetworkSnapshot,
  nodeIds: readonly string[],
  scores: readonly number[],
  tier: 0 | 1,
): RankedHit[] {
  const hits: RankedHit[] = [];
  nodeIds.forEach((nodeId, at) => {
    const i = snapshot.nodeIndex.get(nodeId);
    if (i !== undefined) hits.push({ i, score: scores[at]!, tier });
  });
  const { names, ids } = snapshot;
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return hits.sort(
    (a, b) => b.score - a.score || order(names[a.i]!, names[b.i]!) || order(ids[a.i]!, ids[b.i]!),
  );
}

/**
 * matches(snapshot, filter, i), with the ties part answered by the organisation's kindTrust bytes (a few
 * tests instead of a walk over its ties).
 */
function memberTest(
  snapshot: NetworkSnapshot,
  orderings: Orderings,
  filter: ResolvedFilter,
): (i: number) => boolean {
  if (!filter.byTies) return (i) => matches(snapshot, filter, i);
  const n = RELATIONSHIP_KINDS.length;
  const kinds = RELATIONSHIP_KINDS.map((_, k) => k).filter((k) => (filter.tieKinds >> k) & 1);
  const { kindTrust } = orderings;
  const rest: ResolvedFilter = { ...filter, byTies: false };
  return (i) =>
    kinds.some((k) => (kindTrust[i * n + k]! & filter.tieTrust) !== 0) && matches(snapshot, rest, i);
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
