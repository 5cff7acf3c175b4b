// `cfa-brigades`: Code for America's brigade directory (organizations.json of brigade-information). Each
// record is a civic innovator (or a government digital team); its tags say which networks it belongs to
// (MEMBERSHIP member → network) and a few attributes (NETWORK_TAGS below, documented in the README).
// Records have no ids: the record id is derived from the normalised name and city, since websites repeat.
import path from 'node:path';
import type { Sector } from '../../model.ts';
import { normaliseName } from '../../identity/normalise.ts';
import { countryName } from '../countries.ts';
import { openText } from '../files.ts';
import type {
  IncomingOrganisation,
  IncomingRelationship,
  Located,
  OpenImporter,
  Pass,
  ReadContext,
} from '../incoming.ts';
import { BadJsonError, jsonArrayItems } from '../jsonStream.ts';
import { cleanText, repairLocation, repairWebsite } from '../repairs.ts';
import { slugify } from '../slug.ts';
import { datasetName, filesOnly, problemAt, sourceFacts, take } from './common.ts';

const FORMAT = 'cfa-brigades';

/**
 * The 19 tags of the directory. A network tag makes the record a MEMBER of that network (an organisation of
 * its own, or the record of the same name when the file has one); attributes only describe the record.
 */
export const NETWORK_TAGS: Readonly<Record<string, { network: string } | { attribute: string }>> = {
  'Code for America': { network: 'Code for America' },
  'Code for America Partner Brigade': { network: 'Code for America' },
  'Code for America Fiscally Sponsored Brigade': { network: 'Code for America' },
  'Code for All': { network: 'Code for All' },
  'Code for All Affiliate': { network: 'Code for All' },
  'OK Lab': { network: 'Code for Germany' },
  'Code for Poland': { network: 'Code for Poland' },
  'Code for Japan': { network: 'Code for Japan' },
  'Code for Romania': { network: 'Code for Romania' },
  Brigade: { attribute: 'a brigade (a local civic-tech volunteer group)' },
  Official: { attribute: 'an official Code for America brigade' },
  Government: { attribute: 'a government digital team (sector GOVERNMENT)' },
  midwest: { attribute: 'in the US Midwest' },
  Partner: { attribute: 'a partner organisation' },
  partner: { attribute: 'a partner organisation' },
  Fellowship: { attribute: 'a Code for America fellowship' },
  'Brigade Collaboration': { attribute: 'a collaboration between brigades' },
  Project: { attribute: 'a project rather than a group' },
  Temporary: { attribute: 'a temporary effort' },
};

const US_STATES: Readonly<Record<string, string>> = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  DC: 'District of Columbia',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
  PR: 'Puerto Rico',
};

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `{city, state, country}` when the record has it, else its "City, ST" or "City, Country" text. */
function locationOf(record: Json): { country: string | null; region: string | null; city: string | null } {
  const loc = isObject(record.location) ? record.location : null;
  if (loc && (cleanText(loc.city) !== null || cleanText(loc.country) !== null)) {
    return { country: cleanText(loc.country), region: cleanText(loc.state), city: cleanText(loc.city) };
  }
  const text = cleanText(record.city);
  if (text === null) return { country: null, region: null, city: null };
  const [city = '', rest = ''] = text.split(/,\s*/);
  const state = US_STATES[rest.toUpperCase()] ?? (Object.values(US_STATES).includes(rest) ? rest : undefined);
  if (state !== undefined) return { country: 'United States', region: state, city: cleanText(city) };
  return { country: countryName(rest) ?? null, region: null, city: cleanText(city) };
}

function recordIdOf(name: string, city: string | null): string {
  return `cfa:${slugify(normaliseName(name))}${city === null ? '' : `@${slugify(city)}`}`;
}

function networkId(network: string): string {
  return `cfa-network:${slugify(network)}`;
}

