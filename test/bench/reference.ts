// A naive reference for partnerSuggestions, written from the formula the API documents (the description of
// Query.partnerSuggestions in server/graphql/schema/explore.graphql), sharing no query or scoring code with
// the product: it reads plain arrays (graphData.ts) and scores EVERY published organisation, one at a time.
//
//   score = 1.0 per shared theme
//         + 2.0 × Σ 1/ln(degree) over the partners in common (degree: the API's, ties to published organisations)
//         + 1.0 same city, else 0.5 same region, else 0.2 same country (the most specific place they share)
//         + 0.5 when the sectors differ, + 0.5 more when none of the organisation's partners is in that sector
//         + 1.5 per shared initiative
//   candidates: published organisations not tied to it (no tie of any kind, either way), with a reason
//   besides the sector; best first, equal scores by name (case-insensitive), then id (the product's
//   documented tie-break, in server/domain/network/suggestions.ts).
//
// The broker (a partner of both who could introduce them) as the product documents it: the partner in
// common with the most trusted ties to both (the weaker of its best tie to each), then the least connected,
// then by name. Trust from most to least: CONFIRMED, SOURCED, IMPORTED, CLAIMED, DISPUTED.
import type { GraphData } from './graphData.ts';

export interface ReferenceSuggestion {
  index: number;
  id: string;
  /** Exact (not rounded). */
  score: number;
  /** Whether a shared country is its only reason besides the sector. */
  countryOnly: boolean;
  brokerId: string | null;
}

const TRUST_ORDER = ['DISPUTED', 'CLAIMED', 'IMPORTED', 'SOURCED', 'CONFIRMED'];

export class NaiveSuggestions {
  private readonly neighbours: Set<number>[];
  private readonly degree: Int32Array;
  /** Best trust (index in TRUST_ORDER) of the ties between two organisations, keyed by pair(). */
  private readonly trust = new Map<number, number>();
  private readonly lowerNames: string[];

  constructor(
    private readonly g: GraphData,
    neighbours: Set<number>[],
    degree: Int32Array,
  ) {
    this.neighbours = neighbours;
    this.degree = degree;
    this.lowerNames = g.names.map((n) => n.toLowerCase());
    for (let t = 0; t < g.tieSource.length; t++) {
      const key = this.pair(g.tieSource[t]!, g.tieTarget[t]!);
      const rank = TRUST_ORDER.indexOf(g.tieTrust[t]!);
      this.trust.set(key, Math.max(this.trust.get(key) ?? -1, rank));
    }
  }

  private pair(a: number, b: number): number {
    const n = this.g.ids.length;
    return a < b ? a * n + b : b * n + a;
  }

  private placeWeight(a: number, c: number): number {
    const pa = this.g.places[a]!;
    const pc = this.g.places[c]!;
    if (pa.city !== undefined && pa.city === pc.city) return 1.0;
    if (pa.region !== undefined && pa.region === pc.region) return 0.5;
    if (pa.country !== undefined && pa.country === pc.country) return 0.2;
    return 0;
  }

  /**
   * The top `first` for organisation `a`, among those `allowed` accepts. The options are readings of the
   * formula other than the literal one, used only to explain where the product differs: `countryIsReason:
   * false` does not count a shared country alone as a reason, `precision` compares scores rounded to it.
   */
  suggest(
    a: number,
    first: number,
    allowed: (c: number) => boolean = () => true,
    options: { countryIsReason?: boolean; precision?: number } = {},
  ): ReferenceSuggestion[] {
    const countryIsReason = options.countryIsReason ?? true;
    const precision = options.precision ?? 1e-9;
    const g = this.g;
    const partners = this.neighbours[a]!;
    const partnerSectors = new Set([...partners].map((z) => g.sectors[z]!));
    const themes = new Set(g.themes[a]);
    const initiatives = new Set(g.initiatives[a]);
    const scored: { c: number; score: number; countryOnly: boolean; mutual: number[] }[] = [];
    for (let c = 0; c < g.ids.length; c++) {
      if (c === a || partners.has(c) || !allowed(c)) continue;
      const sharedThemes = g.themes[c]!.filter((t) => themes.has(t)).length;
      const sharedInitiatives = g.initiatives[c]!.filter((i) => initiatives.has(i)).length;
      const mutual: number[] = [];
      for (const z of this.neighbours[c]!) if (partners.has(z)) mutual.push(z);
      const place = this.placeWeight(a, c);
      const minPlace = countryIsReason ? 0.2 : 0.5;
      if (sharedThemes === 0 && sharedInitiatives === 0 && mutual.length === 0 && place < minPlace) continue;
      let score = sharedThemes * 1.0 + sharedInitiatives * 1.5 + place;
      for (const z of mutual) score += 2.0 / Math.log(this.degree[z]!);
      if (g.sectors[c] !== g.sectors[a]) score += 0.5 + (partnerSectors.has(g.sectors[c]!) ? 0 : 0.5);
      const countryOnly = sharedThemes === 0 && sharedInitiatives === 0 && mutual.length === 0 && place < 0.5;
      scored.push({ c, score, countryOnly, mutual });
    }
    // Scores are sums of floating-point terms in some order: equal to 1e-9 counts as equal.
    const key = (x: number) => Math.round(x / precision);
    scored.sort(
      (x, y) =>
        key(y.score) - key(x.score) ||
        (this.lowerNames[x.c]! < this.lowerNames[y.c]!
          ? -1
          : this.lowerNames[x.c]! > this.lowerNames[y.c]!
            ? 1
            : g.ids[x.c]! < g.ids[y.c]!
              ? -1
              : 1),
    );
    return scored.slice(0, first).map(({ c, score, countryOnly, mutual }) => ({
      index: c,
      id: g.ids[c]!,
      score,
      countryOnly,
      brokerId: this.broker(a, c, mutual),
    }));
  }

  /** The exact score the documented formula gives candidate `c` for `a` (0 when it is no candidate). */
  scoreOf(a: number, c: number): number {
    return this.suggest(a, 1, (x) => x === c)[0]?.score ?? 0;
  }

  private broker(a: number, c: number, mutual: number[]): string | null {
    const g = this.g;
    let best: number | null = null;
    let bestTrust = -1;
    for (const z of mutual) {
      const trust = Math.min(this.trust.get(this.pair(a, z))!, this.trust.get(this.pair(c, z))!);
      const better =
        best === null ||
        trust > bestTrust ||
        (trust === bestTrust &&
          (this.degree[z]! < this.degree[best]! ||
            (this.degree[z] === this.degree[best] && this.lowerNames[z]! < this.lowerNames[best]!)));
      if (better) {
        best = z;
        bestTrust = trust;
      }
    }
    return best === null ? null : g.ids[best]!;
  }
}
