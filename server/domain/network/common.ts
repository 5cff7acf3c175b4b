// Ties among a set of organisations (to reveal links between what is on screen) and their partners in
// common, over the network snapshot.
import { InvalidInputError } from '../../common/errors.ts';
import { RELATIONSHIP_KINDS, type RelationshipKind } from '../model.ts';
import { requireRange } from '../organisations.ts';
import type { NetworkAccess } from './cache.ts';
import type { NetworkSnapshot } from './snapshot.ts';

export const AMONG_LIMITS = { maxIds: 1000, maxCommonIds: 20, maxCommon: 100 } as const;

export interface CommonPartner {
  organisationId: string;
  /** Which of the given organisations it is tied to (at least two of them). */
  partnerOfIds: string[];
}

function indexes(s: NetworkSnapshot, ids: readonly string[]): number[] {
  return [...new Set(ids)].map((id) => s.index.get(id)).filter((i): i is number => i !== undefined);
}

/** The ties whose both ends are among `ids` (unknown or unpublished ids are ignored), by id. */
export async function tiesAmong(
  net: NetworkAccess,
  ids: readonly string[],
): Promise<{ id: string; kind: RelationshipKind }[]> {
  requireRange(ids.length, 'ids (count)', 1, AMONG_LIMITS.maxIds);
  const s = await net.snapshot();
  const members = new Set(indexes(s, ids));
  const ties: number[] = [];
  for (const i of members) {
    for (let k = s.adjStart[i]!; k < s.adjStart[i + 1]!; k++) {
      const t = s.adjTie[k]!;
      if (s.tieSource[t] === i && members.has(s.tieTarget[t]!)) ties.push(t);
    }
  }
  return ties
    .map((t) => ({ id: s.tieIds[t]!, kind: RELATIONSHIP_KINDS[s.tieKind[t]!]! }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Organisations tied to at least two of `ids` (all of them first), most shared first, then best connected. */
export async function commonPartners(
  net: NetworkAccess,
  ids: readonly string[],
  first = 20,
): Promise<CommonPartner[]> {
  requireRange(ids.length, 'ids (count)', 2, AMONG_LIMITS.maxCommonIds);
  requireRange(first, 'first', 1, AMONG_LIMITS.maxCommon);
  const s = await net.snapshot();
  const given = indexes(s, ids);
  if (given.length < 2) {
    throw new InvalidInputError('ids: give at least two published organisations.', [
      {
        file: 'arguments',
        line: null,
        column: null,
        field: 'ids',
        code: 'OUT_OF_RANGE',
        message: 'fewer than two of the ids are published organisations',
      },
    ]);
  }
  const givenSet = new Set(given);
  const partnerOf = new Map<number, Set<number>>();
  for (const g of given) {
    for (let k = s.adjStart[g]!; k < s.adjStart[g + 1]!; k++) {
      const c = s.adjOther[k]!;
      if (givenSet.has(c)) continue;
      let set = partnerOf.get(c);
      if (!set) partnerOf.set(c, (set = new Set()));
      set.add(g);
    }
  }
  return [...partnerOf.entries()]
    .filter(([, of]) => of.size >= 2)
    .sort(
      ([a, x], [b, y]) => y.size - x.size || s.degree[b]! - s.degree[a]! || (s.ids[a]! < s.ids[b]! ? -1 : 1),
    )
    .slice(0, first)
    .map(([c, of]) => ({
      organisationId: s.ids[c]!,
      partnerOfIds: given.filter((g) => of.has(g)).map((g) => s.ids[g]!),
    }));
}
