// One relationship with all its facts, for a selected edge: the ties between its two ends, this one picked.
import { useMemo } from 'react';
import { RELATIONSHIPS_BETWEEN } from '../api/queries.ts';
import type { RelationshipDetails } from '../api/types.ts';
import { useGraphQL } from './useGraphQL.ts';

export interface RelationshipState {
  relationship: RelationshipDetails | null;
  /** Whether the answer is in (a null relationship then means it no longer exists). */
  done: boolean;
  loading: boolean;
  error: unknown;
  retry: () => void;
}

export function useRelationship(
  relationshipId: string | null,
  source: string | null,
  target: string | null,
): RelationshipState {
  const variables = useMemo(
    () => (relationshipId === null || source === null || target === null ? null : { ids: [source, target] }),
    [relationshipId, source, target],
  );
  const result = useGraphQL(RELATIONSHIPS_BETWEEN, variables);
  return {
    relationship: result.data?.relationshipsAmong.find((r) => r.id === relationshipId) ?? null,
    done: result.data !== undefined,
    loading: result.loading || (relationshipId !== null && source === null),
    error: result.error,
    retry: result.retry,
  };
}
