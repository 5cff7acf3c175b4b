// `360giving`: grants in the 360Giving Data Standard (a publisher file `{ "grants": [...] }` or a tracker
// export with more keys beside `grants`). Each grant is a FUNDING relationship funder → recipient with
// amount, currency, award date, programme and title; funders and recipients are organisations identified
// by their org-id (and charity or company numbers). The file is streamed, one grant at a time.
import path from 'node:path';
import type { Identifier } from '../../model.ts';
import { splitOrgId } from '../../identity/normalise.ts';
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
import { UK_NATIONS } from '../countries.ts';
import { cleanText, parseFlexibleDate, repairLocation, repairWebsite, type Location } from '../repairs.ts';
import { inferSector } from '../sectorRules.ts';
import { slugify } from '../slug.ts';
import { isUkPostcode, realPostcode, ukRegionKind } from '../ukPlaces.ts';
import { datasetName, filesOnly, looksLikeStreet, problemAt, sourceFacts, take } from './common.ts';
import { normaliseIdentifier } from '../../identity/normalise.ts';

const FORMAT = '360giving';
const GRANTNAV = 'https://grantnav.threesixtygiving.org';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function first(value: unknown): Json | null {
  if (Array.isArray(value)) return value.find(isObject) ?? null;
  return isObject(value) ? value : null;
}

/** Org-ids that are placeholders, not identifiers: empty, `DUMMY…`, `UNKNOWN`, no letter or digit. */
function isPlaceholderId(id: string | null): boolean {
  return id === null || /^(dummy|unknown|none|tbc|n\/?a)\d*$/i.test(id) || !/[a-z0-9]/i.test(id);
}

/**
 * A register number as a spreadsheet left it: a number with a decimal part of zeros ("1168129.0"), or a
 * Scottish charity number with the letter O for its first zero ("SCO43914"). Null when it is neither.
 */
export function spreadsheetResidue(scheme: string, value: string): string | null {
  const v = value.trim();
  const decimal = /^(\d+)\.0+$/.exec(v);
  if (decimal) return decimal[1]!;
  if (scheme.toUpperCase() === 'GB-SC' && /^SCO\d{5}$/i.test(v)) return `SC0${v.slice(3)}`;
  return null;
}

