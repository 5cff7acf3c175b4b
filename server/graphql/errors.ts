// Maps domain errors to GraphQL errors with extensions.code, in one place; hides internals.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AtlasError, InvalidInputError } from '../common/errors.ts';

export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (err: unknown) => void,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
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
