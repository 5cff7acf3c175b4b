// Sector inference for sources that give no sector (README "Sector inference"). The first rule that
// matches wins; its name is stored on the organisation (`sectorRule`) so a curator can see why and
// correct it, and the report counts records per rule.
import type { Identifier, Sector } from '../model.ts';

export interface SectorRule {
  name: string;
  sector: Sector;
  /** What the rule looks at, for the README. */
  description: string;
  test(name: string, identifiers: readonly Identifier[]): boolean;
}

const hasScheme = (identifiers: readonly Identifier[], ...schemes: string[]) =>
  identifiers.some((i) => schemes.includes(i.scheme));

export const SECTOR_RULES: readonly SectorRule[] = [
  {
    name: 'identifier:local-authority',
    sector: 'GOVERNMENT',
    description: 'a local authority identifier (GB-LAE, GB-LAS, GB-LANI, GB-PLA)',
    test: (_, ids) => hasScheme(ids, 'GB-LAE', 'GB-LAS', 'GB-LANI', 'GB-PLA'),
  },
  {
    name: 'identifier:nhs',
    sector: 'GOVERNMENT',
    description: 'an NHS identifier (GB-NHS)',
    test: (_, ids) => hasScheme(ids, 'GB-NHS'),
  },
  {
    name: 'identifier:government',
    sector: 'GOVERNMENT',
    description: 'a government register identifier (GOVUK, GB-GOR)',
    test: (_, ids) => hasScheme(ids, 'GOVUK', 'GB-GOR'),
  },
  {
    name: 'identifier:university',
    sector: 'ACADEMIC',
    description: 'an education register identifier (GB-EDU, GB-UKPRN, GB-HESA)',
    test: (_, ids) => hasScheme(ids, 'GB-EDU', 'GB-UKPRN', 'GB-HESA'),
  },
  {
    name: 'name:council',
    sector: 'GOVERNMENT',
    description:
      'a name ending in "Council", or naming a city, county, borough, district, parish or town council ' +
      '("… Council for Voluntary Service" is not one), without a charity or company number (a council ' +
      'has neither: "Refugee Council" is a charity)',
    test: (name, ids) =>
      !hasScheme(ids, 'GB-CHC', 'GB-SC', 'GB-NIC', 'GB-COH') &&
      (/\b(city|county|borough|district|parish|town|metropolitan|regional|community) council\b/i.test(name) ||
        /\bcouncil$/i.test(name.trim())),
  },
  {
    name: 'name:university',
    sector: 'ACADEMIC',
    description: 'a name with University, College, Institute of Technology or School of',
    test: (name) => /\b(university|universit[äéà]t?|college|institute of technology|school of)\b/i.test(name),
  },
  {
    name: 'name:cic',
    sector: 'COMPANY',
    description: 'a community interest company: "CIC" or "Community Interest Company" in the name',
    test: (name) => /\b(c\.?i\.?c\.?|community interest company)\b/i.test(name),
  },
  {
    name: 'identifier:charity',
    sector: 'NGO',
    description: 'a charity number (GB-CHC, GB-SC, GB-NIC)',
    test: (_, ids) => hasScheme(ids, 'GB-CHC', 'GB-SC', 'GB-NIC'),
  },
  {
    name: 'name:charity-words',
    sector: 'NGO',
    description: 'Trust, Foundation, Charity, Association, Society or Fund in the name',
    test: (name) => /\b(trust|foundation|charity|charitable|association|society|fund)\b/i.test(name),
  },
  {
    name: 'identifier:company',
    sector: 'COMPANY',
    description: 'a company number (GB-COH) and no charity number',
    test: (_, ids) => hasScheme(ids, 'GB-COH'),
  },
  {
    name: 'name:company-suffix',
    sector: 'COMPANY',
    description: 'Ltd, Limited, PLC, LLP, Inc or GmbH in the name',
    test: (name) => /\b(ltd|limited|plc|llp|inc|gmbh)\b\.?/i.test(name),
  },
];

export const DEFAULT_SECTOR_RULE = { name: 'default:ngo', sector: 'NGO' as Sector };

/** The sector and the name of the rule that chose it. */
export function inferSector(
  name: string,
  identifiers: readonly Identifier[],
): { sector: Sector; rule: string } {
  const rule = SECTOR_RULES.find((r) => r.test(name, identifiers));
  return rule
    ? { sector: rule.sector, rule: rule.name }
    : { sector: DEFAULT_SECTOR_RULE.sector, rule: DEFAULT_SECTOR_RULE.name };
}
