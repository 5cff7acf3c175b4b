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
  const ends = given(f.organisations)
    ? new Set(f.organisations.map((id) => snapshot.index.get(id)).filter((i): i is number => i !== undefined))
    : null;
  const kinds = given(f.kinds) ? f.kinds.reduce((m, k) => m | (1 << kindIndex.get(k)!), 0) : -1;
  const trust = given(f.trustStates) ? f.trustStates.reduce((m, t) => m | (1 << trustIndex.get(t)!), 0) : -1;
  const sectors = given(f.sectors) ? new Set(f.sectors.map((s) => sectorIndex.get(s)!)) : null;
  const currency =
    typeof f.currency === 'string' && f.currency.trim() !== ''
      ? snapshot.currencies.indexOf(f.currency.trim().toUpperCase())
      : null;
  const active = [f.activeOn, asOf].filter((d): d is string => typeof d === 'string').map(dayNumber);
  const after = typeof f.startedAfter === 'string' ? dayNumber(f.startedAfter) : null;
  const before = typeof f.startedBefore === 'string' ? dayNumber(f.startedBefore) : null;
  const minAmount = typeof f.minAmount === 'number' ? f.minAmount : null;
  const maxAmount = typeof f.maxAmount === 'number' ? f.maxAmount : null;
  return (t) => {
    if (ends && !ends.has(snapshot.tieSource[t]!) && !ends.has(snapshot.tieTarget[t]!)) return false;
    if (kinds !== -1 && ((kinds >> snapshot.tieKind[t]!) & 1) === 0) return false;
    if (trust !== -1 && ((trust >> snapshot.tieTrust[t]!) & 1) === 0) return false;
    if (minAmount !== null && !(snapshot.tieAmount[t]! >= minAmount)) return false;
    if (maxAmount !== null && !(snapshot.tieAmount[t]! <= maxAmount)) return false;
    if (currency !== null && snapshot.tieCurrency[t] !== currency) return false;
    if (
      sectors &&
      !sectors.has(snapshot.sector[snapshot.tieSource[t]!]!) &&
      !sectors.has(snapshot.sector[snapshot.tieTarget[t]!]!)
    )
      return false;
    for (const day of active) if (snapshot.tieSince[t]! > day || snapshot.tieUntil[t]! < day) return false;
    if (after !== null && !(snapshot.tieSince[t]! > after && snapshot.tieSince[t] !== NO_START)) return false;
    if (before !== null && !(snapshot.tieSince[t]! < before && snapshot.tieSince[t] !== NO_START))
      return false;
    return true;
  };
}
