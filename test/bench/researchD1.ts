// The research goals at D1 (issue 7), on the reusable store:
// 1. `analytics`: the whole-network analytics from a cold cache, end to end as the product computes them
//    for a request: the data-version check, the snapshot load, the metrics job on the analytics worker
//    (PageRank, sampled betweenness, Louvain, components; each phase timed in the notes), then the
//    whole network's `network` summary (components, communities, sector mix). No baseline (there is no
//    Graph Data Science on this Neo4j to compare with): the table shows ours only.
// 2. `metrics`: `metrics` of ~100 organisations spread over the degree ranking once the cache is warm,
//    against one Cypher query counting the same organisation's degree (the one metric Cypher computes
//    alone), the degrees checked equal.
// 3. `relationships`: `relationships(filter, asOf, first, after)` pages with the relationships read by
//    id (with the data version, in one query) as the resolver does, against one hand-written Cypher
//    query that filters, counts, sums the amounts per currency and reads the same page; the same page,
//    total and sums checked.
import type { Driver } from 'neo4j-driver';
import type { QueryRunner } from '../../server/common/queryRunner.ts';
import { RELATIONSHIP_KINDS, type RelationshipKind } from '../../server/domain/model.ts';
import { encodeCursor } from '../../server/domain/pagination.ts';
import {
  BETWEENNESS_SAMPLES,
  EXACT_BETWEENNESS_LIMIT,
  PAGERANK,
} from '../../server/domain/network/analytics.ts';
import { createNetworkCache, networkAccess, type NetworkCache } from '../../server/domain/network/cache.ts';
import { networkMetrics, networkSummary, organisationMetrics } from '../../server/domain/network/metrics.ts';
import { listRelationships, type AmountTotal } from '../../server/domain/network/relationshipList.ts';
import { dayNumber, NO_START } from '../../server/domain/network/snapshot.ts';
import type { RelationshipFilterInput } from '../../server/domain/network/tieFilter.ts';
import { runCypher } from '../support/cypher.ts';
import type { GraphData } from './graphData.ts';
import { spreadSample } from './graphData.ts';
import { percentile, sideBySide, Samples, timed, type Comparison } from './measure.ts';

type Log = (line: string) => void;

const KINDS = RELATIONSHIP_KINDS.join('|');

/** The goals of issue 7 at D1. */
export const RESEARCH_D1_GOALS = { analyticsSeconds: 60, metricsP95Ms: 20, relationshipsP95Ms: 50 } as const;

// ---------------------------------------------------------------------------------------------------
// 1. Whole-network analytics from a cold cache

/**
 * A cold cache: a new NetworkCache (as after a server start or a write), then what a `metrics` request
 * triggers (snapshot + metrics job), then what a `network` request without filter triggers. Returns the
 * warm cache, for the `metrics` reads.
 */
export async function benchAnalytics(
  runner: QueryRunner,
  log: Log,
): Promise<{ comparison: Comparison; cache: NetworkCache }> {
  let rebuild: { ms: number; organisations: number; ties: number } | null = null;
  const cache = createNetworkCache({ onRebuild: (info) => (rebuild = info) });
  log('analytics: a cold cache, then the whole-network metrics (snapshot + analytics worker job)');
  const started = performance.now();
  const metrics = await timed(() => networkMetrics(networkAccess(runner, cache)));
  log('analytics: the whole-network summary (network without filter)');
  const summary = await timed(() => networkSummary(runner, networkAccess(runner, cache), null, null));
  const total = performance.now() - started;
  const m = metrics.value.metrics;
  const r = rebuild as { ms: number; organisations: number; ties: number } | null;
  const snapshotMs = r?.ms ?? Number.NaN;
  const phases = Object.entries(m.phases)
    .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(2)} s`)
    .join(', ');
  const samples = new Samples();
  samples.ours.push(total);
  const comparison = samples.compare(
    'whole-network analytics from a cold cache (metrics + network)',
    [
      `one computation (not repeated): a new cache, networkMetrics (what a \`metrics\` request triggers) then networkSummary(no filter, no asOf) (what a \`network\` request triggers); no baseline (no Graph Data Science on this Neo4j)`,
      `end to end ${(total / 1000).toFixed(2)} s: the snapshot load ${(snapshotMs / 1000).toFixed(2)} s (${r?.organisations ?? '?'} organisations, ${r?.ties ?? '?'} ties), the metrics job ${(m.computedMs / 1000).toFixed(2)} s on the worker (thread ${m.thread}), networkMetrics in all ${(metrics.ms / 1000).toFixed(2)} s (data-version check, snapshot, sending the graph to the worker, the job, the answer back); then network ${(summary.ms / 1000).toFixed(2)} s`,
      `phases of the metrics job: ${phases}`,
      `betweenness: ${m.betweennessExact ? 'exact' : `${m.betweennessSources} seeded sources (BETWEENNESS_SAMPLES ${BETWEENNESS_SAMPLES}, sampled above ${EXACT_BETWEENNESS_LIMIT} organisations)`}; PageRank damping ${PAGERANK.damping}, at most ${PAGERANK.maxIterations} iterations, tolerance ${PAGERANK.tolerance} (${m.pageRankIterations} iterations ran)`,
      `found: ${m.componentSizes.length} components (largest ${m.componentSizes[0] ?? 0}), ${m.communitySizes.length} communities (largest ${m.communitySizes[0] ?? 0}); network: ${summary.value.organisationCount} organisations, ${summary.value.relationshipCount} relationships, ${summary.value.communityCount} communities, ${summary.value.componentCount} components`,
    ],
    's',
  );
  for (const note of comparison.notes) log(`analytics: ${note}`);
  comparison.goals = [
    {
      what: `whole-network analytics (metrics and network, snapshot load included) from a cold cache ≤ ${RESEARCH_D1_GOALS.analyticsSeconds} s`,
      measured: `${(total / 1000).toFixed(1)} s`,
      met: total <= RESEARCH_D1_GOALS.analyticsSeconds * 1000,
    },
  ];
  return { comparison, cache };
}

