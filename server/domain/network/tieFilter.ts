// RelationshipFilter (../shared/API-CONTRACT.md) and `asOf` as a predicate over the snapshot's ties.
import { InvalidInputError } from '../../common/errors.ts';
import type { RelationshipKind, Sector, TrustState } from '../model.ts';
import { dayNumber, kindIndex, NO_START, sectorIndex, trustIndex, type NetworkSnapshot } from './snapshot.ts';

export interface RelationshipFilterInput {
  kinds?: readonly RelationshipKind[] | null;
  trustStates?: readonly TrustState[] | null;
  minAmount?: number | null;
  maxAmount?: number | null;
  currency?: string | null;
  sectors?: readonly Sector[] | null;
  activeOn?: string | null;
  startedAfter?: string | null;
  startedBefore?: string | null;
  organisations?: readonly string[] | null;
}

/** The most organisations `organisations` may name. */
export const MAX_FILTER_ORGANISATIONS = 1_000;

export type TiePredicate = (tie: number) => boolean;

const given = <T>(list: readonly T[] | null | undefined): list is readonly T[] =>
  list !== null && list !== undefined && list.length > 0;

/**
 * The organisations (snapshot indexes, each once) whose ties `filter.organisations` keeps; null when it
 * names none (every tie may match). Unknown ids match nothing.
 */
export function filterEnds(
  snapshot: NetworkSnapshot,
  filter: RelationshipFilterInput | null | undefined,
): number[] | null {
  const ids = filter?.organisations;
  if (!given(ids)) return null;
  return [...new Set(ids.map((id) => snapshot.index.get(id)).filter((i): i is number => i !== undefined))];
}

/** A predicate over tie indexes; `asOf` keeps the ties active on that day (like `activeOn`). */
export function tiePredicate(
  snapshot: NetworkSnapshot,
  filter: RelationshipFilterInput | null | undefined,
  asOf?: string | null,
  path = 'filter',
): TiePredicate {
  const f = filter ?? {};
  if (typeof f.minAmount === 'number' && typeof f.maxAmount === 'number' && f.minAmount > f.maxAmount) {
    throw new InvalidInputError(`${path}.minAmount is above ${path}.maxAmount: nothing can match.`, [
      {
        file: 'arguments',
        line: null,
        column: null,
        field: `${path}.minAmount`,
        code: 'OUT_OF_RANGE',
        message: 'must not be above maxAmount',
      },
    ]);
  }
  if (given(f.organisations) && f.organisations.length > MAX_FILTER_ORGANISATIONS) {
    throw new InvalidInputError(
      `${path}.organisations names ${f.organisations.length} organisations; at most ${MAX_FILTER_ORGANISATIONS}.`,
      [
        {
          file: 'arguments',
          line: null,
          column: null,
          field: `${path}.organisations`,
          code: 'OUT_OF_RANGE',
          message: `at most ${MAX_FILTER_ORGANISATIONS} ids`,
        },
      ],
    );
  }
  const named = filterEnds(snapshot, f);
  const ends = named === null ? null : new Set(named);
  const kinds = given(f.kinds) ? f.kinds.reduce((m, k) => m | (1 << kindIndex.get(k)!), 0) : -1;
  const trust = given(f.trustStates) ? f.trustStates.reduce((m, t) => m | (1 << trustIndex.get(t)!), 0) : -1;
  const sectors = given(f.sectors) ? f.sectors.reduce((m, s) => m | (1 << sectorIndex.get(s)!), 0) : -1;
  const currency =
    typeof f.currency === 'string' && f.currency.trim() !== ''
      ? snapshot.currencies.indexOf(f.currency.trim().toUpperCase())
      : null;
  const active = [f.activeOn, asOf].filter((d): d is string => typeof d === 'string').map(dayNumber);
  const after = typeof f.startedAfter === 'string' ? dayNumber(f.startedAfter) : null;
  const before = typeof f.startedBefore === 'string' ? dayNumber(f.startedBefore) : null;
  const minAmount = typeof f.minAmount === 'number' ? f.minAmount : null;
  const maxAmount = typeof f.maxAmount === 'number' ? f.maxAmount : null;
  // The arrays in locals: the predicate runs once per tie of a million-tie list.
  const { tieSource, tieTarget, tieKind, tieTrust, tieAmount, tieCurrency, tieSince, tieUntil, sector } =
    snapshot;
  return (t) => {
    if (ends && !ends.has(tieSource[t]!) && !ends.has(tieTarget[t]!)) return false;
    if (kinds !== -1 && ((kinds >> tieKind[t]!) & 1) === 0) return false;
    if (trust !== -1 && ((trust >> tieTrust[t]!) & 1) === 0) return false;
    if (minAmount !== null && !(tieAmount[t]! >= minAmount)) return false;
    if (maxAmount !== null && !(tieAmount[t]! <= maxAmount)) return false;
    if (currency !== null && tieCurrency[t] !== currency) return false;
    if (
      sectors !== -1 &&
      ((sectors >> sector[tieSource[t]!]!) & 1) === 0 &&
      ((sectors >> sector[tieTarget[t]!]!) & 1) === 0
    )
      return false;
    for (const day of active) if (tieSince[t]! > day || tieUntil[t]! < day) return false;
    if (after !== null && !(tieSince[t]! > after && tieSince[t] !== NO_START)) return false;
    if (before !== null && !(tieSince[t]! < before && tieSince[t] !== NO_START)) return false;
    return true;
  };
}
