// The id of a relationship written without one: stable across imports of the same row, so re-imports update it.
import { createHash } from 'node:crypto';

export function deriveRelationshipId(
  source: string,
  target: string,
  kind: string,
  since: string | null,
): string {
  const digest = createHash('sha256')
    .update(`${source}|${target}|${kind}|${since ?? ''}`, 'utf8')
    .digest('hex');
  return `rel-${digest.slice(0, 16)}`;
}
