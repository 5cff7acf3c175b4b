// `npm run bench`: starts a private Neo4j, loads a synthetic network and compares our code with simple
// baselines side by side; prints a Markdown report and writes it to test/bench/RESULTS.md.
//
//   npm run bench -- [--organisations 10000] [--rounds 5] [--only neighbourhood|search|import|list|betweenness] [--out FILE]
//                    [--stale-statistics]
//   npm run bench -- --only cordis|d1    (import throughput at real sizes, appended to RESULTS.md)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import { generateSyntheticNetwork, MAX_ORGANISATIONS } from '../../server/domain/generate/synthetic.ts';
import { sourceFromDataset } from '../../server/domain/import/datasetSource.ts';
import { importSource } from '../../server/domain/import/importDataset.ts';
import { refreshStatistics, startBenchDb, type BenchDb } from './database.ts';
import { benchImport } from './import.ts';
import { benchCordis, benchD1 } from './openData.ts';
import { timed, type Comparison } from './measure.ts';
import { benchNeighbourhood } from './neighbourhood.ts';
import { renderReport } from './report.ts';
import { benchBetweennessSampling, benchOrganisationList } from './research.ts';
import { benchSearch } from './search.ts';

const BENCHMARKS = ['neighbourhood', 'search', 'import', 'list', 'betweenness'] as const;
/** Benchmarks on their own data (real CORDIS files, D1), only with --only; their sections are appended. */
const OWN_DATA = ['cordis', 'd1'] as const;
type Benchmark = (typeof BENCHMARKS)[number] | (typeof OWN_DATA)[number];

const DEFAULTS = { organisations: 10_000, rounds: 5, seed: 42 } as const;
const DEFAULT_OUT = fileURLToPath(new URL('./RESULTS.md', import.meta.url));

