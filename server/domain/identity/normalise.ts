// Normal forms used to recognise one organisation across records and sources: names, websites and
// register identifiers, each reduced to the key the identity rules compare (README "Identity resolution").
import { getDomain, getPublicSuffix } from 'tldts';
import { slugify } from '../import/slug.ts';
import { parseIdentifier } from '../values.ts';

/** Legal forms and articles that do not tell two organisations apart ("The Trussell Trust" = "Trussell Trust"). */
const NOISE_WORDS = new Set(['the', 'ltd', 'limited', 'plc', 'llp', 'inc', 'cic', 'gmbh', 'ev', 'e v']);

/** "The Trussell Trust, Ltd." → "trussell trust"; "Smith & Co" → "smith and co". */
export function normaliseName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
  const kept = words.filter((w, i) => !(NOISE_WORDS.has(w) && (i === 0 || i === words.length - 1)));
  return (kept.length > 0 ? kept : words).join(' ');
}

/**
 * Hosts shared by many organisations — social networks, code hosts, event and link pages, site builders,
 * national government portals: a page there can identify one (a path such as facebook.com/codeforboston),
 * the bare host never does, and the same host is no sign of the same organisation. The one list for the
 * importers' identity rules and for registration's "is this you?" (siteOf below).
 */
export const SHARED_HOSTS: readonly string[] = [
  'gov.uk',
  'www.gov.uk',
  'service.gov.uk',
  'gov.scot',
  'gov.wales',
  'nhs.uk',
  'usa.gov',
  'canada.ca',
  'gov.au',
  'govt.nz',
  'gouv.fr',
  'bund.de',
  'gov.ie',
  'europa.eu',
  'cordis.europa.eu',
  'facebook.com',
  'fb.com',
  'twitter.com',
  'x.com',
  'linkedin.com',
  'instagram.com',
  'youtube.com',
  'tiktok.com',
  'threads.net',
  'bsky.app',
  'mastodon.social',
  'medium.com',
  'substack.com',
  'github.com',
  'gitlab.com',
  'bitbucket.org',
  'meetup.com',
  'eventbrite.com',
  'eventbrite.co.uk',
  'codefor.de',
  'google.com',
  'sites.google.com',
  'docs.google.com',
  'wordpress.com',
  'blogspot.com',
  'tumblr.com',
  'wix.com',
  'wixsite.com',
  'weebly.com',
  'squarespace.com',
  'notion.site',
  'justgiving.com',
  'linktr.ee',
];

const SHARED = new Set(SHARED_HOSTS);

/** A host is shared when it, or a domain it belongs to, is in SHARED_HOSTS. */
export function isSharedHost(host: string): boolean {
  return SHARED_HOSTS.some((shared) => host === shared || host.endsWith(`.${shared}`));
}

export interface Site {
  /** What identifies the site: its registrable domain, or host + path on a shared host. */
  key: string;
  /** True when the host is shared, so the host alone says nothing. */
  shared: boolean;
}

/**
 * The site of a website URL for registration's "is this you?" and its identity key, or null when it is not
 * a web address of a public domain: the registrable domain (public suffix list, with tldts), so
 * www.leeds.gov.uk and leeds.gov.uk/contact are one site; on a shared host (SHARED_HOSTS, or a host that is
 * itself a public suffix's portal such as www.gov.uk) only host + page.
 */
export function siteOf(url: string): Site | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const domain = getDomain(parsed.hostname, { allowPrivateDomains: true });
  if (domain === null) return null;
  const suffix = getPublicSuffix(parsed.hostname, { allowPrivateDomains: true });
  // www.gov.uk is a registrable domain only because gov.uk is a public suffix: it is that suffix's portal.
  const shared =
    SHARED.has(domain) || SHARED.has(host) || host === suffix || domain.replace(/^www\./, '') === suffix;
  if (!shared) return { key: domain, shared: false };
  const path = parsed.pathname.replace(/\/+$/, '').toLowerCase();
  return { key: `${host}${path}`, shared: true };
}

export interface WebsiteKey {
  /** Host without `www.`, lower case. */
  host: string;
  /** Path without a trailing slash, lower case; '' for the home page. */
  path: string;
}

