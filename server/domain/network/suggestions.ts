// partnerSuggestions: organisations not yet tied to a given one, scored by why they would make good
// partners, each reason kept as data. The score is a sum of weighted reasons (README "Partner
// suggestions" has a worked example):
//   shared themes        1.0 per theme both work on
//   mutual partners      2.0 × Σ 1 / ln(degree of each partner in common)   (Adamic–Adar: hubs count less)
//   same place           1.0 same city, 0.5 same region, 0.2 same country (most specific only)
//   complementary sector 0.5 when the sectors differ, +0.5 more when none of its partners is in that sector
//   shared initiatives   1.5 per initiative both take part in
// Only organisations with at least one reason other than the sector are suggested. Ties are broken by
// name, then id. The broker is the partner in common with the most trusted ties to both (then the least
// connected, who is likelier to make the introduction, then by name).
import type { SuggestionReasonKind } from '../generated/vocabulary.ts';
import { SECTORS, type Sector } from '../model.ts';
import { requireRange, type Place, type Theme } from '../organisations.ts';
import { placeOf } from './organisationList.ts';
import type { NetworkAccess } from './cache.ts';
import { matches, resolveFilter, type OrganisationFilterInput } from './filter.ts';
import { requireOrganisation } from './neighbourhood.ts';
import { placeChain, type NetworkSnapshot } from './snapshot.ts';

export const SUGGESTION_WEIGHTS = {
  sharedTheme: 1.0,
  mutualPartners: 2.0,
  sameCity: 1.0,
  sameRegion: 0.5,
  sameCountry: 0.2,
  otherSector: 0.5,
  missingSector: 0.5,
  sharedInitiative: 1.5,
} as const;

export const SUGGESTION_LIMITS = { defaultFirst: 10, maxFirst: 50 } as const;

/** The kinds of reasons, as the schema defines them (SuggestionReasonKind in explore.graphql). */
export type ReasonKind = (typeof SuggestionReasonKind)[keyof typeof SuggestionReasonKind];

export interface SuggestionReason {
  kind: ReasonKind;
  text: string;
  weight: number;
  organisationIds: string[];
  themes: Theme[];
  initiativeIds: string[];
  place: Place | null;
}

export interface PartnerSuggestion {
  organisationId: string;
  score: number;
  reasons: SuggestionReason[];
  brokerId: string | null;
}

/** Indexes from themes, places and initiatives to their organisations (once per snapshot). */
export interface SuggestionIndex {
  byTheme: Int32Array[];
  byPlace: Map<number, number[]>;
  byInitiative: Map<number, number[]>;
}

export function buildSuggestionIndex(s: NetworkSnapshot): SuggestionIndex {
  const themeLists: number[][] = s.themes.map(() => []);
  const byPlace = new Map<number, number[]>();
  const byInitiative = new Map<number, number[]>();
  for (let i = 0; i < s.ids.length; i++) {
    for (let k = s.themeStart[i]!; k < s.themeStart[i + 1]!; k++) themeLists[s.themeOf[k]!]!.push(i);
    if (s.place[i]! >= 0)
      for (const p of placeChain(s, s.place[i]!)) {
        // Appended in place: copying the list for every member was quadratic (minutes for a country at D1).
        const members = byPlace.get(p);
        if (members) members.push(i);
        else byPlace.set(p, [i]);
      }
    for (let k = s.initiativeStart[i]!; k < s.initiativeStart[i + 1]!; k++) {
      const n = s.initiativeOf[k]!;
      const list = byInitiative.get(n);
      if (list) list.push(i);
      else byInitiative.set(n, [i]);
    }
  }
  return {
    byTheme: themeLists.map((l) => Int32Array.from(l)),
    byPlace,
    byInitiative,
  };
}

const TRUST_RANK = [1, 4, 3, 2, 0]; // by TRUST_STATES index: CLAIMED, CONFIRMED, SOURCED, IMPORTED, DISPUTED

const round = (x: number) => Math.round(x * 1000) / 1000;

