// The server's refusals as a form shows them: a message per field (from `extensions.problems`), and one
// message for the whole form (rate limits, conflicts, a lost session…).
import { AtlasRequestError, describeError } from '../api/graphqlRequest.ts';

export type FieldErrors = Record<string, string>;

export interface FormError {
  /** Messages by form field (`name`, `website`, `place.country`, `email`…). */
  fields: FieldErrors;
  /** What to say above the form, or null when every problem belongs to a field. */
  message: string | null;
  code: string | undefined;
}

interface ServerProblem {
  field?: unknown;
  message?: unknown;
}

/** `input.themes.2` → `themes`; `input.place.country` → `place.country`; `email` stays. */
export function formField(field: string, prefixes: readonly string[] = ['input', 'changes']): string {
  const parts = field.split('.').filter((part) => !/^\d+$/.test(part));
  if (parts.length > 1 && prefixes.includes(parts[0]!)) parts.shift();
  return parts.join('.');
}

export function toFormError(error: unknown): FormError {
  const { message, code } = describeError(error);
  if (!(error instanceof AtlasRequestError)) return { fields: {}, message, code };
  if (code === 'RATE_LIMITED') {
    const seconds = Number(error.extensions.retryAfterSeconds);
    const wait = Number.isFinite(seconds) && seconds > 0 ? ` Try again in ${waitText(seconds)}.` : '';
    return { fields: {}, message: `Too many attempts: the server is refusing for a while.${wait}`, code };
  }
  if (code === 'CSRF_TOKEN_INVALID' || code === 'UNAUTHENTICATED') {
    return {
      fields: {},
      message:
        code === 'UNAUTHENTICATED' && /password|email/i.test(message)
          ? message
          : `${message} Sign in again and retry.`,
      code,
    };
  }
  const problems = Array.isArray(error.extensions.problems)
    ? (error.extensions.problems as ServerProblem[])
    : [];
  const fields: FieldErrors = {};
  const loose: string[] = [];
  for (const problem of problems) {
    const text = typeof problem.message === 'string' ? problem.message : 'not accepted';
    if (typeof problem.field === 'string' && problem.field !== '') {
      const key = formField(problem.field);
      fields[key] = fields[key] ? `${fields[key]}; ${text}` : text;
    } else loose.push(text);
  }
  if (problems.length === 0) return { fields, message, code };
  return { fields, message: loose.length > 0 ? loose.join('; ') : null, code };
}

function waitText(seconds: number): string {
  if (seconds < 90) return `${Math.ceil(seconds)} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
