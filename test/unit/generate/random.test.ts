// The seeded random source: reproducible, seeds beyond 32 bits stay distinct, weighted picks respect zero weights.
import { describe, expect, it } from 'vitest';
import { Random, seed32 } from '../../../server/domain/generate/random.ts';

const draw = (random: Random, count: number): number[] =>
  Array.from({ length: count }, () => random.int(0, 1_000_000));

describe('Random', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    expect(draw(new Random(42), 20)).toEqual(draw(new Random(42), 20));
    expect(draw(new Random(42), 20)).not.toEqual(draw(new Random(43), 20));
  });

  it('maps seeds 0 … 2**32 - 1 one to one and keeps high bits', () => {
    expect(seed32(5)).toBe(5);
    expect(seed32(2 ** 32 - 1)).toBe(-1);
    expect(seed32(2 ** 32 + 5)).not.toBe(seed32(5));
    expect(seed32(-5)).not.toBe(seed32(5));
  });

  it('never picks an index whose weight is 0', () => {
    const random = new Random(7);
    const picks = Array.from({ length: 500 }, () => random.weightedIndex([0, 3, 0, 1, 0]));
    expect(new Set(picks)).toEqual(new Set([1, 3]));
  });

  it('keeps floats in [0, 1) and log-uniform values in range', () => {
    const random = new Random(9);
    for (let i = 0; i < 500; i++) {
      const x = random.float();
      expect(x >= 0 && x < 1).toBe(true);
      const amount = random.logUniform(1000, 2000);
      expect(amount >= 1000 && amount <= 2000).toBe(true);
    }
  });
});
