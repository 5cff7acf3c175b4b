// Runs a zod schema over arguments and turns every failure into a Problem naming the field (e.g.
// `input.website`), with a stable code: the caller gets all of them at once, and nothing is written.
import type { z } from 'zod';
import { InvalidInputError } from '../../common/errors.ts';
import type { Problem } from '../../common/problems.ts';

type Issue = z.core.$ZodIssue;

function problemCode(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return 'REQUIRED';
    case 'too_small':
      return issue.minimum === 1 && issue.origin === 'string' ? 'REQUIRED' : 'TOO_SHORT';
    case 'too_big':
      return 'TOO_LONG';
    case 'invalid_format':
      return issue.format === 'email' ? 'BAD_EMAIL' : 'BAD_FORMAT';
    case 'invalid_value':
      return 'UNKNOWN_VALUE';
    case 'unrecognized_keys':
      return 'UNKNOWN_FIELD';
    case 'custom': {
      const c = (issue.params as { code?: unknown } | undefined)?.code;
      return typeof c === 'string' ? c : 'INVALID';
    }
    default:
      return 'INVALID';
  }
}

export function toProblems(issues: readonly Issue[], prefix: string | null): Problem[] {
  return issues.map((issue) => {
    const path = issue.path.map(String);
    const field = [...(prefix ? [prefix] : []), ...path].join('.') || null;
    return {
      file: 'arguments',
      line: null,
      column: null,
      field,
      code: problemCode(issue),
      message: issue.message,
    };
  });
}

/** Parses `value` with `schema`, or throws BAD_USER_INPUT listing every problem with its field. */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix: string | null = null,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw invalid(toProblems(result.error.issues, prefix));
}

export function invalid(problems: Problem[]): InvalidInputError {
  const fields = [...new Set(problems.map((p) => p.field ?? 'input'))];
  return new InvalidInputError(
    `Check ${fields.join(', ')}: ${problems.map((p) => p.message).join('; ')}.`,
    problems,
  );
}

/** One problem for one field, for rules that need the database (e.g. "this email has an account"). */
export function fieldProblem(field: string, code: string, message: string): Problem {
  return { file: 'arguments', line: null, column: null, field, code, message };
}
