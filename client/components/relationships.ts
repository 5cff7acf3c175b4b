// Sorting and filtering an organisation's relationships for its list: pure, tested without a browser.
import type { RelationshipDetails, RelationshipKind, TrustState } from '../api/types.ts';
import { KIND_STYLES } from '../graph/style.ts';

export type RelationshipSort = 'newest' | 'oldest' | 'kind' | 'partner' | 'amount' | 'trust';

export const RELATIONSHIP_SORTS: { value: RelationshipSort; label: string }[] = [
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
  { value: 'partner', label: 'Other party, A–Z' },
  { value: 'kind', label: 'Kind' },
  { value: 'amount', label: 'Largest amount' },
  { value: 'trust', label: 'Most trusted' },
];

export interface RelationshipQuery {
  sort: RelationshipSort;
  kind: RelationshipKind | null;
  trust: TrustState | null;
  /** Words in the other party's name or the description. */
  text: string;
}

export const DEFAULT_RELATIONSHIP_QUERY: RelationshipQuery = {
  sort: 'newest',
  kind: null,
  trust: null,
  text: '',
};

const TRUST_ORDER: Record<TrustState, number> = {
  CONFIRMED: 0,
  SOURCED: 1,
  IMPORTED: 2,
  CLAIMED: 3,
  DISPUTED: 4,
};

export function otherParty(relationship: RelationshipDetails, selfId: string) {
  return relationship.source.id === selfId ? relationship.target : relationship.source;
}

/** Undated ties sort after dated ones whichever the direction. */
function byDate(a: string | null, b: string | null, direction: 1 | -1): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -direction : direction;
}

export function arrangeRelationships(
  relationships: readonly RelationshipDetails[],
  selfId: string,
  query: RelationshipQuery,
): RelationshipDetails[] {
  const words = query.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const kept = relationships.filter((r) => {
    if (query.kind !== null && r.kind !== query.kind) return false;
    if (query.trust !== null && r.trust !== query.trust) return false;
    if (words.length === 0) return true;
    const haystack = `${otherParty(r, selfId).name} ${r.description ?? ''}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
  const name = (r: RelationshipDetails) => otherParty(r, selfId).name;
  const compare: Record<RelationshipSort, (a: RelationshipDetails, b: RelationshipDetails) => number> = {
    newest: (a, b) => byDate(a.since, b.since, -1),
    oldest: (a, b) => byDate(a.since, b.since, 1),
    partner: (a, b) => name(a).localeCompare(name(b), 'en-GB'),
    kind: (a, b) =>
      KIND_STYLES[a.kind].label.localeCompare(KIND_STYLES[b.kind].label, 'en-GB') ||
      name(a).localeCompare(name(b), 'en-GB'),
    amount: (a, b) => (b.amount ?? -Infinity) - (a.amount ?? -Infinity) || byDate(a.since, b.since, -1),
    trust: (a, b) => TRUST_ORDER[a.trust] - TRUST_ORDER[b.trust] || byDate(a.since, b.since, -1),
  };
  // A stable sort: ties keep the server's order (newest first).
  return kept
    .map((r, i) => ({ r, i }))
    .sort((x, y) => compare[query.sort](x.r, y.r) || x.i - y.i)
    .map(({ r }) => r);
}
