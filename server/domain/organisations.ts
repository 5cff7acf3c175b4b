// Read-side use cases for organisations: lookup, search, their relationships and initiatives, and
// neighbourhood exploration. Rows from the database are shaped into the domain objects the API returns.
import { InvalidInputError } from '../common/errors.ts';
import type { Problem } from '../common/problems.ts';
import type { QueryRunner } from '../common/queryRunner.ts';
import type {
  InitiativeStage,
  OrganisationStatus,
  ParticipationRole,
  RelationshipKind,
  Sector,
  TrustState,
} from './model.ts';
import { SECTORS } from './model.ts';
import { buildSearchQueries, nameMatchScore, type NameWords } from './search.ts';
import { kindAsWritten, placeChain, type NetworkSnapshot } from './network/snapshot.ts';

export interface Provenance {
  sourceUrl: string | null;
  sourceDataset: string | null;
  sourceRecord: string | null;
  recordedBy: string | null;
  recordedAt: string | null;
  /** The licence the source publishes the fact under (imports). */
  licence: string | null;
  /** The import run that created the fact, and the one that last changed it. */
  createdInRun: string | null;
  changedInRun: string | null;
}

/** A place with its enclosing places: a city's parent is its region, a region's its country. */
export interface Place {
  id: string;
  name: string;
  level: string;
  latitude: number | null;
  longitude: number | null;
  parent: Place | null;
}

export interface Theme {
  id: string;
  name: string;
}

export interface Identifier {
  scheme: string;
  value: string;
}

export interface Organisation {
  id: string;
  name: string;
  sector: Sector;
  kind: string | null;
  description: string | null;
  website: string | null;
  /** Every known website, the primary (`website`) first. */
  websites: string[];
  /** The day it closed (GOV.UK bodies), YYYY-MM-DD. */
  closedOn: string | null;
  /** The sector-inference rule that chose the sector, when no source gave it. */
  sectorRule: string | null;
  status: OrganisationStatus;
  /** The most specific place it is located in, with the enclosing ones. */
  place: Place | null;
  themes: Theme[];
  identifiers: Identifier[];
  provenance: Provenance;
  createdAt: string;
  updatedAt: string;
}

/**
 * Part of a published organisation, read when a response asks for no more: what the network snapshot
 * knows of it (a list page is then answered from the snapshot, consistent with the data version the
 * request checked, without reading the organisations again), or, for an initiative's participants, what
 * the query reading them brought. The API reads the rest (the request's organisation loader) when a field
 * it lacks is asked for.
 */
export interface OrganisationSummary {
  id: string;
  name: string;
  sector: Sector;
  status: 'PUBLISHED';
  /** When the read brought them. */
  themes?: Theme[];
  /** When the summary comes from the network snapshot (snapshotSummary): its kind and place. */
  kind?: string | null;
  place?: Place | null;
}

/** An organisation as the API's resolvers receive it: complete, or the snapshot's summary of it. */
export type OrganisationView = Organisation | OrganisationSummary;

/** The fields a summary has (the others need the organisation read). */
export const SUMMARY_FIELDS: readonly (keyof OrganisationSummary)[] = ['id', 'name', 'sector', 'status'];

/**
 * The fields of a summary made from the network snapshot (a list page, the search box): those of every
 * summary, and the organisation's kind and place.
 */
export const SNAPSHOT_SUMMARY_FIELDS: readonly (keyof OrganisationSummary)[] = [
  ...SUMMARY_FIELDS,
  'kind',
  'place',
];

export function isSummary(o: OrganisationView): o is OrganisationSummary {
  return !('provenance' in o);
}

export interface Relationship {
  id: string;
  kind: RelationshipKind;
  sourceId: string;
  targetId: string;
  since: string | null;
  until: string | null;
  amount: number | null;
  currency: string | null;
  trust: TrustState;
  description: string | null;
  provenance: Provenance;
}

export interface Initiative {
  id: string;
  name: string;
  stage: InitiativeStage;
  startDate: string | null;
  endDate: string | null;
  description: string | null;
  website: string | null;
  themes: Theme[];
  provenance: Provenance;
}

