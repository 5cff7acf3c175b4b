// Field rules for what people type into forms and mutations: one zod schema per kind of field, each
// failure carrying a stable problem code and a message that says what to write instead.
import { z } from 'zod';
import { getDomain, parse as parseHost } from 'tldts';
import { isHttpUrl, parseIdentifier } from '../values.ts';

/** Control characters, and invisible ones that reorder or hide text (bidi overrides, zero-width). */
const HIDDEN = /[\p{Cc}\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;
const code = (c: string) => ({ params: { code: c } });

/** Limits of free text, in characters (the README's registration table repeats them). */
export const TEXT_LIMITS = {
  name: 200,
  kind: 100,
  description: 5000,
  placeName: 100,
  theme: 60,
  themes: 20,
  identifier: 120,
  identifiers: 20,
  url: 500,
  reason: 1000,
  evidence: 2000,
  accountName: 100,
  email: 254,
  tokenName: 100,
} as const;

/** One line of text: trimmed, `min`–`max` characters, no control or invisible characters. */
export function line(what: string, max: number, min = 1) {
  return z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, { error: `${what} is required`, abort: true })
    .min(min, { error: `${what} needs at least ${min} characters` })
    .max(max, { error: `${what} is too long: at most ${max} characters` })
    .refine((v) => !HIDDEN.test(v), {
      error: `${what} contains control or invisible characters (such as a line break or a direction override): remove them`,
      ...code('CONTROL_CHARACTERS'),
    });
}

/** Text that may span lines (descriptions, reasons): line breaks and tabs are kept. */
export function paragraph(what: string, max: number, min = 1) {
  return z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, { error: `${what} is required`, abort: true })
    .min(min, { error: `${what} needs at least ${min} characters` })
    .max(max, { error: `${what} is too long: at most ${max} characters` })
    .refine((v) => !HIDDEN.test(v.replace(/[\n\r\t]/g, '')), {
      error: `${what} contains control or invisible characters: remove them (line breaks are fine)`,
      ...code('CONTROL_CHARACTERS'),
    });
}

/**
 * An absolute http(s) URL of a public site: javascript:, data:, file: and the like are refused, and so
 * are hosts that are not domain names under a public suffix (localhost, bare IP addresses).
 */
export function webUrl(what: string) {
  return z
    .string({ error: `${what} is required` })
    .trim()
    .max(TEXT_LIMITS.url, { error: `${what} is too long: at most ${TEXT_LIMITS.url} characters` })
    .refine((v) => !HIDDEN.test(v), {
      error: `${what} contains control or invisible characters: remove them`,
      ...code('CONTROL_CHARACTERS'),
    })
    .refine((v) => isHttpUrl(v) && publicHost(v), {
      error: `${what} must be a web address starting with https:// or http://, such as https://example.org`,
      ...code('BAD_URL'),
    });
}

/** A domain under a public suffix, with no user name or password in the URL. */
function publicHost(url: string): boolean {
  const parsed = parseHost(url);
  const { username, password } = new URL(url);
  return (
    !parsed.isIp && parsed.domain !== null && getDomain(url) !== null && username === '' && password === ''
  );
}

export function email() {
  return z
    .string({ error: 'email is required' })
    .trim()
    .toLowerCase()
    .min(1, { error: 'email is required' })
    .max(TEXT_LIMITS.email, { error: `email is too long: at most ${TEXT_LIMITS.email} characters` })
    .pipe(z.email({ error: 'email must be an address such as name@example.org' }));
}

/** `scheme:value`, e.g. GB-CHC:1234567; the scheme is stored in upper case. */
export function identifier() {
  return line('identifier', TEXT_LIMITS.identifier)
    .refine(
      (v) => parseIdentifier(v) !== null && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(v.split(':')[0]!.trim()),
      {
        error: 'an identifier is written scheme:value, such as GB-CHC:1234567 or GB-COH:01234567',
        ...code('BAD_IDENTIFIER'),
      },
    )
    .transform((v) => {
      const parsed = parseIdentifier(v)!;
      return `${parsed.scheme.toUpperCase()}:${parsed.value}`;
    });
}

/** Turns an empty (or blank) optional text into null, so "clear this field" and "not given" differ only by undefined. */
export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
    schema.nullable().optional(),
  );
}
