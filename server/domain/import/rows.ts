// Incoming records as the property maps the import queries write, and the comparison with stored values
// that decides created / updated / unchanged (pure; tested without a database).
import { acronymOf, searchTextOf } from '../search.ts';
import { formatIdentifier } from '../values.ts';
import type {
  IncomingInitiative,
  IncomingOrganisation,
  IncomingParticipation,
  IncomingRelationship,
  KeptFact,
  PlacesAbove,
  SourceFacts,
} from './incoming.ts';
import { placeIds, themeId } from './slug.ts';

export type Value = string | number | boolean | null | string[];
export type Props = Record<string, Value>;

export function provenanceProps(p: SourceFacts): Props {
  return {
    sourceDataset: p.sourceDataset,
    sourceRecord: p.sourceRecord,
    sourceUrl: p.sourceUrl,
    licence: p.licence,
  };
}

/** An organisation as the run holds it: the first record's values plus what later records add. */
export interface OrganisationRow {
  id: string;
  props: Props;
  closedOn: string | null;
  themeIds: string[];
  placeId: string | null;
  place: { country: string; region: string | null; city: string | null } | null;
  latitude: number | null;
  longitude: number | null;
  placesAbove?: PlacesAbove;
  themes: { id: string; name: string }[];
  /** The sourceDataset of the record that gave the values (compared with a stored organisation's). */
  dataset: string | null;
  /** Stored facts the record does not give: a stored organisation keeps them (see KeptFact). */
  keep: KeptFact[];
}

export function organisationRow(id: string, o: IncomingOrganisation): OrganisationRow {
  const identifiers = o.identifiers.map(formatIdentifier);
  const themes = uniqueThemes(o.themes);
  return {
    id,
    props: {
      name: o.name,
      sector: o.sector,
      sectorRule: o.sectorRule,
      kind: o.kind,
      description: o.description,
      website: o.websites[0] ?? null,
      websites: [...o.websites],
      status: o.status,
      identifiers,
      identifierText: identifierText(identifiers),
      ...searchTextOf({
        name: o.name,
        city: o.city,
        region: o.region,
        country: o.country,
        themes: themeNames(themes),
      }),
      ...provenanceProps(o.provenance),
      recordedBy: o.provenance.recordedBy,
      recordedAt: o.provenance.recordedAt,
    },
    closedOn: o.closedOn,
    themeIds: themes.map((t) => t.id).sort(),
    themes,
    placeId: placeIdOf(o.country, o.region, o.city),
    place: o.country === null ? null : { country: o.country, region: o.region, city: o.city },
    latitude: o.latitude,
    longitude: o.longitude,
    ...(o.placesAbove ? { placesAbove: o.placesAbove } : {}),
    dataset: o.provenance.sourceDataset,
    keep: [...(o.keep ?? [])],
  };
}

/** The record's values without the facts it does not give, so that they neither set nor remove a stored one. */
function withoutKept(props: Props, keep: readonly KeptFact[] | undefined): Props {
  for (const key of keep ?? []) delete props[key];
  return props;
}

/**
 * Theme names in name order, for the full-text field: the same themes give the same text whatever order a
 * source lists them in (an atlas export lists them by name, so a round trip stores the same text).
 */
function themeNames(themes: readonly { name: string }[]): string[] {
  return themes.map((t) => t.name).sort();
}

function uniqueThemes(names: readonly string[]): { id: string; name: string }[] {
  const byId = new Map<string, string>();
  for (const name of names) {
    const id = themeId(name);
    if (id !== '' && !byId.has(id)) byId.set(id, name);
  }
  return [...byId].map(([id, name]) => ({ id, name }));
}

/** For the full-text index: the analyzer keeps "GOV:abc" as one token, so scheme and value apart. */
function identifierText(identifiers: readonly string[]): string {
  return identifiers.map((i) => i.replace(':', ' ')).join(' ');
}

