// The registration form's rules, checked as you type. They repeat the server's (server/domain/validation/
// fields.ts and curation/organisationInput.ts; README "Registering an organisation") in the small form
// the browser needs; the server checks again on submit and its messages replace these.
// test/unit/client/accountRules.test.ts runs both over a table of inputs and expects the same verdicts.
import type { Sector } from '../api/types.ts';

export const LIMITS = {
  name: 200,
  kind: 100,
  description: 5000,
  url: 500,
  placeName: 100,
  theme: 60,
  themes: 20,
  identifier: 120,
  identifiers: 20,
  reason: 1000,
  evidence: 2000,
  password: 200,
} as const;

/** Control characters, and invisible ones that reorder or hide text (bidi overrides, zero-width). */
// eslint-disable-next-line no-control-regex -- these are the characters it refuses
const HIDDEN = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;

export interface OrganisationForm {
  name: string;
  sector: Sector | '';
  kind: string;
  description: string;
  website: string;
  country: string;
  region: string;
  city: string;
  /** Comma- or line-separated. */
  themes: string;
  /** Comma- or line-separated `scheme:value`. */
  identifiers: string;
}

export const EMPTY_FORM: OrganisationForm = {
  name: '',
  sector: '',
  kind: '',
  description: '',
  website: '',
  country: '',
  region: '',
  city: '',
  themes: '',
  identifiers: '',
};

/** One line of text (trimmed); null when it is fine. */
export function lineProblem(
  what: string,
  value: string,
  max: number,
  min = 1,
  required = true,
): string | null {
  const v = value.trim();
  if (v === '') return required ? `${what} is required` : null;
  if (v.length < min) return `${what} needs at least ${min} characters`;
  if (v.length > max) return `${what} is too long: at most ${max} characters`;
  if (HIDDEN.test(v))
    return `${what} contains control or invisible characters (such as a line break or a direction override): remove them`;
  return null;
}

export function paragraphProblem(what: string, value: string, max: number, min = 1, required = true) {
  const v = value.trim();
  if (v === '') return required ? `${what} is required` : null;
  if (v.length < min) return `${what} needs at least ${min} characters`;
  if (v.length > max) return `${what} is too long: at most ${max} characters`;
  if (HIDDEN.test(v.replace(/[\n\r\t]/g, '')))
    return `${what} contains control or invisible characters: remove them (line breaks are fine)`;
  return null;
}

/** An absolute http(s) address of a domain name (no IP, no localhost, no user:password). */
export function urlProblem(what: string, value: string, required = false): string | null {
  const v = value.trim();
  if (v === '') return required ? `${what} is required` : null;
  if (v.length > LIMITS.url) return `${what} is too long: at most ${LIMITS.url} characters`;
  if (HIDDEN.test(v)) return `${what} contains control or invisible characters: remove them`;
  const bad = `${what} must be a web address starting with https:// or http://, such as https://example.org`;
  if (!/^https?:\/\//i.test(v)) return bad;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return bad;
  }
  const host = url.hostname.replace(/\.$/, '');
  if (url.username !== '' || url.password !== '') return bad;
  if (!host.includes('.') || /^[\d.]+$/.test(host) || host.startsWith('[')) return bad;
  const labels = host.split('.');
  if (labels.some((l) => l === '') || !/^[a-z\u00a1-\uffff-]{2,}$/i.test(labels[labels.length - 1]!))
    return bad;
  if (host === 'localhost' || host.endsWith('.localhost')) return bad;
  return null;
}

/**
 * The website as it will be sent: a bare domain ("codigosp.org.br", "www.example.org/about") gets
 * `https://` in front, as the importers repair it (WEBSITE_WITHOUT_SCHEME); "//example.org" gets `https:`.
 * Anything with a scheme ("javascript:…", "ftp://…") or that is not a domain is left as typed, for the
 * rules to judge (the server's rule is unchanged: an absolute http(s) address).
 */