/**
 * What the network snapshot holds of an initiative: initiative(id) asked with nothing more of the
 * initiative (and only summaries of its participants' organisations) is answered from the snapshot after
 * the request's data-version check. The API reads the rest (the request's initiative loader) if asked.
 */
export interface InitiativeSummary {
  id: string;
  name: string;
  stage: InitiativeStage;
}

/** An initiative as the API's resolvers receive it: complete, or the snapshot's summary of it. */
export type InitiativeView = Initiative | InitiativeSummary;

/** The fields an initiative summary has. */
export const INITIATIVE_SUMMARY_FIELDS: readonly (keyof InitiativeSummary)[] = ['id', 'name', 'stage'];

export function isInitiativeSummary(i: InitiativeView): i is InitiativeSummary {
  return !('provenance' in i);
}

export interface Participation {
  initiative: Initiative;
  role: ParticipationRole;
  since: string | null;
  until: string | null;
}

export const SEARCH_LIMITS = { defaultFirst: 10, maxFirst: 50, maxQueryLength: 200 } as const;
export const RELATIONSHIP_LIMITS = { defaultFirst: 100, maxFirst: 200 } as const;
/**
 * Organisation.participations(first:): a CORDIS organisation takes part in over a thousand projects, so
 * the list is capped like every other list (and its cost counted from `first`).
 */
export const PARTICIPATION_LIMITS = { defaultFirst: 100, maxFirst: 500 } as const;
export const NEIGHBOURHOOD_LIMITS = { maxDepth: 3, maxIds: 100, defaultLimit: 300, maxLimit: 1000 } as const;

function argumentProblem(field: string, message: string): Problem {
  return { file: 'arguments', line: null, column: null, field, code: 'OUT_OF_RANGE', message };
}

/** Throws BAD_USER_INPUT naming the argument when `value` is not an integer in [min, max]. */
export function requireRange(value: number, field: string, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidInputError(`${field} must be an integer from ${min} to ${max}; got ${value}.`, [
      argumentProblem(field, `use a value from ${min} to ${max}`),
    ]);
  }
}

type Props = Record<string, unknown>;

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export function provenanceOf(props: Props): Provenance {
  return {
    sourceUrl: text(props.sourceUrl),
    sourceDataset: text(props.sourceDataset),
    sourceRecord: text(props.sourceRecord),
    recordedBy: text(props.recordedBy),
    recordedAt: text(props.recordedAt),
    licence: text(props.licence),
    createdInRun: text(props.createdInRun),
    changedInRun: text(props.changedInRun),
  };
}

interface PlaceRow {
  id: string;
  name: string;
  level: string;
  latitude: number | null;
  longitude: number | null;
}

/** Nest a place chain (most specific first) as place → parent → parent. */
function nestPlaces(chain: PlaceRow[]): Place | null {
  const [first, ...rest] = chain;
  return first ? { ...first, parent: nestPlaces(rest) } : null;
}

/**
 * What the network snapshot knows of its published organisation i as an OrganisationSummary
 * (SNAPSHOT_SUMMARY_FIELDS: the kind as written, the place with the places enclosing it, as
 * organisationsByIds reads them), consistent with the data version the snapshot was loaded at.
 */
export function snapshotSummary(s: NetworkSnapshot, i: number): OrganisationSummary {
  return {
    id: s.ids[i]!,
    name: s.names[i]!,
    sector: SECTORS[s.sector[i]!]!,
    status: 'PUBLISHED',
    kind: kindAsWritten(s, i),
    place: nestPlaces(placeChain(s, s.place[i]!).map((p) => s.places[p]!)),
  };
}

/** "GB-CHC:123" → {scheme: "GB-CHC", value: "123"}: the first colon separates them. */
export function parseIdentifier(written: string): Identifier {
  const at = written.indexOf(':');
  return { scheme: written.slice(0, at), value: written.slice(at + 1) };
}

export interface OrganisationRow {
  /** The id asked for: the organisation's own id or one of its aliases. */
  requested: string;
  organisation: Props & { id: string; name: string; sector: Sector; status: OrganisationStatus };
  places: PlaceRow[];
  themes: Theme[];
}

