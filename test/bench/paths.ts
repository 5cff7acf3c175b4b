// shortestPaths (bidirectional breadth-first search over the network snapshot) against Cypher's own
// ALL SHORTEST path search with the same restrictions, on pairs chosen so that many have no path: pairs of
// spread-out organisations, pairs with an organisation that has no tie, pairs whose filter cuts the
// network (only civic innovators, only investment ties), and far pairs with maxHops 2.
import type { Driver } from 'neo4j-driver';
import type { QueryRunner } from '../../server/common/queryRunner.ts';
import { seededRandom } from '../../server/common/seededRandom.ts';
import { RELATIONSHIP_KINDS, type RelationshipKind, type Sector } from '../../server/domain/model.ts';
import { networkAccess, type NetworkCache } from '../../server/domain/network/cache.ts';
import { shortestPaths, type PathFilterInput } from '../../server/domain/network/paths.ts';
import type { GraphData } from './graphData.ts';
import { percentile, sideBySide, Samples, type Comparison } from './measure.ts';

const FIRST = 3;
/**
 * A baseline query that runs longer is stopped and counted at this time; a pair whose baseline timed out
 * in the warm-up round is not run again (each later round counts it at this time), so the run stays bounded.
 */
const BASELINE_TIMEOUT_MS = 5_000;

export interface PathCase {
  group: string;
  from: number;
  to: number;
  maxHops: number;
  filter: PathFilterInput | null;
}

const CUT: PathFilterInput = {
  sectors: ['CIVIC_INNOVATOR'] as Sector[],
  relationships: { kinds: ['INVESTMENT'] as RelationshipKind[] },
};

/** 100 pairs: 40 spread pairs, 20 with an organisation without ties, 30 with a cutting filter, 10 far pairs at maxHops 2. */
export function pathCases(g: GraphData, degree: Int32Array, sampled: number[]): PathCase[] {
  // Seeded, so the same data always gives the same pairs.
  const next = seededRandom(42);
  const pick = (list: readonly number[]) => list[Math.floor(next() * list.length)]!;
  /** A second end different from the first (a path from an organisation to itself is not a case). */
  const other = (list: readonly number[], from: number) => {
    for (;;) {
      const to = pick(list);
      if (to !== from || list.length < 2) return to;
    }
  };
  const pair = (a: readonly number[], b: readonly number[]): [number, number] => {
    const from = pick(a);
    return [from, other(b, from)];
  };
  const cases: PathCase[] = [];
  for (let k = 0; k < 40; k++) {
    const [from, to] = pair(sampled, sampled);
    cases.push({ group: 'spread pairs', from, to, maxHops: 6, filter: null });
  }
  const isolated = g.ids.map((_, i) => i).filter((i) => degree[i] === 0);
  if (isolated.length > 0) {
    for (let k = 0; k < 20; k++) {
      const [from, to] = k % 2 === 0 ? pair(isolated, sampled) : pair(sampled, isolated);
      cases.push({ group: 'an organisation without ties', from, to, maxHops: 6, filter: null });
    }
  }
  const civic = g.ids.map((_, i) => i).filter((i) => g.sectors[i] === 'CIVIC_INNOVATOR');
  for (let k = 0; k < 30; k++) {
    // Ends from anywhere, the inside of the path restricted.
    const [from, to] = k % 3 === 0 ? pair(civic, civic) : pair(sampled, sampled);
    cases.push({ group: 'only civic innovators, only investment ties', from, to, maxHops: 6, filter: CUT });
  }
  for (let k = 0; k < 10; k++) {
    const [from, to] = pair(sampled, sampled);
    cases.push({ group: 'maxHops 2', from, to, maxHops: 2, filter: null });
  }
  return cases;
}

/** Cypher's ALL SHORTEST over published organisations, with the case's sector and tie-kind restrictions. */
function baselineCypher(maxHops: number): string {
  return `
MATCH (a:Organisation {id: $from}), (b:Organisation {id: $to})
WHERE a.status = 'PUBLISHED' AND b.status = 'PUBLISHED'
MATCH p = ALL SHORTEST (a) (()-[r:${RELATIONSHIP_KINDS.join('|')}]-(x:Organisation)
  WHERE x.status = 'PUBLISHED' AND ($kinds IS NULL OR type(r) IN $kinds)
    AND ($sectors IS NULL OR x = b OR x.sector IN $sectors)){1,${maxHops}} (b)
RETURN size(relationships(p)) AS length
LIMIT ${FIRST}`;
}

