// A few real organisations to suggest before the first search; none when the server has none. A failing
// request is reported on the console (the browser tests fail on console errors), never silently dropped.
import { useEffect, useMemo } from 'react';
import { describeError } from '../api/graphqlRequest.ts';
import { EXAMPLE_WORDS, EXAMPLES } from '../api/queries.ts';
import type { OrganisationSummary } from '../api/types.ts';
import { useGraphQL } from './useGraphQL.ts';

const NO_VARIABLES = {};

export function useExamples(): OrganisationSummary[] {
  const { data, error } = useGraphQL(EXAMPLES, NO_VARIABLES);
  useEffect(() => {
    if (error !== undefined)
      console.error(`Could not load example organisations: ${describeError(error).message}`);
  }, [error]);
  return useMemo(() => {
    const seen = new Set<string>();
    const examples: OrganisationSummary[] = [];
    for (const word of EXAMPLE_WORDS) {
      const first = data?.[word]?.[0];
      if (first && !seen.has(first.id)) {
        seen.add(first.id);
        examples.push(first);
      }
    }
    return examples;
  }, [data]);
}
