// One organisations.csv row (or JSON organisation) to an OrganisationRecord; null when it cannot be built.
import { ORGANISATION_STATUSES, SECTORS, type OrganisationRecord } from '../model.ts';
import type { FieldReader } from './fieldReader.ts';
import { readProvenance } from './provenance.ts';
import { repairLocation } from '../import/repairs.ts';

export function readOrganisation(reader: FieldReader): OrganisationRecord | null {
  const id = reader.text('id', { required: true });
  const name = reader.text('name', { required: true });
  const sector = reader.choice('sector', SECTORS, { required: true });
  let country = reader.text('country');
  let region = reader.text('region');
  let city = reader.text('city');
  const repair = reader.sink.repair;
  if (repair && country === null && (region !== null || city !== null)) {
    // Tolerant reading: a lone value that names a country is the country.
    const repaired = repairLocation({ country, region, city });
    if (repaired.value.country !== null) {
      ({ country, region, city } = repaired.value);
      if (repaired.repair) {
        const field = reader.peek('city') !== null ? 'city' : 'region';
        repair({ file: reader.record.file, line: reader.position(field).line, field, ...repaired.repair });
      }
    }
  }
  if (country === null) {
    for (const [field, value] of [
      ['region', region],
      ['city', city],
    ] as const) {
      if (value !== null) {
        reader.report(
          field,
          'PLACE_HIERARCHY',
          `${field} "${value}" is given without a country; add the country (e.g. United Kingdom)`,
        );
      }
    }
  }
  const record = {
    kind: reader.text('kind'),
    description: reader.text('description'),
    website: reader.url('website'),
    themes: reader.list('themes'),
    identifiers: reader.identifiers('identifiers'),
    status: reader.choice('status', ORGANISATION_STATUSES) ?? 'PUBLISHED',
    provenance: readProvenance(reader),
    // Optional columns: absent from the file, the record does not say (a stored value stays).
    otherWebsites: reader.has('other_websites') ? reader.urls('other_websites') : undefined,
    sectorRule: reader.has('sector_rule') ? reader.text('sector_rule') : undefined,
    closedOn: reader.has('closed_on') ? reader.date('closed_on') : undefined,
    aliases: reader.has('aliases') ? reader.list('aliases', { semicolons: true }) : undefined,
  };
  if (record.aliases?.includes(id ?? '')) {
    reader.report(
      'aliases',
      'ALIAS_CONFLICT',
      `"${id}" is the organisation's own id; aliases are the other ids it was known by, so remove it`,
    );
  }
  if (id === null || name === null || sector === null) return null;
  return {
    id,
    name,
    sector,
    kind: record.kind,
    description: record.description,
    website: record.website,
    country,
    region,
    city,
    themes: record.themes,
    identifiers: record.identifiers,
    status: record.status,
    provenance: record.provenance,
    ...(record.otherWebsites === undefined ? {} : { otherWebsites: record.otherWebsites }),
    ...(record.sectorRule === undefined ? {} : { sectorRule: record.sectorRule }),
    ...(record.closedOn === undefined ? {} : { closedOn: record.closedOn }),
    ...(record.aliases === undefined ? {} : { aliases: record.aliases }),
  };
}
