// Identity resolution for one import run, in memory: which organisation (stored, or new in this run) each
// incoming record is. Rules, strongest first (README "Identity resolution"):
//   1. the same id, or an alias of it (a repeat, a re-import, a record merged before);
//   2. a register identifier in common (org-id, charity or company number in any spelling, GOV.UK slug, PIC);
//   3. the same website host and path (never a shared host's home page), unless both name other cities;
//   4. the same normalised name in the same city, or in the same region when either has no city.
// Rules 2–4 never merge when two identifiers of one register disagree. Weaker signs become merge
// candidates: among them the same name where the places cannot tell (one has no city or region). Only
// keys are kept, never whole records, so memory stays bounded at 100k organisations.
import type { Identifier } from '../model.ts';
import { makeCandidate, nameSimilarity, type CandidateRule, type MergeCandidate } from './candidates.ts';
import { isSharedHost, normaliseName, placeKey, websiteIdentity, websiteKey } from './normalise.ts';

export interface IdentityFacts {
  id: string;
  name: string;
  country: string | null;
  region: string | null;
  city: string | null;
  /** Already normalised (normaliseIdentifier). */
  identifiers: Identifier[];
  websites: string[];
}

export type MatchRule = 'NEW' | 'SAME_ID' | 'IDENTIFIER' | 'WEBSITE' | 'NAME_AND_PLACE';

export interface Resolution {
  organisationId: string;
  rule: MatchRule;
  /** True when the organisation was stored before this run. */
  existing: boolean;
  /** For merges: the values that matched. */
  evidence: string | null;
}

interface NameEntry {
  id: string;
  name: string;
  country: string | null;
  /** The place below the country (city, else region), or null. */
  local: string | null;
}

interface Target {
  id: string;
  existing: boolean;
  city: string | null;
  schemes: Map<string, Set<string>>;
}

/** Beyond this many organisations in one city, similar names are not compared (too costly, too vague). */
const MAX_BLOCK = 400;
/** A name this many organisations have is common ("Citizens Advice"): the name alone is no sign. */
const COMMON_NAME = 5;
const MAX_CANDIDATES = 10_000;
const MAX_HOST_GROUP = 20;

export class IdentityResolver {
  private readonly targets = new Map<string, Target>();
  private readonly byId = new Map<string, string>();
  private readonly byIdentifier = new Map<string, string>();
  private readonly byWebsite = new Map<string, string>();
  /** name|country/city → the organisations with that name in a city of that name, with their region. */
  private readonly byNameCity = new Map<string, { id: string; region: string | null }[]>();
  private readonly byNameRegion = new Map<string, string>();
  private readonly byNameRegionNoCity = new Map<string, string>();
  private readonly byHost = new Map<string, string[]>();
  /** normalised name → the first organisations with it (COMMON_NAME at most), with their country and place. */
  private readonly byName = new Map<string, NameEntry[]>();
  private readonly blocks = new Map<string, { id: string; name: string }[]>();
  private readonly candidateMap = new Map<string, MergeCandidate>();
  private readonly newOnHost = new Set<string>();
  candidatesDropped = 0;

  constructor(private readonly merge: boolean) {}

  /** An organisation already in the database (and the aliases that resolve to it). */
  addExisting(facts: IdentityFacts, aliases: readonly string[] = []): void {
    const target = this.target(facts.id, true, facts);
    this.byId.set(facts.id, target.id);
    for (const alias of aliases) this.byId.set(alias, target.id);
    this.register(target, facts, false);
  }

  /** An alias stored in the database: the id resolves to the organisation. */
  addAlias(alias: string, organisationId: string): void {
    if (this.targets.has(organisationId)) this.byId.set(alias, organisationId);
  }

  /** Makes an id known (it resolves to itself) without its facts: a record left out for its problems. */
  reserve(id: string): void {
    if (!this.byId.has(id)) this.byId.set(id, id);
  }

  /** Whether the id is an organisation's own id (stored, or new in this run). */
  isOrganisationId(id: string): boolean {
    return this.targets.has(id);
  }

  /** The organisation an alias or id names, if known. */
  lookupId(id: string): string | undefined {
    return this.byId.get(id);
  }

  isExisting(organisationId: string): boolean {
    return this.targets.get(organisationId)?.existing ?? false;
  }

  /**
   * The candidates found so far. SAME_HOST is decided at the end: a host that exactly two organisations use
   * (one of them new in this run) is a sign; a host three or more use is shared (a federation's branches,
   * a platform) and says nothing.
   */
  candidates(): MergeCandidate[] {
    for (const host of this.newOnHost) {
      const group = this.byHost.get(host) ?? [];
      const [a = '', b = ''] = group;
      const paired = [...this.candidateMap.values()].some(
        (c) => c.organisations.includes(a) && c.organisations.includes(b),
      );
      if (group.length === 2 && !paired) this.addCandidate('SAME_HOST', a, b, { host }, 0.4);
    }
    this.newOnHost.clear();
    return [...this.candidateMap.values()];
  }