function identifiersOf(org: Json, orgId: string | null, context: ReadContext, where: string): Identifier[] {
  const out: Identifier[] = [];
  const split = orgId === null ? null : splitOrgId(orgId);
  const add = (scheme: string, value: string, field: string) => {
    const n = normaliseIdentifier(scheme, value);
    const fixed = n ? null : spreadsheetResidue(scheme, value);
    const repaired = fixed === null ? null : normaliseIdentifier(scheme, fixed);
    if (n) out.push(n);
    else if (repaired) {
      out.push(repaired);
      context.repair({
        code: 'IDENTIFIER_REPAIRED',
        where,
        field,
        message: `${field} "${value}" read as ${scheme} ${repaired.value}`,
      });
    } else {
      context.repair({
        code: 'BAD_IDENTIFIER',
        where,
        field,
        message: `${field} "${value}" is not a valid ${scheme} number; not used to identify the organisation`,
      });
    }
  };
  if (split && split.scheme !== '360G') add(split.scheme, split.value, 'id');
  const charity = cleanText(org.charityNumber);
  if (charity !== null) {
    const scheme = /^sc/i.test(charity)
      ? 'GB-SC'
      : /^ni/i.test(charity)
        ? 'GB-NIC'
        : split?.scheme === 'GB-SC' || split?.scheme === 'GB-NIC'
          ? split.scheme
          : 'GB-CHC';
    add(scheme, charity, 'charityNumber');
  }
  const company = cleanText(org.companyNumber);
  if (company !== null) add('GB-COH', company, 'companyNumber');
  const seen = new Set<string>();
  return out.filter((i) => {
    const k = `${i.scheme}:${i.value}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The place of a funder or recipient (README "Repairs"). A street, corner or PO box in `addressLocality` is
 * not the city (NOT_A_PLACE). Without `addressCountry`, the United Kingdom is assumed only when nothing in
 * the address says otherwise: a UK postcode, or a British org-id (GB-…) and no postcode at all; a postcode
 * of another shape (`CA 94129`, `CH-1204`) leaves the place out, saying why (LOCATION); an address whose only
 * line is a street is then in the country, with no city. In the United Kingdom
 * an `addressRegion` that is not a UK region (a nation, an ITL1 region or a county) is a town: the city when
 * no city is given, else left out (NOT_A_REGION); London is the region beside a district (Hammersmith,
 * London) and the city alone.
 */
function placeOf(org: Json, rawId: string | null, context: ReadContext, where: string): Location {
  const postcode = realPostcode(cleanText(org.postalCode));
  const britishId = rawId !== null && /^GB-/i.test(rawId);
  const ukPostcode = postcode !== null && isUkPostcode(postcode);
  const countryDefault = ukPostcode || (britishId && postcode === null) ? 'United Kingdom' : null;
  const given = cleanText(org.addressLocality) !== null || cleanText(org.addressRegion) !== null;
  let city = cleanText(org.addressLocality);
  if (city !== null && looksLikeStreet(city)) {
    context.repair({
      code: 'NOT_A_PLACE',
      where,
      field: 'addressLocality',
      message: `addressLocality "${city}" looks like a street address, not a town; not used as the city`,
    });
    city = null;
  }
  let region = cleanText(org.addressRegion);
  if (region !== null && looksLikeStreet(region)) region = null;
  const country = cleanText(org.addressCountry);
  const repaired = repairLocation({ country, region, city }, countryDefault);
  if (repaired.repair && repaired.value.country === null && britishId && postcode !== null && !ukPostcode) {
    repaired.repair.message += ` (the org-id is British, but postcode "${postcode}" is not a UK postcode, so the United Kingdom is not assumed)`;
  }
  const location = take(context, where, 'address', repaired);
  // Only a street was given ("Sunderland Road", DH1 2LL): not the city, but still the country.
  if (location.country === null && countryDefault !== null && given) location.country = countryDefault;
  if (location.country !== 'United Kingdom' || location.region === null) return location;
  const kind = ukRegionKind(location.region);
  if (kind === 'region' || (kind === 'city-region' && location.city !== null)) return location;
  const nation = country === null ? null : (UK_NATIONS[country.toLowerCase()] ?? null);
  const town = location.region;
  context.repair({
    code: 'NOT_A_REGION',
    where,
    field: 'addressRegion',
    message:
      kind === 'city-region'
        ? `addressRegion "${town}" without a city is the city`
        : location.city === null
          ? `addressRegion "${town}" is a town, not a UK region (a nation, an ITL1 region or a county); read as the city`
          : `addressRegion "${town}" is a town, not a UK region (a nation, an ITL1 region or a county); left out beside the city ${location.city}`,
  });
  return { country: location.country, region: nation, city: location.city ?? town };
}

function organisation(
  org: Json,
  role: 'funder' | 'recipient',
  dataset: string,
  context: ReadContext,
  where: string,
): IncomingOrganisation | null {
  const name = cleanText(org.name);
  if (name === null) {
    context.problem(
      problemAt(where, `${role}.name`, 'REQUIRED', `the ${role} has no name; every organisation needs one`),
    );
    return null;
  }
  const rawId = cleanText(org.id);
  const identifiers = identifiersOf(org, rawId, context, `${where} ${role}`);
  const location = placeOf(org, rawId, context, `${where} ${role}`);
  let recordId = rawId;
  if (isPlaceholderId(rawId)) {
    recordId = `360g-name:${slugify(name)}${(location.city ?? location.region ?? location.country) ? `@${slugify(location.city ?? location.region ?? location.country ?? '')}` : ''}`;
    context.repair({
      code: 'PLACEHOLDER_ID',
      where: `${where} ${role}`,
      field: 'id',
      message: `org-id ${JSON.stringify(rawId ?? '')} is a placeholder, not an identifier; the organisation is identified by its name and place (${recordId})`,
    });
  }
  const website = take(context, `${where} ${role}`, 'url', repairWebsite(org.url, 'url'));
  const { sector, rule } = inferSector(name, identifiers);
  context.sectorRule(rule);
  const id = recordId ?? '';
  return {
    type: 'organisation',
    recordId: id,
    name,
    sector,
    sectorRule: rule,
    kind: null,
    description: cleanText(org.description),
    websites: website === null ? [] : [website],
    country: location.country,
    region: location.region,
    city: location.city,
    latitude: null,
    longitude: null,
    themes: [],
    identifiers,
    status: 'PUBLISHED',
    closedOn: null,
    provenance: sourceFacts(
      dataset,
      id,
      rawId === null || isPlaceholderId(rawId) ? null : `${GRANTNAV}/org/${encodeURIComponent(rawId)}`,
    ),
  };
}

function amountOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
  const text = cleanText(value);
  if (text === null) return null;
  const n = Number(text.replace(/[,£$€\s]/g, ''));
  return Number.isFinite(n) && n >= 0 ? n : null;
}

function funding(
  grant: Json,
  grantId: string,
  funderId: string,
  recipientId: string,
  dataset: string,
  context: ReadContext,
  where: string,
): IncomingRelationship | null {
  let ok = true;
  const amount = amountOf(grant.amountAwarded);
  if (amount === null) {
    context.problem(
      problemAt(
        where,
        'amountAwarded',
        'BAD_NUMBER',
        `amountAwarded ${JSON.stringify(grant.amountAwarded ?? null)} is not an amount; write a number ≥ 0`,
      ),
    );
    ok = false;
  }
  const currency = cleanText(grant.currency)?.toUpperCase() ?? null;
  if (currency === null || !/^[A-Z]{3}$/.test(currency)) {
    context.problem(
      problemAt(
        where,
        'currency',
        'BAD_CURRENCY',
        `currency ${JSON.stringify(grant.currency ?? null)} is not an ISO 4217 code such as GBP`,
      ),
    );
    ok = false;
  }
  const award = parseFlexibleDate(grant.awardDate, 'awardDate');
  if (award === null) {
    context.problem(
      problemAt(
        where,
        'awardDate',
        'BAD_DATE',
        `awardDate ${JSON.stringify(grant.awardDate)} is not a date this importer reads (YYYY-MM-DD, an ISO date-time, DD/MM/YYYY, MM/YYYY, 31 March 2014)`,
      ),
    );
    ok = false;
  } else if (award.value === null) {
    context.problem(
      problemAt(where, 'awardDate', 'REQUIRED', 'awardDate is missing; every 360Giving grant has one'),
    );
    ok = false;
  }
  if (award?.repair) context.repair({ ...award.repair, where, field: 'awardDate' });
  const planned = first(grant.plannedDates);
  let until: string | null = null;
  if (planned) {
    const end = parseFlexibleDate(planned.endDate, 'plannedDates.endDate');
    if (end === null) {
      context.repair({
        code: 'BAD_DATE_DROPPED',
        where,
        field: 'plannedDates.endDate',
        message: `plannedDates endDate ${JSON.stringify(planned.endDate)} is not a date; left out`,
      });
    } else {
      until = end.value;
      if (end.repair) context.repair({ ...end.repair, where, field: 'plannedDates.endDate' });
    }
  }
  const since = award?.value ?? null;
  if (since !== null && until !== null && until < since) {
    context.repair({
      code: 'DATE_ORDER_DROPPED',
      where,
      field: 'plannedDates.endDate',
      message: `planned end ${until} is before the award date ${since}; the end is left out`,
    });
    until = null;
  }
  if (!ok) return null;
  const programme = first(grant.grantProgramme);
  return {
    type: 'relationship',
    id: `360g:${grantId}`,
    kind: 'FUNDING',
    source: funderId,
    target: recipientId,
    since,
    until,
    amount,
    currency,
    trust: 'IMPORTED',
    description: cleanText(grant.description),
    extra: { title: cleanText(grant.title), programme: programme ? cleanText(programme.title) : null },
    provenance: sourceFacts(dataset, grantId, `${GRANTNAV}/grant/${encodeURIComponent(grantId)}`),
  };
}

async function* readFile(
  file: string,
  pass: Pass,
  context: ReadContext,
): AsyncGenerator<Located<IncomingOrganisation | IncomingRelationship>> {
  const dataset = datasetName(FORMAT, file);
  const name = path.basename(file);
  let count = 0;
  try {
    for await (const { index, value } of jsonArrayItems(
      openText(file, pass === 'organisations' ? context.progress : undefined),
      'grants',
    )) {
      count += 1;
      const where = `${name} grants[${index}]`;
      if (!isObject(value)) {
        if (pass === 'organisations')
          context.problem(problemAt(where, null, 'BAD_TYPE', 'each grant must be an object { … }'));
        continue;
      }
      const grantId = cleanText(value.id);
      const funderJson = first(value.fundingOrganization);
      const recipientJson = first(value.recipientOrganization);
      if (pass === 'organisations') {
        if (grantId === null)
          context.problem(
            problemAt(where, 'id', 'REQUIRED', 'the grant has no id; every 360Giving grant has one'),
          );
        if (!funderJson)
          context.problem(
            problemAt(where, 'fundingOrganization', 'REQUIRED', 'the grant names no funding organisation'),
          );
        if (!recipientJson)
          context.problem(
            problemAt(
              where,
              'recipientOrganization',
              'REQUIRED',
              'the grant names no recipient organisation',
            ),
          );
      }
      if (grantId === null || !funderJson || !recipientJson) continue;
      // Organisations are read (and reported) in the first pass only; the second re-derives their ids quietly.
      const quiet: ReadContext = {
        problem: () => {},
        repair: () => {},
        sectorRule: () => {},
        progress: () => {},
      };
      const ctx = pass === 'organisations' ? context : quiet;
      const funder = organisation(funderJson, 'funder', dataset, ctx, where);
      const recipient = organisation(recipientJson, 'recipient', dataset, ctx, where);
      if (pass === 'organisations') {
        if (funder) yield { record: funder, where: `${where} funder` };
        if (recipient) yield { record: recipient, where: `${where} recipient` };
      } else if (funder && recipient) {
        const relationship = funding(
          value,
          grantId,
          funder.recordId,
          recipient.recordId,
          dataset,
          context,
          where,
        );
        if (relationship) yield { record: relationship, where };
      }
    }
  } catch (error) {
    if (!(error instanceof BadJsonError)) throw error;
    if (pass === 'organisations') {
      context.problem({
        ...problemAt(
          name,
          null,
          'BAD_JSON',
          `invalid JSON after ${count} grant(s): ${error.message}; a 360Giving file is one JSON object with a "grants" list`,
        ),
        line: error.line,
        column: error.column,
      });
    }
    return;
  }
  if (count === 0 && pass === 'organisations') {
    context.problem(
      problemAt(
        name,
        'grants',
        'NO_GRANTS',
        'no grants found: a 360Giving file is a JSON object with a non-empty "grants" list',
      ),
    );
  }
}

export const threeSixtyGivingImporter: OpenImporter = {
  name: FORMAT,
  description:
    '360Giving grants JSON ({"grants": [...]}, publisher files or tracker exports): FUNDING funder → recipient',
  defaultLicence: 'the publisher’s open licence under the 360Giving Data Standard (most often CC BY 4.0)',
  recordedBy: `import:${FORMAT}`,
  authoritative: false,
  checkPaths: (paths) => filesOnly(paths, FORMAT, '360Giving JSON file'),
  async *read(paths, pass, context) {
    for (const file of paths) yield* readFile(file, pass, context);
  },
};