function coordinate(value: unknown): number | null {
  const text = cleanText(value);
  if (text === null) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

interface Parsed {
  org: IncomingOrganisation;
  networks: string[];
  attributes: string[];
}

function parse(record: Json, dataset: string, context: ReadContext, where: string): Parsed | null {
  const name = cleanText(record.name);
  if (name === null) {
    context.problem(
      problemAt(where, 'name', 'REQUIRED', 'the record has no name; every organisation needs one'),
    );
    return null;
  }
  const location = take(context, where, 'city', repairLocation(locationOf(record)));
  const tags = Array.isArray(record.tags)
    ? record.tags.map(cleanText).filter((t): t is string => t !== null)
    : [];
  const networks: string[] = [];
  const attributes: string[] = [];
  for (const tag of tags) {
    const meaning = NETWORK_TAGS[tag];
    if (meaning === undefined) {
      context.repair({
        code: 'UNKNOWN_TAG',
        where,
        field: 'tags',
        message: `tag "${tag}" is not in the table of networks and attributes; ignored`,
      });
    } else if ('network' in meaning) {
      if (!networks.includes(meaning.network)) networks.push(meaning.network);
      if (tag !== meaning.network) attributes.push(tag);
    } else attributes.push(tag);
  }
  const government = tags.includes('Government');
  const sector: Sector = government ? 'GOVERNMENT' : 'CIVIC_INNOVATOR';
  const rule = government ? 'tag:Government' : 'default:civic-innovator';
  context.sectorRule(rule);
  const websites: string[] = [];
  const website = take(context, where, 'website', repairWebsite(record.website));
  if (website !== null) websites.push(website);
  const social = isObject(record.social_profiles) ? record.social_profiles : null;
  if (social) {
    const facebook = repairWebsite(social.facebook, 'social_profiles.facebook').value;
    if (facebook !== null && !websites.includes(facebook)) websites.push(facebook);
  }
  let latitude = coordinate(record.latitude);
  let longitude = coordinate(record.longitude);
  if (latitude === 0 && longitude === 0) {
    context.repair({
      code: 'NULL_ISLAND',
      where,
      field: 'latitude',
      message: 'coordinates 0, 0 are a placeholder; left out',
    });
    latitude = longitude = null;
  }
  const previous = Array.isArray(record.previous_names)
    ? record.previous_names.map(cleanText).filter((n): n is string => n !== null)
    : [];
  const recordId = recordIdOf(name, location.city);
  const kind = government
    ? 'government digital team'
    : tags.includes('Project')
      ? 'civic tech project'
      : tags.includes('Brigade')
        ? 'brigade'
        : 'civic tech group';
  return {
    org: {
      type: 'organisation',
      recordId,
      name,
      sector,
      sectorRule: rule,
      kind,
      description: previous.length > 0 ? `Previously known as ${previous.join(', ')}.` : null,
      websites,
      country: location.country,
      region: location.region,
      city: location.city,
      latitude,
      longitude,
      themes: ['Civic tech'],
      identifiers: [],
      status: 'PUBLISHED',
      closedOn: null,
      provenance: sourceFacts(dataset, recordId, null),
    },
    networks,
    attributes,
  };
}

async function* records(
  file: string,
  context: ReadContext,
  report: boolean,
): AsyncGenerator<{ where: string; value: Json }> {
  const name = path.basename(file);
  let count = 0;
  try {
    for await (const { index, value } of jsonArrayItems(
      openText(file, report ? context.progress : undefined),
      null,
    )) {
      count += 1;
      const where = `${name}[${index}]`;
      if (isObject(value)) yield { where, value };
      else if (report)
        context.problem(problemAt(where, null, 'BAD_TYPE', 'each record must be an object { … }'));
    }
  } catch (error) {
    if (!(error instanceof BadJsonError)) throw error;
    if (report) {
      context.problem({
        ...problemAt(
          name,
          null,
          'BAD_JSON',
          `invalid JSON after ${count} record(s): ${error.message}; the directory is one JSON array of organisations`,
        ),
        line: error.line,
        column: error.column,
      });
    }
    return;
  }
  if (count === 0 && report)
    context.problem(
      problemAt(name, null, 'NO_RECORDS', 'no organisations found: the directory is a JSON array of records'),
    );
}

const QUIET: ReadContext = { problem: () => {}, repair: () => {}, sectorRule: () => {}, progress: () => {} };

async function* readFile(
  file: string,
  pass: Pass,
  context: ReadContext,
): AsyncGenerator<Located<IncomingOrganisation | IncomingRelationship>> {
  const dataset = datasetName(FORMAT, file);
  const report = pass === 'organisations';
  // A network that the file has a record of (same normalised name) is that record.
  const byName = new Map<string, string>();
  const parsed: { where: string; p: Parsed }[] = [];
  for await (const { where, value } of records(file, report ? context : QUIET, report)) {
    const p = parse(value, dataset, report ? context : QUIET, where);
    if (!p) continue;
    const key = normaliseName(p.org.name);
    if (!byName.has(key)) byName.set(key, p.org.recordId);
    if (report) yield { record: p.org, where };
    else parsed.push({ where, p: { ...p, org: { ...p.org, description: null } } });
  }
  const networks = [
    ...new Set(Object.values(NETWORK_TAGS).flatMap((m) => ('network' in m ? [m.network] : []))),
  ];
  const networkRecord = (network: string) => byName.get(normaliseName(network)) ?? networkId(network);
  if (report) {
    for (const network of networks) {
      if (byName.has(normaliseName(network))) continue;
      context.sectorRule('network-tag');
      yield {
        record: {
          type: 'organisation',
          recordId: networkId(network),
          name: network,
          sector: 'CIVIC_INNOVATOR',
          sectorRule: 'network-tag',
          kind: 'civic tech network',
          description: `A network of civic-tech groups, named by the "${network}" tags of the brigade directory.`,
          websites: [],
          country: null,
          region: null,
          city: null,
          latitude: null,
          longitude: null,
          themes: ['Civic tech'],
          identifiers: [],
          status: 'PUBLISHED',
          closedOn: null,
          provenance: sourceFacts(dataset, networkId(network), null),
        },
        where: `${path.basename(file)} (tag "${network}")`,
      };
    }
    return;
  }
  for (const { where, p } of parsed) {
    for (const network of p.networks) {
      const target = networkRecord(network);
      if (target === p.org.recordId) continue;
      yield {
        record: {
          type: 'relationship',
          id: `cfa:${p.org.recordId}>${target}`,
          kind: 'MEMBERSHIP',
          source: p.org.recordId,
          target,
          since: null,
          until: null,
          amount: null,
          currency: null,
          trust: 'IMPORTED',
          description: p.attributes.length > 0 ? `Tags: ${p.attributes.join(', ')}` : null,
          extra: {},
          provenance: sourceFacts(dataset, p.org.recordId, null),
        },
        where,
      };
    }
  }
}

export const cfaBrigadesImporter: OpenImporter = {
  name: FORMAT,
  description:
    "Code for America's brigade directory (organizations.json): civic innovators, MEMBERSHIP of networks",
  defaultLicence: 'MIT (Code for America brigade-information)',
  recordedBy: `import:${FORMAT}`,
  authoritative: false,
  checkPaths: (paths) => filesOnly(paths, FORMAT, 'organizations.json file'),
  async *read(paths, pass, context) {
    for (const file of paths) yield* readFile(file, pass, context);
  },
};
