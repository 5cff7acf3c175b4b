// The fields of a registration or an edit, checked with a message per field, and how an organisation's
// editable state is shown in history ("from → to").
import { z } from 'zod';
import { repairLocation } from '../import/repairs.ts';
import { placeIds, themeId } from '../import/slug.ts';
import { SECTORS, type Sector } from '../model.ts';
import { identifier, line, optional, paragraph, TEXT_LIMITS, webUrl } from '../validation/fields.ts';
import { validate } from '../validation/problems.ts';
import { searchTextOf } from '../search.ts';

export interface PlaceFields {
  country: string;
  region: string | null;
  city: string | null;
}

export interface OrganisationFields {
  name: string;
  sector: Sector;
  kind: string | null;
  description: string | null;
  website: string | null;
  place: PlaceFields | null;
  themes: string[];
  identifiers: string[];
}

const sector = z.enum(SECTORS as [Sector, ...Sector[]], {
  error: (issue) => `unknown sector ${JSON.stringify(issue.input)}: use one of ${SECTORS.join(', ')}`,
});

const place = z.object({
  country: line('country', TEXT_LIMITS.placeName),
  region: optional(line('region', TEXT_LIMITS.placeName)),
  city: optional(line('city', TEXT_LIMITS.placeName)),
});

const themes = z
  .array(line('theme', TEXT_LIMITS.theme, 2), { error: 'themes must be a list of names' })
  .max(TEXT_LIMITS.themes, { error: `at most ${TEXT_LIMITS.themes} themes` });

const identifiers = z
  .array(identifier(), { error: 'identifiers must be a list of scheme:value' })
  .max(TEXT_LIMITS.identifiers, { error: `at most ${TEXT_LIMITS.identifiers} identifiers` });

const fields = {
  name: line('name', TEXT_LIMITS.name, 2),
  sector,
  kind: optional(line('kind', TEXT_LIMITS.kind)),
  description: optional(paragraph('description', TEXT_LIMITS.description)),
  website: optional(webUrl('website')),
  place: place.nullable().optional(),
  themes: themes.nullable().optional(),
  identifiers: identifiers.nullable().optional(),
};

const registration = z.object(fields);

/** Edits: every field optional (absent = unchanged); null clears an optional field. */
const changes = z.object({
  ...fields,
  name: fields.name.optional(),
  sector: sector.optional(),
});

const uniqueBy = <T>(items: T[], key: (item: T) => string) => {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && (seen.add(key(item)), true));
};

function cleanLists<T extends { themes?: string[] | null; identifiers?: string[] | null }>(value: T): T {
  return {
    ...value,
    ...(value.themes ? { themes: uniqueBy(value.themes, themeId) } : {}),
    ...(value.identifiers ? { identifiers: uniqueBy(value.identifiers, (i) => i.toUpperCase()) } : {}),
  };
}

/** Two-letter countries read as the United Kingdom or one of its nations; any other two letters stay as typed. */
const UK_SHORT: Readonly<Record<string, { region: string | null }>> = {
  gb: { region: null },
  ni: { region: 'Northern Ireland' },
};

/**
 * A place as the importers spell it (repairLocation): the country by its ICU name ("UK", "U.K." → United
 * Kingdom, "USA" → United States), a UK nation as a region of the United Kingdom, and GB / NI as the
 * United Kingdom / Northern Ireland; so a registration lands in the same places as imported organisations
 * rather than in a country of its own. No other code is guessed ("CA" is not taken for Canada).
 */
function placeFields(p: { country: string; region?: string | null; city?: string | null }): PlaceFields {
  const short = UK_SHORT[p.country.trim().toLowerCase()];
  const { value } = repairLocation({
    country: short ? 'United Kingdom' : p.country,
    region: p.region ?? short?.region ?? null,
    city: p.city ?? null,
  });
  return { country: value.country ?? p.country, region: value.region, city: value.city };
}

