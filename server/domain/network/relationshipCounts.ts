// Organisation.relationshipCounts: an organisation's ties counted in all, by kind and by trust state, in
// one pass over its ties in the network snapshot (what relationships(filter: { organisations: [id], kinds })
// totals, for every kind and trust state at once). `asOf` counts the ties active on that day.
import { RELATIONSHIP_KINDS, TRUST_STATES, type RelationshipKind, type TrustState } from '../model.ts';
import type { NetworkAccess } from './cache.ts';
import type { NetworkSnapshot } from './snapshot.ts';
import { tiePredicate } from './tieFilter.ts';

export interface RelationshipCounts {
  total: number;
  /** Every kind, in the vocabulary's order, 0 included. */
  byKind: { kind: RelationshipKind; count: number }[];
  /** Every trust state, in the vocabulary's order, 0 included. */
  byTrust: { trust: TrustState; count: number }[];
}

/** The counts of organisation `i` of the snapshot; all 0 for an organisation it does not hold. */
export function countTies(
  s: NetworkSnapshot,
  i: number | undefined,
  asOf?: string | null,
): RelationshipCounts {
  const kinds = new Int32Array(RELATIONSHIP_KINDS.length);
  const trusts = new Int32Array(TRUST_STATES.length);
  let total = 0;
  if (i !== undefined) {
    const active = asOf ? tiePredicate(s, null, asOf) : null;
    for (let a = s.adjStart[i]!; a < s.adjStart[i + 1]!; a++) {
      const t = s.adjTie[a]!;
      if (active && !active(t)) continue;
      total++;
      kinds[s.tieKind[t]!]!++;
      trusts[s.tieTrust[t]!]!++;
    }
  }
  return {
    total,
    byKind: RELATIONSHIP_KINDS.map((kind, k) => ({ kind, count: kinds[k]! })),
    byTrust: TRUST_STATES.map((trust, k) => ({ trust, count: trusts[k]! })),
  };
}

export async function relationshipCountsOf(
  net: NetworkAccess,
  id: string,
  asOf?: string | null,
): Promise<RelationshipCounts> {
  const s = await net.snapshot();
  return countTies(s, s.index.get(id), asOf);
}
