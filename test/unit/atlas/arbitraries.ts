// fast-check generators of valid Datasets: values as the reader leaves them (trimmed, normalised, unique ids).
import fc from 'fast-check';
import {
  INITIATIVE_STAGES,
  ORGANISATION_STATUSES,
  PARTICIPATION_ROLES,
  RELATIONSHIP_KINDS,
  SECTORS,
  TRUST_STATES,
  type Dataset,
  type Identifier,
  type InitiativeRecord,
  type InitiativeStage,
  type InitiativeStageRecord,
  type OrganisationRecord,
  type ParticipationRecord,
  type PlaceRecord,
  type Provenance,
  type RelationshipRecord,
} from '../../../server/domain/model.ts';

// fast-check may build records with a null prototype; the reader builds plain objects, and toStrictEqual tells them apart.
const PLAIN = { noNullPrototype: true } as const;

// Pieces that stress CSV and JSON: separators, quotes, every kind of line break, inner spaces, non-ASCII.
const tricky = fc.constantFrom(
  ',',
  '"',
  '""',
  '\n',
  '\r\n',
  '\r',
  ' ',
  ';',
  '\\',
  '\\;',
  ':',
  '\t',
  'é',
  '日本',
  '👩‍💻',
  '\u00a0x',
);

/** Non-empty text without surrounding whitespace (the reader trims). */
export const text = fc
  .array(fc.oneof(tricky, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 })), {
    minLength: 1,
    maxLength: 6,
  })
  .map((parts) => parts.join('').trim())
  .filter((value) => value !== '');

const optionalText = fc.option(text, { nil: null });

/** A list item: a JSON array item may hold `;` only in ids and URLs (aliases, other_websites). */
const item = text.map((value) => value.replaceAll(';', '').trim()).filter((value) => value !== '');
const list = fc.uniqueArray(item, { maxLength: 4 });
/** Ids it was also known by: any text, `;` and `\` included (escaped in a CSV cell). */
const aliases = fc.uniqueArray(text, { maxLength: 4 });

const identifier: fc.Arbitrary<Identifier> = fc.record(
  {
    // The first `:` separates scheme and value, so only the value may contain one.
    scheme: item.map((value) => value.replaceAll(':', '').trim()).filter((value) => value !== ''),
    value: item,
  },
  PLAIN,
);

const date = fc
  .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((value) => value.toISOString().slice(0, 10));
const optionalDate = fc.option(date, { nil: null });

/** Two optional dates, the second not before the first. */
const period = fc
  .tuple(optionalDate, optionalDate)
  .map(([a, b]) => (a !== null && b !== null && b < a ? [b, a] : [a, b]) as [string | null, string | null]);

const dateTime = fc
  .tuple(
    date,
    fc.integer({ min: 0, max: 23 }),
    fc.integer({ min: 0, max: 59 }),
    fc.option(fc.integer({ min: 0, max: 59 }), { nil: null }),
    fc.constantFrom('Z', '+01:00', '-05:30'),
  )
  .map(([day, h, m, s, zone]) => {
    const two = (n: number) => String(n).padStart(2, '0');
    return `${day}T${two(h)}:${two(m)}${s === null ? '' : `:${two(s)}.5`}${zone}`;
  });

const url = fc.option(fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true }), {
  nil: null,
});

const provenance: fc.Arbitrary<Provenance> = fc.record(
  {
    sourceUrl: url,
    sourceDataset: optionalText,
    sourceRecord: optionalText,
    recordedBy: optionalText,
    recordedAt: fc.option(dateTime, { nil: null }),
  },
  PLAIN,
);

/** Provenance with the licence column (every file but initiative_stages.csv has it). */
const licensed: fc.Arbitrary<Provenance> = fc
  .tuple(provenance, optionalText)
  .map(([p, licence]) => ({ ...p, licence }));

/** Websites besides the primary one, some with a `;` (escaped in a CSV cell). */
const otherWebsites = fc.uniqueArray(
  fc.oneof(
    fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true }),
    fc.webUrl({ validSchemes: ['http', 'https'] }).map((u) => `${u};jsessionid=1`),
  ),
  { maxLength: 3 },
);

/** -0 reads back as 0, so it is not a value the reader produces. */
const double = (min: number, max: number) => fc.double({ min, max, noNaN: true }).map((value) => value + 0);

const organisation: fc.Arbitrary<OrganisationRecord> = fc
  .record(
    {
      id: text,
      name: text,
      sector: fc.constantFrom(...SECTORS),
      kind: optionalText,
      description: optionalText,
      website: url,
      country: optionalText,
      region: optionalText,
      city: optionalText,
      themes: list,
      identifiers: fc.uniqueArray(identifier, {
        maxLength: 3,
        selector: (i) => `${i.scheme}\u0000${i.value}`,
      }),
      status: fc.constantFrom(...ORGANISATION_STATUSES),
      provenance: licensed,
      otherWebsites,
      sectorRule: optionalText,
      closedOn: optionalDate,
      aliases,
    },
    PLAIN,
  )
  // Region and city need a country; an alias is never the organisation's own id.
  .map((o) => (o.country === null ? { ...o, region: null, city: null } : o))
  .map((o) => ({ ...o, aliases: o.aliases.filter((alias) => alias !== o.id) }));