export function organisationOf(row: OrganisationRow): Organisation {
  const o = row.organisation;
  return {
    id: o.id,
    name: o.name,
    sector: o.sector,
    kind: text(o.kind),
    description: text(o.description),
    website: text(o.website),
    websites: Array.isArray(o.websites) ? (o.websites as string[]) : o.website ? [String(o.website)] : [],
    closedOn: text(o.closedOn),
    sectorRule: text(o.sectorRule),
    status: o.status,
    place: nestPlaces(row.places),
    themes: row.themes,
    identifiers: ((o.identifiers as string[] | undefined) ?? []).map(parseIdentifier),
    provenance: provenanceOf(o),
    createdAt: String(o.createdAt),
    updatedAt: String(o.updatedAt),
  };
}

/** Published organisations by id, aligned with `ids` (null where none is published with that id). */
export async function organisationsByIds(
  runner: QueryRunner,
  ids: readonly string[],
): Promise<(Organisation | null)[]> {
  if (ids.length === 0) return [];
  const rows = await runner.read<OrganisationRow>('organisationsByIds', { ids: [...ids] });
  const found = new Map(rows.map((row) => [row.requested, organisationOf(row)]));
  return ids.map((id) => found.get(id) ?? null);
}

/** One full-text hit: `tier` 0 when every word matched, 1 for a partial match (ranked after). */
export interface SearchHit {
  id: string;
  /** The organisation's name, as the index query read it. */
  name: string;
  score: number;
  tier: 0 | 1;
}

/** What organisationsByIds returns for a hit, when searchOrganisations reads its details. */
type SearchHitDetails = Omit<OrganisationRow, 'requested'>;

interface SearchHitLists {
  ids: string[];
  names: string[];
  scores: number[];
  /** The first `strictCount` hits matched every word. */
  strictCount: number;
  /** The details of the first `detailed` hits and of those likely to be ranked there by name. */
  details: SearchHitDetails[];
  /** The data version the hits were read at. */
  dataVersion: number;
}

/**
 * The index hits considered for `hits` published organisations: unpublished ones are left out after the
 * index, so it is asked for more than needed.
 */
export function indexCandidates(hits: number): number {
  return hits * 2 + 20;
}

/**
 * Which words of a search get typo matches: `unknown`, only those no published organisation's name
 * contains, as the index answers it in the search's own query (the search box: a word spelled as a name
 * word is taken as meant, see SearchWordPart); NameWords, the same decided against the words of the names
 * a caller holds (a text filter's list and what its export and network figures select, which must agree
 * with one another: they decide with the names of the same network snapshot); `every`, all of them
 * (registration's likely matches, which look wider).
 */
export type TypoMatches = 'unknown' | 'every' | NameWords;

/** Hits read at a data version (null when no query ran: the text has no searchable word). */
interface HitsRead {
  hits: DetailedHit[];
  dataVersion: number | null;
}

/** searchHits, with the details of the first `detailed` hits and the data version (one query). */
async function readSearchHits(
  runner: QueryRunner,
  text: string,
  limit: number,
  fillBelow: number,
  detailed: number,
  typos: TypoMatches,
  byDegree = false,
): Promise<HitsRead> {
  const queries = buildSearchQueries(
    text.slice(0, SEARCH_LIMITS.maxQueryLength),
    typeof typos === 'string' ? undefined : typos,
  );
  if (queries === null) return { hits: [], dataVersion: null };
  const [row] = await runner.read<SearchHitLists>('searchOrganisations', {
    // Without a probe, a word that has a typo form always uses it (see the query).
    words: typos === 'unknown' ? queries.words : queries.words.map((w) => ({ ...w, probe: null })),
    typed: queries.typed,
    first: limit,
    candidates: indexCandidates(limit),
    // One word: the any-word pass would find the same hits again, so it does not run.
    fillBelow: queries.partialSameAsStrict ? 0 : fillBelow,
    detailed,
    byDegree,
  });
  if (!row) return { hits: [], dataVersion: null };
  // The partial matches (after the strict ones, none of them repeated) only when the strict ones are too few.
  const count = row.strictCount >= fillBelow ? row.strictCount : Math.min(row.ids.length, limit);
  const details = new Map(row.details.map((d) => [d.organisation.id, d]));
  const hits = row.ids.slice(0, count).map((id, k) => ({
    id,
    name: row.names[k]!,
    score: row.scores[k]!,
    tier: k < row.strictCount ? (0 as const) : (1 as const),
    details: details.get(id) ?? null,
  }));
  return { hits, dataVersion: row.dataVersion };
}

