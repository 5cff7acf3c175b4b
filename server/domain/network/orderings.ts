// Orders and per-organisation tie masks, computed once per snapshot (cache.derived) and reused by every
// list and facet request until the data changes.
import { RELATIONSHIP_KINDS } from '../model.ts';
import { placeChain, type NetworkSnapshot } from './snapshot.ts';

export interface Orderings {
  /** Lower-cased names, for sorting and cursors. */
  sortNames: readonly string[];
  /** Organisation indexes by name (A–Z), then id. */
  byName: Int32Array;
  /** Organisation indexes by degree (most first), then name, then id. */
  byDegree: Int32Array;
  /** Position of each organisation in byName (so sorting a subset by name is a numeric sort). */
  nameRank: Int32Array;
  /** Bit k: the organisation has a tie of kind k. */
  kindMask: Uint8Array;
  /** Bit t: the organisation has a tie in trust state t. */
  trustMask: Uint8Array;
  /**
   * At i * RELATIONSHIP_KINDS.length + k, bit t: the organisation has a tie of kind k in trust state t
   * (so a filter on kinds and trust states tests a few bytes, not every tie).
   */
  kindTrust: Uint8Array;
  /**
   * Place p and its enclosing places (placeChain, most specific first):
   * placeChainOf[placeChainStart[p] .. placeChainStart[p + 1]) (so facets count places without walking).
   */
  placeChainStart: Int32Array;
  placeChainOf: Int32Array;
}

export function computeOrderings(s: NetworkSnapshot): Orderings {
  const n = s.ids.length;
  const sortNames = s.names.map((name) => name.toLowerCase());
  const cmpName = (a: number, b: number) =>
    sortNames[a]! < sortNames[b]!
      ? -1
      : sortNames[a]! > sortNames[b]!
        ? 1
        : s.ids[a]! < s.ids[b]!
          ? -1
          : s.ids[a]! > s.ids[b]!
            ? 1
            : 0;
  const byName = Int32Array.from({ length: n }, (_, i) => i).sort(cmpName);
  const nameRank = new Int32Array(n);
  byName.forEach((i, rank) => (nameRank[i] = rank));
  const byDegree = Int32Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => s.degree[b]! - s.degree[a]! || nameRank[a]! - nameRank[b]!,
  );
  const kindMask = new Uint8Array(n);
  const trustMask = new Uint8Array(n);
  const kinds = RELATIONSHIP_KINDS.length;
  const kindTrust = new Uint8Array(n * kinds);
  for (let t = 0; t < s.tieIds.length; t++) {
    for (const end of [s.tieSource[t]!, s.tieTarget[t]!]) {
      kindMask[end] = kindMask[end]! | (1 << s.tieKind[t]!);
      trustMask[end] = trustMask[end]! | (1 << s.tieTrust[t]!);
      kindTrust[end * kinds + s.tieKind[t]!] =
        kindTrust[end * kinds + s.tieKind[t]!]! | (1 << s.tieTrust[t]!);
    }
  }
  const chains = s.places.map((_, p) => placeChain(s, p));
  const placeChainStart = new Int32Array(chains.length + 1);
  chains.forEach((chain, p) => (placeChainStart[p + 1] = placeChainStart[p]! + chain.length));
  const placeChainOf = Int32Array.from(chains.flat());
  return {
    sortNames,
    byName,
    byDegree,
    nameRank,
    kindMask,
    trustMask,
    kindTrust,
    placeChainStart,
    placeChainOf,
  };
}
