// A seeded random source over pure-rand (xoroshiro128+): the only randomness the generator uses, so a seed fixes the output.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { invariant } from '../../common/errors.ts';

/**
 * Folds any safe integer into the 32 bits xoroshiro128plus takes (it would otherwise keep only `seed | 0`,
 * so 1 and 2**32 + 1 would give the same stream).
 */
export function seed32(seed: number): number {
  const high = Math.floor(seed / 2 ** 32);
  const low = seed - high * 2 ** 32;
  // |high| < 2**21 for safe integers, so `high | 0` is exact; seeds 0 … 2**32 - 1 map one to one.
  return (low ^ Math.imul(high | 0, 0x9e3779b1)) | 0;
}

export class Random {
  private readonly rng: RandomGenerator;

  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed32(seed));
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return uniformInt(this.rng, min, max);
  }

  /** A number in [0, 1). */
  float(): number {
    return uniformFloat64(this.rng);
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    invariant(items.length > 0, 'pick from an empty list');
    return items[this.int(0, items.length - 1)] as T;
  }

  /** An index drawn with probability proportional to its weight (weights ≥ 0, at least one > 0). */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    invariant(total > 0, 'weighted pick needs a positive weight');
    let r = this.float() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] as number;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** Log-uniform between min and max: as many small amounts as large ones per order of magnitude. */
  logUniform(min: number, max: number): number {
    return Math.exp(Math.log(min) + this.float() * (Math.log(max) - Math.log(min)));
  }

  shuffle<T>(items: T[]): void {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const a = items[i] as T;
      items[i] = items[j] as T;
      items[j] = a;
    }
  }
}
