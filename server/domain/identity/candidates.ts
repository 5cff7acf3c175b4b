// Merge candidates: weaker signs that two organisations are one (similar names in one place, the same
// site host, the same website in different places). Stored as (:MergeCandidate)-[:CANDIDATE_OF]->(:Organisation)
// ×2 with the rule and its evidence, for a curator to merge or dismiss (../shared/API-CONTRACT.md).
import { createHash } from 'node:crypto';
import { distance } from 'fastest-levenshtein';

export const CANDIDATE_RULES = {
  SIMILAR_NAME:
    'names differ by a few letters, or one name (of two words or more) is inside the other, in the same city or region; or the same name where one of the two has no city or region (and the countries do not differ)',
  SAME_HOST:
    'websites on the same host with other paths; not for shared hosts (facebook.com, gov.uk…), nor a host three or more organisations use',
  SAME_WEBSITE: 'the same website, but different names in different cities',
  SAME_NAME_OTHER_IDENTIFIERS:
    'the same name in the same place (or where one has no city or region), but identifiers of one register disagree',
} as const;
export type CandidateRule = keyof typeof CANDIDATE_RULES;

export const CANDIDATE_STATUS = { OPEN: 'OPEN', MERGED: 'MERGED', DISMISSED: 'DISMISSED' } as const;

export interface MergeCandidate {
  /** Stable for the pair and rule, so a re-import finds the candidate it made before. */
  id: string;
  rule: CandidateRule;
  /** The two organisation ids, in sorted order. */
  organisations: [string, string];
  /** The values that matched, e.g. { names: [...], city: ... }. */
  evidence: Record<string, unknown>;
  /** 0–1: how strong the sign is. */
  score: number;
}

export function candidateId(rule: CandidateRule, a: string, b: string): string {
  const [x, y] = [a, b].sort();
  const digest = createHash('sha256').update(`${rule}|${x}|${y}`, 'utf8').digest('hex');
  return `mc-${digest.slice(0, 20)}`;
}

export function makeCandidate(
  rule: CandidateRule,
  a: string,
  b: string,
  evidence: Record<string, unknown>,
  score: number,
): MergeCandidate {
  const [x, y] = [a, b].sort() as [string, string];
  return { id: candidateId(rule, x, y), rule, organisations: [x, y], evidence, score };
}

/**
 * How similar two normalised names are, 0–1, or null when they are not similar enough to be a candidate:
 * a few letters apart (at most one per ten letters, at least one), or one name's words all in the other.
 */
export function nameSimilarity(a: string, b: string): number | null {
  if (a === b || a.length < 4 || b.length < 4) return null;
  const d = distance(a, b);
  const longest = Math.max(a.length, b.length);
  if (d <= Math.max(1, Math.floor(longest / 10))) return 1 - d / longest;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  // "Trussell Trust" in "Trussell Trust Salisbury"; a one-word name ("Foundation") says too little.
  if (short.length >= 8 && short.includes(' ') && ` ${long} `.includes(` ${short} `))
    return short.length / long.length;
  return null;
}
