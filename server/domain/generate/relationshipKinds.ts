// Which kinds of relationship are plausible between two organisations, and in which direction (FORMAT.md's rules).
import type { RelationshipKind, Sector, TrustState } from '../model.ts';
import type { Random } from './random.ts';
import { hasRole, type KindProfile } from './vocabulary.ts';

export interface Party {
  index: number;
  sector: Sector;
  profile: KindProfile;
  /** PART_OF is a tree: an agency or centre has one parent at most. */
  hasParent: boolean;
}

export interface Oriented {
  kind: RelationshipKind;
  source: number;
  target: number;
}

const RECEIVES_GRANTS: ReadonlySet<Sector> = new Set(['NGO', 'CIVIC_INNOVATOR', 'ACADEMIC']);

/** Weight of `kind` with `from` as source and `to` as target; 0 when implausible. */
export function directedWeight(kind: RelationshipKind, from: Party, to: Party): number {
  const f = from.profile;
  const t = to.profile;
  switch (kind) {
    case 'PARTNERSHIP':
      return 3;
    case 'DATA_SHARING':
      return from.sector === 'GOVERNMENT' || from.sector === 'ACADEMIC' || to.sector === 'ACADEMIC'
        ? 1.5
        : 0.3;
    case 'FUNDING':
      if (hasRole(t, 'funder')) return 0;
      if (hasRole(f, 'funder')) return RECEIVES_GRANTS.has(to.sector) || to.sector === 'GOVERNMENT' ? 6 : 1;
      // Councils and other public bodies commission local charities and civic groups.
      return from.sector === 'GOVERNMENT' && RECEIVES_GRANTS.has(to.sector) ? 1 : 0;
    case 'INVESTMENT':
      return hasRole(f, 'investor') &&
        (to.sector === 'COMPANY' || to.sector === 'CIVIC_INNOVATOR') &&
        !hasRole(t, 'investor')
        ? 5
        : 0;
    case 'MEMBERSHIP':
      if (!hasRole(t, 'network')) return 0;
      return hasRole(f, 'network') ? 2 : 8;
    case 'PART_OF':
      return hasRole(f, 'child') && hasRole(t, 'parent') && from.sector === to.sector && !from.hasParent
        ? 10
        : 0;
    case 'ADOPTION':
      if (!hasRole(f, 'adopter')) return 0;
      return hasRole(t, 'innovator') ? 3 : t.kind === 'startup' ? 0.5 : 0;
  }
}

const KINDS_IN_ORDER: readonly RelationshipKind[] = [
  'PARTNERSHIP',
  'DATA_SHARING',
  'FUNDING',
  'INVESTMENT',
  'MEMBERSHIP',
  'PART_OF',
  'ADOPTION',
];

/** Symmetric kinds are listed once, as written (a → b). */
const SYMMETRIC: ReadonlySet<RelationshipKind> = new Set(['PARTNERSHIP', 'DATA_SHARING']);

export function candidates(a: Party, b: Party): Array<Oriented & { weight: number }> {
  const out: Array<Oriented & { weight: number }> = [];
  for (const kind of KINDS_IN_ORDER) {
    const ab = directedWeight(kind, a, b);
    if (ab > 0) out.push({ kind, source: a.index, target: b.index, weight: ab });
    if (SYMMETRIC.has(kind)) continue;
    const ba = directedWeight(kind, b, a);
    if (ba > 0) out.push({ kind, source: b.index, target: a.index, weight: ba });
  }
  return out;
}

/** A plausible relationship between a and b (PARTNERSHIP is always possible, so there is always one). */
export function chooseRelationship(random: Random, a: Party, b: Party): Oriented {
  const options = candidates(a, b);
  const chosen = options[random.weightedIndex(options.map((o) => o.weight))];
  return chosen ?? { kind: 'PARTNERSHIP', source: a.index, target: b.index };
}

const TRUST_WEIGHTS: Readonly<Record<RelationshipKind, ReadonlyArray<readonly [TrustState, number]>>> = {
  PARTNERSHIP: [
    ['CONFIRMED', 40],
    ['CLAIMED', 33],
    ['SOURCED', 15],
    ['DISPUTED', 6],
    ['IMPORTED', 6],
  ],
  FUNDING: [
    ['IMPORTED', 45],
    ['SOURCED', 27],
    ['CONFIRMED', 22],
    ['CLAIMED', 5],
    ['DISPUTED', 1],
  ],
  MEMBERSHIP: [
    ['CONFIRMED', 40],
    ['CLAIMED', 35],
    ['SOURCED', 20],
    ['IMPORTED', 5],
  ],
  PART_OF: [
    ['IMPORTED', 60],
    ['SOURCED', 30],
    ['CONFIRMED', 10],
  ],
  INVESTMENT: [
    ['SOURCED', 40],
    ['CONFIRMED', 30],
    ['IMPORTED', 20],
    ['CLAIMED', 10],
  ],
  DATA_SHARING: [
    ['CONFIRMED', 40],
    ['CLAIMED', 30],
    ['SOURCED', 24],
    ['DISPUTED', 6],
  ],
  ADOPTION: [
    ['SOURCED', 38],
    ['CONFIRMED', 35],
    ['CLAIMED', 21],
    ['DISPUTED', 6],
  ],
};

/** Funding mostly comes from open grant data (IMPORTED); partnerships are mostly claimed or confirmed by the parties. */
export function chooseTrust(random: Random, kind: RelationshipKind): TrustState {
  const table = TRUST_WEIGHTS[kind];
  const entry = table[random.weightedIndex(table.map(([, w]) => w))];
  return entry ? entry[0] : 'IMPORTED';
}
