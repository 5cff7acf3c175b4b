// `npm run bench`: compares our code with simple baselines side by side, on a private Neo4j, and appends a
// Markdown section (the command, the data size, the table, the goals) to test/bench/RESULTS.md.
//
//   npm run bench -- [--organisations 10000] [--rounds 5] [--only BENCHMARK[,BENCHMARK…]] [--out FILE] [--stale-statistics]
//       a fresh store: generates and imports a synthetic network, then the query benchmarks and import
//   npm run bench -- --d1 [--rounds 3] [--only BENCHMARK]
//       the query benchmarks on the reusable D1 store (test/bench/d1.ts); run it under the machine's D1 lock
//   npm run bench -- --only cordis|d1
//       import throughput at real sizes
//   npm run bench -- --only render [--rounds 5]
//       drawing and laying out 5,000 nodes / 10,000 edges in headless Chromium (no database)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Driver } from 'neo4j-driver';
import type { QueryRunner } from '../../server/common/queryRunner.ts';
import {
  generateSyntheticNetwork,
  MAX_ORGANISATIONS,
  SYNTHETIC_DEFAULTS,
} from '../../server/domain/generate/synthetic.ts';
import { sourceFromDataset } from '../../server/domain/import/datasetSource.ts';
import { importSource } from '../../server/domain/import/importDataset.ts';
import { createNetworkCache, networkAccess, type NetworkCache } from '../../server/domain/network/cache.ts';
import { warmUp, warmUpWords } from '../../server/domain/network/warmUp.ts';
import { listOrganisations } from '../../server/domain/network/organisationList.ts';
import { partnerSuggestions } from '../../server/domain/network/suggestions.ts';
import { runCypher } from '../support/cypher.ts';
import { D1_HEAP, D1_OPTIONS, D1_PAGE_CACHE, openD1 } from './d1.ts';
import { refreshStatistics, startBenchDb } from './database.ts';
import { degrees, neighbourSets, readGraph, spreadSample } from './graphData.ts';
import { benchImport } from './import.ts';
import { ratio, summarise, timed, type Comparison } from './measure.ts';
import { benchNeighbourhood, NEIGHBOURHOOD_STARTS } from './neighbourhood.ts';
import { benchCordis, benchD1 } from './openData.ts';
import { benchOrganisationList, listCases } from './organisationList.ts';
import { benchOverhead } from './overhead.ts';
import { benchPaths, pathCases } from './paths.ts';
import { benchBetweennessSampling, benchOrganisationList as benchGraphqlList } from './research.ts';
import { NaiveSuggestions } from './reference.ts';
import { benchRender } from './render.ts';
import { appendSection, renderSection, type Goal } from './report.ts';
import { benchSearch, SEARCH_QUERIES_FILE, type DataKey } from './search.ts';
import { benchSuggestions } from './suggestions.ts';
import { benchAnalytics, benchMetrics, benchRelationships, relationshipCases } from './researchD1.ts';

/** Benchmarks of reads, on a fresh store or on D1. */
const QUERY_BENCHMARKS = ['neighbourhood', 'search', 'organisations', 'suggestions', 'paths'] as const;
/** Issue 7's goals at D1 (researchD1.ts), only with --d1: their goals are set at that size. */
const RESEARCH_D1 = ['analytics', 'metrics', 'relationships'] as const;
/**
 * Only on a fresh store (not with --d1): import throughput, the GraphQL overhead of a degree-ranked list
 * against neo4j-driver, and the error of sampled betweenness against exact (research.ts); the GraphQL
 * overhead of organisation by id, relationships, neighbourhood and network against their Cypher, and ours
 * against the Neo4j GraphQL Library (overhead.ts).
 */
const FRESH_ONLY = ['import', 'list', 'betweenness', 'overhead'] as const;
/** Benchmarks on their own data (real CORDIS files, the D1 import), only with --only. */
const OWN_DATA = ['cordis', 'd1'] as const;
/** In a browser, without a database, only with --only. */
const BROWSER = ['render'] as const;
type QueryBenchmark = (typeof QUERY_BENCHMARKS)[number];
type Benchmark =
  | QueryBenchmark
  | (typeof RESEARCH_D1)[number]
  | (typeof FRESH_ONLY)[number]
  | (typeof OWN_DATA)[number]
  | (typeof BROWSER)[number];

