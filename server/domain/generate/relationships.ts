// Edges to relationship records: a plausible kind and direction for the sector pair, dates, amounts, trust.
import {
  RELATIONSHIP_KINDS,
  TRUST_STATES,
  type Provenance,
  type RelationshipKind,
  type RelationshipRecord,
  type TrustState,
} from '../model.ts';
import { FIRST_YEAR, LAST_YEAR, endAfterMonths, randomDate, yearForPosition } from './dates.ts';
import type { Population } from './population.ts';
import type { Random } from './random.ts';
import {
  chooseRelationship,
  chooseTrust,
  directedWeight,
  type Oriented,
  type Party,
} from './relationshipKinds.ts';
import { pairKey } from './attachment.ts';
import { THEMES, hasRole } from './vocabulary.ts';

export interface RelationshipContext {
  seed: number;
  population: Population;
  provenance: Provenance;
  random: Random;
}

const PHRASE: Readonly<Record<RelationshipKind, (theme: string) => string>> = {
  PARTNERSHIP: (t) => `Joint work on ${t}.`,
  FUNDING: (t) => `Grant for work on ${t}.`,
  MEMBERSHIP: () => 'Member.',
  PART_OF: () => 'Part of the parent body.',
  INVESTMENT: (t) => `Investment in a ${t} venture.`,
  DATA_SHARING: (t) => `Shares ${t} data.`,
  ADOPTION: (t) => `Adopted a ${t} tool.`,
};

/** One shared string per kind and theme, so a million relationships don't hold a million copies. */
const DESCRIPTIONS: ReadonlyMap<string, string> = new Map(
  RELATIONSHIP_KINDS.flatMap((kind) =>
    THEMES.map((theme) => [`${kind}|${theme}`, PHRASE[kind](theme.toLowerCase())]),
  ),
);

/** Two significant figures, as grant amounts usually are. */
function roundAmount(x: number): number {
  const unit = 10 ** Math.max(2, Math.floor(Math.log10(x)) - 1);
  return Math.round(x / unit) * unit;
}

class Builder {
  private readonly hasParent: Uint8Array;
  private count = 0;

  constructor(private readonly ctx: RelationshipContext) {
    this.hasParent = new Uint8Array(ctx.population.organisations.length);
  }

  party(index: number): Party {
    const { sectors, profiles } = this.ctx.population;
    return {
      index,
      sector: sectors[index] as Party['sector'],
      profile: profiles[index] as Party['profile'],
      hasParent: this.hasParent[index] === 1,
    };
  }

  build(oriented: Oriented, year: number): RelationshipRecord {
    const { random, population, provenance, seed } = this.ctx;
    const { kind, source, target } = oriented;
    if (kind === 'PART_OF') this.hasParent[source] = 1;
    const since = randomDate(random, year);
    let until: string | null = null;
    if (kind === 'FUNDING') {
      if (random.chance(0.7)) until = endAfterMonths(since, random.pick([12, 18, 24, 36]));
    } else if (
      kind !== 'INVESTMENT' &&
      year < LAST_YEAR &&
      random.chance(kind === 'PARTNERSHIP' ? 0.2 : 0.08)
    ) {
      until = randomDate(random, random.int(year + 1, Math.min(LAST_YEAR, year + 6)));
    }
    const hasAmount = kind === 'FUNDING' || (kind === 'INVESTMENT' && random.chance(0.9));
    const amount = !hasAmount
      ? null
      : roundAmount(
          kind === 'FUNDING' ? random.logUniform(2_000, 2_000_000) : random.logUniform(50_000, 5_000_000),
        );
    const community = population.communities[population.communityOf[source] as number];
    const theme = population.organisations[source]?.themes[0] ?? 'Civic participation';
    return {
      id: `syn-${seed}-r${this.count++}`,
      source: population.organisations[source]?.id as string,
      target: population.organisations[target]?.id as string,
      kind,
      since,
      until,
      amount,
      currency: amount === null ? null : (community?.place.currency ?? 'GBP'),
      trust: chooseTrust(random, kind),
      description: random.chance(0.4) ? (DESCRIPTIONS.get(`${kind}|${theme}`) ?? null) : null,
      provenance,
    };
  }
}

