// Who is signed in, and the CSRF token that cookie-authenticated mutations send as `x-csrf-token`. The
// session itself is an HttpOnly cookie the page never sees; on load (and after a reload) the account and
// the token come from the `me` and `csrfToken` queries. One store for the whole page.
import { useSyncExternalStore } from 'react';
import { AtlasRequestError, graphqlRequest, type GraphQLDocument } from '../api/graphqlRequest.ts';
import { SESSION, SIGN_IN, SIGN_OUT, SIGN_UP } from '../api/queries.ts';
import type { AccountFieldsFragment } from '../api/generated/graphql.ts';

export type SessionAccount = AccountFieldsFragment;

export interface SessionState {
  /** `loading` until the first answer; then the account, or null when signed out. */
  status: 'loading' | 'ready';
  account: SessionAccount | null;
  /** Bumped after every change made through `mutate`, so views of the user's own items reload. */
  changes: number;
}

const CSRF_HEADER = 'x-csrf-token';

let state: SessionState = { status: 'loading', account: null, changes: 0 };
let csrfToken: string | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

function set(next: Partial<SessionState>) {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (state.status === 'loading') void refreshSession();
  return () => listeners.delete(listener);
}

/** Asks the server who is signed in (and for a fresh CSRF token). */
export function refreshSession(): Promise<void> {
  loading ??= graphqlRequest(SESSION, {})
    .then(
      (data) => {
        csrfToken = data.csrfToken ?? null;
        set({ status: 'ready', account: data.me ?? null });
      },
      () => set({ status: 'ready', account: null }),
    )
    .finally(() => {
      loading = null;
    });
  return loading;
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, () => state);
}

export async function signIn(email: string, password: string): Promise<SessionAccount> {
  const data = await graphqlRequest(SIGN_IN, { email, password });
  csrfToken = data.signIn.csrfToken;
  set({ status: 'ready', account: data.signIn.account, changes: state.changes + 1 });
  return data.signIn.account;
}

export async function signUp(email: string, password: string, name: string): Promise<SessionAccount> {
  const data = await graphqlRequest(SIGN_UP, { email, password, name });
  csrfToken = data.signUp.csrfToken;
  set({ status: 'ready', account: data.signUp.account, changes: state.changes + 1 });
  return data.signUp.account;
}

export async function signOut(): Promise<void> {
  try {
    await mutate(SIGN_OUT, {});
  } finally {
    csrfToken = null;
    set({ status: 'ready', account: null, changes: state.changes + 1 });
  }
}

/**
 * Runs a mutation as the signed-in account, with the CSRF token. When the server refuses the token (it
 * is bound to the session, e.g. after signing in in another tab), fetches a fresh one and tries once more.
 */
export async function mutate<TData, TVariables extends object>(
  document: GraphQLDocument<TData, TVariables>,
  variables: TVariables,
): Promise<TData> {
  const send = () =>
    graphqlRequest(document, variables, { headers: csrfToken ? { [CSRF_HEADER]: csrfToken } : {} });
  let result: TData;
  try {
    result = await send();
  } catch (error) {
    if (!(error instanceof AtlasRequestError) || error.code !== 'CSRF_TOKEN_INVALID') {
      if (error instanceof AtlasRequestError && error.code === 'UNAUTHENTICATED') void refreshSession();
      throw error;
    }
    await refreshSession();
    result = await send();
  }
  set({ changes: state.changes + 1 });
  return result;
}