  resolve(facts: IdentityFacts): Resolution {
    const known = this.byId.get(facts.id);
    if (known !== undefined) {
      const target = this.targets.get(known);
      if (target) this.register(target, facts, false);
      return { organisationId: known, rule: 'SAME_ID', existing: target?.existing ?? false, evidence: null };
    }
    const match = this.merge ? this.findMatch(facts) : null;
    if (match) {
      this.byId.set(facts.id, match.target.id);
      this.register(match.target, facts, false);
      return {
        organisationId: match.target.id,
        rule: match.rule,
        existing: match.target.existing,
        evidence: match.evidence,
      };
    }
    const target = this.target(facts.id, false, facts);
    this.byId.set(facts.id, target.id);
    this.register(target, facts, this.merge);
    return { organisationId: target.id, rule: 'NEW', existing: false, evidence: null };
  }

  private target(id: string, existing: boolean, facts: IdentityFacts): Target {
    const place = placeKey(facts.country, facts.region, facts.city);
    const target: Target = { id, existing, city: place.city, schemes: new Map() };
    this.targets.set(id, target);
    return target;
  }

  private conflicts(target: Target, identifiers: readonly Identifier[]): string | null {
    for (const { scheme, value } of identifiers) {
      const theirs = target.schemes.get(scheme);
      if (theirs && theirs.size > 0 && !theirs.has(value)) {
        return `${scheme}:${value} vs ${scheme}:${[...theirs].join(', ')}`;
      }
    }
    return null;
  }

  private findMatch(
    facts: IdentityFacts,
  ): { target: Target; rule: Exclude<MatchRule, 'NEW' | 'SAME_ID'>; evidence: string } | null {
    for (const identifier of facts.identifiers) {
      const key = `${identifier.scheme}:${identifier.value}`;
      const target = this.lookup(this.byIdentifier, key);
      if (target && this.conflicts(target, facts.identifiers) === null) {
        return { target, rule: 'IDENTIFIER', evidence: key };
      }
    }
    const place = placeKey(facts.country, facts.region, facts.city);
    for (const website of facts.websites) {
      const key = websiteIdentity(website);
      const target = key === null ? undefined : this.lookup(this.byWebsite, key);
      if (!target || key === null) continue;
      const otherCity = target.city !== null && place.city !== null && target.city !== place.city;
      if (otherCity) {
        this.addCandidate(
          'SAME_WEBSITE',
          facts.id,
          target.id,
          { website: key, cities: [place.city, target.city] },
          0.6,
        );
        continue;
      }
      if (this.conflicts(target, facts.identifiers) === null)
        return { target, rule: 'WEBSITE', evidence: key };
    }
    const name = normaliseName(facts.name);
    if (place.city !== null) {
      // The same city: same country and city name, and the same region unless one of them has none
      // ("City of Albany" in New York is not the one in Georgia).
      const key = `${name}|${place.city}`;
      for (const other of this.byNameCity.get(key) ?? []) {
        if (other.region !== null && place.region !== null && other.region !== place.region) continue;
        const target = this.targets.get(other.id);
        if (!target) continue;
        const conflict = this.conflicts(target, facts.identifiers);
        if (conflict === null) return { target, rule: 'NAME_AND_PLACE', evidence: key };
        this.addCandidate(
          'SAME_NAME_OTHER_IDENTIFIERS',
          facts.id,
          target.id,
          { name, place: key, conflict },
          0.5,
        );
      }
    }
    const nameKeys: [Map<string, string>, string][] = [];
    if (place.region !== null) {
      nameKeys.push(
        place.city !== null
          ? [this.byNameRegionNoCity, `${name}|${place.region}`]
          : [this.byNameRegion, `${name}|${place.region}`],
      );
    }
    for (const [map, key] of nameKeys) {
      const target = this.lookup(map, key);
      if (!target) continue;
      const conflict = this.conflicts(target, facts.identifiers);
      if (conflict === null) return { target, rule: 'NAME_AND_PLACE', evidence: key };
      this.addCandidate(
        'SAME_NAME_OTHER_IDENTIFIERS',
        facts.id,
        target.id,
        { name, place: key, conflict },
        0.5,
      );
    }
    return null;
  }

  private lookup(map: Map<string, string>, key: string): Target | undefined {
    const id = map.get(key);
    return id === undefined ? undefined : this.targets.get(id);
  }

