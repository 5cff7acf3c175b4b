// Who is asking: nobody (signed out), or an account reached through a session cookie or an API token.
import type { Role } from '../model.ts';

export interface AccountActor {
  kind: 'account';
  id: string;
  name: string;
  email: string;
  role: Role;
  /** How the request proved who it is: the session cookie of a browser, or a personal API token. */
  via: 'session' | 'token';
}

export type Actor = { kind: 'anonymous' } | AccountActor;

export const ANONYMOUS: Actor = Object.freeze({ kind: 'anonymous' });

const RANK: Record<Role, number> = { MEMBER: 0, CURATOR: 1, ADMIN: 2 };

/** Whether the role is `role` or above (ADMIN > CURATOR > MEMBER). */
export function hasRole(actor: Actor, role: Role): boolean {
  return actor.kind === 'account' && RANK[actor.role] >= RANK[role];
}
