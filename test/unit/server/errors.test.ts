// The error vocabulary at both edges: driver errors mapped to our codes (db/runner.ts), and GraphQL replies
// that show our codes and problems but never an internal error's text (graphql/errors.ts).
import { createRequire } from 'node:module';
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  TimeoutError,
  UnavailableError,
} from '../../../server/common/errors.ts';
import { mapNeo4jError } from '../../../server/db/runner.ts';
import { formatError } from '../../../server/graphql/errors.ts';

// The GraphQLError class Apollo and graphql-js use at run time (graphql's CommonJS entry, as Node loads it;
// Vitest would otherwise give this file graphql's ES module copy, a different class).
const { GraphQLError } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const driverError = (code: string, message = 'routing table for bolt://db.internal:7687 is stale') =>
  new Neo4jError(message, code, '50N42', 'error: general processing exception - unexpected error');

describe('mapNeo4jError', () => {
  it.each([
    ['ServiceUnavailable', UnavailableError, 'UNAVAILABLE'],
    ['SessionExpired', UnavailableError, 'UNAVAILABLE'],
    ['Neo.TransientError.General.DatabaseUnavailable', UnavailableError, 'UNAVAILABLE'],
    ['Neo.ClientError.Transaction.TransactionTimedOut', TimeoutError, 'TIMEOUT'],
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', TimeoutError, 'TIMEOUT'],
    ['Neo.ClientError.Schema.ConstraintValidationFailed', ConflictError, 'CONFLICT'],
  ])('%s → %s', (code, type, ourCode) => {
    const original = driverError(code);
    const mapped = mapNeo4jError(original);
    expect(mapped).toBeInstanceOf(type);
    expect((mapped as UnavailableError).code).toBe(ourCode);
    // The driver's text (hosts, values of other records) stays in the cause, for the log.
    expect((mapped as Error).message).not.toContain('db.internal');
    expect((mapped as Error).cause).toBe(original);
  });

  it('turns a search that expands into too many Lucene clauses into BAD_USER_INPUT', () => {
    const mapped = mapNeo4jError(
      driverError(
        'Neo.ClientError.Procedure.ProcedureCallFailed',
        'Failed to invoke procedure: TooManyClauses',
      ),
    );
    expect(mapped).toBeInstanceOf(InvalidInputError);
  });

  it('passes other errors through unchanged (they are internal errors)', () => {
    const syntax = driverError('Neo.ClientError.Statement.SyntaxError', 'Invalid input');
    expect(mapNeo4jError(syntax)).toBe(syntax);
    const plain = new TypeError('x is undefined');
    expect(mapNeo4jError(plain)).toBe(plain);
  });
});

describe('formatError', () => {
  const base = { message: 'ignored', path: ['organisation'], locations: [{ line: 1, column: 3 }] };

  function format(error: unknown) {
    const logged: unknown[] = [];
    const formatted = formatError(
      { ...base, extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      // As graphql-js wraps what a resolver throws: with the path and the original error.
      new GraphQLError('wrapped', { originalError: error as Error, path: ['organisation'] }),
      (e) => logged.push(e),
    );
    return { formatted, logged };
  }

  it('shows our errors with their code and problems, and logs nothing for caller mistakes', () => {
    const problems = [
      {
        file: 'arguments',
        line: null,
        column: null,
        field: 'first',
        code: 'OUT_OF_RANGE',
        message: 'use 1 to 50',
      },
    ];
    const { formatted, logged } = format(new InvalidInputError('first must be from 1 to 50', problems));
    expect(formatted).toEqual({
      message: 'first must be from 1 to 50',
      path: ['organisation'],
      locations: [{ line: 1, column: 3 }],
      extensions: { code: 'BAD_USER_INPUT', problems },
    });
    expect(logged).toEqual([]);
    expect(format(new NotFoundError('no such organisation')).formatted.extensions).toEqual({
      code: 'NOT_FOUND',
    });
  });

  it('logs an unavailable database but answers only our message', () => {
    const cause = driverError('ServiceUnavailable');
    const { formatted, logged } = format(mapNeo4jError(cause));
    expect(formatted.extensions).toEqual({ code: 'UNAVAILABLE' });
    expect(JSON.stringify(formatted)).not.toContain('db.internal');
    expect(logged).toHaveLength(1);
  });

  it('hides an internal error behind a generic message, and logs it', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'secretField')");
    const { formatted, logged } = format(bug);
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(formatted.message).toMatch(/Internal server error/);
    expect(JSON.stringify(formatted)).not.toContain('secretField');
    expect(logged).toEqual([bug]);
  });

  it("keeps GraphQL's own errors (parse, validation, limits) as they are", () => {
    const formatted = {
      message: 'Cannot query field "x" on type "Query".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    };
    expect(formatError(formatted, new GraphQLError(formatted.message), () => {})).toBe(formatted);
  });
});
