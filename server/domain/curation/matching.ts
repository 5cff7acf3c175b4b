// "Is this you?": how a registration is compared with organisations already listed. Names are compared
// once normalised; websites by their site (registrable domain), except on shared hosts (social networks,
// code hosts, national government portals), where only the same page counts; identifiers exactly.
import { getDomain, getPublicSuffix } from 'tldts';
import type { MatchRule } from '../model.ts';
import { parseIdentifier } from '../values.ts';

/** Words that say what legal form an organisation has, not which one it is. */
const LEGAL_FORMS = new Set([
  'ltd',
  'limited',
  'plc',
  'llp',
  'cic',
  'cio',
  'inc',
  'incorporated',
  'llc',
  'gmbh',
  'ev',
  'e.v',
  'sa',
  'sas',
  'bv',
  'co',
  'company',
]);

/** "The Leeds Digital Trust Ltd." → "leeds digital trust": case, accents, punctuation, "the" and legal forms set aside. */
export function normaliseName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  if (words[0] === 'the' && words.length > 1) words.shift();
  while (words.length > 1 && LEGAL_FORMS.has(words.at(-1)!)) words.pop();
  return words.join(' ');
}

/**
 * Hosts shared by many organisations: a website there does not identify an organisation by its host.
 * (Public-suffix hosts such as gov.uk are recognised as shared without being listed.)
 */
export const SHARED_DOMAINS = new Set([
  'facebook.com',
  'fb.com',
  'instagram.com',
  'twitter.com',
  'x.com',
  'linkedin.com',
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
  'linktr.ee',
  'google.com',
  'sites.google.com',
  'wordpress.com',
  'wix.com',
  'wixsite.com',
  'squarespace.com',
  'weebly.com',
  'notion.site',
  'codefor.de',
  'europa.eu',
  'gov.uk',
  'service.gov.uk',
  'nhs.uk',
  'usa.gov',
  'canada.ca',
  'gov.au',
  'govt.nz',
  'gouv.fr',
  'bund.de',
  'gov.ie',
]);

export interface Site {
  /** What identifies the site: its registrable domain, or host + path on a shared host. */
  key: string;
  /** True when the host is shared, so the host alone says nothing. */
  shared: boolean;
}

/** The site of a website URL, or null when it is not a web address of a public domain. */
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
    SHARED_DOMAINS.has(domain) ||
    SHARED_DOMAINS.has(host) ||
    host === suffix ||
    domain.replace(/^www\./, '') === suffix;
  if (!shared) return { key: domain, shared: false };
  const path = parsed.pathname.replace(/\/+$/, '').toLowerCase();
  return { key: `${host}${path}`, shared: true };
}

/**
 * The key that two registrations of the same organisation share: the normalised name and the site
 * (empty without a website). A uniqueness constraint on it makes concurrent duplicates fail in the database.
 */
export function identityKey(name: string, website: string | null): string {
  const site = website ? siteOf(website) : null;
  return `${normaliseName(name)}|${site?.key ?? ''}`;
}

/** Identifiers compared as written, with the scheme in upper case and no spaces in the value. */
export function identifierKey(written: string): string | null {
  const parsed = parseIdentifier(written);
  return parsed ? `${parsed.scheme.toUpperCase()}:${parsed.value.replace(/\s+/g, '')}` : null;
}

export interface Comparable {
  name: string;
  website: string | null;
  identifiers: string[];
}

/** The rules by which `candidate` may be the organisation described by `wanted`, strongest first. */
export function matchRules(wanted: Comparable, candidate: Comparable): MatchRule[] {
  const rules: MatchRule[] = [];
  const wantedIds = new Set(wanted.identifiers.map(identifierKey).filter((k) => k !== null));
  if (candidate.identifiers.some((i) => wantedIds.has(identifierKey(i) ?? ''))) rules.push('SAME_IDENTIFIER');
  const a = wanted.website ? siteOf(wanted.website) : null;
  const b = candidate.website ? siteOf(candidate.website) : null;
  // On a shared host only the same page counts (host + path); never the host alone.
  if (a && b && a.shared === b.shared && a.key === b.key && (!a.shared || a.key.includes('/'))) {
    rules.push('SAME_WEBSITE');
  }
  const name = normaliseName(wanted.name);
  if (name !== '' && name === normaliseName(candidate.name)) rules.push('SAME_NAME');
  return rules;
}

const WEIGHT: Record<MatchRule, number> = { SAME_IDENTIFIER: 0.9, SAME_WEBSITE: 0.6, SAME_NAME: 0.5 };

/** 0–1: the strongest rule, raised a little by each further one. */
export function matchScore(rules: MatchRule[]): number {
  if (rules.length === 0) return 0;
  const weights = rules.map((r) => WEIGHT[r]).sort((x, y) => y - x);
  return Math.min(1, weights[0]! + 0.1 * (weights.length - 1));
}
