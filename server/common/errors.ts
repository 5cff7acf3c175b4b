// The small error vocabulary shared by every layer; server/graphql/errors.ts maps each to a GraphQL code.
import type { Problem } from './problems.ts';

export type ErrorCode =
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CSRF_TOKEN_INVALID'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE'
  | 'TIMEOUT';

export abstract class AtlasError extends Error {
  abstract readonly code: ErrorCode;
}

export class NotFoundError extends AtlasError {
  override readonly name = 'NotFoundError';
  readonly code = 'NOT_FOUND';
}

/** The caller's input is wrong; `problems` lists each with where it is and what to fix. */
export class InvalidInputError extends AtlasError {
  override readonly name = 'InvalidInputError';
  readonly code = 'BAD_USER_INPUT';
  constructor(
    message: string,
    readonly problems: Problem[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export class ConflictError extends AtlasError {
  override readonly name = 'ConflictError';
  readonly code = 'CONFLICT';
}

export class ForbiddenError extends AtlasError {
  override readonly name = 'ForbiddenError';
  readonly code = 'FORBIDDEN';
}

/** Signing in is needed (no session, a session that ended, or an unknown or revoked API token). */
export class UnauthenticatedError extends AtlasError {
  override readonly name = 'UnauthenticatedError';
  readonly code = 'UNAUTHENTICATED';
}

/** A mutation sent with the session cookie but without the matching x-csrf-token header. */
export class CsrfError extends AtlasError {
  override readonly name = 'CsrfError';
  readonly code = 'CSRF_TOKEN_INVALID';
}

/** Too many attempts from one account or address; `retryAfterSeconds` says when to try again. */
export class RateLimitedError extends AtlasError {
  override readonly name = 'RateLimitedError';
  readonly code = 'RATE_LIMITED';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** The database (or another dependency) cannot be reached; retrying later may work. */
export class UnavailableError extends AtlasError {
  override readonly name = 'UnavailableError';
  readonly code = 'UNAVAILABLE';
}

/** A query ran past its time budget. */
export class TimeoutError extends AtlasError {
  override readonly name = 'TimeoutError';
  readonly code = 'TIMEOUT';
}

/** An internal bug: a broken assumption in our own code, never the caller's fault. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Invariant violation: ${message}`);
}