// ---------------------------------------------------------------------------------------------------
// 2. metrics reads from the warm cache

const DEGREE = `
MATCH (o:Organisation {id: $id}) WHERE o.status = 'PUBLISHED'
RETURN COUNT { (o)-[:${KINDS}]-(m:Organisation) WHERE m.status = 'PUBLISHED' } AS degree`;

export async function benchMetrics(
  runner: QueryRunner,
  driver: Driver,
  cache: NetworkCache,
  g: GraphData,
  degree: Int32Array,
  rounds: number,
  log: Log,
): Promise<Comparison> {
  // Warm: the figures are computed once per data version (not timed here; see `analytics`).
  await networkMetrics(networkAccess(runner, cache));
  const orgs = spreadSample(g, degree, 100, 10);
  const samples = new Samples();
  const differing: string[] = [];
  let missing = 0;
  for (let round = 0; round <= rounds; round++) {
    log(`metrics: ${round === 0 ? 'warm-up and check' : `round ${round}/${rounds}`}`);
    for (const [k, a] of orgs.entries()) {
      const id = g.ids[a]!;
      const pair = await sideBySide(
        (round + k) % 2 === 0,
        () => organisationMetrics(networkAccess(runner, cache), id),
        async () => Number((await runCypher(driver, DEGREE, { id }))[0]?.degree ?? Number.NaN),
      );
      if (round > 0) {
        samples.add(pair);
        continue;
      }
      const ours = pair.ours.value;
      if (ours === null) missing++;
      else if (ours.degree !== pair.baseline.value)
        differing.push(`${id}: ours ${ours.degree}, Cypher ${pair.baseline.value}`);
    }
  }
  const comparison = samples.compare('metrics of one organisation (warm cache)', [
    `${orgs.length} organisations (10 best connected, the rest spread over the degree ranking) × ${rounds} round(s); ours: organisationMetrics (one data-version query, then the cached whole-network figures); baseline: one Cypher query counting the organisation's degree`,
    missing === 0 && differing.length === 0
      ? `the same degree as Cypher for all ${orgs.length} organisations`
      : `WARNING: ${missing} organisations missing, ${differing.length} degrees differ: ${differing.slice(0, 3).join(' | ')}`,
  ]);
  comparison.goals = [
    {
      what: `\`metrics\` of an organisation from the cache p95 ≤ ${RESEARCH_D1_GOALS.metricsP95Ms} ms`,
      measured: `p95 ${comparison.ours.p95.toFixed(1)} ms`,
      met: comparison.ours.p95 <= RESEARCH_D1_GOALS.metricsP95Ms,
    },
  ];
  return comparison;
}

// ---------------------------------------------------------------------------------------------------
// 3. relationships pages with filters

const FIRST = 20;

export interface RelationshipCase {
  label: string;
  filter: RelationshipFilterInput | null;
  asOf: string | null;
  /** A later page: after the relationship at this position of the filtered list (0-based). */
  afterPosition: number | null;
}