export function websiteToSend(value: string): string {
  const v = value.trim();
  if (v === '' || /^[a-z][a-z0-9+-]*:/i.test(v)) return v;
  if (v.startsWith('//')) return `https:${v}`;
  if (/^[^\s/?#@:]+\.[^\s/?#@:.]+(?::\d+)?(?:[/?#]|$)/.test(v)) return `https://${v}`;
  return v;
}

/** Splits a list typed as "a, b" or one per line. */
export function splitList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function identifierProblem(value: string): string | null {
  const plain = lineProblem('identifier', value, LIMITS.identifier);
  if (plain) return plain;
  const colon = value.indexOf(':');
  const scheme = colon < 0 ? '' : value.slice(0, colon).trim();
  const rest = colon < 0 ? '' : value.slice(colon + 1).trim();
  if (scheme === '' || rest === '' || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(scheme))
    return 'an identifier is written scheme:value, such as GB-CHC:1234567 or GB-COH:01234567';
  return null;
}

/** Every problem of the form, by field (`name`, `place.country`, `themes`…); empty when it may be sent. */
export function organisationProblems(form: OrganisationForm): Record<string, string> {
  const problems: Record<string, string> = {};
  const put = (field: string, problem: string | null) => {
    if (problem) problems[field] = problem;
  };
  put('name', lineProblem('name', form.name, LIMITS.name, 2));
  if (form.sector === '') problems.sector = 'sector is required: choose one';
  put('kind', lineProblem('kind', form.kind, LIMITS.kind, 1, false));
  put('description', paragraphProblem('description', form.description, LIMITS.description, 1, false));
  put('website', urlProblem('website', websiteToSend(form.website)));
  const placeGiven = [form.country, form.region, form.city].some((v) => v.trim() !== '');
  if (placeGiven) {
    put('place.country', lineProblem('country', form.country, LIMITS.placeName));
    put('place.region', lineProblem('region', form.region, LIMITS.placeName, 1, false));
    put('place.city', lineProblem('city', form.city, LIMITS.placeName, 1, false));
  }
  const themes = splitList(form.themes);
  if (themes.length > LIMITS.themes) problems.themes = `at most ${LIMITS.themes} themes`;
  else put('themes', themes.map((t) => lineProblem('theme', t, LIMITS.theme, 2)).find(Boolean) ?? null);
  const identifiers = splitList(form.identifiers);
  if (identifiers.length > LIMITS.identifiers)
    problems.identifiers = `at most ${LIMITS.identifiers} identifiers`;
  else put('identifiers', identifiers.map(identifierProblem).find(Boolean) ?? null);
  return problems;
}

/** The form as the `registerOrganisation` input (empty optional fields left out). */
export function organisationInput(form: OrganisationForm) {
  const text = (v: string) => (v.trim() === '' ? undefined : v.trim());
  const country = text(form.country);
  const region = text(form.region);
  const city = text(form.city);
  const themes = splitList(form.themes);
  const identifiers = splitList(form.identifiers);
  return {
    name: form.name.trim(),
    sector: form.sector as Sector,
    ...(text(form.kind) ? { kind: text(form.kind) } : {}),
    ...(text(form.description) ? { description: form.description.trim() } : {}),
    ...(text(form.website) ? { website: websiteToSend(form.website) } : {}),
    ...(country || region || city
      ? { place: { country: country ?? '', ...(region ? { region } : {}), ...(city ? { city } : {}) } }
      : {}),
    ...(themes.length > 0 ? { themes } : {}),
    ...(identifiers.length > 0 ? { identifiers } : {}),
  };
}

/** Sign-up rules the browser can check alone (the server also refuses common and guessable passwords). */
export function signUpProblems(fields: { email: string; password: string; name: string }) {
  const problems: Record<string, string> = {};
  const email = fields.email.trim();
  if (email === '') problems.email = 'email is required';
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    problems.email = 'email must be an address such as name@example.org';
  if (fields.password.length < 10) problems.password = 'password needs at least 10 characters';
  else if (fields.password.length > LIMITS.password)
    problems.password = `password is too long: at most ${LIMITS.password} characters`;
  const name = lineProblem('name', fields.name, 100);
  if (name) problems.name = name;
  return problems;
}