async function baselinePaths(driver: Driver, g: GraphData, c: PathCase): Promise<number | null | 'timeout'> {
  const session = driver.session({ database: 'neo4j', defaultAccessMode: 'READ' });
  try {
    const result = await session.executeRead(
      (tx) =>
        tx.run(baselineCypher(c.maxHops), {
          from: g.ids[c.from],
          to: g.ids[c.to],
          kinds: c.filter?.relationships?.kinds ?? null,
          sectors: c.filter?.sectors ?? null,
        }),
      { timeout: BASELINE_TIMEOUT_MS },
    );
    const first = result.records[0]?.get('length') as { toNumber(): number } | number | undefined;
    return first === undefined ? null : typeof first === 'number' ? first : first.toNumber();
  } catch (error) {
    if (/timeout|terminated/i.test(String(error))) return 'timeout';
    throw error;
  } finally {
    await session.close();
  }
}

export async function benchPaths(
  runner: QueryRunner,
  driver: Driver,
  cache: NetworkCache,
  g: GraphData,
  cases: PathCase[],
  rounds: number,
  log: (line: string) => void,
): Promise<Comparison> {
  const samples = new Samples();
  const groups = new Map<string, { pairs: number; noPath: number; ours: number[] }>();
  const check = { compared: 0, differing: [] as string[], timeouts: 0 };
  const timedOut = new Set<number>();
  for (let round = 0; round <= rounds; round++) {
    log(`shortestPaths: ${round === 0 ? 'warm-up and check' : `round ${round}/${rounds}`}`);
    for (const [k, c] of cases.entries()) {
      const pair = await sideBySide(
        (round + k) % 2 === 0,
        () =>
          shortestPaths(networkAccess(runner, cache), {
            from: g.ids[c.from]!,
            to: g.ids[c.to]!,
            maxHops: c.maxHops,
            filter: c.filter,
            first: FIRST,
          }),
        async () => (timedOut.has(k) ? ('timeout' as const) : baselinePaths(driver, g, c)),
      );
      if (timedOut.has(k)) pair.baseline.ms = BASELINE_TIMEOUT_MS;
      const group = groups.get(c.group) ?? { pairs: 0, noPath: 0, ours: [] };
      groups.set(c.group, group);
      if (round > 0) {
        samples.add(pair);
        group.ours.push(pair.ours.ms);
        continue;
      }
      group.pairs++;
      const ours = pair.ours.value[0]?.length ?? null;
      if (ours === null) group.noPath++;
      const base = pair.baseline.value;
      if (base === 'timeout') {
        check.timeouts++;
        timedOut.add(k);
        continue;
      }
      check.compared++;
      if (ours !== base)
        check.differing.push(
          `${g.ids[c.from]} → ${g.ids[c.to]} (${c.group}): ours ${ours ?? 'none'}, Cypher ${base ?? 'none'}`,
        );
    }
  }
  const all = samples.compare('shortestPaths', []);
  const notes = [
    `${cases.length} pairs × ${rounds} round(s), first ${FIRST}; ours: shortestPaths over the snapshot (one data-version query); baseline: Cypher ALL SHORTEST with the same restrictions (stopped after ${BASELINE_TIMEOUT_MS / 1000} s)`,
    `ours p99: ${percentile(samples.ours, 99).toFixed(1)} ms over all ${samples.ours.length} samples (goal ≤ 100 ms); baseline p99: ${percentile(samples.baseline, 99).toFixed(1)} ms`,
    ...[...groups.entries()].map(
      ([name, x]) =>
        `${name}: ${x.pairs} pairs, ${x.noPath} without a path; ours median ${percentile(x.ours, 50).toFixed(2)} ms, p99 ${percentile(x.ours, 99).toFixed(1)} ms`,
    ),
    check.differing.length === 0
      ? `the same shortest length (or none) on all ${check.compared} pairs the baseline answered in time${check.timeouts > 0 ? `; the baseline timed out on ${check.timeouts} pairs (counted at ${BASELINE_TIMEOUT_MS / 1000} s in every round)` : ''}`
      : `WARNING: lengths differ on ${check.differing.length} of ${check.compared} pairs: ${check.differing.slice(0, 3).join(' | ')}`,
  ];
  return { ...all, notes };
}
