// The details of one organisation, for the details panel.
import { useMemo } from 'react';
import { ORGANISATION } from '../api/queries.ts';
import type { OrganisationResult } from '../api/types.ts';
import { useGraphQL, type QueryState } from './useGraphQL.ts';

export function useOrganisation(id: string | null): QueryState<OrganisationResult> {
  const variables = useMemo(() => (id === null ? null : { id }), [id]);
  return useGraphQL(ORGANISATION, variables);
}