interface Options {
  organisations: number;
  rounds: number;
  only: Benchmark[];
  out: string;
  /** Measure right after the import, without refreshing index statistics (as a server would). */
  staleStatistics: boolean;
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
    },
    strict: true,
  });
  // One benchmark, or several of the shared-data ones separated by commas (e.g. list,betweenness).
  const only = values.only?.split(',');
  const all: readonly string[] = [...BENCHMARKS, ...OWN_DATA];
  if (
    only !== undefined &&
    (only.some((b) => !all.includes(b)) ||
      (only.length > 1 && only.some((b) => (OWN_DATA as readonly string[]).includes(b))))
  ) {
    throw new UsageError(
      `--only must be one of ${all.join(', ')} (or several of ${BENCHMARKS.join(', ')}, comma-separated); got "${values.only}".`,
    );
  }
  return {
    organisations: integerOption(
      'organisations',
      values.organisations,
      DEFAULTS.organisations,
      MAX_ORGANISATIONS,
    ),
    rounds: integerOption('rounds', values.rounds, DEFAULTS.rounds, 1_000),
    only: only === undefined ? [...BENCHMARKS] : (only as Benchmark[]),
    out: values.out === undefined ? DEFAULT_OUT : path.resolve(values.out),
    staleStatistics: values['stale-statistics'] === true,
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

function log(line: string): void {
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

/** Stops the database on Ctrl-C too; the launcher also stops by itself if this process dies. */
function stopOnSignals(db: BenchDb): void {
  const handler = () => {
    log('interrupted: stopping Neo4j');
    void db.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}

async function run(options: Options, db: BenchDb): Promise<string> {
  const startedAt = performance.now();
  const loadBefore = loadAverage();
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

  const comparisons: Comparison[] = [];
  if (options.only.includes('neighbourhood')) {
    comparisons.push(...(await benchNeighbourhood(db, dataset, options.rounds, log)));
  }
  if (options.only.includes('search')) {
    comparisons.push(await benchSearch(db, dataset, options.rounds, log));
  }
  if (options.only.includes('import')) {
    comparisons.push(await benchImport(db.runner, db.driver, options.organisations, options.rounds, log));
  }
  if (options.only.includes('list')) {
    comparisons.push(await benchOrganisationList(db, options.rounds, log));
  }
  if (options.only.includes('betweenness')) {
    comparisons.push(await benchBetweennessSampling(db, log));
  }

  const cpus = os.cpus();
  return renderReport(
    {
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      machine: `${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.platform()} ${os.arch()}`,
      node: process.version,
      neo4j: `${db.neo4jVersion} (heap ${db.heap}, page cache ${db.pageCache})`,
      organisations: dataset.organisations.length,
      relationships: dataset.relationships.length,
      seed: DEFAULTS.seed,
      rounds: options.rounds,
      durationSeconds: (performance.now() - startedAt) / 1000,
      facts: [
        `code: commit ${codeVersion()}`,
        `load average (1 / 5 / 15 min) at the start: ${loadBefore}, at the end: ${loadAverage()} (other work on the machine slows both sides, not necessarily equally)`,
        options.staleStatistics
          ? 'index statistics: left as the import left them (--stale-statistics), so plans may be made on stale samples'
          : 'index statistics: resampled after the first import, before measuring (see README)',
        `first import of the whole dataset into the empty database (${firstRows} rows created, incl. ${written.initiatives.created} initiatives, ${written.participations.created} participations, themes and places; cold): ${(first.ms / 1000).toFixed(2)} s`,
        `Node heap used${collectGarbage() ? ' (after a forced GC)' : ''}: ${heapBefore.toFixed(0)} MiB before generation, ${heapGenerated.toFixed(0)} MiB after generation, ${heapImported.toFixed(0)} MiB after the import`,
      ],
    },
    comparisons,
  );
}

/** CORDIS or D1: measured on stores of their own, appended to the results with the command that ran it. */
async function runOwnData(options: Options, which: (typeof OWN_DATA)[number]): Promise<void> {
  const started = performance.now();
  const load = loadAverage();
  const result = which === 'cordis' ? await benchCordis(log) : await benchD1(log);
  const cpus = os.cpus();
  const text = [
    `## ${result.title} (${new Date().toISOString().replace(/\.\d+Z$/, 'Z')})`,
    '',
    `- command: \`npm run bench -- ${process.argv.slice(2).join(' ')}\``,
    `- machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; Node ${process.version}; code ${codeVersion()}`,
    `- load average at the start: ${load}, at the end: ${loadAverage()}; whole run ${((performance.now() - started) / 1000).toFixed(0)} s`,
    ...result.lines,
    '',
  ].join('\n');
  fs.appendFileSync(options.out, `\n${text}`);
  execFileSync('npx', ['prettier', '--write', '--log-level', 'warn', options.out], { stdio: 'inherit' });
  process.stdout.write(`\n${text}\n`);
  log(`appended to ${path.relative(process.cwd(), options.out)}`);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const own = options.only.find((b): b is (typeof OWN_DATA)[number] =>
    (OWN_DATA as readonly string[]).includes(b),
  );
  if (own !== undefined) {
    await runOwnData(options, own);
    return;
  }
  log(`starting a private Neo4j (${options.only.join(', ')}; ${options.organisations} organisations)`);
  const db = await startBenchDb(log);
  stopOnSignals(db);
  try {
    fs.writeFileSync(options.out, await run(options, db));
    // Formatted like every other file, so the written report passes `npm run check` as it is. A child
    // process, so prettier does not count in the heap figures.
    execFileSync('npx', ['prettier', '--write', '--log-level', 'warn', options.out], { stdio: 'inherit' });
    const report = fs.readFileSync(options.out, 'utf8');
    process.stdout.write(`\n${report}`);
    const shown = path.relative(process.cwd(), options.out);
    log(`written to ${shown.startsWith('..') ? options.out : shown}`);
  } finally {
    log('stopping Neo4j');
    await db.stop();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`\nThe benchmark stopped: ${message}`);
  if (!(error instanceof UsageError) && error instanceof Error && error.stack) console.error(error.stack);
  process.exit(1);
});
