// Options of the synthetic network generator: documented defaults and a validation that lists every problem.
import { InvalidInputError } from '../../common/errors.ts';
import { SECTORS, type Sector } from '../model.ts';
import type { Problem } from '../../common/problems.ts';

export interface SyntheticOptions {
  /** How many organisations, 1 … 1,000,000. */
  organisations: number;
  /** Any safe integer; the same seed (and options) always gives the same network. Part of every id. */
  seed: number;
  /** Mean relationships per organisation (each relationship counts at both ends). */
  averageDegree?: number;
  /** Mean organisations per community (a city and two focus themes); most relationships stay inside one. */
  communitySize?: number;
  /** Share of relationships that leave their community: the bridges between clusters. */
  bridgeShare?: number;
  /** Initiatives per 100 organisations. */
  initiativesPer100?: number;
  /** Relative share of each sector (need not sum to 1). */
  sectorMix?: Readonly<Record<Sector, number>>;
}

export type ResolvedSyntheticOptions = Required<SyntheticOptions>;

export const MAX_ORGANISATIONS = 1_000_000;

export const SYNTHETIC_DEFAULTS: Omit<ResolvedSyntheticOptions, 'organisations' | 'seed'> = Object.freeze({
  averageDegree: 3.5,
  communitySize: 40,
  bridgeShare: 0.1,
  initiativesPer100: 4,
  sectorMix: Object.freeze({ GOVERNMENT: 0.2, NGO: 0.3, COMPANY: 0.2, CIVIC_INNOVATOR: 0.2, ACADEMIC: 0.1 }),
});

function problem(field: string, message: string): Problem {
  return { file: 'generator options', line: null, column: null, field, code: 'INVALID_OPTION', message };
}

function checkNumber(
  problems: Problem[],
  field: string,
  value: unknown,
  { min, max, integer }: { min: number; max: number; integer?: boolean },
): void {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= min &&
    value <= max &&
    (!integer || Number.isInteger(value));
  if (!ok) {
    const what = integer ? 'an integer' : 'a number';
    problems.push(problem(field, `${field} must be ${what} from ${min} to ${max}; got ${String(value)}`));
  }
}

/** Fills in defaults and checks every option; throws InvalidInputError listing all problems. */
export function resolveSyntheticOptions(options: SyntheticOptions): ResolvedSyntheticOptions {
  const resolved: ResolvedSyntheticOptions = { ...SYNTHETIC_DEFAULTS, ...options };
  const problems: Problem[] = [];
  checkNumber(problems, 'organisations', resolved.organisations, {
    min: 1,
    max: MAX_ORGANISATIONS,
    integer: true,
  });
  if (!Number.isSafeInteger(resolved.seed)) {
    problems.push(
      problem('seed', `seed must be an integer (a safe JavaScript integer); got ${String(resolved.seed)}`),
    );
  }
  checkNumber(problems, 'averageDegree', resolved.averageDegree, { min: 0, max: 50 });
  checkNumber(problems, 'communitySize', resolved.communitySize, {
    min: 1,
    max: MAX_ORGANISATIONS,
    integer: true,
  });
  checkNumber(problems, 'bridgeShare', resolved.bridgeShare, { min: 0, max: 1 });
  checkNumber(problems, 'initiativesPer100', resolved.initiativesPer100, { min: 0, max: 100 });
  const mix = resolved.sectorMix as Partial<Record<string, unknown>> | null;
  if (typeof mix !== 'object' || mix === null) {
    problems.push(problem('sectorMix', 'sectorMix must give a share for each sector'));
  } else {
    for (const sector of SECTORS)
      checkNumber(problems, `sectorMix.${sector}`, mix[sector], { min: 0, max: 1e9 });
    const unknown = Object.keys(mix).filter((k) => !(SECTORS as readonly string[]).includes(k));
    if (unknown.length > 0)
      problems.push(
        problem('sectorMix', `unknown sector(s) ${unknown.join(', ')}; use ${SECTORS.join(', ')}`),
      );
    const total = SECTORS.reduce((sum, s) => {
      const share = mix[s];
      return sum + (typeof share === 'number' && share > 0 ? share : 0);
    }, 0);
    if (!(total > 0))
      problems.push(problem('sectorMix', 'sectorMix needs at least one sector with a share above 0'));
  }
  if (problems.length > 0) {
    throw new InvalidInputError(
      `Invalid generator options: ${problems.map((p) => p.message).join('; ')}`,
      problems,
    );
  }
  return resolved;
}