/**
 * Filter values from the data: a common currency, the median start day, 10 organisations spread over
 * the degree ranking; a later page after a position inside the list.
 */
export async function relationshipCases(
  driver: Driver,
  g: GraphData,
  degree: Int32Array,
): Promise<RelationshipCase[]> {
  const [facts] = await runCypher(
    driver,
    `MATCH ()-[r:${KINDS}]->() WHERE r.since IS NOT NULL
     WITH duration.inDays(date('1970-01-01'), r.since).days AS day
     WITH percentileDisc(day, 0.5) AS median, percentileDisc(day, 0.2) AS early
     CALL () { MATCH ()-[r:FUNDING]->() WHERE r.currency IS NOT NULL
       RETURN r.currency AS currency, count(*) AS c ORDER BY c DESC LIMIT 1 }
     RETURN median, early, currency`,
  );
  const day = (n: unknown) => new Date(Number(n) * 86_400_000).toISOString().slice(0, 10);
  const median = day(facts!.median);
  const early = day(facts!.early);
  const currency = String(facts!.currency);
  const organisations = spreadSample(g, degree, 10, 2).map((i) => g.ids[i]!);
  const funding: RelationshipKind[] = ['FUNDING'];
  return [
    { label: 'no filter, first page', filter: null, asOf: null, afterPosition: null },
    { label: 'no filter, a later page', filter: null, asOf: null, afterPosition: 400_000 },
    { label: 'kind (funding)', filter: { kinds: funding }, asOf: null, afterPosition: null },
    {
      label: 'kinds and trust (partnership, data sharing; confirmed or disputed)',
      filter: { kinds: ['PARTNERSHIP', 'DATA_SHARING'], trustStates: ['CONFIRMED', 'DISPUTED'] },
      asOf: null,
      afterPosition: null,
    },
    { label: `asOf ${median}`, filter: null, asOf: median, afterPosition: null },
    { label: `asOf ${median}, a later page`, filter: null, asOf: median, afterPosition: 5_000 },
    {
      label: `started between ${early} and ${median}`,
      filter: { startedAfter: early, startedBefore: median },
      asOf: null,
      afterPosition: null,
    },
    {
      label: `funding over 100,000 ${currency}`,
      filter: { kinds: funding, minAmount: 100_000, currency },
      asOf: null,
      afterPosition: null,
    },
    {
      label: `funding over 100,000 ${currency}, a later page`,
      filter: { kinds: funding, minAmount: 100_000, currency },
      asOf: null,
      afterPosition: 2_000,
    },
    {
      label: 'sector (government) and amount range',
      filter: { sectors: ['GOVERNMENT'], minAmount: 10_000, maxAmount: 500_000 },
      asOf: null,
      afterPosition: null,
    },
    {
      label: '10 organisations',
      filter: { organisations },
      asOf: null,
      afterPosition: null,
    },
    {
      label: '10 organisations, funding, a later page',
      filter: { organisations, kinds: funding },
      asOf: null,
      afterPosition: 20,
    },
  ];
}

/**
 * The baseline: the ties between published organisations that pass the filter (from the named
 * organisations when there are some, else every tie), ordered as the product orders them (start date,
 * newest first, undated last, then id), the total, the amount sums per kind and currency, and the page
 * after the cursor with every property of each relationship.
 */
const BASELINE = `
CALL () {
  WITH $organisations AS ids WHERE ids IS NOT NULL
  MATCH (o:Organisation) WHERE o.id IN ids
  MATCH (o)-[r:${KINDS}]-(:Organisation)
  RETURN DISTINCT r
  UNION
  WITH $organisations AS ids WHERE ids IS NULL
  MATCH (:Organisation)-[r:${KINDS}]->(:Organisation)
  RETURN r
}
WITH r, startNode(r) AS a, endNode(r) AS b
WHERE a.status = 'PUBLISHED' AND b.status = 'PUBLISHED'
  AND ($kinds IS NULL OR type(r) IN $kinds)
  AND ($trust IS NULL OR coalesce(r.trust, 'IMPORTED') IN $trust)
  AND ($minAmount IS NULL OR r.amount >= $minAmount)
  AND ($maxAmount IS NULL OR r.amount <= $maxAmount)
  AND ($currency IS NULL OR r.currency = $currency)
  AND ($sectors IS NULL OR a.sector IN $sectors OR b.sector IN $sectors)
  AND ($asOf IS NULL OR ((r.since IS NULL OR r.since <= date($asOf)) AND (r.until IS NULL OR r.until >= date($asOf))))
  AND ($startedAfter IS NULL OR r.since > date($startedAfter))
  AND ($startedBefore IS NULL OR r.since < date($startedBefore))
WITH collect(r) AS ties
CALL (ties) {
  UNWIND ties AS r
  WITH r WHERE r.amount IS NOT NULL AND r.currency IS NOT NULL
  WITH type(r) AS kind, r.currency AS currency, sum(r.amount) AS total, count(*) AS count
  RETURN collect({kind: kind, currency: currency, total: total, count: count}) AS amountTotals
}
CALL (ties) {
  UNWIND ties AS r
  WITH r WHERE $afterId IS NULL
    OR ($afterSince IS NULL AND r.since IS NULL AND r.id > $afterId)
    OR ($afterSince IS NOT NULL AND (r.since IS NULL OR r.since < date($afterSince)
        OR (r.since = date($afterSince) AND r.id > $afterId)))
  WITH r ORDER BY r.since IS NULL, r.since DESC, r.id
  LIMIT toInteger($first) + 1
  RETURN collect(r {.*, kind: type(r), sourceId: startNode(r).id, targetId: endNode(r).id}) AS page
}
RETURN size(ties) AS totalCount, amountTotals, page`;

