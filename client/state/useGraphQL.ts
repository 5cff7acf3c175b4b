// Runs one GraphQL document for the current variables; a change of variables cancels the previous request.
import { useCallback, useEffect, useState } from 'react';
import { graphqlRequest, isAbort, type GraphQLDocument } from '../api/graphqlRequest.ts';

export interface QueryState<TData> {
  /** The data for the current variables, once it has arrived. */
  data: TData | undefined;
  /** The data of the last completed request, whatever its variables (to keep showing while loading). */
  previousData: TData | undefined;
  error: unknown;
  loading: boolean;
  retry: () => void;
}

interface Outcome<TData> {
  key: string;
  attempt: number;
  data?: TData;
  error?: unknown;
}

/** `variables` null means: don't run. Variables are compared by value, so literals are fine. */
export function useGraphQL<TData, TVariables extends object>(
  document: GraphQLDocument<TData, TVariables>,
  variables: TVariables | null,
): QueryState<TData> {
  const key = variables === null ? null : JSON.stringify(variables);
  const [attempt, setAttempt] = useState(0);
  const [outcome, setOutcome] = useState<Outcome<TData> | null>(null);

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    graphqlRequest<TData, TVariables>(document, JSON.parse(key) as TVariables, {
      signal: controller.signal,
    }).then(
      (data) => setOutcome({ key, attempt, data }),
      (error: unknown) => {
        if (!isAbort(error)) setOutcome({ key, attempt, error });
      },
    );
    return () => controller.abort();
  }, [document, key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const current = outcome !== null && outcome.key === key && outcome.attempt === attempt ? outcome : null;
  return {
    data: current?.data,
    previousData: outcome?.data,
    error: current?.error,
    loading: key !== null && current === null,
    retry,
  };
}
