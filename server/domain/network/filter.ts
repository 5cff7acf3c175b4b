// OrganisationFilter (../shared/API-CONTRACT.md) resolved against the network snapshot: names of themes,
// places and kinds become indexes (an unknown one is a BAD_USER_INPUT error with a suggestion), then a
// predicate decides membership in constant time per organisation.
import { InvalidInputError } from '../../common/errors.ts';
import type { Problem } from '../../common/problems.ts';
import { suggest } from '../didYouMean.ts';
import { RELATIONSHIP_KINDS, type RelationshipKind, type Sector, type TrustState } from '../model.ts';
import { kindIndex, placeChain, sectorIndex, trustIndex, type NetworkSnapshot } from './snapshot.ts';

export interface OrganisationFilterInput {
  query?: string | null;
  sectors?: readonly Sector[] | null;
  kinds?: readonly string[] | null;
  themes?: readonly string[] | null;
  places?: readonly string[] | null;
  relationshipKinds?: readonly RelationshipKind[] | null;
  trustStates?: readonly TrustState[] | null;
}

export interface ResolvedFilter {
  query: string | null;
  sectors: ReadonlySet<number> | null;
  kinds: ReadonlySet<number> | null;
  themes: ReadonlySet<number> | null;
  places: ReadonlySet<number> | null;
  /** Bit k set: tie kind k accepted (all bits when not restricted). */
  tieKinds: number;
  /** Bit t set: trust state t accepted. */
  tieTrust: number;
  /** Whether ties restrict the set at all. */
  byTies: boolean;
}

const ALL_KINDS = (1 << kindIndex.size) - 1;
const ALL_TRUST = (1 << trustIndex.size) - 1;

const nonEmpty = <T>(list: readonly T[] | null | undefined): list is readonly T[] =>
  list !== null && list !== undefined && list.length > 0;

function problem(field: string, message: string): Problem {
  return { file: 'arguments', line: null, column: null, field, code: 'UNKNOWN_VALUE', message };
}

/** Resolves names against one list of entries; every name that matches nothing is a problem. */
function resolveNames(
  field: string,
  noun: string,
  names: readonly string[],
  entries: readonly { id: string; name: string }[],
  problems: Problem[],
): Set<number> {
  const found = new Set<number>();
  for (const raw of names) {
    const name = raw.trim().toLowerCase();
    let any = false;
    entries.forEach((entry, i) => {
      if (entry.id.toLowerCase() === name || entry.name.toLowerCase() === name) {
        found.add(i);
        any = true;
      }
    });
    if (!any) {
      const hint = suggest(
        raw,
        entries.map((e) => e.name),
      );
      problems.push(
        problem(
          field,
          `no ${noun} is called ${JSON.stringify(raw)}${hint ? ` (did you mean ${JSON.stringify(hint)}?)` : ''}`,
        ),
      );
    }
  }
  return found;
}

/** Theme indexes for theme ids or names; an unknown one is a BAD_USER_INPUT error with a suggestion. */
export function resolveThemes(
  snapshot: NetworkSnapshot,
  names: readonly string[],
  field: string,
): Set<number> {
  const problems: Problem[] = [];
  const found = resolveNames(field, 'theme', names, snapshot.themes, problems);
  if (problems.length > 0)
    throw new InvalidInputError(`${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}.`, problems);
  return found;
}

export function resolveFilter(
  snapshot: NetworkSnapshot,
  filter: OrganisationFilterInput | null | undefined,
  path = 'filter',
): ResolvedFilter {
  const f = filter ?? {};
  const problems: Problem[] = [];
  const sectors = nonEmpty(f.sectors) ? new Set(f.sectors.map((s) => sectorIndex.get(s)!)) : null;
  const themes = nonEmpty(f.themes)
    ? resolveNames(`${path}.themes`, 'theme', f.themes, snapshot.themes, problems)
    : null;
  const places = nonEmpty(f.places)
    ? resolveNames(`${path}.places`, 'place', f.places, snapshot.places, problems)
    : null;
  let kinds: Set<number> | null = null;
  if (nonEmpty(f.kinds)) {
    kinds = new Set();
    const known = snapshot.kindNames.map((k, i) => ({ id: k, name: k, i }));
    for (const raw of f.kinds) {
      const at = snapshot.kindNames.indexOf(raw.trim().toLowerCase());
      if (at >= 0) kinds.add(at);
      else {
        const hint = suggest(
          raw,
          known.map((k) => k.name),
        );
        problems.push(
          problem(
            `${path}.kinds`,
            `no organisation is of kind ${JSON.stringify(raw)}${hint ? ` (did you mean ${JSON.stringify(hint)}?)` : ''}`,
          ),
        );
      }
    }
  }
  if (problems.length > 0) {
    throw new InvalidInputError(`${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}.`, problems);
  }
  const tieKinds = nonEmpty(f.relationshipKinds)
    ? f.relationshipKinds.reduce((mask, k) => mask | (1 << kindIndex.get(k)!), 0)
    : ALL_KINDS;
  const tieTrust = nonEmpty(f.trustStates)
    ? f.trustStates.reduce((mask, t) => mask | (1 << trustIndex.get(t)!), 0)
    : ALL_TRUST;
  const query = typeof f.query === 'string' && f.query.trim() !== '' ? f.query.trim() : null;
  return {
    query,
    sectors,
    kinds,
    themes,
    places,
    tieKinds,
    tieTrust,
    byTies: nonEmpty(f.relationshipKinds) || nonEmpty(f.trustStates),
  };
}