const relationship: fc.Arbitrary<RelationshipRecord> = fc
  .record(
    {
      id: text,
      ends: fc.tuple(text, text).filter(([source, target]) => source !== target),
      kind: fc.constantFrom(...RELATIONSHIP_KINDS),
      period,
      money: fc.option(fc.tuple(double(0, 1e15), fc.stringMatching(/^[A-Z]{3}$/)), { nil: null }),
      trust: fc.constantFrom(...TRUST_STATES),
      description: optionalText,
      provenance: licensed,
    },
    PLAIN,
  )
  .map(({ ends: [source, target], period: [since, until], money, ...rest }) => ({
    ...rest,
    source,
    target,
    since,
    until,
    amount: money?.[0] ?? null,
    currency: money?.[1] ?? null,
  }));

const initiative: fc.Arbitrary<InitiativeRecord> = fc
  .record(
    {
      id: text,
      name: text,
      stage: fc.constantFrom(...INITIATIVE_STAGES),
      period,
      themes: list,
      description: optionalText,
      website: url,
      provenance: licensed,
    },
    PLAIN,
  )
  .map(({ period: [startDate, endDate], ...rest }) => ({ ...rest, startDate, endDate }));

const participation: fc.Arbitrary<ParticipationRecord> = fc
  .record(
    {
      initiative: text,
      organisation: text,
      role: fc.constantFrom(...PARTICIPATION_ROLES),
      period,
      provenance: licensed,
    },
    PLAIN,
  )
  .map(({ period: [since, until], ...rest }) => ({ ...rest, since, until }));

const place: fc.Arbitrary<PlaceRecord> = fc.record(
  {
    country: text,
    region: optionalText,
    city: optionalText,
    latitude: fc.option(double(-90, 90), { nil: null }),
    longitude: fc.option(double(-180, 180), { nil: null }),
  },
  PLAIN,
);

/** Pathways as the checks allow them: stages in order (some skipped), dates never going backwards. */
const PATHWAYS: InitiativeStage[][] = [
  ['IDEA'],
  ['PILOT', 'ENDED'],
  ['IDEA', 'PILOT', 'SCALING', 'ADOPTED'],
  ['PILOT', 'ADOPTED'],
  ['IDEA', 'PILOT', 'SCALING'],
];
const DAY = 86_400_000;

const history: fc.Arbitrary<InitiativeStageRecord[]> = fc
  .record(
    {
      initiative: text,
      path: fc.constantFrom(...PATHWAYS),
      start: fc.date({
        min: new Date('1990-01-01T00:00:00Z'),
        max: new Date('2030-01-01T00:00:00Z'),
        noInvalidDate: true,
      }),
      gaps: fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 4, maxLength: 4 }),
      provenance,
    },
    PLAIN,
  )
  .map(({ initiative, path, start, gaps, provenance }) => {
    let day = Math.floor(start.getTime() / DAY);
    return path.map((stage, k) => {
      day += k === 0 ? 0 : gaps[k]!;
      return { initiative, stage, date: new Date(day * DAY).toISOString().slice(0, 10), provenance };
    });
  });

export const dataset: fc.Arbitrary<Dataset> = fc
  .record(
    {
      organisations: fc.uniqueArray(organisation, { maxLength: 5, selector: (o) => o.id }),
      relationships: fc.uniqueArray(relationship, { maxLength: 5, selector: (r) => r.id }),
      initiatives: fc.uniqueArray(initiative, { maxLength: 4, selector: (i) => i.id }),
      participations: fc.uniqueArray(participation, {
        maxLength: 4,
        selector: (p) => `${p.initiative}\u0000${p.organisation}`,
      }),
      places: fc.uniqueArray(place, {
        maxLength: 4,
        selector: (p) => [p.country, p.region ?? '', p.city ?? ''].join('\u0000'),
      }),
      histories: fc.uniqueArray(history, { maxLength: 3, selector: (h) => h[0]!.initiative }),
    },
    PLAIN,
  )
  .map(({ histories, ...rest }) => {
    // An initiative's stage is its history's last step.
    const last = new Map(histories.map((h) => [h[0]!.initiative, h[h.length - 1]!.stage]));
    return {
      ...rest,
      initiatives: rest.initiatives.map((i) => (last.has(i.id) ? { ...i, stage: last.get(i.id)! } : i)),
      initiativeStages: histories.flat(),
    };
  });
