// Maps domain errors to GraphQL errors with extensions.code, in one place; hides internals.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AtlasError, InvalidInputError, RateLimitedError } from '../common/errors.ts';
import type { Problem } from '../common/problems.ts';

export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (err: unknown) => void,
): GraphQLFormattedError {
  const unwrapped = unwrapResolverError(error);
  // Plugins and the context (CSRF, rate limits, API tokens) wrap our errors in GraphQLErrors without a
  // path, which Apollo may wrap once more: look inside for ours.
  let original = unwrapped;
  for (let e: unknown = unwrapped, depth = 0; e && depth < 3; depth++) {
    if (e instanceof AtlasError) {
      original = e;
      break;
    }
    e = (e as { originalError?: unknown }).originalError;
  }
  if (original instanceof AtlasError) {
    // The database being down or slow is the operator's business: keep the cause in the logs.
    if (original.code === 'UNAVAILABLE' || original.code === 'TIMEOUT') log(original);
    return {
      message: original.message,
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: {
        code: original.code,
        ...(original instanceof InvalidInputError && original.problems.length > 0
          ? { problems: original.problems }
          : {}),
        ...(original instanceof RateLimitedError ? { retryAfterSeconds: original.retryAfterSeconds } : {}),
      },
    };
  }
  // Our own validation rules (validation.ts) flag caller mistakes as BAD_USER_INPUT; Apollo files every
  // validation error under GRAPHQL_VALIDATION_FAILED, so put our code back.
  const cause = (original as { originalError?: unknown } | undefined)?.originalError ?? original;
  const ours = (cause as { extensions?: Record<string, unknown> } | undefined)?.extensions;
  if (
    formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' &&
    ours?.code === 'BAD_USER_INPUT' &&
    Array.isArray(ours.problems)
  ) {
    return {
      ...formatted,
      extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT', problems: ours.problems },
    };
  }
  // A variable GraphQL itself refused (an unknown enum value, a missing required field): name the field.
  const problem = variableProblem(formatted);
  if (problem) {
    return {
      ...formatted,
      extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT', problems: [problem] },
    };
  }
  // The parser stops at the token limit (limits.ts): answer as that limit, with what to do.
  const tokens = /Document contains more tha[nt] (\d+) tokens/.exec(formatted.message);
  if (tokens) {
    const max = Number(tokens[1]);
    return {
      message: `Token limit exceeded: the document has more than ${max.toLocaleString('en-GB')} tokens. Send a shorter document: fewer fields and aliases per request, or several requests.`,
      extensions: { code: 'LIMIT_EXCEEDED', limit: { name: 'Token', max, found: null } },
    };
  }
  // Our limits (limits.ts) keep their own code and say which limit was exceeded.
  if (ours?.code === 'LIMIT_EXCEEDED') {
    return { ...formatted, extensions: { code: 'LIMIT_EXCEEDED', limit: ours.limit } };
  }
  // Errors raised by GraphQL itself (parse, validation, armor limits) already say what is wrong.
  if (original instanceof GraphQLError && original.originalError === undefined) return formatted;
  if (formatted.extensions?.code && formatted.extensions.code !== 'INTERNAL_SERVER_ERROR') return formatted;
  log(original);
  return {
    message: 'Internal server error. It has been logged; please try again or report it.',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/**
 * graphql-js refuses bad variables before any resolver runs, with a message such as
 * `Variable "$input" got invalid value "NGOO" at "input.sector"; Value "NGOO" does not exist in "Sector" enum.`
 * This turns it into the problem list our own validation gives (field `input.sector`, code UNKNOWN_VALUE).
 */
export function variableProblem(formatted: GraphQLFormattedError): Problem | null {
  if (formatted.extensions?.code !== 'BAD_USER_INPUT' || formatted.extensions.problems !== undefined)
    return null;
  const match =
    /^Variable "\$([^"]+)" (?:got invalid value .*?(?: at "([^"]+)")?; |of required type .* )([\s\S]*)$/.exec(
      formatted.message,
    );
  if (!match) return null;
  const [, variable, at, detail = ''] = match;
  const missing = /Field "([^"]+)" of required type "[^"]+" was not provided/.exec(detail);
  const field = [at ?? variable, ...(missing ? [missing[1]] : [])].join('.');
  const code = /does not exist in "[^"]+" enum/.test(detail)
    ? 'UNKNOWN_VALUE'
    : /was not provided|must not be null/.test(detail) || /of required type/.test(formatted.message)
      ? 'REQUIRED'
      : 'BAD_VALUE';
  return {
    file: 'arguments',
    line: null,
    column: null,
    field,
    code,
    message: detail.trim() || formatted.message,
  };
}