  /** Makes the record's keys find `target` from now on; with `compare`, looks for candidates first. */
  private register(target: Target, facts: IdentityFacts, compare: boolean): void {
    // Without identity resolution only ids match: no keys to keep (a D1 import holds 100k organisations).
    if (!this.merge) return;
    for (const { scheme, value } of facts.identifiers) {
      const key = `${scheme}:${value}`;
      if (!this.byIdentifier.has(key)) this.byIdentifier.set(key, target.id);
      let values = target.schemes.get(scheme);
      if (!values) target.schemes.set(scheme, (values = new Set()));
      values.add(value);
    }
    for (const website of facts.websites) {
      const key = websiteIdentity(website);
      if (key !== null && !this.byWebsite.has(key)) this.byWebsite.set(key, target.id);
      const site = websiteKey(website);
      if (site && !isSharedHost(site.host)) {
        const group = this.byHost.get(site.host) ?? [];
        if (compare && !group.includes(target.id)) this.newOnHost.add(site.host);
        if (!group.includes(target.id) && group.length < MAX_HOST_GROUP) {
          group.push(target.id);
          this.byHost.set(site.host, group);
        }
      }
    }
    const name = normaliseName(facts.name);
    const place = placeKey(facts.country, facts.region, facts.city);
    if (place.city !== null) {
      const key = `${name}|${place.city}`;
      const list = this.byNameCity.get(key) ?? [];
      if (!list.some((entry) => entry.id === target.id) && list.length < MAX_HOST_GROUP) {
        list.push({ id: target.id, region: place.region });
        this.byNameCity.set(key, list);
      }
    }
    if (place.region !== null) {
      setFirst(this.byNameRegion, `${name}|${place.region}`, target.id);
      if (place.city === null) setFirst(this.byNameRegionNoCity, `${name}|${place.region}`, target.id);
    }
    this.compareSameName(target, facts, name, place, compare);
    const blockKey = place.city ?? place.region;
    if (blockKey !== null) {
      const block = this.blocks.get(blockKey) ?? [];
      if (compare && block.length < MAX_BLOCK) {
        for (const other of block) {
          if (other.id === target.id) continue;
          const score = nameSimilarity(name, other.name);
          if (score !== null) {
            this.addCandidate(
              'SIMILAR_NAME',
              target.id,
              other.id,
              { names: [facts.name, other.name], place: blockKey },
              score,
            );
          }
        }
      }
      if (block.length < MAX_BLOCK) {
        block.push({ id: target.id, name });
        this.blocks.set(blockKey, block);
      }
    }
  }

  /**
   * The same normalised name where the places cannot tell them apart — one of the two names no city or
   * region, and their countries do not differ — is a sign, never a merge: a SIMILAR_NAME candidate (score
   * 0.5), or SAME_NAME_OTHER_IDENTIFIERS when identifiers of one register disagree. Two that both name a
   * city or region are rule 4's (a merge in the same place, nothing in different places).
   */
  private compareSameName(
    target: Target,
    facts: IdentityFacts,
    name: string,
    place: ReturnType<typeof placeKey>,
    compare: boolean,
  ): void {
    if (name.length < 4) return;
    const entry: NameEntry = {
      id: target.id,
      name: facts.name,
      country: place.country,
      local: place.city ?? place.region,
    };
    const list = this.byName.get(name) ?? [];
    if (list.some((other) => other.id === target.id)) return;
    if (compare && list.length < COMMON_NAME) {
      for (const other of list) {
        if (entry.local !== null && other.local !== null) continue;
        if (entry.country !== null && other.country !== null && entry.country !== other.country) continue;
        const otherTarget = this.targets.get(other.id);
        const conflict = otherTarget ? this.conflicts(otherTarget, facts.identifiers) : null;
        const evidence = {
          names: [facts.name, other.name],
          places: [entry.local ?? entry.country, other.local ?? other.country],
        };
        if (conflict === null) this.addCandidate('SIMILAR_NAME', target.id, other.id, evidence, 0.5);
        else
          this.addCandidate(
            'SAME_NAME_OTHER_IDENTIFIERS',
            target.id,
            other.id,
            { ...evidence, conflict },
            0.3,
          );
      }
    }
    if (list.length < COMMON_NAME) {
      list.push(entry);
      this.byName.set(name, list);
    }
  }

  private addCandidate(
    rule: CandidateRule,
    a: string,
    b: string,
    evidence: Record<string, unknown>,
    score: number,
  ): void {
    const resolvedA = this.byId.get(a) ?? a;
    const resolvedB = this.byId.get(b) ?? b;
    if (resolvedA === resolvedB) return;
    const candidate = makeCandidate(rule, resolvedA, resolvedB, evidence, Math.round(score * 100) / 100);
    if (this.candidateMap.has(candidate.id)) return;
    if (this.candidateMap.size >= MAX_CANDIDATES) {
      this.candidatesDropped += 1;
      return;
    }
    this.candidateMap.set(candidate.id, candidate);
  }
}

function setFirst(map: Map<string, string>, key: string, value: string): void {
  if (!map.has(key)) map.set(key, value);
}