/**
 * Published organisations matching `text`, best first: every word matched (tier 0), then, when those are
 * fewer than `fillBelow`, the best partial matches (tier 1) up to `limit`, so a near miss never comes back
 * empty. A dropdown fills up to its size; a full list only falls back to partial matches when nothing
 * matched every word (its total then counts what matched fully). One query (one round trip) for both.
 * Typo matches for every word unless `typos` says otherwise (TypoMatches).
 */
export async function searchHits(
  runner: QueryRunner,
  text: string,
  limit: number,
  fillBelow: number = limit,
  typos: TypoMatches = 'every',
): Promise<SearchHit[]> {
  const { hits } = await readSearchHits(runner, text, limit, fillBelow, 0, typos);
  return hits.map(({ id, name, score, tier }) => ({ id, name, score, tier }));
}

/** Hits considered when a filter narrows a search (the filter is applied to the best of them). */
export const FILTERED_SEARCH_HITS = 2_000;

/**
 * The index's best hits that are ranked again by how well they match by name (nameMatchScore): the index
 * adds up every field a word matches in, so an organisation located in "Stanby" that works on financial
 * inclusion outscores "Stanby Finance Trust" for "Stanby Fin"; ranking its best 100 by name puts the
 * organisation people typed the name of first, even when many hits matching a word only by place, theme
 * or description score above it.
 */
export const SEARCH_RANK_WINDOW = 100;

/** A hit with its details when read with it. */
type DetailedHit = SearchHit & { details: SearchHitDetails | null };

/** An organisation's degree by id (the network snapshot's: ties to published organisations). */
export type DegreeOf = (id: string) => number;

/**
 * Ranks hits: those matching every word first, then by how well they match by name, then (among names that
 * match equally well, such as forty organisations called "Callow Foundation") the one with the most ties
 * by `degreeOf` when given, then as the index ranked them.
 */
function rankByName<T extends SearchHit>(query: string, hits: readonly T[], degreeOf: DegreeOf | null): T[] {
  const degree = degreeOf ?? (() => 0);
  return hits
    .map((hit, rank) => ({ hit, rank, byName: nameMatchScore(query, hit.name), ties: degree(hit.id) }))
    .sort((a, b) => a.hit.tier - b.hit.tier || b.byName - a.byName || b.ties - a.ties || a.rank - b.rank)
    .map((r) => r.hit);
}

export interface SearchOptions {
  /** Only the organisations it accepts (the filtered search looks at the best FILTERED_SEARCH_HITS hits). */
  allowed?: (id: string) => boolean;
  /**
   * The degrees that break ties between names that match equally well (heldDegrees), or null to keep
   * the index's order among them.
   */
  degrees?: DegreeOf | null;
  /**
   * A network snapshot to answer from, for a caller that needs no more of each organisation than
   * SNAPSHOT_SUMMARY_FIELDS (the explorer's search box): when the index query reads the data version the
   * snapshot was loaded at, the best hits are its summaries (snapshotSummary) and no organisation is
   * read; otherwise they are read as without it.
   */
  summariesFrom?: NetworkSnapshot | null;
}

/**
 * The best matches for `query`; with `allowed`, only among the organisations it accepts (the filtered
 * search looks at the best FILTERED_SEARCH_HITS hits). Hits matching every word come first; among them
 * (and among the partial ones), the index's best SEARCH_RANK_WINDOW are ordered by how well the words
 * match the name, then by their degree (when `degrees` gives it), then by the index's score: a name match
 * comes before a match only by place, theme, identifier or description. Typo matches only for words no
 * published name contains (TypoMatches `unknown`).
 *
 * One query reads the hits with their names and the data version. Without a filter or a snapshot to
 * answer from, it also reads the details of the index's best `first` hits and of the `first` that come
 * first by an approximation of the ranking (exact and prefix words of the name, then, with degrees, the
 * stored ties of each hit), in the same transaction (so they are published); a hit the full ranking
 * (typos, abbreviations, acronyms, the snapshot's degrees) brings into the first `first` without details
 * is read by id afterwards (a second round trip, only then). With a filter, the details of the `first`
 * best allowed hits are read afterwards; with `summariesFrom` at the hits' data version, none is read.
 */
