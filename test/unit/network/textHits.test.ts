// organisations(filter: {query}): whether the index's answer to the first, smaller ask (FIRST_CANDIDATES
// hits considered) already gives the best MAX_QUERY_HITS published hits, or all CANDIDATES must be asked.
import { describe, expect, it } from 'vitest';
import {
  CANDIDATES,
  FIRST_CANDIDATES,
  MAX_QUERY_HITS,
  settled,
  type IndexAnswer,
  type RankedHits,
} from '../../../server/domain/network/organisationList.ts';

/** An answer returning `returned` of the `candidates` hits the index yielded, the last of those scoring `last`. */
function answer(candidates: number, returned: number, last: number | null): IndexAnswer {
  return {
    candidates,
    last,
    keys: Array.from({ length: returned }, (_, k) => k),
    scores: Array.from({ length: returned }, () => 1),
    others: [],
    dataVersion: 1,
  };
}

/** `count` published hits whose lowest score is `lowest`. */
function hits(count: number, lowest: number): RankedHits {
  const score = new Float64Array(count).fill(lowest + 1);
  if (count > 0) score[count - 1] = lowest;
  return { index: new Int32Array(count), score, tier: 0 };
}

describe('settled (the first full-text ask of a text-filtered list)', () => {
  it('asks a quarter more than it keeps, and fewer than all', () => {
    expect(FIRST_CANDIDATES).toBeGreaterThan(MAX_QUERY_HITS);
    expect(FIRST_CANDIDATES).toBeLessThan(CANDIDATES);
  });

  it('is settled when the index had fewer hits than the ask considered, and all were returned', () => {
    expect(settled(answer(500, 500, 0.5), hits(480, 0.5))).toBe(true);
  });

  it('asks again when too few are published and the index had hits it did not return', () => {
    expect(settled(answer(12_000, 10_200, 0.2), hits(9_000, 0.6))).toBe(false);
  });

  it('is settled when the index may have left hits out but they all score below the last one kept', () => {
    expect(settled(answer(FIRST_CANDIDATES, 10_200, 0.5), hits(MAX_QUERY_HITS, 0.7))).toBe(true);
  });

  it('asks again when a hit left out may tie with the last one kept (the cut is then decided by name)', () => {
    expect(settled(answer(FIRST_CANDIDATES, 10_200, 0.7), hits(MAX_QUERY_HITS, 0.7))).toBe(false);
  });

  it('asks again when the index may have left hits out and too few are published', () => {
    expect(settled(answer(FIRST_CANDIDATES, FIRST_CANDIDATES, 0.1), hits(9_500, 0.1))).toBe(false);
  });
});
