// The one definition of an organisation's degree: its ties to published organisations, counted in the
// network snapshot (both for display and for ranking neighbours).
import type { DegreeOf } from '../organisations.ts';
import type { NetworkAccess } from './cache.ts';
import type { NetworkSnapshot } from './snapshot.ts';

export async function degreeOf(net: NetworkAccess, id: string): Promise<number> {
  return degreesIn(await net.snapshot())(id);
}

/** Degrees by id in a snapshot (0 for an id it does not have). */
export function degreesIn(s: NetworkSnapshot): DegreeOf {
  return (id) => {
    const i = s.index.get(id);
    return i === undefined ? 0 : s.degree[i]!;
  };
}

/**
 * Degrees by id from the newest snapshot the process holds, without asking the data version (it may be
 * a write or two behind), or null before any read of the network has loaded one: for the search box,
 * which breaks ties between equally good names by degree but neither waits for a snapshot nor loads one.
 */
export function heldDegrees(net: NetworkAccess): DegreeOf | null {
  const s = net.latest();
  return s === null ? null : degreesIn(s);
}
