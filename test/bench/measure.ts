// Timing and statistics for the benchmarks: side-by-side runs with alternating order, medians and p95s.
import { performance } from 'node:perf_hooks';

export interface Summary {
  samples: number;
  median: number;
  p95: number;
  p99: number;
}

/** One benchmark's result: ours against its baseline, both measured in the same run. */
export interface Comparison {
  name: string;
  unit: 'ms' | 's';
  ours: Summary;
  baseline: Summary;
  /** Facts a reader needs to interpret the numbers (sample counts, truncation, result differences). */
  notes: string[];
  /** Goals about results rather than time (search quality, agreement with a reference), met or not. */
  goals?: { what: string; measured: string; met: boolean }[];
}

export interface Timed<T> {
  ms: number;
  value: T;
}

export async function timed<T>(work: () => Promise<T>): Promise<Timed<T>> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/**
 * Runs ours and the baseline back to back. `oursFirst` should alternate between calls, so neither side
 * always runs second on a cache the other has just warmed.
 */
export async function sideBySide<A, B>(
  oursFirst: boolean,
  ours: () => Promise<A>,
  baseline: () => Promise<B>,
): Promise<{ ours: Timed<A>; baseline: Timed<B> }> {
  if (oursFirst) {
    const o = await timed(ours);
    return { ours: o, baseline: await timed(baseline) };
  }
  const b = await timed(baseline);
  return { ours: await timed(ours), baseline: b };
}

/** The nearest-rank percentile `q` (0–100) of `values`; NaN when there are none. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((q / 100) * sorted.length) - 1)] as number;
}

/** Median (mean of the two middle values for an even count) and nearest-rank 95th and 99th percentiles. */
export function summarise(values: readonly number[]): Summary {
  if (values.length === 0) return { samples: 0, median: Number.NaN, p95: Number.NaN, p99: Number.NaN };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = Number.isInteger(mid)
    ? ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
    : (sorted[Math.floor(mid)] as number);
  return { samples: sorted.length, median, p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

/** ours / baseline on the medians: below 1 means our code is faster. */
export function ratio(c: Comparison): number {
  return c.ours.median / c.baseline.median;
}

/** Collects ours/baseline samples of one benchmark. */
export class Samples {
  readonly ours: number[] = [];
  readonly baseline: number[] = [];

  add(pair: { ours: { ms: number }; baseline: { ms: number } }): void {
    this.ours.push(pair.ours.ms);
    this.baseline.push(pair.baseline.ms);
  }

  compare(name: string, notes: string[], unit: Comparison['unit'] = 'ms'): Comparison {
    const scale = unit === 's' ? 1 / 1000 : 1;
    const scaled = (xs: number[]) => xs.map((x) => x * scale);
    return {
      name,
      unit,
      ours: summarise(scaled(this.ours)),
      baseline: summarise(scaled(this.baseline)),
      notes,
    };
  }
}
