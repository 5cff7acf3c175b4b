// Generator options: defaults fill the gaps; every bad option is reported at once, as InvalidInputError problems.
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../server/common/errors.ts';
import {
  SYNTHETIC_DEFAULTS,
  generateSyntheticNetwork,
  resolveSyntheticOptions,
  type SyntheticOptions,
} from '../../../server/domain/generate/synthetic.ts';

function problemFields(options: SyntheticOptions): string[] {
  try {
    resolveSyntheticOptions(options);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    const invalid = error as InvalidInputError;
    expect(invalid.code).toBe('BAD_USER_INPUT');
    expect(invalid.problems.every((p) => p.code === 'INVALID_OPTION')).toBe(true);
    return invalid.problems.map((p) => p.field ?? '');
  }
  return [];
}

describe('resolveSyntheticOptions', () => {
  it('fills in the defaults', () => {
    expect(resolveSyntheticOptions({ organisations: 10, seed: 1 })).toEqual({
      ...SYNTHETIC_DEFAULTS,
      organisations: 10,
      seed: 1,
    });
  });

  it('accepts the bounds: 1 and 1,000,000 organisations, any safe integer seed', () => {
    expect(problemFields({ organisations: 1, seed: Number.MIN_SAFE_INTEGER })).toEqual([]);
    expect(problemFields({ organisations: 1_000_000, seed: Number.MAX_SAFE_INTEGER })).toEqual([]);
  });

  it.each([0, -1, 1.5, 1_000_001, Number.NaN, Number.POSITIVE_INFINITY])('rejects %s organisations', (n) => {
    expect(problemFields({ organisations: n, seed: 1 })).toEqual(['organisations']);
  });

  it.each([1.5, Number.NaN, 2 ** 53, Number.NEGATIVE_INFINITY])('rejects seed %s', (seed) => {
    expect(problemFields({ organisations: 10, seed })).toEqual(['seed']);
  });

  it('reports every bad option at once', () => {
    expect(
      problemFields({
        organisations: 0,
        seed: 0.5,
        averageDegree: -1,
        communitySize: 0,
        bridgeShare: 2,
        initiativesPer100: -3,
      }),
    ).toEqual([
      'organisations',
      'seed',
      'averageDegree',
      'communitySize',
      'bridgeShare',
      'initiativesPer100',
    ]);
  });

  it('rejects a sector mix with no positive share, a negative share or an unknown sector', () => {
    const zero = { GOVERNMENT: 0, NGO: 0, COMPANY: 0, CIVIC_INNOVATOR: 0, ACADEMIC: 0 };
    expect(problemFields({ organisations: 5, seed: 1, sectorMix: zero })).toEqual(['sectorMix']);
    expect(
      problemFields({ organisations: 5, seed: 1, sectorMix: { ...zero, NGO: -1, ACADEMIC: 1 } }),
    ).toEqual(['sectorMix.NGO']);
    const unknown = { ...zero, NGO: 1, CHARITY: 1 } as unknown as SyntheticOptions['sectorMix'];
    expect(problemFields({ organisations: 5, seed: 1, sectorMix: unknown })).toEqual(['sectorMix']);
  });

  it('makes generateSyntheticNetwork throw before doing any work', () => {
    expect(() => generateSyntheticNetwork({ organisations: 2_000_000, seed: 1 })).toThrow(InvalidInputError);
  });
});
