// Partner suggestions for one organisation (within the filter the user chose: only companies, only in its
// region…), and the ties among it, the suggestions and their brokers, so the graph can draw how a broker
// links the two sides.
import { useMemo } from 'react';
import { PARTNER_SUGGESTIONS, TIES_AMONG } from '../api/queries.ts';
import type { GraphRelationship, OrganisationFilter, PartnerSuggestion } from '../api/types.ts';
import { useGraphQL } from './useGraphQL.ts';

export const SUGGESTIONS = 10;

export interface PartnersState {
  suggestions: PartnerSuggestion[];
  ties: GraphRelationship[];
  /**
   * Whether the ties among the suggestions have been asked and answered (or failed): the map draws the
   * suggestions only then, so that they come in with their ties and are laid out beside their brokers, not as
   * unconnected nodes first.
   */
  tiesReady: boolean;
  loading: boolean;
  error: unknown;
  retry: () => void;
}

export function usePartners(organisationId: string | null, filter: OrganisationFilter): PartnersState {
  const filterKey = JSON.stringify(filter);
  const variables = useMemo(
    () =>
      organisationId === null
        ? null
        : { id: organisationId, filter: JSON.parse(filterKey) as OrganisationFilter, first: SUGGESTIONS },
    [organisationId, filterKey],
  );
  const suggestions = useGraphQL(PARTNER_SUGGESTIONS, variables);
  const list = suggestions.data?.partnerSuggestions;
  const idsKey = useMemo(() => {
    if (!list || organisationId === null) return null;
    const ids = new Set([organisationId]);
    for (const s of list) {
      ids.add(s.organisation.id);
      if (s.broker) ids.add(s.broker.id);
    }
    return JSON.stringify([...ids]);
  }, [list, organisationId]);
  const tiesVariables = useMemo(
    () => (idsKey === null ? null : { ids: JSON.parse(idsKey) as string[] }),
    [idsKey],
  );
  const ties = useGraphQL(TIES_AMONG, tiesVariables);
  return {
    suggestions: list ?? [],
    ties: ties.data?.relationshipsAmong ?? [],
    tiesReady: idsKey !== null && (ties.data !== undefined || ties.error !== undefined),
    loading: suggestions.loading,
    error: suggestions.error ?? ties.error,
    retry: () => {
      suggestions.retry();
      ties.retry();
    },
  };
}
