// A few real organisations to suggest before the first search; empty when the server has none (or fails).
import { useMemo } from 'react';
import { EXAMPLE_WORDS, EXAMPLES } from '../api/queries.ts';
import type { ExamplesResult, OrganisationSummary } from '../api/types.ts';
import { useGraphQL } from './useGraphQL.ts';

const NO_VARIABLES = {};

export function useExamples(): OrganisationSummary[] {
  const { data } = useGraphQL<ExamplesResult, object>(EXAMPLES, NO_VARIABLES);
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