/** The tie at a position of the filtered list, by the same order, for a cursor. */
const AT_POSITION = `
CALL () {
  WITH $organisations AS ids WHERE ids IS NOT NULL
  MATCH (o:Organisation) WHERE o.id IN ids
  MATCH (o)-[r:${KINDS}]-(:Organisation)
  RETURN DISTINCT r
  UNION
  WITH $organisations AS ids WHERE ids IS NULL
  MATCH (:Organisation)-[r:${KINDS}]->(:Organisation)
  RETURN r
}
WITH r, startNode(r) AS a, endNode(r) AS b
WHERE a.status = 'PUBLISHED' AND b.status = 'PUBLISHED'
  AND ($kinds IS NULL OR type(r) IN $kinds)
  AND ($trust IS NULL OR coalesce(r.trust, 'IMPORTED') IN $trust)
  AND ($minAmount IS NULL OR r.amount >= $minAmount)
  AND ($maxAmount IS NULL OR r.amount <= $maxAmount)
  AND ($currency IS NULL OR r.currency = $currency)
  AND ($sectors IS NULL OR a.sector IN $sectors OR b.sector IN $sectors)
  AND ($asOf IS NULL OR ((r.since IS NULL OR r.since <= date($asOf)) AND (r.until IS NULL OR r.until >= date($asOf))))
  AND ($startedAfter IS NULL OR r.since > date($startedAfter))
  AND ($startedBefore IS NULL OR r.since < date($startedBefore))
WITH r ORDER BY r.since IS NULL, r.since DESC, r.id
SKIP toInteger($position) LIMIT 1
RETURN r.id AS id, toString(r.since) AS since`;

interface BaselinePage {
  totalCount: number;
  amountTotals: { kind: string; currency: string; total: number; count: number }[];
  page: { id: string }[];
}

function params(c: RelationshipCase) {
  const f = c.filter ?? {};
  const list = <T>(x: readonly T[] | null | undefined) => (x && x.length > 0 ? [...x] : null);
  return {
    organisations: list(f.organisations),
    kinds: list(f.kinds),
    trust: list(f.trustStates),
    minAmount: f.minAmount ?? null,
    maxAmount: f.maxAmount ?? null,
    currency: f.currency ?? null,
    sectors: list(f.sectors),
    asOf: c.asOf ?? f.activeOn ?? null,
    startedAfter: f.startedAfter ?? null,
    startedBefore: f.startedBefore ?? null,
  };
}

/** The cursor of the tie at `position` (as our endCursor would be), and the baseline's after values. */
async function cursorAt(
  driver: Driver,
  c: RelationshipCase,
): Promise<{ cursor: string; afterId: string; afterSince: string | null } | null> {
  if (c.afterPosition === null) return null;
  const [row] = await runCypher(driver, AT_POSITION, { ...params(c), position: c.afterPosition });
  if (!row) throw new Error(`relationships: "${c.label}" has fewer than ${c.afterPosition + 1} ties`);
  const since = row.since === null ? null : String(row.since);
  const id = String(row.id);
  return {
    cursor: encodeCursor('relationships', [since === null ? NO_START : dayNumber(since)], id),
    afterId: id,
    afterSince: since,
  };
}