const DEFAULTS = { organisations: 10_000, rounds: 5, d1Rounds: 3, seed: 42 } as const;
const DEFAULT_OUT = fileURLToPath(new URL('./RESULTS.md', import.meta.url));

interface Options {
  organisations: number;
  rounds: number;
  only: Benchmark[];
  out: string;
  /** Measure right after the import, without refreshing index statistics (as a server would). */
  staleStatistics: boolean;
  /** The query benchmarks on the reusable D1 store instead of a fresh one. */
  d1: boolean;
}

class UsageError extends Error {
  override readonly name = 'UsageError';
}

function integerOption(name: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new UsageError(`--${name} must be an integer from 1 to ${max}; got "${text}".`);
  }
  return value;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      organisations: { type: 'string' },
      rounds: { type: 'string' },
      only: { type: 'string' },
      out: { type: 'string' },
      'stale-statistics': { type: 'boolean', default: false },
      d1: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const d1 = values.d1 === true;
  // One benchmark, or several separated by commas (e.g. list,betweenness); CORDIS and the D1 import alone.
  const only = values.only?.split(',');
  const allowed: readonly string[] = d1
    ? [...QUERY_BENCHMARKS, ...RESEARCH_D1]
    : [...QUERY_BENCHMARKS, ...FRESH_ONLY, ...OWN_DATA, ...BROWSER];
  const alone = (b: string) =>
    (OWN_DATA as readonly string[]).includes(b) || (BROWSER as readonly string[]).includes(b);
  if (
    only !== undefined &&
    (only.some((b) => !allowed.includes(b)) || (only.length > 1 && only.some(alone)))
  ) {
    throw new UsageError(
      `--only must be one of ${allowed.join(', ')}${d1 ? ' with --d1' : ''} (several comma-separated, except ${[...OWN_DATA, ...BROWSER].join(', ')}); got "${values.only}".`,
    );
  }
  if (d1 && values.organisations !== undefined) {
    throw new UsageError('--organisations does not go with --d1: D1 has 100,000 organisations.');
  }
  return {
    organisations: integerOption(
      'organisations',
      values.organisations,
      DEFAULTS.organisations,
      MAX_ORGANISATIONS,
    ),
    rounds: integerOption('rounds', values.rounds, d1 ? DEFAULTS.d1Rounds : DEFAULTS.rounds, 1_000),
    only:
      only !== undefined
        ? (only as Benchmark[])
        : d1
          ? [...QUERY_BENCHMARKS, ...RESEARCH_D1]
          : [...QUERY_BENCHMARKS, ...FRESH_ONLY],
    out: values.out === undefined ? DEFAULT_OUT : path.resolve(values.out),
    staleStatistics: values['stale-statistics'] === true,
    d1,
  };
}

/** Forces a garbage collection when possible, so heap figures measure live data; --expose-gc is set at run time. */
function collectGarbage(): boolean {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('typeof gc === "function" ? gc : undefined') as (() => void) | undefined;
  gc?.();
  return gc !== undefined;
}

function heapUsedMiB(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** The commit measured, marked when files outside test/bench differ from it; "unknown" outside a git checkout. */
function codeVersion(): string {
  const git = (args: string[]) =>
    execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    const commit = git(['rev-parse', '--short', 'HEAD']).trim();
    const dirty = git(['status', '--porcelain', '--', '.', ':(exclude)test/bench']).trim() !== '';
    return dirty ? `${commit} with uncommitted changes` : commit;
  } catch {
    return 'unknown';
  }
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.platform()} ${os.arch()}; Node ${process.version}, NODE_ENV=${process.env.NODE_ENV ?? '(unset)'}`;
}

const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const command = () =>
  `\`npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\``;

