// Which account view is open over the explorer (sign in, registration, my items, the review queue, a
// proposal form), if any. /register opens the registration form directly (REGISTER_PATH), so the header's
// link works in a new tab too; closing it returns to the explorer's address.
import { useSyncExternalStore } from 'react';

/** The address of the registration form (served as the explorer; the server answers it with index.html). */
export const REGISTER_PATH = '/register';

export type AccountView =
  | { view: 'sign-in'; then?: AccountView }
  | { view: 'sign-up'; then?: AccountView }
  | { view: 'register'; name?: string }
  | { view: 'mine' }
  | { view: 'review' }
  | { view: 'propose'; organisationId: string; organisationName: string };

let current: AccountView | null =
  typeof window !== 'undefined' && window.location.pathname === REGISTER_PATH ? { view: 'register' } : null;
const listeners = new Set<() => void>();

export function openAccountView(next: AccountView | null) {
  current = next;
  if (next === null && window.location.pathname === REGISTER_PATH) {
    // Back to the explorer's own address, keeping its view state.
    window.history.replaceState(
      window.history.state,
      '',
      `/${window.location.search}${window.location.hash}`,
    );
  }
  for (const listener of listeners) listener();
}

export function useAccountView(): AccountView | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
