// RelationshipFilter (../shared/API-CONTRACT.md) and `asOf` as a predicate over the snapshot's ties.
import { InvalidInputError } from '../../common/errors.ts';
import type { RelationshipKind, Sector, TrustState } from '../model.ts';
import { fieldProblem } from '../validation/problems.ts';
import { resolveOrganisationIds } from './ids.ts';
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

/** An ISO 4217 currency code as stored (imports and curation keep only this shape): three capital letters. */
const CURRENCY_CODE = /^[A-Z]{3}$/;

const given = <T>(list: readonly T[] | null | undefined): list is readonly T[] =>
  list !== null && list !== undefined && list.length > 0;

/**
 * The organisations (snapshot indexes, each once) whose ties `filter.organisations` keeps; null when it
 * names none (every tie may match). Every id must name a published organisation (or a merged one): an
 * unknown id is a BAD_USER_INPUT error naming `${path}.organisations`, since a mistyped id is not "no ties".
 */
export function filterEnds(
  snapshot: NetworkSnapshot,
  filter: RelationshipFilterInput | null | undefined,
  path = 'filter',
): number[] | null {
  const ids = filter?.organisations;
  if (!given(ids)) return null;
  return resolveOrganisationIds(snapshot, ids, `${path}.organisations`);
}

/** The filter resolved against the snapshot: bit masks, day numbers and bounds (-1 / null when not given). */
export interface TieCriteria {
  ends: Set<number> | null;
  kinds: number;
  trust: number;
  sectors: number;
  currency: number | null;
  startedBy: number | null;
  endedNotBefore: number | null;
  after: number | null;
  before: number | null;
  minAmount: number | null;
  maxAmount: number | null;
}

/**
 * The currency's number in the snapshot, or UNUSED_CURRENCY when no tie is in it: a tie without a currency
 * holds -1 (indexOf's "not found"), so a currency nobody uses must not be -1, or it would keep those.
 */
const UNUSED_CURRENCY = -2;
function currencyIndex(snapshot: NetworkSnapshot, code: string): number {
  const at = snapshot.currencies.indexOf(code);
  return at === -1 ? UNUSED_CURRENCY : at;
}

export function tieCriteria(
  snapshot: NetworkSnapshot,
  f: RelationshipFilterInput,
  asOf: string | null | undefined,
  path = 'filter',
): TieCriteria {
  const named = filterEnds(snapshot, f, path);
  const active = [f.activeOn, asOf].filter((d): d is string => typeof d === 'string').map(dayNumber);
  return {
    ends: named === null ? null : new Set(named),
    kinds: given(f.kinds) ? f.kinds.reduce((m, k) => m | (1 << kindIndex.get(k)!), 0) : -1,
    trust: given(f.trustStates) ? f.trustStates.reduce((m, t) => m | (1 << trustIndex.get(t)!), 0) : -1,
    sectors: given(f.sectors) ? f.sectors.reduce((m, s) => m | (1 << sectorIndex.get(s)!), 0) : -1,
    currency:
      typeof f.currency === 'string' && f.currency.trim() !== ''
        ? currencyIndex(snapshot, f.currency.trim().toUpperCase())
        : null,
    // Active on every one of those days: started by the first of them and not ended before the last.
    startedBy: active.length === 0 ? null : Math.min(...active),
    endedNotBefore: active.length === 0 ? null : Math.max(...active),
    after: typeof f.startedAfter === 'string' ? dayNumber(f.startedAfter) : null,
    before: typeof f.startedBefore === 'string' ? dayNumber(f.startedBefore) : null,
    minAmount: typeof f.minAmount === 'number' ? f.minAmount : null,
    maxAmount: typeof f.maxAmount === 'number' ? f.maxAmount : null,
  };
}

/**
 * 1 for every tie active on `asOf` (every tie without it): what tiePredicate(snapshot, null, asOf) keeps, for
 * all ties at once in one loop over the typed arrays (a million ties per network figure).
 */
export function activeTieMask(snapshot: NetworkSnapshot, asOf?: string | null): Uint8Array {
  const { startedBy, endedNotBefore } = tieCriteria(snapshot, {}, asOf);
  const { tieSince, tieUntil } = snapshot;
  const mask = new Uint8Array(tieSince.length).fill(1);
  if (startedBy !== null) {
    const last = endedNotBefore!;
    for (let t = 0; t < mask.length; t++) if (tieSince[t]! > startedBy || tieUntil[t]! < last) mask[t] = 0;
  }
  return mask;
}

/** A predicate over tie indexes; `asOf` keeps the ties active on that day (like `activeOn`). */
export function tiePredicate(
  snapshot: NetworkSnapshot,
  filter: RelationshipFilterInput | null | undefined,
  asOf?: string | null,
  path = 'filter',
): TiePredicate {
  const f = filter ?? {};
  for (const bound of ['minAmount', 'maxAmount'] as const) {
    const value = f[bound];
    if (typeof value === 'number' && value < 0) {
      throw new InvalidInputError(`${path}.${bound} is ${value}: amounts are never negative.`, [
        fieldProblem(`${path}.${bound}`, 'OUT_OF_RANGE', 'must be 0 or more'),
      ]);
    }
  }
  if (typeof f.minAmount === 'number' && typeof f.maxAmount === 'number' && f.minAmount > f.maxAmount) {
    throw new InvalidInputError(`${path}.minAmount is above ${path}.maxAmount: nothing can match.`, [
      fieldProblem(`${path}.minAmount`, 'OUT_OF_RANGE', 'must not be above maxAmount'),
    ]);
  }
  if (given(f.organisations) && f.organisations.length > MAX_FILTER_ORGANISATIONS) {
    throw new InvalidInputError(
      `${path}.organisations names ${f.organisations.length} organisations; at most ${MAX_FILTER_ORGANISATIONS}.`,
      [fieldProblem(`${path}.organisations`, 'OUT_OF_RANGE', `at most ${MAX_FILTER_ORGANISATIONS} ids`)],
    );
  }
  // A blank currency is no currency (as before); any other must have a currency code's shape.
  const currencyGiven = typeof f.currency === 'string' && f.currency.trim() !== '';
  if (currencyGiven && !CURRENCY_CODE.test(f.currency!.trim().toUpperCase())) {
    const used = [...snapshot.currencies].sort();
    const seen =
      used.length === 0
        ? ''
        : ` (the relationships have amounts in ${used.slice(0, 10).join(', ')}${used.length > 10 ? ', …' : ''})`;
    throw new InvalidInputError(
      `${path}.currency is ${JSON.stringify(f.currency)}: give a three-letter ISO 4217 currency code such as GBP, EUR or USD${seen}.`,
      [
        fieldProblem(
          `${path}.currency`,
          'BAD_CURRENCY',
          `a three-letter ISO 4217 currency code such as GBP, EUR or USD${seen}`,
        ),
      ],
    );
  }
  const {
    ends,
    kinds,
    trust,
    sectors,
    currency,
    startedBy,
    endedNotBefore,
    after,
    before,
    minAmount,
    maxAmount,
  } = tieCriteria(snapshot, f, asOf, path);
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
    if (startedBy !== null && (tieSince[t]! > startedBy || tieUntil[t]! < endedNotBefore!)) return false;
    if (after !== null && !(tieSince[t]! > after && tieSince[t] !== NO_START)) return false;
    if (before !== null && !(tieSince[t]! < before && tieSince[t] !== NO_START)) return false;
    return true;
  };
}
