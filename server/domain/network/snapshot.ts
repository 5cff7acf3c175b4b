// The network as compact arrays in memory: published organisations, their themes, places and
// initiatives (with each initiative's participants in the order the API lists them), and the ties among
// them. Filters, facets, orderings, partner suggestions, paths, analytics and initiative(id) with its
// participants read it instead of walking Neo4j, and it is rebuilt whenever the data version moves
// (cache.ts). Built from plain rows (builder below), so it is tested without a database.
import { invariant } from '../../common/errors.ts';
import {
  INITIATIVE_STAGES,
  PARTICIPATION_ROLES,
  RELATIONSHIP_KINDS,
  SECTORS,
  TRUST_STATES,
  type InitiativeStage,
  type ParticipationRole,
  type RelationshipKind,
  type Sector,
  type TrustState,
} from '../model.ts';

/** Days since 1970-01-01 for a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  return Math.floor(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000,
  );
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * YYYY-MM-DD for days since 1970-01-01, as `new Date(day * 86_400_000).toISOString().slice(0, 10)` gives
 * it, worked out with integer arithmetic (H. Hinnant's civil_from_days, proleptic Gregorian): a
 * neighbourhood or a pathway writes two per tie, and a Date with its ISO string each cost 7× as much.
 * Years outside 0–9999 take the Date path (its ±YYYYYY form).
 */
export function dayString(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097; // day of the 400-year era, 0–146096
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1_460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // from March 1st
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0 || y > 9999) return new Date(day * 86_400_000).toISOString().slice(0, 10);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** An undated start is "always", an undated end "never". */
export const NO_START = -2_147_483_648;
export const NO_END = 2_147_483_647;

export interface PlaceEntry {
  id: string;
  name: string;
  level: string;
  latitude: number | null;
  longitude: number | null;
  /** Index of the enclosing place, -1 for a country. */
  parent: number;
}

export interface ThemeEntry {
  id: string;
  name: string;
}

/** One initiative as the snapshot query returns it. */
export interface InitiativeEntry {
  id: string;
  name: string;
  stage: string | null;
}

/** An unknown stage or role (not in the vocabulary): such an initiative is read from the database. */
export const UNKNOWN = 255;