export async function searchOrganisations(
  runner: QueryRunner,
  query: string,
  first: number = SEARCH_LIMITS.defaultFirst,
  { allowed, degrees = null, summariesFrom = null }: SearchOptions = {},
): Promise<OrganisationView[]> {
  requireRange(first, 'first', 1, SEARCH_LIMITS.maxFirst);
  const window = Math.max(first, SEARCH_RANK_WINDOW);
  let ranked: DetailedHit[];
  let dataVersion: number | null;
  if (!allowed) {
    const detailed = summariesFrom === null ? first : 0;
    const read = await readSearchHits(runner, query, window, first, detailed, 'unknown', degrees !== null);
    ranked = rankByName(query, read.hits, degrees);
    dataVersion = read.dataVersion;
  } else {
    const read = await readSearchHits(
      runner,
      query,
      FILTERED_SEARCH_HITS,
      FILTERED_SEARCH_HITS,
      0,
      'unknown',
    );
    ranked = rankByName(query, read.hits.filter((h) => allowed(h.id)).slice(0, window), degrees);
    dataVersion = read.dataVersion;
  }
  if (summariesFrom !== null && dataVersion === summariesFrom.version) {
    const found: OrganisationSummary[] = [];
    for (const hit of ranked) {
      if (found.length === first) break;
      const i = summariesFrom.index.get(hit.id);
      if (i !== undefined) found.push(snapshotSummary(summariesFrom, i));
    }
    return found;
  }
  return organisationsOfHits(runner, ranked, first);
}

/**
 * The first `first` of the ranked hits as organisations, in order: those read with their details as they
 * are, the others read by id; an organisation unpublished since the hits were read is left out (the next
 * best takes its place).
 */
async function organisationsOfHits(
  runner: QueryRunner,
  ranked: readonly DetailedHit[],
  first: number,
): Promise<Organisation[]> {
  const found: Organisation[] = [];
  for (let from = 0; from < ranked.length && found.length < first;) {
    const batch = ranked.slice(from, from + first - found.length);
    from += batch.length;
    const missing = batch.filter((h) => h.details === null).map((h) => h.id);
    const read = await organisationsByIds(runner, missing);
    const byId = new Map(missing.map((id, k) => [id, read[k] ?? null]));
    for (const hit of batch) {
      const organisation =
        hit.details === null ? byId.get(hit.id) : organisationOf({ requested: hit.id, ...hit.details });
      if (organisation) found.push(organisation);
    }
  }
  return found;
}

export interface RelationshipRow extends Props {
  id: string;
  kind: RelationshipKind;
  sourceId: string;
  targetId: string;
  trust: TrustState;
}

export function relationshipOf(row: RelationshipRow): Relationship {
  return {
    id: row.id,
    kind: row.kind,
    sourceId: row.sourceId,
    targetId: row.targetId,
    since: text(row.since),
    until: text(row.until),
    amount: typeof row.amount === 'number' ? row.amount : null,
    currency: text(row.currency),
    trust: row.trust,
    description: text(row.description),
    provenance: provenanceOf(row),
  };
}

/**
 * For each organisation id, its relationships to other published organisations, newest first (undated
 * last), at most `first` each: one query for a whole level of a response.
 */
export async function relationshipsOfOrganisations(
  runner: QueryRunner,
  ids: readonly string[],
  first: number = RELATIONSHIP_LIMITS.defaultFirst,
): Promise<Relationship[][]> {
  requireRange(first, 'first', 1, RELATIONSHIP_LIMITS.maxFirst);
  const rows = await runner.read<{ id: string; relationships: RelationshipRow[] }>(
    'relationshipsOfOrganisations',
    { ids: [...ids], first },
  );
  const found = new Map(rows.map((row) => [row.id, row.relationships.map(relationshipOf)]));
  return ids.map((id) => found.get(id) ?? []);
}