/** The parts of an absolute http(s) URL that identify a site: host (no www.) and path (no trailing /). */
export function websiteKey(url: string): WebsiteKey | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  if (host === '' || !host.includes('.')) return null;
  const path = decodeSafe(parsed.pathname)
    .toLowerCase()
    .replace(/\/(index\.(html?|php))?$/, '')
    .replace(/\/+$/, '');
  return { host, path };
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The identity key of a website, or null when it cannot identify (a shared host's home page). */
export function websiteIdentity(url: string): string | null {
  const key = websiteKey(url);
  if (key === null) return null;
  if (key.path === '' && isSharedHost(key.host)) return null;
  return `${key.host}${key.path}`;
}

/** Register identifiers in one spelling: `GB-CHC:1234567`, `GB-COH:01234567`, `GOVUK:cabinet-office`. */
export function normaliseIdentifier(scheme: string, value: string): { scheme: string; value: string } | null {
  const s = scheme.trim().toUpperCase();
  const v = value.replace(/[\s\u00a0]+/g, '').trim();
  if (s === '' || v === '') return null;
  switch (s) {
    case 'GB-CHC': {
      // England and Wales charity numbers: digits, optionally a subsidiary number after a dash.
      const m = /^(?:GB-?CHC-?)?0*(\d{5,8})(-\d{1,3})?$/i.exec(v);
      return m ? { scheme: s, value: `${m[1]}${m[2] ?? ''}` } : null;
    }
    case 'GB-COH': {
      const up = v.toUpperCase();
      if (/^\d{1,8}$/.test(up)) return { scheme: s, value: up.padStart(8, '0') };
      if (/^[A-Z]{2}\d{1,6}$/.test(up))
        return { scheme: s, value: up.slice(0, 2) + up.slice(2).padStart(6, '0') };
      return null;
    }
    case 'GB-SC': {
      const m = /^(?:SC)?0*(\d{1,6})$/i.exec(v);
      return m ? { scheme: s, value: `SC${(m[1] ?? '').padStart(6, '0')}` } : null;
    }
    case 'GB-NIC': {
      const m = /^(?:NIC)?0*(\d{1,7})$/i.exec(v);
      return m ? { scheme: s, value: m[1] ?? '' } : null;
    }
    case 'GOVUK':
      return { scheme: s, value: v.toLowerCase() };
    case 'PIC':
      return /^\d{6,12}$/.test(v) ? { scheme: s, value: v } : null;
    default:
      return { scheme: s, value: v };
  }
}

/**
 * One identifier written `scheme:value` as the key two spellings of it share: the register's normal form
 * (normaliseIdentifier: `gb-chc:0123 456` = `GB-CHC:123456`), or, for a value the register's rule does not
 * recognise, the scheme in upper case and the value without spaces. Null when it is not `scheme:value`.
 */
export function identifierKey(written: string): string | null {
  const parsed = parseIdentifier(written);
  if (parsed === null) return null;
  const normal = normaliseIdentifier(parsed.scheme, parsed.value);
  return normal
    ? `${normal.scheme}:${normal.value}`
    : `${parsed.scheme.toUpperCase()}:${parsed.value.replace(/\s+/g, '')}`;
}

/** A 360Giving org-id (`GB-CHC-1234567`, `GB-COH-01234567`, `360G-funder-xyz`) as scheme and value. */
export function splitOrgId(orgId: string): { scheme: string; value: string } | null {
  const id = orgId.trim();
  const register = /^([A-Z]{2}-[A-Z]{2,6})-(.+)$/i.exec(id);
  if (register && !/^360G-/i.test(id))
    return { scheme: (register[1] ?? '').toUpperCase(), value: register[2] ?? '' };
  const internal = /^(360G)-(.+)$/i.exec(id);
  if (internal) return { scheme: '360G', value: internal[2] ?? '' };
  return null;
}

/** Place key parts: a slug per level, so "London" and "london" are one city. */
export function placeKey(country: string | null, region: string | null, city: string | null) {
  return {
    country: country === null ? null : slugify(country),
    region: region === null || country === null ? null : `${slugify(country)}/${slugify(region)}`,
    city: city === null || country === null ? null : `${slugify(country)}/${slugify(city)}`,
  };
}