export function validateRegistration(input: unknown): OrganisationFields {
  const v = cleanLists(validate(registration, input, 'input'));
  return {
    name: v.name,
    sector: v.sector,
    kind: v.kind ?? null,
    description: v.description ?? null,
    website: v.website ?? null,
    place: v.place ? placeFields(v.place) : null,
    themes: v.themes ?? [],
    identifiers: v.identifiers ?? [],
  };
}

export type OrganisationChanges = Partial<OrganisationFields>;

export function validateChanges(input: unknown): OrganisationChanges {
  const v = cleanLists(validate(changes, input, 'changes'));
  const out: OrganisationChanges = {};
  if (v.name !== undefined) out.name = v.name;
  if (v.sector !== undefined) out.sector = v.sector;
  for (const key of ['kind', 'description', 'website'] as const) if (v[key] !== undefined) out[key] = v[key];
  if (v.place !== undefined) out.place = v.place ? placeFields(v.place) : null;
  if (v.themes !== undefined) out.themes = v.themes ?? [];
  if (v.identifiers !== undefined) out.identifiers = v.identifiers ?? [];
  return out;
}

/** The place id an organisation is LOCATED_IN, and the place rows to upsert first (parents first). */
export function placeRows(p: PlaceFields | null) {
  if (p === null) return { placeId: null, rows: [] };
  const ids = placeIds(p.country, p.region, p.city);
  const rows: {
    id: string;
    name: string;
    level: string;
    parentId: string | null;
    latitude: null;
    longitude: null;
  }[] = [
    { id: ids.country, name: p.country, level: 'country', parentId: null, latitude: null, longitude: null },
  ];
  if (ids.region !== null && p.region !== null)
    rows.push({
      id: ids.region,
      name: p.region,
      level: 'region',
      parentId: ids.country,
      latitude: null,
      longitude: null,
    });
  if (ids.city !== null && p.city !== null)
    rows.push({
      id: ids.city,
      name: p.city,
      level: 'city',
      parentId: ids.region ?? ids.country,
      latitude: null,
      longitude: null,
    });
  return { placeId: ids.city ?? ids.region ?? ids.country, rows };
}

export function themeRows(names: string[]) {
  return names.map((name) => ({ id: themeId(name), name }));
}

/** The stored properties of these fields (as the importer stores them, plus the registration's identity key). */
export function organisationProps(f: OrganisationFields) {
  return {
    name: f.name,
    sector: f.sector,
    kind: f.kind,
    description: f.description,
    website: f.website,
    identifiers: f.identifiers,
    // The full-text index keeps "GB-CHC:1" as one token: index scheme and value apart, as imports do.
    identifierText: f.identifiers.map((i) => i.replace(':', ' ')).join(' '),
    ...searchTextOf({
      name: f.name,
      city: f.place?.city ?? null,
      region: f.place?.region ?? null,
      country: f.place?.country ?? null,
      themes: f.themes,
    }),
  };
}

/** How each editable field reads in history: plain text, lists joined with "; ". */
export function describeFields(f: OrganisationFields): Record<keyof OrganisationFields, string | null> {
  return {
    name: f.name,
    sector: f.sector,
    kind: f.kind,
    description: f.description,
    website: f.website,
    place: f.place
      ? [f.place.city, f.place.region, f.place.country].filter((x) => x !== null).join(', ')
      : null,
    themes: f.themes.length > 0 ? [...f.themes].sort().join('; ') : null,
    identifiers: f.identifiers.length > 0 ? [...f.identifiers].sort().join('; ') : null,
  };
}

export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

/** The fields whose description differs, in field order. */
export function diffFields(before: OrganisationFields | null, after: OrganisationFields): FieldChange[] {
  const a = before ? describeFields(before) : null;
  const b = describeFields(after);
  return (Object.keys(b) as (keyof OrganisationFields)[])
    .filter((k) => (a?.[k] ?? null) !== b[k])
    .map((k) => ({ field: k, from: a?.[k] ?? null, to: b[k] }));
}
