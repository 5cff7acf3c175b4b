// The per-request part of accounts (issue 9): who is asking, how the HTTP layer sets and clears the
// session cookie, rate limits, and batching loaders for what only owners and curators see.
import DataLoader from 'dataloader';
import type { QueryRunner } from '../common/queryRunner.ts';
import { ANONYMOUS, type Actor } from '../domain/access/actor.ts';
import type { RequestOrigin } from '../domain/accounts/accounts.ts';
import { createRateLimits } from '../domain/accounts/rateLimits.ts';
import {
  anyOrganisationsByIds,
  ownershipsOf,
  relationshipsByIds,
  type OwnedOrganisation,
  type RelationshipRecord,
} from '../domain/curation/reads.ts';
import type { Organisation } from '../domain/organisations.ts';

/** What the HTTP layer offers resolvers: the session cookie and CSRF tokens (server/http/auth.ts). */
export interface SessionCookies {
  /** Sets the HttpOnly session cookie (and a fresh CSRF cookie); returns the CSRF token for the header. */
  start(sessionToken: string, expiresAt: string): Promise<string>;
  /** The session cookie's secret sent with this request, if any. */
  current(): string | null;
  /** Clears the session and CSRF cookies. */
  end(): void;
  /** A CSRF token for this request's session (setting its cookie), or null without a session. */
  csrfToken(): Promise<string | null>;
}

/** Who is asking, and how they proved it. Built once per request by the HTTP layer. */
export interface RequestAuth {
  /** Who is asking; becomes the new account when signUp or signIn starts a session in this request. */
  viewer: Actor;
  /** Whether a mutation may use this request's session cookie: the x-csrf-token header matched it. */
  csrfValid: boolean;
  origin: RequestOrigin;
  cookies: SessionCookies;
}

export interface AccountsContext extends RequestAuth {
  /** Organisations whatever their status: only for fields whose entry point authorised the view. */
  anyOrganisations: DataLoader<string, Organisation | null>;
  /** Relationships by id with their consent (any kind). */
  relationships: DataLoader<string, RelationshipRecord | undefined>;
  /** The viewer's ownerships, read once per request. */
  viewerOwnerships(): Promise<Map<string, OwnedOrganisation>>;
}

const NO_COOKIES: SessionCookies = {
  start: () => Promise.reject(new Error('no HTTP response to set a session cookie on')),
  current: () => null,
  end: () => {},
  csrfToken: () => Promise.resolve(null),
};

/** A signed-out request outside HTTP (tests that execute operations directly). */
export function anonymousAuth(): RequestAuth {
  return {
    viewer: ANONYMOUS,
    csrfValid: false,
    origin: { limits: createRateLimits(), address: 'local' },
    cookies: NO_COOKIES,
  };
}

export function createAccountsContext(runner: QueryRunner, auth: RequestAuth): AccountsContext {
  let ownerships: Promise<Map<string, OwnedOrganisation>> | undefined;
  const viewer = auth.viewer;
  return {
    ...auth,
    anyOrganisations: new DataLoader((ids) => anyOrganisationsByIds(runner, ids)),
    relationships: new DataLoader((ids) => relationshipsByIds(runner, ids)),
    viewerOwnerships() {
      ownerships ??=
        viewer.kind === 'account'
          ? ownershipsOf(runner, viewer.id).then((list) => new Map(list.map((o) => [o.organisationId, o])))
          : Promise.resolve(new Map());
      return ownerships;
    },
  };
}