const sums = (totals: readonly { kind: string; currency: string; total: number; count: number }[]) =>
  totals
    .map((t) => `${t.kind} ${t.currency} ${(Math.round(t.total * 100) / 100).toFixed(2)} ×${t.count}`)
    .sort()
    .join(', ');

export async function benchRelationships(
  runner: QueryRunner,
  driver: Driver,
  cache: NetworkCache,
  cases: RelationshipCase[],
  rounds: number,
  log: Log,
): Promise<Comparison> {
  const cursors = await Promise.all(cases.map((c) => cursorAt(driver, c)));
  const samples = new Samples();
  const perCase = cases.map(() => [] as number[]);
  const checks: string[] = [];
  const totals: string[] = [];
  let firstCall = Number.NaN;
  for (let round = 0; round <= rounds; round++) {
    log(`relationships: ${round === 0 ? 'warm-up and check' : `round ${round}/${rounds}`}`);
    for (const [k, c] of cases.entries()) {
      const at = cursors[k]!;
      const pair = await sideBySide(
        (round + k) % 2 === 0,
        async () => {
          // As the resolver does when nodes are asked for: the page from the snapshot and its
          // relationships read by id (with the data version, in one query once the snapshot is loaded).
          const page = await listRelationships(
            networkAccess(runner, cache),
            { filter: c.filter, asOf: c.asOf, first: FIRST, after: at?.cursor ?? null },
            runner,
          );
          return { page, relationships: page.relationships ?? [] };
        },
        async () => {
          const [row] = await runCypher(driver, BASELINE, {
            ...params(c),
            first: FIRST,
            afterId: at?.afterId ?? null,
            afterSince: at?.afterSince ?? null,
          });
          return row as unknown as BaselinePage;
        },
      );
      if (round > 0) {
        samples.add(pair);
        perCase[k]!.push(pair.ours.ms);
        continue;
      }
      const ours = pair.ours.value;
      const base = pair.baseline.value;
      if (k === 0) firstCall = pair.ours.ms;
      totals.push(`${c.label} ${ours.page.totalCount}`);
      const ourIds = ours.relationships.flatMap((r) => (r ? [r.id] : [])).join();
      const baseIds = base.page
        .slice(0, FIRST)
        .map((r) => r.id)
        .join();
      const problems = [
        ours.page.totalCount !== base.totalCount ? `total ${ours.page.totalCount} vs ${base.totalCount}` : '',
        ourIds !== baseIds ? 'pages differ' : '',
        ours.page.pageInfo.hasNextPage !== base.page.length > FIRST ? 'hasNextPage differs' : '',
        sums(ours.page.amountTotals as AmountTotal[]) !== sums(base.amountTotals)
          ? `sums ${sums(ours.page.amountTotals)} vs ${sums(base.amountTotals)}`
          : '',
      ].filter((p) => p !== '');
      if (problems.length > 0) checks.push(`${c.label}: ${problems.join(', ')}`);
    }
  }
  const slowest = cases
    .map((c, k) => ({ label: c.label, p95: percentile(perCase[k]!, 95) }))
    .sort((a, b) => b.p95 - a.p95)
    .slice(0, 3);
  const comparison = samples.compare('relationships(filter) page', [
    `${cases.length} cases × ${rounds} round(s), first ${FIRST}; ours: listRelationships as the resolver calls it when nodes are asked for: the filter over the snapshot (the total and amount sums, the page after the cursor), then the page's relationships read by id with the data version in one query (relationshipsByIds; the page is worked out again over a new snapshot if the version moved); baseline: one Cypher query filtering, counting, summing amounts per kind and currency and reading the page after the cursor`,
    `the first call (warm-up, not in the percentiles) ${firstCall.toFixed(0)} ms: it orders the ties and keeps a copy of their arrays in that order with the snapshot, with the positions grouped by kind, trust state, end and amount and the sectors of both ends`,
    `matches: ${totals.join('; ')}`,
    `slowest cases for ours (p95): ${slowest.map((s) => `${s.label} ${s.p95.toFixed(1)} ms`).join('; ')}`,
    checks.length === 0
      ? `the same total, amount sums, page and hasNextPage as the baseline in all ${cases.length} cases`
      : `WARNING: differences: ${checks.join(' | ')}`,
  ]);
  comparison.goals = [
    {
      what: `\`relationships\` page with filters p95 ≤ ${RESEARCH_D1_GOALS.relationshipsP95Ms} ms`,
      measured: `p95 ${comparison.ours.p95.toFixed(1)} ms`,
      met: comparison.ours.p95 <= RESEARCH_D1_GOALS.relationshipsP95Ms,
    },
  ];
  return comparison;
}
