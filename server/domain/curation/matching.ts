// "Is this you?": how a registration is compared with organisations already listed, with the importers'
// normal forms (identity/normalise.ts): names once normalised, websites by their site (registrable domain)
// except on shared hosts (social networks, code hosts, national government portals), where only the same
// page counts, identifiers in their register's spelling.
import type { MatchRule } from '../model.ts';
import { identifierKey, normaliseName, siteOf } from '../identity/normalise.ts';

/**
 * The key that two registrations of the same organisation share: the normalised name and the site
 * (empty without a website). A uniqueness constraint on it makes concurrent duplicates fail in the database.
 */
export function identityKey(name: string, website: string | null): string {
  const site = website ? siteOf(website) : null;
  return `${normaliseName(name)}|${site?.key ?? ''}`;
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