function log(line: string): void {
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

/** Stops the database on Ctrl-C too; the launcher also stops by itself if this process dies. */
function stopOnSignals(stop: () => Promise<void>): void {
  const handler = () => {
    log('interrupted: stopping Neo4j');
    void stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}

async function neo4jVersion(driver: Driver): Promise<string> {
  const [c] = await runCypher(
    driver,
    'CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition',
  );
  return c ? `${String(c.name)} ${String(c.version)} ${String(c.edition)}` : 'unknown';
}

/**
 * The floor under every query measured here: one Bolt round trip of `RETURN 1` through the driver, 200
 * times after the benchmarks, median and p95.
 * On some machines a round trip costs several ms (thread wake-ups on idle virtual CPUs), which every
 * request of the product pays once per query.
 */
async function roundTrip(driver: Driver): Promise<string> {
  const times: number[] = [];
  for (let k = 0; k < 200; k++) {
    const started = performance.now();
    await runCypher(driver, 'RETURN 1 AS one');
    times.push(performance.now() - started);
  }
  const { median, p95 } = summarise(times);
  return `one Bolt round trip (RETURN 1 through the driver's executeQuery, 200 times after the benchmarks): median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, the floor under each query above`;
}

/** The goals of issue 6, as measured in this run (they are set at D1). */
function goalsOf(comparisons: Comparison[]): Goal[] {
  const find = (name: string) => comparisons.find((c) => c.name === name);
  const goals: Goal[] = [];
  const p95 = (name: string, max: number, what: string) => {
    const c = find(name);
    if (c) goals.push({ what, measured: `p95 ${c.ours.p95.toFixed(1)} ms`, met: c.ours.p95 <= max });
  };
  p95('search', 20, 'search p95 ≤ 20 ms');
  p95('organisations(filter) with facets', 50, '`organisations` with filters and facets p95 ≤ 50 ms');
  p95('partnerSuggestions, top 10', 100, '`partnerSuggestions` top 10 p95 ≤ 100 ms');
  const paths = find('shortestPaths');
  if (paths)
    goals.push({
      what: '`shortestPaths` p99 ≤ 100 ms, pairs without a path included',
      measured: `p99 ${paths.ours.p99.toFixed(1)} ms`,
      met: paths.ours.p99 <= 100,
    });
  for (const depth of [1, 2]) {
    const c = find(`neighbourhood, depth ${depth}`);
    if (c)
      goals.push({
        what: `\`neighbourhood\` depth ${depth} within 1.3× of one hand-written Cypher query`,
        measured: `${ratio(c).toFixed(2)}×`,
        met: ratio(c) <= 1.3,
      });
  }
  goals.push(...comparisons.flatMap((c) => c.goals ?? []));
  return goals;
}

/**
 * The query benchmarks on a store: the cold start of the network snapshot first (as the first request
 * after a server starts), then each benchmark with one cache, as a server process has.
 */
async function runQueryBenchmarks(
  store: { runner: QueryRunner; driver: Driver },
  key: DataKey,
  options: Options,
): Promise<{ comparisons: Comparison[]; facts: string[] }> {
  const { runner, driver } = store;
  const facts: string[] = [];
  const heapBefore = heapUsedMiB();
  const cache = createNetworkCache();
  // What npm start does once ready (WARM_UP): the snapshot, then the text queries until hot.
  log('cold start: the warm-up npm start runs once ready (the network snapshot, then text queries)');
  const warm = await warmUp(runner, cache);
  const snapshot = await networkAccess(runner, cache).snapshot();
  const heapSnapshot = heapUsedMiB() - heapBefore;
  facts.push(
    `cold start (not in the percentiles): npm start's warm-up (WARM_UP, server/domain/network/warmUp.ts) loads the network snapshot, its orderings and its text index in ${(warm.snapshotMs / 1000).toFixed(2)} s (${snapshot.ids.length} organisations, ${snapshot.tieIds.length} ties; ${heapSnapshot.toFixed(0)} MiB of Node heap), then runs ${warm.queries} text queries (searches and list filters on the name words ${warmUpWords(snapshot).join(', ')}) in ${(warm.searchMs / 1000).toFixed(2)} s`,
  );

  log('reading the network with the benchmark’s own Cypher (samples and the naive reference)');
  const g = await readGraph(driver);
  const degree = degrees(g);
  {
    // The warm-up must not have asked a text a benchmark measures (its answer would come from warm caches).
    const frozen = JSON.parse(fs.readFileSync(SEARCH_QUERIES_FILE, 'utf8')) as {
      lists: { queries: { text: string }[] }[];
    };
    const asked = new Set(
      [
        ...frozen.lists.flatMap((l) => l.queries.map((q) => q.text)),
        ...listCases(g).flatMap((c) =>
          [c.filter, ...(c.texts ?? [])].flatMap((f) => (f.query ? [f.query] : [])),
        ),
      ].map((t) => t.trim().toLowerCase()),
    );
    const overlap = warmUpWords(snapshot).filter((word) => asked.has(word));
    facts.push(
      overlap.length === 0
        ? 'the warm-up asked no text that a benchmark here asks'
        : `the warm-up also asked texts a benchmark asks: ${overlap.join(', ')}`,
    );
  }
  const sampled = spreadSample(g, degree, 100, 10);
  const comparisons: Comparison[] = [];
  const firstCalls: string[] = [];
  const only = new Set(options.only);

  if (only.has('neighbourhood')) {
    const starts = spreadSample(g, degree, NEIGHBOURHOOD_STARTS.total, NEIGHBOURHOOD_STARTS.hubs);
    comparisons.push(...(await benchNeighbourhood(runner, driver, cache, g, starts, options.rounds, log)));
  }
  if (only.has('search'))
    comparisons.push(await benchSearch(runner, driver, cache, g, key, options.rounds, log));
  if (only.has('organisations')) {
    const cases = listCases(g);
    // The first list after the warm-up (which worked out the orderings and tie masks kept with the snapshot).
    const first = await timed(async () => {
      const page = await listOrganisations(runner, networkAccess(runner, cache), {
        filter: cases[1]!.filter,
      });
      return page.facets();
    });
    firstCalls.push(
      `the first organisations(filter) ${first.ms.toFixed(0)} ms (after the warm-up, which works out the orderings and tie masks kept with the snapshot)`,
    );
    comparisons.push(await benchOrganisationList(runner, driver, cache, cases, options.rounds, log));
  }
  if (only.has('suggestions')) {
    const first = await timed(() =>
      partnerSuggestions(networkAccess(runner, cache), { organisationId: g.ids[sampled[0]!]! }),
    );
    firstCalls.push(
      `the first partnerSuggestions ${first.ms.toFixed(0)} ms (the orderings by name it breaks ties with, shared with organisations(filter) and kept with the snapshot; already built when organisations ran first)`,
    );
    log('building the naive reference’s neighbour sets');
    const reference = new NaiveSuggestions(g, neighbourSets(g), degree);
    comparisons.push(...(await benchSuggestions(runner, cache, g, reference, sampled, options.rounds, log)));
  }
  if (only.has('paths')) {
    comparisons.push(
      await benchPaths(runner, driver, cache, g, pathCases(g, degree, sampled), options.rounds, log),
    );
  }
  // Issue 7's research goals: analytics from a cold cache of their own, then metrics reads from it warm.
  let researchCache: NetworkCache | null = null;
  if (only.has('analytics')) {
    const analytics = await benchAnalytics(runner, log);
    comparisons.push(analytics.comparison);
    researchCache = analytics.cache;
  }
  if (only.has('metrics'))
    comparisons.push(
      await benchMetrics(runner, driver, researchCache ?? cache, g, degree, options.rounds, log),
    );
  if (only.has('relationships')) {
    const cases = await relationshipCases(driver, g, degree);
    comparisons.push(await benchRelationships(runner, driver, cache, cases, options.rounds, log));
  }
  if (firstCalls.length > 0)
    facts.push(`cold start, first calls after the snapshot: ${firstCalls.join('; ')}`);
  facts.unshift(
    `published in the store: ${g.ids.length} organisations, ${g.tieIds.length} ties between them`,
  );
  return { comparisons, facts };
}

/** A fresh store: generate, import, then the benchmarks. */
async function runFresh(options: Options): Promise<void> {
  const startedAt = performance.now();
  const loadBefore = loadAverage();
  log(`starting a private Neo4j (${options.only.join(', ')}; ${options.organisations} organisations)`);
  const db = await startBenchDb(log);
  stopOnSignals(db.stop);
  try {
    const heapBefore = heapUsedMiB();
    log(`generating ${options.organisations} organisations (seed ${DEFAULTS.seed})`);
    const dataset = generateSyntheticNetwork({ organisations: options.organisations, seed: DEFAULTS.seed });
    const heapGenerated = heapUsedMiB();
    log('importing them with importSource');
    const first = await timed(() =>
      importSource(db.runner, sourceFromDataset(dataset, 'bench'), { recordedBy: 'bench' }),
    );
    const heapImported = heapUsedMiB();
    const written = first.value;
    const firstRows = Object.values(written).reduce((sum, counts) => sum + counts.created, 0);
    if (!options.staleStatistics) {
      log('refreshing index statistics');
      await refreshStatistics(db.driver);
    }
    const key = {
      organisations: options.organisations,
      seed: DEFAULTS.seed,
      averageDegree: SYNTHETIC_DEFAULTS.averageDegree,
    };
    const queries = options.only.some((b) => (QUERY_BENCHMARKS as readonly string[]).includes(b))
      ? await runQueryBenchmarks(db, key, options)
      : { comparisons: [], facts: [] };
    const comparisons = [...queries.comparisons];
    if (options.only.includes('import')) {
      comparisons.push(await benchImport(db.runner, db.driver, options.organisations, options.rounds, log));
    }
    if (options.only.includes('list')) comparisons.push(await benchGraphqlList(db, options.rounds, log));
    if (options.only.includes('betweenness')) comparisons.push(await benchBetweennessSampling(db, log));
    if (options.only.includes('overhead'))
      comparisons.push(...(await benchOverhead(db, options.rounds, log)));
    const facts = [
      `command: ${command()}`,
      `data: ${dataset.organisations.length} organisations, ${dataset.relationships.length} relationships (npm run generate -- --organisations ${options.organisations} --seed ${DEFAULTS.seed}: synthetic, average degree ${SYNTHETIC_DEFAULTS.averageDegree})`,
      ...queries.facts,
      `machine: ${machine()}`,
      `Neo4j: ${await neo4jVersion(db.driver)} (heap ${db.heap}, page cache ${db.pageCache}), a fresh store`,
      await roundTrip(db.driver),
      `${options.rounds} measured round${options.rounds === 1 ? '' : 's'} after one warm-up round; whole run ${((performance.now() - startedAt) / 1000).toFixed(0)} s`,
      `code: commit ${codeVersion()}`,
      `load average (1 / 5 / 15 min) at the start: ${loadBefore}, at the end: ${loadAverage()} (other work on the machine slows both sides, not necessarily equally)`,
      options.staleStatistics
        ? 'index statistics: left as the import left them (--stale-statistics), so plans may be made on stale samples'
        : 'index statistics: resampled after the first import, before measuring (see README)',
      `first import of the whole dataset into the empty database (${firstRows} rows created, incl. ${written.initiatives.created} initiatives, ${written.participations.created} participations, themes and places; cold): ${(first.ms / 1000).toFixed(2)} s`,
      `Node heap used${collectGarbage() ? ' (after a forced GC)' : ''}: ${heapBefore.toFixed(0)} MiB before generation, ${heapGenerated.toFixed(0)} MiB after generation, ${heapImported.toFixed(0)} MiB after the import`,
    ];
    const title = `${options.only.join(', ')}: ${options.organisations.toLocaleString('en')} organisations (${now()})`;
    finish(options, renderSection(title, facts, comparisons, goalsOf(comparisons)));
  } finally {
    log('stopping Neo4j');
    await db.stop();
  }
}

/** The query benchmarks on the reusable D1 store. */
async function runD1(options: Options): Promise<void> {
  const startedAt = performance.now();
  const loadBefore = loadAverage();
  const d1 = await openD1({ log });
  stopOnSignals(d1.stop);
  try {
    if (!options.staleStatistics) {
      log('refreshing index statistics');
      await refreshStatistics(d1.driver);
    }
    const queries = await runQueryBenchmarks(d1, { ...D1_OPTIONS }, options);
    const facts = [
      `command: ${command()}`,
      `data: D1 = npm run generate -- --organisations ${D1_OPTIONS.organisations} --seed ${D1_OPTIONS.seed} --average-degree ${D1_OPTIONS.averageDegree}, imported with the product importer (--no-merge) into the reusable store of test/bench/d1.ts${d1.built ? ` (built by this run: import ${d1.importSeconds?.toFixed(0)} s)` : ''}`,
      ...queries.facts,
      `machine: ${machine()}`,
      `Neo4j: ${await neo4jVersion(d1.driver)} (heap ${D1_HEAP}, page cache ${D1_PAGE_CACHE}), started by this run`,
      await roundTrip(d1.driver),
      `${options.rounds} measured round${options.rounds === 1 ? '' : 's'} after one warm-up round; whole run ${((performance.now() - startedAt) / 1000).toFixed(0)} s`,
      `code: commit ${codeVersion()}`,
      `load average (1 / 5 / 15 min) at the start: ${loadBefore}, at the end: ${loadAverage()} (other work on the machine slows both sides, not necessarily equally)`,
      options.staleStatistics
        ? 'index statistics: as the store has them (--stale-statistics)'
        : 'index statistics: resampled before measuring (see README)',
    ];
    const title = `${options.only.join(', ')}: D1 (${now()})`;
    finish(options, renderSection(title, facts, queries.comparisons, goalsOf(queries.comparisons)));
  } finally {
    log('stopping Neo4j');
    await d1.stop();
  }
}

/** Appends the section, formatted like every other file (prettier, in a child process), and prints it. */
function finish(options: Options, section: string): void {
  appendSection(options.out, section);
  execFileSync('npx', ['prettier', '--write', '--log-level', 'warn', options.out], { stdio: 'inherit' });
  process.stdout.write(`\n${section}\n`);
  const shown = path.relative(process.cwd(), options.out);
  log(`appended to ${shown.startsWith('..') ? options.out : shown}`);
}

/** CORDIS or the D1 import: measured on stores of their own, appended to the results with the command that ran it. */
async function runOwnData(options: Options, which: (typeof OWN_DATA)[number]): Promise<void> {
  const started = performance.now();
  const load = loadAverage();
  const result = which === 'cordis' ? await benchCordis(log) : await benchD1(log);
  const section = [
    `## ${result.title} (${now()})`,
    '',
    `- command: ${command()}`,
    `- machine: ${machine()}; code ${codeVersion()}`,
    `- load average at the start: ${load}, at the end: ${loadAverage()}; whole run ${((performance.now() - started) / 1000).toFixed(0)} s`,
    ...result.lines,
    '',
  ].join('\n');
  finish(options, section);
}

/** The rendering benchmark: Chromium only, no database; --rounds is the number of layout runs (default 5). */
async function runRender(options: Options): Promise<void> {
  const started = performance.now();
  const load = loadAverage();
  const result = await benchRender(options.rounds, log);
  const facts = [
    `command: ${command()}`,
    ...result.facts,
    `machine: ${machine()}`,
    `code: commit ${codeVersion()}`,
    `load average (1 / 5 / 15 min) at the start: ${load}, at the end: ${loadAverage()}; whole run ${((performance.now() - started) / 1000).toFixed(0)} s (other work on the machine slows both sides, not necessarily equally)`,
  ];
  const title = `render: 5,000 nodes, 10,000 edges in headless Chromium (${now()})`;
  finish(options, renderSection(title, facts, result.comparisons, result.goals));
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.only.includes('render')) {
    await runRender(options);
    return;
  }
  const own = options.only.find((b): b is (typeof OWN_DATA)[number] =>
    (OWN_DATA as readonly string[]).includes(b),
  );
  if (own !== undefined) await runOwnData(options, own);
  else if (options.d1) await runD1(options);
  else await runFresh(options);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`\nThe benchmark stopped: ${message}`);
  if (!(error instanceof UsageError) && error instanceof Error && error.stack) console.error(error.stack);
  process.exit(1);
});