/** Whether organisation `i` passes every part of the filter except the text query. */
export function matches(snapshot: NetworkSnapshot, filter: ResolvedFilter, i: number): boolean {
  if (filter.sectors && !filter.sectors.has(snapshot.sector[i]!)) return false;
  if (filter.kinds && !filter.kinds.has(snapshot.kind[i]!)) return false;
  if (filter.themes) {
    let any = false;
    for (let k = snapshot.themeStart[i]!; k < snapshot.themeStart[i + 1]! && !any; k++)
      any = filter.themes.has(snapshot.themeOf[k]!);
    if (!any) return false;
  }
  if (filter.places) {
    const place = snapshot.place[i]!;
    if (place < 0 || !placeChain(snapshot, place).some((p) => filter.places!.has(p))) return false;
  }
  if (filter.byTies) {
    let any = false;
    for (let a = snapshot.adjStart[i]!; a < snapshot.adjStart[i + 1]! && !any; a++) {
      const t = snapshot.adjTie[a]!;
      any =
        ((filter.tieKinds >> snapshot.tieKind[t]!) & 1) === 1 &&
        ((filter.tieTrust >> snapshot.tieTrust[t]!) & 1) === 1;
    }
    if (!any) return false;
  }
  return true;
}

/** What memberMask reads from the orderings kept with the snapshot (orderings.ts). */
interface MaskTables {
  kindTrust: Uint8Array;
  placeChainStart: Int32Array;
  placeChainOf: Int32Array;
}

/**
 * matches(snapshot, filter, i) for every organisation at once: 1 at i when it passes (the text query
 * aside). Lookup tables instead of sets (sectors, kinds, themes, and places: a place passes when it or an
 * enclosing place is asked for), and the ties part from `kindTrust` (orderings.ts: per organisation and
 * tie kind, a bit per trust state), so a filter over the whole network is one pass over typed arrays.
 */
export function memberMask(
  snapshot: NetworkSnapshot,
  filter: ResolvedFilter,
  { kindTrust, placeChainStart, placeChainOf }: MaskTables,
): Uint8Array {
  const n = snapshot.ids.length;
  const table = (size: number, wanted: ReadonlySet<number> | null) => {
    if (wanted === null) return null;
    const t = new Uint8Array(size);
    for (const k of wanted) if (k >= 0 && k < size) t[k] = 1;
    return t;
  };
  const sectorOk = table(256, filter.sectors);
  const kindOk = table(snapshot.kindNames.length, filter.kinds);
  const themeOk = table(snapshot.themes.length, filter.themes);
  let placeOk: Uint8Array | null = null;
  if (filter.places !== null) {
    placeOk = new Uint8Array(snapshot.places.length);
    for (let p = 0; p < placeOk.length; p++)
      for (let k = placeChainStart[p]!; k < placeChainStart[p + 1]! && placeOk[p] === 0; k++)
        if (filter.places.has(placeChainOf[k]!)) placeOk[p] = 1;
  }
  const tieKinds = RELATIONSHIP_KINDS.length;
  const kindsAsked = RELATIONSHIP_KINDS.map((_, k) => k).filter((k) => (filter.tieKinds >> k) & 1);
  const { sector, kind, themeStart, themeOf, place } = snapshot;
  const mask = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (sectorOk !== null && sectorOk[sector[i]!] !== 1) continue;
    if (kindOk !== null && (kind[i]! < 0 || kindOk[kind[i]!] !== 1)) continue;
    if (themeOk !== null) {
      let any = false;
      for (let k = themeStart[i]!; k < themeStart[i + 1]! && !any; k++) any = themeOk[themeOf[k]!] === 1;
      if (!any) continue;
    }
    if (placeOk !== null && (place[i]! < 0 || placeOk[place[i]!] !== 1)) continue;
    if (filter.byTies) {
      let any = false;
      for (let k = 0; k < kindsAsked.length && !any; k++)
        any = (kindTrust[i * tieKinds + kindsAsked[k]!]! & filter.tieTrust) !== 0;
      if (!any) continue;
    }
    mask[i] = 1;
  }
  return mask;
}