/**
 * The order of Cypher's ORDER BY on strings: by UTF-16 code unit, as JavaScript's `<` compares (checked
 * against the database in test/integration/batching.test.ts, names with characters above U+FFFF too).
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A growable typed array, so loading a million ties allocates little. */
class IntList {
  private data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

class FloatList {
  private data: Float64Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  toArray(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

export interface NetworkSnapshot {
  /** The data version it was loaded at. */
  readonly version: number;
  // Organisations, by index 0..n-1, in id order.
  readonly ids: readonly string[];
  /** Organisation index by id, and by alias (the id of a record merged into it). */
  readonly index: ReadonlyMap<string, number>;
  readonly names: readonly string[];
  /** Index into SECTORS. */
  readonly sector: Uint8Array;
  /** Index into kindNames (lower-cased free text), -1 when none. */
  readonly kind: Int32Array;
  readonly kindNames: readonly string[];
  /** Index into kindTexts (the kind as written, as the organisation's record gives it), -1 when none. */
  readonly kindAsWritten: Int32Array;
  readonly kindTexts: readonly string[];
  /** Themes of organisation i: themeIds[themeStart[i] .. themeStart[i+1]), indexes into themes. */
  readonly themeStart: Int32Array;
  readonly themeOf: Int32Array;
  readonly themes: readonly ThemeEntry[];
  /** Most specific place of each organisation (index into places), -1 when none. */
  readonly place: Int32Array;
  readonly places: readonly PlaceEntry[];
  /** Initiatives of organisation i: initiativeOf[initiativeStart[i] .. initiativeStart[i+1]). */
  readonly initiativeStart: Int32Array;
  readonly initiativeOf: Int32Array;
  /**
   * Every initiative (also those no published organisation takes part in), then any that only a
   * participation names (loaded meanwhile: its name is its id and its stage UNKNOWN).
   */
  readonly initiativeIds: readonly string[];
  /** Initiative index by id. */
  readonly initiativeIndex: ReadonlyMap<string, number>;
  /** Names aligned with initiativeIds. */
  readonly initiativeNames: readonly string[];
  /** Stage of each initiative (index into INITIATIVE_STAGES, UNKNOWN). */
  readonly initiativeStage: Uint8Array;
  /**
   * Participants of initiative x: participantOrganisation[participantStart[x] .. participantStart[x+1]), in
   * the API's order (leads, then funders, then the others; each by lower-cased name, then id, as
   * participantsOfInitiatives.cypher orders them), with the role, and since / until as the database
   * writes them (toString), null when none.
   */
  readonly participantStart: Int32Array;
  readonly participantOrganisation: Int32Array;
  readonly participantRole: Uint8Array;
  readonly participantSince: readonly (string | null)[];
  readonly participantUntil: readonly (string | null)[];
  /** Position of each theme by name (so an organisation's themes are listed as the database orders them). */
  readonly themeNameRank: Int32Array;
  // Ties, by index 0..m-1 (each once, source → target).
  readonly tieIds: readonly string[];
  readonly tieSource: Int32Array;
  readonly tieTarget: Int32Array;
  /** Index into RELATIONSHIP_KINDS. */
  readonly tieKind: Uint8Array;
  /** Index into TRUST_STATES. */
  readonly tieTrust: Uint8Array;
  /** Day numbers; NO_START / NO_END when undated. */
  readonly tieSince: Int32Array;
  readonly tieUntil: Int32Array;
  /** NaN when there is none. */
  readonly tieAmount: Float64Array;
  /** Index into currencies, -1 when none. */
  readonly tieCurrency: Int16Array;
  readonly currencies: readonly string[];
  // Adjacency (both directions): the ties of organisation i are adjTie[adjStart[i] .. adjStart[i+1]),
  // leading to adjOther at the same positions.
  readonly adjStart: Int32Array;
  readonly adjTie: Int32Array;
  readonly adjOther: Int32Array;
  /** Ties to published organisations (each tie counts once for each end). */
  readonly degree: Int32Array;
}

/** One organisation as the snapshot query returns it. */
export interface SnapshotOrganisationRow {
  id: string;
  name: string;
  sector: string;
  kind: string | null;
  themeIds: string[];
  placeId: string | null;
  /** [initiativeId, role, since, until] of each of its participations. */
  participations: [string, string, string | null, string | null][];
  /** [id, targetId, kind, trust, since, until, amount, currency] */
  ties: [string, string, string, string | null, string | null, string | null, number | null, string | null][];
}

export const kindIndex = new Map<RelationshipKind, number>(RELATIONSHIP_KINDS.map((k, i) => [k, i]));
export const trustIndex = new Map<TrustState, number>(TRUST_STATES.map((t, i) => [t, i]));
export const sectorIndex = new Map<Sector, number>(SECTORS.map((s, i) => [s, i]));
const stageIndex = new Map<string, number>(INITIATIVE_STAGES.map((s: InitiativeStage, i) => [s, i]));
const roleIndex = new Map<string, number>(PARTICIPATION_ROLES.map((r: ParticipationRole, i) => [r, i]));
/** participantsOfInitiatives.cypher's order of roles: leads, then funders, then the others. */
const roleRank = (role: number) =>
  role === roleIndex.get('LEAD') ? 0 : role === roleIndex.get('FUNDER') ? 1 : 2;

/** Assembles a snapshot from the loaded rows; ties to organisations not in the rows are dropped. */
export class SnapshotBuilder {
  private readonly ids: string[] = [];
  private readonly aliases: [string, string][] = [];
  private readonly names: string[] = [];
  private readonly sectors = new IntList();
  private readonly kindNames: string[] = [];
  private readonly kindLookup = new Map<string, number>();
  private readonly kindsAsWritten = new IntList();
  private readonly kindTexts: string[] = [];
  private readonly kindTextLookup = new Map<string, number>();
  private readonly themeStart = new IntList();
  private readonly themeOf = new IntList();
  private readonly themeLookup: Map<string, number>;
  private readonly placeIds: string[] = [];
  private readonly placeLookup: Map<string, number>;
  private readonly initiativeStart = new IntList();
  private readonly initiativeOf = new IntList();
  private readonly initiativeRoles = new IntList();
  private readonly participationSince: (string | null)[] = [];
  private readonly participationUntil: (string | null)[] = [];
  private readonly initiativeIds: string[] = [];
  private readonly initiativeLookup = new Map<string, number>();
  private readonly initiativeNames: string[] = [];
  private readonly initiativeStages: number[] = [];
  // Ties with their target kept as an id until every organisation is known.
  private readonly tieIds: string[] = [];
  private readonly tieSource = new IntList();
  private readonly tieTargetIds: string[] = [];
  private readonly tieKind = new IntList();
  private readonly tieTrust = new IntList();
  private readonly tieSince = new IntList();
  private readonly tieUntil = new IntList();
  private readonly tieAmount = new FloatList();
  private readonly tieCurrency = new IntList();
  private readonly currencies: string[] = [];
  private readonly currencyLookup = new Map<string, number>();

  constructor(
    private readonly version: number,
    private readonly themes: ThemeEntry[],
    private readonly places: PlaceEntry[],
    initiatives: readonly InitiativeEntry[] = [],
  ) {
    this.themeLookup = new Map(themes.map((t, i) => [t.id, i]));
    this.placeLookup = new Map(places.map((p, i) => [p.id, i]));
    for (const initiative of initiatives) {
      if (this.initiativeLookup.has(initiative.id)) continue;
      const at = this.initiative(initiative.id);
      this.initiativeNames[at] = initiative.name;
      this.initiativeStages[at] = stageIndex.get(initiative.stage ?? '') ?? UNKNOWN;
    }
    this.themeStart.push(0);
    this.initiativeStart.push(0);
  }

  add(row: SnapshotOrganisationRow): void {
    const i = this.ids.length;
    this.ids.push(row.id);
    this.names.push(row.name);
    const sector = sectorIndex.get(row.sector as Sector);
    invariant(sector !== undefined, `organisation ${row.id} has an unknown sector ${row.sector}`);
    this.sectors.push(sector);
    this.kindsAsWritten.push(
      typeof row.kind === 'string' ? this.lookup(this.kindTextLookup, this.kindTexts, row.kind) : -1,
    );
    for (const themeId of row.themeIds) {
      const t = this.themeLookup.get(themeId);
      if (t !== undefined) this.themeOf.push(t);
    }
    this.themeStart.push(this.themeOf.length);
    this.placeIds.push(row.placeId ?? '');
    for (const [initiativeId, role, since, until] of row.participations) {
      this.initiativeOf.push(this.initiative(initiativeId));
      this.initiativeRoles.push(roleIndex.get(role) ?? UNKNOWN);
      this.participationSince.push(since);
      this.participationUntil.push(until);
    }
    this.initiativeStart.push(this.initiativeOf.length);
    for (const [id, target, kind, trust, since, until, amount, currency] of row.ties) {
      const k = kindIndex.get(kind as RelationshipKind);
      if (k === undefined) continue;
      this.tieIds.push(id);
      this.tieSource.push(i);
      this.tieTargetIds.push(target);
      this.tieKind.push(k);
      this.tieTrust.push(trustIndex.get((trust ?? 'IMPORTED') as TrustState) ?? trustIndex.get('IMPORTED')!);
      this.tieSince.push(since ? dayNumber(since) : NO_START);
      this.tieUntil.push(until ? dayNumber(until) : NO_END);
      this.tieAmount.push(typeof amount === 'number' ? amount : Number.NaN);
      this.tieCurrency.push(currency ? this.lookup(this.currencyLookup, this.currencies, currency) : -1);
    }
  }

  /** The index of an initiative; one only a participation names (not loaded) gets its id as name. */
  private initiative(id: string): number {
    const known = this.initiativeIds.length;
    const at = this.lookup(this.initiativeLookup, this.initiativeIds, id);
    if (at === known) {
      this.initiativeNames[at] = id;
      this.initiativeStages[at] = UNKNOWN;
    }
    return at;
  }

  /**
   * Each organisation's kind as written and, derived from it, lower-cased (the facets' and filters'
   * kind; none for an empty kind), each kind text looked up once.
   */
  private kindsOf(): Pick<NetworkSnapshot, 'kind' | 'kindNames' | 'kindAsWritten' | 'kindTexts'> {
    const lowered = Int32Array.from(this.kindTexts, (text) =>
      text ? this.lookup(this.kindLookup, this.kindNames, text.trim().toLowerCase()) : -1,
    );
    const kindAsWritten = this.kindsAsWritten.toArray();
    return {
      kind: Int32Array.from(kindAsWritten, (k) => (k >= 0 ? lowered[k]! : -1)),
      kindNames: this.kindNames,
      kindAsWritten,
      kindTexts: this.kindTexts,
    };
  }

  private lookup(map: Map<string, number>, list: string[], value: string): number {
    let at = map.get(value);
    if (at === undefined) {
      at = list.length;
      list.push(value);
      map.set(value, at);
    }
    return at;
  }

  /** Each initiative's participations, grouped by initiative and in the API's order. */
  private participants() {
    const count = this.initiativeIds.length;
    const starts = this.initiativeStart.toArray();
    const of = this.initiativeOf.toArray();
    const roles = this.initiativeRoles.toArray();
    const participantStart = new Int32Array(count + 1);
    for (let k = 0; k < of.length; k++) participantStart[of[k]! + 1]! += 1;
    for (let x = 0; x < count; x++) participantStart[x + 1]! += participantStart[x]!;
    // Participation k (in organisation order) at its initiative's next free place.
    const fill = participantStart.slice(0, count);
    const order = new Int32Array(of.length);
    const organisationOf = new Int32Array(of.length);
    for (let i = 0; i < this.ids.length; i++)
      for (let k = starts[i]!; k < starts[i + 1]!; k++) {
        organisationOf[k] = i;
        order[fill[of[k]!]!++] = k;
      }
    const lower = new Map<number, string>();
    const lowerName = (i: number) => {
      let name = lower.get(i);
      if (name === undefined) lower.set(i, (name = this.names[i]!.toLowerCase()));
      return name;
    };
    const byApiOrder = (a: number, b: number) => {
      const oa = organisationOf[a]!;
      const ob = organisationOf[b]!;
      return (
        roleRank(roles[a]!) - roleRank(roles[b]!) ||
        compareStrings(lowerName(oa), lowerName(ob)) ||
        compareStrings(this.ids[oa]!, this.ids[ob]!) ||
        a - b
      );
    };
    for (let x = 0; x < count; x++)
      order.subarray(participantStart[x]!, participantStart[x + 1]!).sort(byApiOrder);
    return {
      participantStart,
      participantOrganisation: Int32Array.from(order, (k) => organisationOf[k]!),
      participantRole: Uint8Array.from(order, (k) => roles[k]!),
      participantSince: Array.from(order, (k) => this.participationSince[k] ?? null),
      participantUntil: Array.from(order, (k) => this.participationUntil[k] ?? null),
    };
  }

  /** Aliases: ids of records merged into an organisation, found as that organisation. */
  addAliases(rows: readonly { alias: string; organisation: string }[]): void {
    for (const row of rows) this.aliases.push([row.alias, row.organisation]);
  }

  build(): NetworkSnapshot {
    const n = this.ids.length;
    const index = new Map(this.ids.map((id, i) => [id, i]));

    // Keep only ties whose target is a published organisation we loaded.
    const keep: number[] = [];
    const targets = new Int32Array(this.tieIds.length);
    this.tieTargetIds.forEach((id, t) => {
      const target = index.get(id);
      if (target !== undefined) {
        targets[t] = target;
        keep.push(t);
      }
    });
    // Aliases join the index once ties are matched (stored ties name the organisation itself).
    for (const [alias, organisation] of this.aliases) {
      const at = index.get(organisation);
      if (at !== undefined && !index.has(alias)) index.set(alias, at);
    }
    const m = keep.length;
    const pick32 = (list: IntList) => {
      const all = list.toArray();
      return Int32Array.from(keep, (t) => all[t]!);
    };
    const tieSource = pick32(this.tieSource);
    const tieTarget = Int32Array.from(keep, (t) => targets[t]!);
    const tieAmountAll = this.tieAmount.toArray();
    const tieKindAll = this.tieKind.toArray();
    const tieTrustAll = this.tieTrust.toArray();
    const tieCurrencyAll = this.tieCurrency.toArray();
    const degree = new Int32Array(n);
    for (let t = 0; t < m; t++) {
      degree[tieSource[t]!]! += 1;
      degree[tieTarget[t]!]! += 1;
    }
    const adjStart = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) adjStart[i + 1] = adjStart[i]! + degree[i]!;
    const fill = adjStart.slice(0, n);
    const adjTie = new Int32Array(2 * m);
    const adjOther = new Int32Array(2 * m);
    for (let t = 0; t < m; t++) {
      const s = tieSource[t]!;
      const o = tieTarget[t]!;
      adjTie[fill[s]!] = t;
      adjOther[fill[s]!++] = o;
      adjTie[fill[o]!] = t;
      adjOther[fill[o]!++] = s;
    }
    const themeNameRank = new Int32Array(this.themes.length);
    Int32Array.from(this.themes, (_, t) => t)
      .sort((a, b) => compareStrings(this.themes[a]!.name, this.themes[b]!.name) || a - b)
      .forEach((t, rank) => (themeNameRank[t] = rank));
    return {
      version: this.version,
      ids: this.ids,
      index,
      names: this.names,
      sector: Uint8Array.from(this.sectors.toArray()),
      ...this.kindsOf(),
      themeStart: this.themeStart.toArray(),
      themeOf: this.themeOf.toArray(),
      themes: this.themes,
      place: Int32Array.from(this.placeIds, (id) => (id === '' ? -1 : (this.placeLookup.get(id) ?? -1))),
      places: this.places,
      initiativeStart: this.initiativeStart.toArray(),
      initiativeOf: this.initiativeOf.toArray(),
      initiativeIds: this.initiativeIds,
      initiativeIndex: this.initiativeLookup,
      initiativeNames: this.initiativeNames,
      initiativeStage: Uint8Array.from(this.initiativeStages),
      ...this.participants(),
      themeNameRank,
      tieIds: keep.map((t) => this.tieIds[t]!),
      tieSource,
      tieTarget,
      tieKind: Uint8Array.from(keep, (t) => tieKindAll[t]!),
      tieTrust: Uint8Array.from(keep, (t) => tieTrustAll[t]!),
      tieSince: pick32(this.tieSince),
      tieUntil: pick32(this.tieUntil),
      tieAmount: Float64Array.from(keep, (t) => tieAmountAll[t]!),
      tieCurrency: Int16Array.from(keep, (t) => tieCurrencyAll[t]!),
      currencies: this.currencies,
      adjStart,
      adjTie,
      adjOther,
      degree,
    };
  }
}

/** Organisation i's kind as its record writes it (null when it has none). */
export function kindAsWritten(s: NetworkSnapshot, i: number): string | null {
  const k = s.kindAsWritten[i]!;
  return k >= 0 ? s.kindTexts[k]! : null;
}

/** Organisation i's themes by name, as the database orders them (ORDER BY t.name). */
export function themesOf(s: NetworkSnapshot, i: number): ThemeEntry[] {
  return Array.from(s.themeOf.subarray(s.themeStart[i]!, s.themeStart[i + 1]!))
    .sort((a, b) => s.themeNameRank[a]! - s.themeNameRank[b]!)
    .map((t) => ({ id: s.themes[t]!.id, name: s.themes[t]!.name }));
}

/** The place and all its ancestors (most specific first). */
export function placeChain(snapshot: NetworkSnapshot, place: number): number[] {
  const chain: number[] = [];
  for (let p = place; p >= 0 && chain.length < 10; p = snapshot.places[p]!.parent) chain.push(p);
  return chain;
}