/** One relationship per attachment edge, in the order the edges were made (the newer organisation's year). */
export function makeRelationships(
  ctx: RelationshipContext,
  ends: readonly number[],
  pairs: Set<number>,
): RelationshipRecord[] {
  const builder = new Builder(ctx);
  const n = ctx.population.organisations.length;
  const relationships: RelationshipRecord[] = [];
  for (let e = 0; e + 1 < ends.length; e += 2) {
    const newer = ends[e] as number;
    const older = ends[e + 1] as number;
    const oriented = chooseRelationship(ctx.random, builder.party(newer), builder.party(older));
    relationships.push(builder.build(oriented, yearForPosition(ctx.random, newer, n)));
  }
  attachChildren(ctx, builder, relationships, pairs);
  ensureKinds(builder, relationships, pairs, n);
  ensureTrustStates(relationships);
  return relationships;
}

/**
 * Agencies, library services and research centres belong to a parent body of their sector (PART_OF), preferably in
 * their own country; preferential attachment alone would rarely draw such a pair.
 */
function attachChildren(
  ctx: RelationshipContext,
  builder: Builder,
  relationships: RelationshipRecord[],
  pairs: Set<number>,
): void {
  const { population, random } = ctx;
  const n = population.organisations.length;
  const parents = new Map<string, number[]>();
  population.profiles.forEach((profile, i) => {
    if (!hasRole(profile, 'parent')) return;
    const o = population.organisations[i];
    for (const key of [`${o?.sector}`, `${o?.sector}|${o?.country}`]) {
      const list = parents.get(key);
      if (list) list.push(i);
      else parents.set(key, [i]);
    }
  });
  for (let i = 0; i < n; i++) {
    const child = builder.party(i);
    if (!hasRole(child.profile, 'child') || child.hasParent) continue;
    const o = population.organisations[i];
    const choices = parents.get(`${o?.sector}|${o?.country}`) ?? parents.get(`${o?.sector}`);
    if (!choices) continue;
    const parent = random.pick(choices);
    if (pairs.has(pairKey(i, parent, n))) continue;
    pairs.add(pairKey(i, parent, n));
    relationships.push(
      builder.build({ kind: 'PART_OF', source: i, target: parent }, yearForPosition(random, i, n)),
    );
  }
}

/** Searching more pairs than this for a missing kind is pointless: it only happens in tiny networks. */
const SEARCH_LIMIT = 2_000;

/** Adds one relationship of each kind the random draw missed, where some unlinked pair allows it. */
function ensureKinds(
  builder: Builder,
  relationships: RelationshipRecord[],
  pairs: Set<number>,
  n: number,
): void {
  const present = new Set(relationships.map((r) => r.kind));
  const limit = Math.min(n, SEARCH_LIMIT);
  for (const kind of RELATIONSHIP_KINDS) {
    if (present.has(kind)) continue;
    search: for (let s = 0; s < limit; s++) {
      for (let t = 0; t < limit; t++) {
        if (s === t || pairs.has(pairKey(s, t, n))) continue;
        if (directedWeight(kind, builder.party(s), builder.party(t)) <= 0) continue;
        pairs.add(pairKey(s, t, n));
        relationships.push(builder.build({ kind, source: s, target: t }, FIRST_YEAR + ((s + t) % 18)));
        break search;
      }
    }
  }
}

/** Gives each trust state the draw missed to a relationship whose state is held by several others. */
function ensureTrustStates(relationships: RelationshipRecord[]): void {
  const counts = new Map<TrustState, number>();
  for (const r of relationships) counts.set(r.trust, (counts.get(r.trust) ?? 0) + 1);
  for (const state of TRUST_STATES) {
    if ((counts.get(state) ?? 0) > 0) continue;
    const donor = relationships.find((r) => (counts.get(r.trust) ?? 0) > 1);
    if (!donor) return;
    counts.set(donor.trust, (counts.get(donor.trust) ?? 0) - 1);
    donor.trust = state;
    counts.set(state, 1);
  }
}