export function placeIdOf(country: string | null, region: string | null, city: string | null): string | null {
  if (country === null) return null;
  const ids = placeIds(country, region, city);
  return ids.city ?? ids.region ?? ids.country;
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

/** A later record of the same organisation: fills what is empty, adds websites, identifiers and themes. */
export function mergeInto(row: OrganisationRow, other: OrganisationRow): void {
  for (const key of ['kind', 'description', 'sectorRule'] as const) {
    if (row.props[key] === null && other.props[key] !== null) row.props[key] = other.props[key] ?? null;
  }
  // A fact stays kept only when neither record gives it; one that the other gives fills it.
  const givenBy = (r: OrganisationRow, key: KeptFact) =>
    !r.keep.includes(key) && (key === 'closedOn' ? r.closedOn !== null : r.props[key] !== null);
  row.keep = row.keep.filter((key) => !givenBy(other, key));
  if (row.props.licence === null && other.props.licence !== null)
    row.props.licence = other.props.licence ?? null;
  addLists(row, other.props.websites as string[], other.props.identifiers as string[], other.themes);
  if (row.placeId === null && other.placeId !== null) {
    row.placeId = other.placeId;
    row.place = other.place;
    row.props.placeText = other.props.placeText ?? null;
  }
  row.closedOn ??= other.closedOn;
}

function addLists(
  row: OrganisationRow,
  websites: readonly string[],
  identifiers: readonly string[],
  themes: { id: string; name: string }[],
) {
  const mergedWebsites = union(row.props.websites as string[], websites);
  row.props.websites = mergedWebsites;
  row.props.website = mergedWebsites[0] ?? null;
  const mergedIdentifiers = union(row.props.identifiers as string[], identifiers);
  row.props.identifiers = mergedIdentifiers;
  row.props.identifierText = identifierText(mergedIdentifiers);
  for (const theme of themes) {
    if (!row.themes.some((t) => t.id === theme.id)) row.themes.push(theme);
  }
  row.themeIds = row.themes.map((t) => t.id).sort();
  row.props.themeText = themeNames(row.themes).join(' ') || null;
}

export interface StoredOrganisation {
  id: string;
  stored: Record<string, unknown>;
  themeIds: string[];
  placeId: string | null;
}

export interface OrganisationChange {
  id: string;
  set: Props;
  closedOn: string | null;
  themeIds: string[] | null;
  placeId: string | null;
  placeChanged: boolean;
  /** The fields that change, for the report (themes, place and closedOn by those names). */
  fields: string[];
}

const SCALARS = ['name', 'sector', 'sectorRule', 'kind', 'description', 'status'] as const;
const PROVENANCE = ['sourceDataset', 'sourceRecord', 'sourceUrl', 'licence'] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function storedList(stored: Record<string, unknown>, key: string): string[] {
  const v = stored[key];
  return Array.isArray(v) ? (v as string[]) : [];
}

/**
 * How a record changes a stored organisation: `replace` (the atlas format, matched by id): the record's
 * values are the facts, an empty one removes the stored value; `correct` (an open-data source re-importing
 * an organisation it created): its values win, but an empty one keeps what another source filled in;
 * `fill` (any other match): it only fills what is empty.
 */
export type ChangeMode = 'replace' | 'correct' | 'fill';

/** The value a change leaves by its mode: the record's, the record's unless empty, or the stored unless empty. */
function byMode<T>(mode: ChangeMode, value: T | null, stored: T | null): T | null {
  return mode === 'replace' ? value : mode === 'correct' ? (value ?? stored) : (stored ?? value);
}

/**
 * What the run changes on a stored organisation, or null when nothing. Websites and identifiers are always
 * added to, never removed (another source may have given them); themes are replaced in `replace` mode,
 * added to otherwise.
 */
export function organisationChange(
  row: OrganisationRow,
  current: StoredOrganisation,
  mode: ChangeMode,
): OrganisationChange | null {
  const s = current.stored;
  const replace = mode === 'replace';
  // A fact the record keeps (its input does not give it) stays as stored; any other goes by the mode.
  const fact = <T>(key: string, value: T | null, stored: T | null) =>
    row.keep.includes(key as KeptFact) ? stored : byMode(mode, value, stored);
  const next: Props = {};
  for (const key of [...SCALARS, ...(mode === 'fill' ? [] : PROVENANCE)])
    next[key] = fact(key, row.props[key] ?? null, (s[key] as Value | undefined) ?? null);
  const storedWebsites =
    storedList(s, 'websites').length > 0 ? storedList(s, 'websites') : s.website ? [String(s.website)] : [];
  const websites =
    mode === 'fill'
      ? union(storedWebsites, row.props.websites as string[])
      : union(row.props.websites as string[], storedWebsites);
  next.websites = websites;
  next.website = websites[0] ?? null;
  const identifiers = union(storedList(s, 'identifiers'), row.props.identifiers as string[]);
  next.identifiers = identifiers;
  next.identifierText = identifierText(identifiers);
  const set: Props = {};
  for (const [key, value] of Object.entries(next)) if (!same(s[key], value)) set[key] = value;
  const storedClosed = (s.closedOn as string | undefined) ?? null;
  const closedOn = fact('closedOn', row.closedOn, storedClosed);
  const closedChanged = !same(storedClosed, closedOn);
  const themeIds = replace ? row.themeIds : union(current.themeIds, row.themeIds).sort();
  const themesChanged = !same(current.themeIds, themeIds);
  const placeId = byMode(mode, row.placeId, current.placeId);
  const placeChanged = (current.placeId ?? null) !== placeId;
  // What the full-text index reads besides the fields above (see searchTextOf): kept in step with the
  // name, the place and the themes the change leaves.
  const search: Props = { acronym: acronymOf(String(next.name ?? '')) };
  if (placeChanged) search.placeText = placeId === row.placeId ? (row.props.placeText ?? null) : null;
  if (themesChanged) {
    const storedText = replace ? '' : String(s.themeText ?? '');
    const added = row.themes.filter((t) => !current.themeIds.includes(t.id)).map((t) => t.name);
    search.themeText = replace
      ? (row.props.themeText ?? null)
      : [storedText, ...added].filter((x) => x !== '').join(' ') || null;
  }
  for (const [key, value] of Object.entries(search)) if (!same(s[key], value)) set[key] = value;
  if (Object.keys(set).length === 0 && !themesChanged && !placeChanged && !closedChanged) return null;
  const fields = [
    ...Object.keys(set),
    ...(themesChanged ? ['themes'] : []),
    ...(placeChanged ? ['place'] : []),
    ...(closedChanged ? ['closedOn'] : []),
  ];
  return {
    id: row.id,
    set,
    closedOn,
    themeIds: themesChanged ? themeIds : null,
    placeId,
    placeChanged,
    fields,
  };
}

export interface RelationshipRow {
  id: string;
  kind: string;
  source: string;
  target: string;
  since: string | null;
  until: string | null;
  props: Props;
}

export function relationshipRow(
  r: IncomingRelationship,
  id: string,
  source: string,
  target: string,
): RelationshipRow {
  return {
    id,
    kind: r.kind,
    source,
    target,
    since: r.since,
    until: r.until,
    props: withoutKept(
      {
        amount: r.amount,
        currency: r.currency,
        trust: r.trust,
        description: r.description,
        ...r.extra,
        ...provenanceProps(r.provenance),
        recordedBy: r.provenance.recordedBy,
        recordedAt: r.provenance.recordedAt,
      },
      r.keep,
    ),
  };
}

/**
 * Whether a re-import keeps the stored trust state of a relationship instead of the record's: only an
 * open-data run (`correct` or `fill`) does, when people set it — a member's claim or confirmation, a
 * dispute, a curator's SOURCED: any state other than the IMPORTED an open-data importer gives. The atlas
 * format (`replace`) writes the trust state its file gives.
 */
export function keepsPeopleTrust(props: Props, stored: Record<string, unknown>, mode: ChangeMode): boolean {
  const current = stored.trust;
  return (
    mode !== 'replace' &&
    typeof current === 'string' &&
    current !== 'IMPORTED' &&
    'trust' in props &&
    props.trust !== current
  );
}

/**
 * Changed values of a stored relationship, initiative or participation (recorder and time are kept from its
 * creation), by the same modes as organisations: `replace` (atlas), `correct` (the dataset that created it:
 * its values win, an empty one keeps what is stored), `fill` (another dataset: only what is empty). A trust
 * state people set is never changed by an open-data run (keepsPeopleTrust); their consent and dispute
 * properties are not an import's values, so no run touches them.
 */
export function changedValues(
  props: Props,
  dates: Record<string, string | null>,
  stored: Record<string, unknown>,
  mode: ChangeMode = 'replace',
): Props | null {
  const set: Props = {};
  const pick = (key: string, value: Value) => byMode(mode, value, (stored[key] as Value | undefined) ?? null);
  const keepTrust = keepsPeopleTrust(props, stored, mode);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'recordedBy' || key === 'recordedAt') continue;
    if (key === 'trust' && keepTrust) continue;
    if (mode === 'fill' && PROVENANCE.includes(key as (typeof PROVENANCE)[number])) continue;
    const next = pick(key, value);
    if (!same(stored[key], next)) set[key] = next;
  }
  for (const [key, value] of Object.entries(dates)) dates[key] = pick(key, value) as string | null;
  const datesChanged = Object.entries(dates).some(([key, value]) => !same(stored[key], value));
  return Object.keys(set).length === 0 && !datesChanged ? null : set;
}

