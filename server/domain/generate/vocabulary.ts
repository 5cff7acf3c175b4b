// The generator's vocabulary: themes, places with coordinates, and the kinds of organisation in each sector.
import type { Sector } from '../model.ts';

export const THEMES = [
  'Health',
  'Housing',
  'Digital inclusion',
  'Employment',
  'Open data',
  'Education',
  'Climate',
  'Transport',
  'Social care',
  'Civic participation',
  'Financial inclusion',
  'Youth',
] as const;

export interface PlaceInfo {
  country: string;
  region: string;
  city: string;
  latitude: number;
  longitude: number;
  currency: string;
  /** Relative chance that a community is here. */
  weight: number;
}

const uk = (region: string, city: string, latitude: number, longitude: number, weight = 3): PlaceInfo => ({
  country: 'United Kingdom',
  region,
  city,
  latitude,
  longitude,
  currency: 'GBP',
  weight,
});
const place = (
  country: string,
  region: string,
  city: string,
  latitude: number,
  longitude: number,
  currency: string,
): PlaceInfo => ({ country, region, city, latitude, longitude, currency, weight: 1 });

/** Real cities (approximate coordinates), mostly in the United Kingdom. */
export const PLACES: readonly PlaceInfo[] = [
  uk('England', 'London', 51.5072, -0.1276, 8),
  uk('England', 'Manchester', 53.4808, -2.2426, 5),
  uk('England', 'Leeds', 53.8008, -1.5491, 4),
  uk('England', 'Birmingham', 52.4862, -1.8904, 5),
  uk('England', 'Bristol', 51.4545, -2.5879),
  uk('England', 'Newcastle upon Tyne', 54.9783, -1.6178),
  uk('England', 'Sheffield', 53.3811, -1.4701),
  uk('England', 'Liverpool', 53.4084, -2.9916),
  uk('England', 'Nottingham', 52.9548, -1.1581, 2),
  uk('England', 'Brighton', 50.8225, -0.1372, 2),
  uk('England', 'Plymouth', 50.3755, -4.1427, 1),
  uk('England', 'Norwich', 52.6309, 1.2974, 1),
  uk('Scotland', 'Glasgow', 55.8642, -4.2518, 4),
  uk('Scotland', 'Edinburgh', 55.9533, -3.1883, 3),
  uk('Scotland', 'Dundee', 56.462, -2.9707, 1),
  uk('Scotland', 'Aberdeen', 57.1497, -2.0943, 1),
  uk('Wales', 'Cardiff', 51.4816, -3.1791, 3),
  uk('Wales', 'Swansea', 51.6214, -3.9436, 1),
  uk('Northern Ireland', 'Belfast', 54.5973, -5.9301, 2),
  place('Netherlands', 'North Holland', 'Amsterdam', 52.3676, 4.9041, 'EUR'),
  place('Netherlands', 'South Holland', 'Rotterdam', 51.9244, 4.4777, 'EUR'),
  place('Estonia', 'Harju County', 'Tallinn', 59.437, 24.7536, 'EUR'),
  place('Kenya', 'Nairobi County', 'Nairobi', -1.2921, 36.8219, 'KES'),
  place('United States', 'California', 'Oakland', 37.8044, -122.2712, 'USD'),
  place('United States', 'Illinois', 'Chicago', 41.8781, -87.6298, 'USD'),
  place('Germany', 'Berlin', 'Berlin', 52.52, 13.405, 'EUR'),
];

/** What an organisation of a kind can do in the network, beyond partnering and sharing data. */
export type Role = 'funder' | 'investor' | 'network' | 'parent' | 'child' | 'adopter' | 'innovator';

export interface KindProfile {
  kind: string;
  /** Relative frequency within the sector. */
  weight: number;
  roles: readonly Role[];
  /** Initial attractiveness in preferential attachment: hubs-to-be (ministries, foundations, networks) start higher. */
  attractiveness: number;
}

const k = (kind: string, weight: number, attractiveness: number, ...roles: Role[]): KindProfile => ({
  kind,
  weight,
  roles,
  attractiveness,
});

export const KINDS: Readonly<Record<Sector, readonly KindProfile[]>> = {
  GOVERNMENT: [
    k('ministry', 0.6, 8, 'funder', 'parent', 'adopter'),
    k('executive agency', 1.5, 2, 'child', 'adopter'),
    k('local authority', 5, 2, 'adopter'),
    k('combined authority', 0.5, 3, 'funder', 'parent', 'adopter'),
    k('health board', 0.8, 2, 'adopter'),
    k('library service', 0.6, 1, 'child', 'adopter'),
  ],
  NGO: [
    k('foundation', 0.8, 8, 'funder'),
    k('charity', 6, 1),
    k('coalition', 0.6, 6, 'network'),
    k('housing association', 1, 1),
    k('community group', 1.5, 0.5),
    k('credit union', 0.4, 1),
  ],
  COMPANY: [
    k('startup', 3, 1),
    k('consultancy', 1.5, 2),
    k('IT supplier', 1.2, 2),
    k('data company', 1, 1),
    k('impact investor', 0.5, 5, 'investor'),
    k('bank', 0.3, 3, 'funder', 'investor'),
  ],
  CIVIC_INNOVATOR: [
    k('civic tech group', 4, 1, 'innovator'),
    k('social enterprise', 3, 1, 'innovator'),
    k('civic startup', 2, 1, 'innovator'),
    k('civic tech network', 0.5, 7, 'network'),
    k('data cooperative', 0.5, 2, 'innovator'),
  ],
  ACADEMIC: [
    k('university', 2, 4, 'parent'),
    k('research institute', 2, 2),
    k('research centre', 1.5, 1, 'child'),
    k('further education college', 1, 1),
  ],
};

export const hasRole = (profile: KindProfile, role: Role): boolean => profile.roles.includes(role);