function list(names: string[]): string {
  if (names.length <= 1) return names.join('');
  const shown = names.slice(0, 3);
  const more = names.length - shown.length;
  return more > 0
    ? `${shown.join(', ')} and ${more} more`
    : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

const SECTOR_WORDS: Record<Sector, string> = {
  GOVERNMENT: 'a government body',
  NGO: 'an NGO',
  COMPANY: 'a company',
  CIVIC_INNOVATOR: 'a civic innovator',
  ACADEMIC: 'an academic organisation',
};

export interface SuggestionArgs {
  organisationId: string;
  filter?: OrganisationFilterInput | null;
  first?: number | null;
}

/** Scores every candidate for `a`; exported for tests and the benchmark's cross-check. */
export function scorePartners(
  s: NetworkSnapshot,
  index: SuggestionIndex,
  a: number,
  allowed: (i: number) => boolean,
  first: number,
): PartnerSuggestion[] {
  const tied = new Set<number>([a]);
  const partnerTrust = new Map<number, number>(); // partner → best trust rank of its ties with a
  for (let k = s.adjStart[a]!; k < s.adjStart[a + 1]!; k++) {
    const z = s.adjOther[k]!;
    tied.add(z);
    partnerTrust.set(z, Math.max(partnerTrust.get(z) ?? -1, TRUST_RANK[s.tieTrust[s.adjTie[k]!]!]!));
  }
  const partnerSectors = new Set([...partnerTrust.keys()].map((z) => s.sector[z]!));

  interface Acc {
    themes: number[];
    mutual: number[];
    initiatives: number[];
  }
  const acc = new Map<number, Acc>();
  const entry = (c: number) => {
    let e = acc.get(c);
    if (!e) acc.set(c, (e = { themes: [], mutual: [], initiatives: [] }));
    return e;
  };
  for (let k = s.themeStart[a]!; k < s.themeStart[a + 1]!; k++) {
    const t = s.themeOf[k]!;
    for (const c of index.byTheme[t]!) if (!tied.has(c)) entry(c).themes.push(t);
  }
  for (const z of partnerTrust.keys()) {
    for (let k = s.adjStart[z]!; k < s.adjStart[z + 1]!; k++) {
      const c = s.adjOther[k]!;
      if (tied.has(c)) continue;
      const e = entry(c);
      if (!e.mutual.includes(z)) e.mutual.push(z);
    }
  }
  for (let k = s.initiativeStart[a]!; k < s.initiativeStart[a + 1]!; k++) {
    const n = s.initiativeOf[k]!;
    for (const c of index.byInitiative.get(n) ?? []) if (!tied.has(c)) entry(c).initiatives.push(n);
  }
  // Same city or region also makes a candidate.
  const aPlaces = s.place[a]! >= 0 ? placeChain(s, s.place[a]!) : [];
  for (const p of aPlaces.slice(0, Math.max(0, aPlaces.length - 1))) {
    for (const c of index.byPlace.get(p) ?? []) if (!tied.has(c)) entry(c);
  }

  const scored: { c: number; score: number; e: Acc; place: number | null; placeWeight: number }[] = [];
  for (const [c, e] of acc) {
    if (!allowed(c)) continue;
    let place: number | null = null;
    let placeWeight = 0;
    if (aPlaces.length > 0 && s.place[c]! >= 0) {
      const cPlaces = new Set(placeChain(s, s.place[c]!));
      const common = aPlaces.find((p) => cPlaces.has(p));
      if (common !== undefined) {
        place = common;
        const level = s.places[common]!.level;
        placeWeight =
          level === 'city'
            ? SUGGESTION_WEIGHTS.sameCity
            : level === 'region'
              ? SUGGESTION_WEIGHTS.sameRegion
              : SUGGESTION_WEIGHTS.sameCountry;
      }
    }
    const mutualScore = e.mutual.reduce((sum, z) => sum + 1 / Math.log(s.degree[z]!), 0);
    const hasReason =
      e.themes.length > 0 ||
      e.mutual.length > 0 ||
      e.initiatives.length > 0 ||
      (place !== null && s.places[place]!.level !== 'country');
    if (!hasReason) continue;
    const otherSector = s.sector[c] !== s.sector[a];
    const score =
      SUGGESTION_WEIGHTS.sharedTheme * e.themes.length +
      SUGGESTION_WEIGHTS.mutualPartners * mutualScore +
      placeWeight +
      (otherSector
        ? SUGGESTION_WEIGHTS.otherSector +
          (partnerSectors.has(s.sector[c]!) ? 0 : SUGGESTION_WEIGHTS.missingSector)
        : 0) +
      SUGGESTION_WEIGHTS.sharedInitiative * e.initiatives.length;
    scored.push({ c, score: round(score), e, place, placeWeight });
  }
  const lower = (i: number) => s.names[i]!.toLowerCase();
  scored.sort(
    (x, y) =>
      y.score - x.score ||
      (lower(x.c) < lower(y.c) ? -1 : lower(x.c) > lower(y.c) ? 1 : s.ids[x.c]! < s.ids[y.c]! ? -1 : 1),
  );

  return scored.slice(0, first).map(({ c, score, e, place, placeWeight }) => {
    const reasons: SuggestionReason[] = [];
    const blank = { organisationIds: [], themes: [], initiativeIds: [], place: null };
    if (e.themes.length > 0) {
      const names = e.themes.map((t) => s.themes[t]!.name);
      reasons.push({
        ...blank,
        kind: 'SHARED_THEMES',
        text: `Works on ${list(names)}, as you do`,
        weight: round(SUGGESTION_WEIGHTS.sharedTheme * e.themes.length),
        themes: e.themes.map((t) => s.themes[t]!),
      });
    }
    if (e.mutual.length > 0) {
      const partners = [...e.mutual].sort(
        (x, y) => s.degree[x]! - s.degree[y]! || (s.ids[x]! < s.ids[y]! ? -1 : 1),
      );
      reasons.push({
        ...blank,
        kind: 'MUTUAL_PARTNERS',
        text: `${partners.length} partner${partners.length === 1 ? '' : 's'} in common: ${list(partners.map((z) => s.names[z]!))}`,
        weight: round(
          SUGGESTION_WEIGHTS.mutualPartners *
            e.mutual.reduce((sum, z) => sum + 1 / Math.log(s.degree[z]!), 0),
        ),
        organisationIds: partners.map((z) => s.ids[z]!),
      });
    }
    if (place !== null) {
      reasons.push({
        ...blank,
        kind: 'SAME_PLACE',
        text: `Also in ${s.places[place]!.name}`,
        weight: placeWeight,
        place: placeOf(s, place),
      });
    }
    if (s.sector[c] !== s.sector[a]) {
      const missing = !partnerSectors.has(s.sector[c]!);
      const word = SECTOR_WORDS[SECTORS[s.sector[c]!]!];
      reasons.push({
        ...blank,
        kind: 'COMPLEMENTARY_SECTOR',
        text: missing
          ? `${word[0]!.toUpperCase()}${word.slice(1)}: none of your partners is one yet`
          : `${word[0]!.toUpperCase()}${word.slice(1)}: a tie across sectors`,
        weight: SUGGESTION_WEIGHTS.otherSector + (missing ? SUGGESTION_WEIGHTS.missingSector : 0),
      });
    }
    if (e.initiatives.length > 0) {
      reasons.push({
        ...blank,
        kind: 'SHARED_INITIATIVES',
        text: `Both take part in ${list(e.initiatives.map((n) => s.initiativeNames[n]!))}`,
        weight: round(SUGGESTION_WEIGHTS.sharedInitiative * e.initiatives.length),
        initiativeIds: e.initiatives.map((n) => s.initiativeIds[n]!),
      });
    }
    reasons.sort((x, y) => y.weight - x.weight);
    return { organisationId: s.ids[c]!, score, reasons, brokerId: broker(s, partnerTrust, c, e.mutual) };
  });
}

function broker(
  s: NetworkSnapshot,
  partnerTrust: Map<number, number>,
  c: number,
  mutual: number[],
): string | null {
  let best: { z: number; trust: number } | null = null;
  for (const z of mutual) {
    let toC = -1;
    for (let k = s.adjStart[z]!; k < s.adjStart[z + 1]!; k++) {
      if (s.adjOther[k] === c) toC = Math.max(toC, TRUST_RANK[s.tieTrust[s.adjTie[k]!]!]!);
    }
    const trust = Math.min(partnerTrust.get(z)!, toC);
    if (
      best === null ||
      trust > best.trust ||
      (trust === best.trust &&
        (s.degree[z]! < s.degree[best.z]! ||
          (s.degree[z] === s.degree[best.z] && s.names[z]!.toLowerCase() < s.names[best.z]!.toLowerCase())))
    ) {
      best = { z, trust };
    }
  }
  return best === null ? null : s.ids[best.z]!;
}

export async function partnerSuggestions(
  net: NetworkAccess,
  args: SuggestionArgs,
): Promise<PartnerSuggestion[]> {
  const first = args.first ?? SUGGESTION_LIMITS.defaultFirst;
  requireRange(first, 'first', 1, SUGGESTION_LIMITS.maxFirst);
  const s = await net.snapshot();
  const a = requireOrganisation(s, args.organisationId, 'organisationId');
  const filter = resolveFilter(s, { ...(args.filter ?? {}), query: null });
  const index = await net.derived(s, 'suggestionIndex', () => buildSuggestionIndex(s));
  return scorePartners(s, index, a, (i) => matches(s, filter, i), first);
}