/** The fields a change of changedValues sets, dates included (`dates` as changedValues left them), for the report. */
export function changedFields(
  set: Props | null,
  dates: Record<string, string | null>,
  stored: Record<string, unknown>,
): string[] {
  return [...Object.keys(set ?? {}), ...Object.keys(dates).filter((key) => !same(stored[key], dates[key]))];
}

export interface InitiativeRow {
  id: string;
  startDate: string | null;
  endDate: string | null;
  props: Props;
  themeIds: string[];
  themes: { id: string; name: string }[];
}

export function initiativeRow(i: IncomingInitiative, id: string): InitiativeRow {
  const themes = uniqueThemes(i.themes);
  return {
    id,
    startDate: i.startDate,
    endDate: i.endDate,
    props: withoutKept(
      {
        name: i.name,
        stage: i.stage,
        description: i.description,
        website: i.website,
        ...i.extra,
        ...provenanceProps(i.provenance),
        recordedBy: i.provenance.recordedBy,
        recordedAt: i.provenance.recordedAt,
      },
      i.keep,
    ),
    themeIds: themes.map((t) => t.id).sort(),
    themes,
  };
}

export interface ParticipationRow {
  organisation: string;
  initiative: string;
  since: string | null;
  until: string | null;
  props: Props;
}

export function participationRow(
  p: IncomingParticipation,
  organisation: string,
  initiative: string,
): ParticipationRow {
  return {
    organisation,
    initiative,
    since: p.since,
    until: p.until,
    props: withoutKept(
      {
        role: p.role,
        ...p.extra,
        ...provenanceProps(p.provenance),
        recordedBy: p.provenance.recordedBy,
        recordedAt: p.provenance.recordedAt,
      },
      p.keep,
    ),
  };
}

/** A short, stable fingerprint of a record's content, to tell an exact repeat from a conflicting one. */
export function fingerprint(value: unknown): number {
  const text = JSON.stringify(value);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
