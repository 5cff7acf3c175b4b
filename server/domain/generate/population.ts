// Synthetic organisations: sectors in the requested proportions, grouped into communities (a city and focus themes).
import { SECTORS, type Identifier, type OrganisationRecord, type Provenance, type Sector } from '../model.ts';
import type { ResolvedSyntheticOptions } from './options.ts';
import { organisationName, withArticle } from './names.ts';
import type { Random } from './random.ts';
import { KINDS, PLACES, THEMES, type KindProfile, type PlaceInfo } from './vocabulary.ts';

export interface Community {
  place: PlaceInfo;
  themes: readonly [string, string];
}

export interface Population {
  organisations: OrganisationRecord[];
  sectors: Sector[];
  profiles: KindProfile[];
  communityOf: Int32Array;
  communities: Community[];
}

/**
 * The first organisations get the roles every network needs (they also become the oldest, best-connected nodes):
 * a ministry, a foundation, a civic-tech network, an investor, a university, and a child for each kind of parent.
 */
const FOUNDING_KINDS: ReadonlyArray<readonly [Sector, string]> = [
  ['GOVERNMENT', 'ministry'],
  ['NGO', 'foundation'],
  ['CIVIC_INNOVATOR', 'civic tech network'],
  ['COMPANY', 'impact investor'],
  ['ACADEMIC', 'university'],
  ['GOVERNMENT', 'executive agency'],
  ['CIVIC_INNOVATOR', 'social enterprise'],
  ['ACADEMIC', 'research centre'],
];

/** Exact proportions by largest remainder, then shuffled; founding kinds moved to the front. */
export function assignSectors(
  n: number,
  mix: Readonly<Record<Sector, number>>,
  random: Random,
): { sectors: Sector[]; forcedKinds: Array<string | undefined> } {
  const total = SECTORS.reduce((sum, s) => sum + mix[s], 0);
  const exact = SECTORS.map((s) => (n * mix[s]) / total);
  const counts = exact.map(Math.floor);
  const byRemainder = SECTORS.map((_, i) => i).sort(
    (a, b) =>
      (exact[b] as number) - (counts[b] as number) - ((exact[a] as number) - (counts[a] as number)) || a - b,
  );
  let missing = n - counts.reduce((sum, c) => sum + c, 0);
  for (const i of byRemainder) {
    if (missing-- <= 0) break;
    counts[i] = (counts[i] as number) + 1;
  }
  const sectors: Sector[] = [];
  SECTORS.forEach((s, i) => {
    for (let c = 0; c < (counts[i] as number); c++) sectors.push(s);
  });
  random.shuffle(sectors);
  const forcedKinds: Array<string | undefined> = [];
  let front = 0;
  for (const [sector, kind] of FOUNDING_KINDS) {
    const at = sectors.indexOf(sector, front);
    if (at < 0) continue;
    sectors[at] = sectors[front] as Sector;
    sectors[front] = sector;
    forcedKinds[front] = kind;
    front++;
  }
  return { sectors, forcedKinds };
}

export function makeCommunities(count: number, random: Random): Community[] {
  const weights = PLACES.map((p) => p.weight);
  const communities: Community[] = [];
  for (let c = 0; c < count; c++) {
    const first = random.pick(THEMES);
    let second = random.pick(THEMES);
    while (second === first) second = random.pick(THEMES);
    communities.push({ place: PLACES[random.weightedIndex(weights)] as PlaceInfo, themes: [first, second] });
  }
  return communities;
}

function chooseProfile(random: Random, sector: Sector, forcedKind: string | undefined): KindProfile {
  const profiles = KINDS[sector];
  const forced = forcedKind === undefined ? undefined : profiles.find((p) => p.kind === forcedKind);
  return forced ?? (profiles[random.weightedIndex(profiles.map((p) => p.weight))] as KindProfile);
}

function themesFor(random: Random, community: Community): string[] {
  const [a, b] = random.chance(0.5) ? community.themes : [community.themes[1], community.themes[0]];
  const themes = [a];
  if (random.chance(0.6)) themes.push(b);
  const extra = random.pick(THEMES);
  if (random.chance(0.25) && !themes.includes(extra)) themes.push(extra);
  return themes;
}

/** A stable 32-bit mix of the seed and a position, for fake registry numbers that differ between seeds. */
function mix(seed: number, position: number): number {
  let h = Math.imul(seed ^ 0x2545f491, 0x9e3779b1) ^ Math.imul(position + 1, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 13)) >>> 0;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function identifiersFor(o: OrganisationRecord, kind: string, seed: number, position: number): Identifier[] {
  if (o.country !== 'United Kingdom') return [];
  const h = mix(seed, position);
  if (o.sector === 'GOVERNMENT') return [{ scheme: 'GOVUK', value: `${slug(o.name)}-${position}` }];
  if (o.sector === 'NGO' && (kind === 'charity' || kind === 'foundation')) {
    return [{ scheme: 'GB-CHC', value: String(1_000_000 + (h % 1_000_000)) }];
  }
  if (o.sector === 'COMPANY' || kind === 'social enterprise') {
    return [{ scheme: 'GB-COH', value: String(h % 100_000_000).padStart(8, '0') }];
  }
  return [];
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** "a", "a and b", "a, b and c". */
function listing(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Descriptions repeat (kind × city × themes), so each distinct one is built once and shared. */
const descriptions = new Map<string, string>();

function describe(kind: string, city: string, themes: readonly string[]): string {
  const key = `${kind}|${city}|${themes.join(';')}`;
  let text = descriptions.get(key);
  if (text === undefined) {
    text = `${capitalised(withArticle(kind))} in ${city} working on ${listing(themes.map((t) => t.toLowerCase()))}. (Synthetic data.)`;
    descriptions.set(key, text);
  }
  return text;
}

export function makePopulation(
  options: ResolvedSyntheticOptions,
  random: Random,
  provenance: Provenance,
): Population {
  const n = options.organisations;
  const { sectors, forcedKinds } = assignSectors(n, options.sectorMix, random);
  const communityCount = Math.max(1, Math.round(n / options.communitySize));
  const communities = makeCommunities(communityCount, random);
  const communityOf = new Int32Array(n);
  const profiles: KindProfile[] = [];
  const organisations: OrganisationRecord[] = [];
  for (let i = 0; i < n; i++) {
    // The first organisation of each community founds it, so no community is empty.
    const community = i < communityCount ? i : random.int(0, communityCount - 1);
    communityOf[i] = community;
    const c = communities[community] as Community;
    const sector = sectors[i] as Sector;
    const profile = chooseProfile(random, sector, forcedKinds[i]);
    profiles.push(profile);
    const themes = themesFor(random, c);
    const uk = c.place.country === 'United Kingdom';
    const name = organisationName(random, {
      kind: profile.kind,
      theme: themes[0] as string,
      uk,
      country: c.place.country,
    });
    const roll = i < FOUNDING_KINDS.length ? 1 : random.float();
    const record: OrganisationRecord = {
      id: `syn-${options.seed}-${i}`,
      name,
      sector,
      kind: profile.kind,
      description: describe(profile.kind, c.place.city, themes),
      website: `https://syn-${options.seed}-${i}.example`,
      country: c.place.country,
      region: c.place.region,
      city: c.place.city,
      themes,
      identifiers: [],
      status: roll < 0.01 ? 'PENDING' : roll < 0.02 ? 'ARCHIVED' : 'PUBLISHED',
      provenance,
    };
    record.identifiers = identifiersFor(record, profile.kind, options.seed, i);
    organisations.push(record);
  }
  return { organisations, sectors, profiles, communityOf, communities };
}
