// The one definition of an organisation's degree: its ties to published organisations, counted in the
// network snapshot (both for display and for ranking neighbours).
import type { NetworkAccess } from './cache.ts';

export async function degreeOf(net: NetworkAccess, id: string): Promise<number> {
  const s = await net.snapshot();
  const i = s.index.get(id);
  return i === undefined ? 0 : s.degree[i]!;
}
