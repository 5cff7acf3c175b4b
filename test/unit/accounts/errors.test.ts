// The error codes accounts add (UNAUTHENTICATED, CSRF_TOKEN_INVALID, RATE_LIMITED with retryAfterSeconds),
// found also when a plugin or the context wraps them, and variables refused by GraphQL itself named as
// problems with their field.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CsrfError, RateLimitedError, UnauthenticatedError } from '../../../server/common/errors.ts';
import { formatError, variableProblem } from '../../../server/graphql/errors.ts';

const { GraphQLError } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

describe('formatError for accounts', () => {
  it('finds our error inside the GraphQLErrors a plugin and Apollo wrap it in', () => {
    const ours = new RateLimitedError('Too many failed sign-ins: try again in 15 minutes.', 900);
    const plugin = new GraphQLError(ours.message, { originalError: ours });
    const apollo = new GraphQLError('wrapped again', { originalError: plugin });
    const logged: unknown[] = [];
    const formatted = formatError(
      { message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      apollo,
      (e) => logged.push(e),
    );
    expect(formatted).toEqual({
      message: ours.message,
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 900 },
    });
    expect(logged).toEqual([]);
  });

  it.each([
    [new UnauthenticatedError('Sign in first.'), 'UNAUTHENTICATED'],
    [new CsrfError('No token.'), 'CSRF_TOKEN_INVALID'],
  ])('maps %s to its code', (error, code) => {
    const formatted = formatError(
      { message: 'x' },
      new GraphQLError('w', { originalError: error }),
      () => {},
    );
    expect(formatted.extensions).toEqual({ code });
  });
});

describe('variableProblem', () => {
  const bad = (message: string) => variableProblem({ message, extensions: { code: 'BAD_USER_INPUT' } });

  it('names the field of an unknown enum value', () => {
    expect(
      bad(
        'Variable "$input" got invalid value "NGOO" at "input.sector"; Value "NGOO" does not exist in "Sector" enum. Did you mean the enum value "NGO"?',
      ),
    ).toMatchObject({
      field: 'input.sector',
      code: 'UNKNOWN_VALUE',
      message: expect.stringMatching(/Did you mean the enum value "NGO"/),
    });
  });

  it('names a missing required input field and a missing variable', () => {
    expect(
      bad(
        'Variable "$input" got invalid value { name: "x" }; Field "sector" of required type "Sector!" was not provided.',
      ),
    ).toMatchObject({ field: 'input.sector', code: 'REQUIRED' });
    expect(bad('Variable "$email" of required type "String!" was not provided.')).toMatchObject({
      field: 'email',
      code: 'REQUIRED',
    });
  });

  it('leaves other errors alone', () => {
    expect(
      variableProblem({
        message: 'Cannot query field "x"',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    ).toBeNull();
    expect(bad('Something else entirely')).toBeNull();
  });
});