/**
 * The relationships whose both ends are published now. The relationships and their ends are read by two
 * batched queries; an organisation unpublished in between must drop its relationships, not make the
 * response fail. `load` is the request's organisation loader, so the ends are then served from its cache.
 */
export async function withPublishedEnds(
  relationships: Relationship[],
  load: (ids: string[]) => Promise<readonly (Organisation | null | Error)[]>,
): Promise<Relationship[]> {
  const ids = [...new Set(relationships.flatMap((r) => [r.sourceId, r.targetId]))];
  const ends = await load(ids);
  const published = new Set(
    ids.filter((_, i) => {
      const end = ends[i];
      return end !== null && end !== undefined && !(end instanceof Error);
    }),
  );
  return relationships.filter((r) => published.has(r.sourceId) && published.has(r.targetId));
}

/** A relationship as the snapshot refers to it: an id is unique within its kind only. */
export interface RelationshipRef {
  id: string;
  kind: RelationshipKind;
}

/** One string per relationship reference, for maps and loaders keyed by relationship. */
export const relationshipKey = (ref: RelationshipRef): string => `${ref.kind}:${ref.id}`;

/**
 * Relationships by id and kind (as the snapshot knows them), both ends published, in no particular order
 * (match them with relationshipKey); and the data version, read after them in the same query.
 */
export async function readRelationships(
  runner: QueryRunner,
  refs: readonly RelationshipRef[],
): Promise<{ dataVersion: number; relationships: Relationship[] }> {
  const byKind: Partial<Record<RelationshipKind, string[]>> = {};
  for (const r of refs) (byKind[r.kind] ??= []).push(r.id);
  const [row] = await runner.read<{ dataVersion: number; relationships: RelationshipRow[] }>(
    'relationshipsByIds',
    { byKind },
  );
  return {
    dataVersion: row?.dataVersion ?? 0,
    relationships: (row?.relationships ?? []).map(relationshipOf),
  };
}

/** readRelationships without the data version (nothing read for no refs). */
export async function relationshipsByIds(
  runner: QueryRunner,
  refs: readonly RelationshipRef[],
): Promise<Relationship[]> {
  return refs.length === 0 ? [] : (await readRelationships(runner, refs)).relationships;
}

export interface ParticipationRow {
  participation: Props & { role: ParticipationRole };
  initiative: Props & { id: string; name: string; stage: InitiativeStage };
  themes: Theme[];
}

export function initiativeOf(i: ParticipationRow['initiative'], themes: Theme[]): Initiative {
  return {
    id: i.id,
    name: i.name,
    stage: i.stage,
    startDate: text(i.startDate),
    endDate: text(i.endDate),
    description: text(i.description),
    website: text(i.website),
    themes,
    provenance: provenanceOf(i),
  };
}

function participationOf(row: ParticipationRow): Participation {
  const p = row.participation;
  return {
    role: p.role,
    since: text(p.since),
    until: text(p.until),
    initiative: initiativeOf(row.initiative, row.themes),
  };
}

/** Initiatives by id, aligned with `ids` (null where none has that id). */
export async function initiativesByIds(
  runner: QueryRunner,
  ids: readonly string[],
): Promise<(Initiative | null)[]> {
  if (ids.length === 0) return [];
  const rows = await runner.read<{ initiative: ParticipationRow['initiative']; themes: Theme[] }>(
    'initiativesByIds',
    {
      ids: [...ids],
    },
  );
  const found = new Map(rows.map((row) => [row.initiative.id, initiativeOf(row.initiative, row.themes)]));
  return ids.map((id) => found.get(id) ?? null);
}

/**
 * For each organisation id, the initiatives it takes part in, newest first (undated last), at most
 * `first` each.
 */
export async function participationsOfOrganisations(
  runner: QueryRunner,
  ids: readonly string[],
  first: number = PARTICIPATION_LIMITS.defaultFirst,
): Promise<Participation[][]> {
  requireRange(first, 'first', 1, PARTICIPATION_LIMITS.maxFirst);
  const rows = await runner.read<{ id: string; participations: ParticipationRow[] }>(
    'participationsOfOrganisations',
    { ids: [...ids], first },
  );
  const found = new Map(rows.map((row) => [row.id, row.participations.map(participationOf)]));
  return ids.map((id) => found.get(id) ?? []);
}
