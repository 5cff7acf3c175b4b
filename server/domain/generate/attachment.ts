// Growth by preferential attachment inside communities: heavy-tailed degrees (hubs), dense clusters and a few bridges.
import type { Random } from './random.ts';

export interface AttachmentInput {
  n: number;
  communityOf: Int32Array;
  communityCount: number;
  /** Initial attractiveness per organisation (p ∝ degree + attractiveness); hubs-to-be start higher. */
  attractiveness: (index: number) => number;
  averageDegree: number;
  bridgeShare: number;
}

/** Unordered pair key; a < b < n ≤ 1e6, so the product stays far below 2**53. */
export const pairKey = (a: number, b: number, n: number): number => (a < b ? a * n + b : b * n + a);

const ATTEMPTS = 8;

/**
 * Each organisation, in order, links to `m` earlier ones (m averages averageDegree / 2). A target is drawn from a
 * pool holding every organisation (attractiveness rounded to whole copies) plus both ends of every edge so far —
 * so drawing uniformly from the pool is drawing proportionally to degree + attractiveness. Most draws use the
 * newcomer's own community pool; `bridgeShare` of them use the global pool.
 *
 * Returns edges as a flat list [newer, older, newer, older, …] and the set of their pair keys.
 */
export function attach(input: AttachmentInput, random: Random): { ends: number[]; pairs: Set<number> } {
  const { n, communityOf, communityCount } = input;
  const perNode = n > 1 ? (input.averageDegree * n) / 2 / (n - 1) : 0;
  const whole = Math.floor(perNode);
  const fraction = perNode - whole;
  const global: number[] = [];
  const local: number[][] = Array.from({ length: communityCount }, () => []);
  const ends: number[] = [];
  const pairs = new Set<number>();
  for (let i = 0; i < n; i++) {
    const community = communityOf[i] as number;
    const own = local[community] as number[];
    const m = Math.min(i, whole + (random.chance(fraction) ? 1 : 0));
    for (let e = 0; e < m; e++) {
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const pool = own.length === 0 || random.chance(input.bridgeShare) ? global : own;
        if (pool.length === 0) break;
        const j = pool[random.int(0, pool.length - 1)] as number;
        const key = pairKey(i, j, n);
        if (j === i || pairs.has(key)) continue;
        pairs.add(key);
        ends.push(i, j);
        global.push(i, j);
        own.push(i);
        (local[communityOf[j] as number] as number[]).push(j);
        break;
      }
    }
    const weight = input.attractiveness(i);
    const copies = Math.max(1, Math.floor(weight) + (random.chance(weight - Math.floor(weight)) ? 1 : 0));
    for (let c = 0; c < copies; c++) {
      global.push(i);
      own.push(i);
    }
  }
  return { ends, pairs };
}
