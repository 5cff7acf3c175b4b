// Who is asking, from HTTP: an `Authorization: Bearer` API token, or the HttpOnly session cookie. The
// session cookie and the CSRF cookie (csrf-csrf's double submit, bound to the session) are set and
// cleared here; every cookie is SameSite=Strict, HttpOnly, and Secure when the request came over HTTPS.
import type { Request, Response } from 'express';
import { doubleCsrf } from 'csrf-csrf';
import { GraphQLError } from 'graphql';
import { UnauthenticatedError } from '../common/errors.ts';
import type { QueryRunner } from '../common/queryRunner.ts';
import { ANONYMOUS, type Actor } from '../domain/access/actor.ts';
import { actorFromSession } from '../domain/accounts/accounts.ts';
import { actorFromApiToken } from '../domain/accounts/apiTokens.ts';
import { createRateLimits, type RateLimitSettings } from '../domain/accounts/rateLimits.ts';
import { serverSecret } from '../domain/accounts/serverSecret.ts';
import type { RequestAuth, SessionCookies } from '../graphql/accountsContext.ts';

export const SESSION_COOKIE = 'atlas_session';
export const CSRF_COOKIE = 'atlas_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/**
 * Over HTTPS the cookies are Secure and named with the `__Host-` prefix: browsers then accept them only
 * from a secure origin, for Path=/ and without a Domain, so no other host (a sibling subdomain) and no
 * plain-HTTP page can set or overwrite them.
 */
export const HOST_PREFIX = '__Host-';

/** The cookie's name for this request: `__Host-` prefixed when it came over HTTPS (and so is Secure). */
export const cookieName = (req: Request, name: string) => (req.secure ? `${HOST_PREFIX}${name}` : name);

export interface AuthOptions {
  /** Overrides of the documented rate limits (tests raise them; README "Rate limits"). */
  rateLimits?: Partial<RateLimitSettings>;
}

const cookieOptions = (req: Request) => ({
  httpOnly: true,
  sameSite: 'strict' as const,
  secure: req.secure,
  path: '/',
});

export function createHttpAuth(runner: QueryRunner, options: AuthOptions = {}) {
  const limits = createRateLimits(options.rateLimits);
  /** Sessions started by the current request (signUp, signIn): their CSRF token is bound to them. */
  const fresh = new WeakMap<Request, string>();
  const sessionOf = (req: Request): string | null => {
    const cookie = (req.cookies as Record<string, unknown> | undefined)?.[cookieName(req, SESSION_COOKIE)];
    return fresh.get(req) ?? (typeof cookie === 'string' && cookie !== '' ? cookie : null);
  };
  // The key of CSRF tokens: one per database, created on first use (domain/accounts/serverSecret.ts).
  let secret: string | undefined;
  let loading: Promise<string> | undefined;
  const loadSecret = async () => {
    loading ??= serverSecret(runner, 'csrf').catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    secret = await loading;
  };
  const csrfWith = (name: string) =>
    doubleCsrf({
      getSecret: () => secret ?? '',
      getSessionIdentifier: (req) => sessionOf(req) ?? '',
      cookieName: name,
      cookieOptions: { httpOnly: true, sameSite: 'strict', path: '/' },
      getCsrfTokenFromRequest: (req) => req.headers[CSRF_HEADER],
    });
  const csrfPlain = csrfWith(CSRF_COOKIE);
  const csrfSecure = csrfWith(`${HOST_PREFIX}${CSRF_COOKIE}`);
  const csrfOf = (req: Request) => (req.secure ? csrfSecure : csrfPlain);

  function cookies(req: Request, res: Response): SessionCookies {
    return {
      async start(sessionToken, expiresAt) {
        await loadSecret();
        fresh.set(req, sessionToken);
        res.cookie(cookieName(req, SESSION_COOKIE), sessionToken, {
          ...cookieOptions(req),
          expires: new Date(expiresAt),
        });
        return csrfOf(req).generateCsrfToken(req, res, {
          overwrite: true,
          cookieOptions: cookieOptions(req),
        });
      },
      current: () => sessionOf(req),
      end() {
        fresh.delete(req);
        res.clearCookie(cookieName(req, SESSION_COOKIE), cookieOptions(req));
        res.clearCookie(cookieName(req, CSRF_COOKIE), cookieOptions(req));
      },
      async csrfToken() {
        if (sessionOf(req) === null) return null;
        await loadSecret();
        return csrfOf(req).generateCsrfToken(req, res, { cookieOptions: cookieOptions(req) });
      },
    };
  }

  /** Builds the request's RequestAuth; an unknown or revoked API token refuses the whole request (401). */
  async function requestAuth(req: Request, res: Response): Promise<RequestAuth> {
    const origin = { limits, address: req.ip ?? req.socket.remoteAddress ?? 'unknown' };
    const jar = cookies(req, res);
    const header = req.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      const actor = match ? await actorFromApiToken(runner, match[1]!) : null;
      if (!actor) {
        const error = new UnauthenticatedError(
          match
            ? 'This API token is unknown or was revoked: create a new one (createApiToken) and send it as Authorization: Bearer <token>.'
            : 'Send an API token as Authorization: Bearer <token>.',
        );
        throw new GraphQLError(error.message, {
          originalError: error,
          extensions: { http: { status: 401 } },
        });
      }
      // A token is not sent by browsers on their own: no CSRF risk, and the cookie is not used.
      return { viewer: actor, csrfValid: true, origin, cookies: jar };
    }
    let viewer: Actor = ANONYMOUS;
    let csrfValid = false;
    const token = sessionOf(req);
    if (token !== null) {
      const actor = await actorFromSession(runner, token);
      if (actor) {
        viewer = actor;
        await loadSecret();
        csrfValid = csrfOf(req).validateRequest(req);
      } else {
        // Signed out, expired or unknown: the cookie signs nobody in; tell the browser to drop it.
        jar.end();
      }
    }
    return { viewer, csrfValid, origin, cookies: jar };
  }

  return { requestAuth, limits };
}
