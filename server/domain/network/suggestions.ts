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
import { orderingsOf, placeOf } from './organisationList.ts';
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

/**
 * The best `first` candidates for `a` among those `allowed` accepts; exported for tests and the benchmark's
 * cross-check. One pass over every organisation scores it from flat arrays and small per-call tables (what
 * a shares per theme, initiative and place; partners in common counted beforehand from a's partners' ties),
 * with no object per candidate (98,000 of them at D1), and only the best `first` are kept while scoring: a
 * candidate that cannot enter them is not even tested against the filter. Their reasons are then rebuilt
 * from the snapshot, in the same order and with the same arithmetic as the scores.
 */
export function scorePartners(
  s: NetworkSnapshot,
  /** Position of each organisation by name (case-insensitive), then id: the tie-break (Orderings.nameRank). */
  nameRank: Int32Array,
  a: number,
  allowed: (i: number) => boolean,
  first: number,
): PartnerSuggestion[] {
  const n = s.ids.length;
  const tied = new Uint8Array(n);
  tied[a] = 1;
  const partnerTrust = new Map<number, number>(); // partner → best trust rank of its ties with a
  for (let k = s.adjStart[a]!; k < s.adjStart[a + 1]!; k++) {
    const z = s.adjOther[k]!;
    tied[z] = 1;
    partnerTrust.set(z, Math.max(partnerTrust.get(z) ?? -1, TRUST_RANK[s.tieTrust[s.adjTie[k]!]!]!));
  }
  const partners = [...partnerTrust.keys()]; // in the order of a's ties
  const partnerSectors = new Set(partners.map((z) => s.sector[z]!));

  // Partners in common: the last partner (by its position in `partners`) found tied to each organisation,
  // -1 for none, and Σ 1/ln(degree) over them, added in the partners' order (as the reason's weight is).
  const lastPartner = new Int32Array(n).fill(-1);
  const mutualSum = new Float64Array(n);
  partners.forEach((z, zi) => {
    const w = 1 / Math.log(s.degree[z]!);
    for (let k = s.adjStart[z]!; k < s.adjStart[z + 1]!; k++) {
      const c = s.adjOther[k]!;
      if (tied[c] === 1 || lastPartner[c] === zi) continue;
      lastPartner[c] = zi;
      mutualSum[c]! += w;
    }
  });
  // How often a lists each theme and initiative: an organisation shares theme t as many times as both
  // list it multiplied (once, with clean data).
  const themeTimes = new Int32Array(s.themes.length);
  for (let k = s.themeStart[a]!; k < s.themeStart[a + 1]!; k++) themeTimes[s.themeOf[k]!]! += 1;
  const initiativeTimes = new Int32Array(s.initiativeIds.length);
  for (let k = s.initiativeStart[a]!; k < s.initiativeStart[a + 1]!; k++)
    initiativeTimes[s.initiativeOf[k]!]! += 1;
  // Per place q an organisation is in: whether that alone makes it a candidate (the same city or region:
  // a place of a's chain but its last, the country), and which place of a's chain it shares (the first of
  // a's chain in q's chain).
  const aPlaces = s.place[a]! >= 0 ? placeChain(s, s.place[a]!) : [];
  const candidatePlaces = new Set(aPlaces.slice(0, Math.max(0, aPlaces.length - 1)));
  const byPlace = new Uint8Array(s.places.length);
  const commonAt = new Int32Array(s.places.length).fill(-1);
  if (aPlaces.length > 0)
    for (let q = 0; q < s.places.length; q++) {
      const chain = placeChain(s, q);
      byPlace[q] = chain.some((p) => candidatePlaces.has(p)) ? 1 : 0;
      commonAt[q] = aPlaces.findIndex((p) => chain.includes(p));
    }
  const placeWeights = aPlaces.map((p) => {
    const level = s.places[p]!.level;
    return level === 'city'
      ? SUGGESTION_WEIGHTS.sameCity
      : level === 'region'
        ? SUGGESTION_WEIGHTS.sameRegion
        : SUGGESTION_WEIGHTS.sameCountry;
  });
  const placeIsReason = aPlaces.map((p) => s.places[p]!.level !== 'country');
  const sectorWeights = SECTORS.map((_, sector) =>
    sector !== s.sector[a]
      ? SUGGESTION_WEIGHTS.otherSector + (partnerSectors.has(sector) ? 0 : SUGGESTION_WEIGHTS.missingSector)
      : 0,
  );

  // The best `first` so far, best first: by score, then name, then id (nameRank).
  const kept: { c: number; score: number; place: number | null; placeWeight: number }[] = [];
  const rank = nameRank;
  for (let c = 0; c < n; c++) {
    if (tied[c] === 1) continue;
    let themes = 0;
    for (let k = s.themeStart[c]!; k < s.themeStart[c + 1]!; k++) themes += themeTimes[s.themeOf[k]!]!;
    let initiatives = 0;
    for (let k = s.initiativeStart[c]!; k < s.initiativeStart[c + 1]!; k++)
      initiatives += initiativeTimes[s.initiativeOf[k]!]!;
    const q = s.place[c]!;
    const at = q >= 0 ? commonAt[q]! : -1;
    // A candidate (reached through a theme, a partner, an initiative or the same city or region) with a
    // reason besides the sector.
    const mutual = lastPartner[c]! >= 0;
    if (themes === 0 && !mutual && initiatives === 0 && !(q >= 0 && byPlace[q] === 1 && placeIsReason[at]!))
      continue;
    const placeWeight = at >= 0 ? placeWeights[at]! : 0;
    const score = round(
      SUGGESTION_WEIGHTS.sharedTheme * themes +
        SUGGESTION_WEIGHTS.mutualPartners * mutualSum[c]! +
        placeWeight +
        sectorWeights[s.sector[c]!]! +
        SUGGESTION_WEIGHTS.sharedInitiative * initiatives,
    );
    const last = kept.at(-1);
    if (
      kept.length === first &&
      (score < last!.score || (score === last!.score && rank[c]! > rank[last!.c]!))
    )
      continue;
    if (!allowed(c)) continue;
    let to = kept.length;
    while (
      to > 0 &&
      (kept[to - 1]!.score < score || (kept[to - 1]!.score === score && rank[kept[to - 1]!.c]! > rank[c]!))
    )
      to--;
    kept.splice(to, 0, { c, score, place: at >= 0 ? aPlaces[at]! : null, placeWeight });
    if (kept.length > first) kept.pop();
  }

  // What each kept candidate shares with a, as lists in the order they were counted above.
  const shared = (c: number) => {
    const repeat = (start: Int32Array, of: Int32Array, x: number) => {
      let times = 0;
      for (let k = start[c]!; k < start[c + 1]!; k++) if (of[k] === x) times++;
      return times;
    };
    const themes: number[] = [];
    for (let k = s.themeStart[a]!; k < s.themeStart[a + 1]!; k++) {
      const t = s.themeOf[k]!;
      for (let times = repeat(s.themeStart, s.themeOf, t); times > 0; times--) themes.push(t);
    }
    const initiatives: number[] = [];
    for (let k = s.initiativeStart[a]!; k < s.initiativeStart[a + 1]!; k++) {
      const x = s.initiativeOf[k]!;
      for (let times = repeat(s.initiativeStart, s.initiativeOf, x); times > 0; times--) initiatives.push(x);
    }
    const neighbours = new Set(s.adjOther.subarray(s.adjStart[c]!, s.adjStart[c + 1]!));
    return { themes, mutual: partners.filter((z) => neighbours.has(z)), initiatives };
  };

  return kept.map(({ c, score, place, placeWeight }) => {
    const e = shared(c);
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
  const { nameRank } = await orderingsOf(net, s);
  return scorePartners(s, nameRank, a, (i) => matches(s, filter, i), first);
}
