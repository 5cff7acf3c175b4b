// A query that depends on who is signed in and on what they changed: it runs again after every sign-in,
// sign-out and mutation (useSession's `changes`), and on `reload()`.
import { useCallback, useEffect, useState } from 'react';
import { graphqlRequest, isAbort, type GraphQLDocument } from '../api/graphqlRequest.ts';
import { useSession } from '../state/useSession.ts';

export interface AccountQuery<TData> {
  data: TData | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

export function useAccountQuery<TData, TVariables extends object>(
  document: GraphQLDocument<TData, TVariables>,
  variables: TVariables | null,
): AccountQuery<TData> {
  const { changes } = useSession();
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<{ key: string; data?: TData; error?: unknown } | null>(null);
  const vars = variables === null ? null : JSON.stringify(variables);
  const key = vars === null ? null : `${changes}|${attempt}|${vars}`;

  useEffect(() => {
    if (key === null || vars === null) return;
    const controller = new AbortController();
    graphqlRequest<TData, TVariables>(document, JSON.parse(vars) as TVariables, {
      signal: controller.signal,
    }).then(
      (data) => setResult({ key, data }),
      (error: unknown) => {
        if (!isAbort(error)) setResult({ key, error });
      },
    );
    return () => controller.abort();
  }, [document, key, vars]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const current = result?.key === key ? result : null;
  return {
    // The last answer stays shown while the next one loads.
    data: result?.data,
    error: current?.error,
    loading: key !== null && current === null,
    reload,
  };
}
