// `npm run import -- <format> <path…> [--dry-run] [--json] [--strict] [--no-merge] [--licence TEXT]`:
// reads the input tolerantly, resolves identities, and writes it all or nothing (server/domain/import/run.ts).
// Every kind of bad input ends in a report naming the problem, never in a stack trace, and writes nothing.
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { applyMigrations } from '../db/migrate.ts';
import type { Problem } from '../common/problems.ts';
import { IMPORTERS } from '../domain/import/importers.ts';
import { checkFiles } from '../domain/import/files.ts';
import { describeReport, emptyReport, RUN_STATUS, type ImportReport } from '../domain/import/report.ts';
import { runImport, type RunProgress } from '../domain/import/run.ts';
import { createLogger } from '../logger.ts';
import { exitWithError } from './lifecycle.ts';

const USAGE = `Usage: npm run import -- <format> <path…> [options]

Formats:
${Object.values(IMPORTERS)
  .map((i) => `  ${i.name.padEnd(13)} ${i.description}`)
  .join('\n')}

Options:
  --dry-run       read, check (also against the database) and report; write nothing
  --json          print the report as JSON on standard output (progress goes to standard error)
  --strict        treat repairs (warnings) as errors: nothing is written when any was needed
  --no-merge      no identity resolution: records are matched by their own ids only
  --licence TEXT  the licence of the input, stored on every fact (default: the format's usual licence)
  -h, --help      this text

Uses the Neo4j of NEO4J_URI when set; otherwise the local Neo4j that "npm start" or "npm run db" is
running on the data folder, or starts the local Neo4j for the import and stops it afterwards.
Files larger than IMPORT_MAX_FILE_MB are refused.`;

interface Args {
  format: string;
  paths: string[];
  dryRun: boolean;
  json: boolean;
  strict: boolean;
  merge: boolean;
  licence: string | null;
}

function usageError(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function parse(): Args {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
        strict: { type: 'boolean' },
        'no-merge': { type: 'boolean' },
        licence: { type: 'string' },
      },
    });
  } catch (error) {
    usageError(error instanceof Error ? error.message.replace(/\. To specify.*$/s, '.') : String(error));
  }
  const { positionals, values } = parsed;
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const [format, ...paths] = positionals;
  if (format === undefined) usageError('Give the format and the file(s) to import.');
  if (!Object.hasOwn(IMPORTERS, format)) {
    usageError(`Unknown format "${format}"; the formats are ${Object.keys(IMPORTERS).join(', ')}.`);
  }
  if (paths.length === 0) usageError(`Give the file(s) to import as ${format}.`);
  return {
    format,
    paths,
    dryRun: values['dry-run'] ?? false,
    json: values.json ?? false,
    strict: values.strict ?? false,
    merge: !(values['no-merge'] ?? false),
    licence: values.licence ?? null,
  };
}

function print(report: ImportReport, json: boolean): void {
  if (json) console.log(JSON.stringify(report, null, 2));
  else {
    const out =
      report.status === RUN_STATUS.PUBLISHED || report.status === RUN_STATUS.DRY_RUN
        ? console.log
        : console.error;
    for (const line of describeReport(report)) out(line);
  }
}

/** A progress bar on a terminal; a line every ten seconds otherwise (logs, CI). */
function progressReporter(): { update(p: RunProgress): void; stop(): void } {
  const phases: Record<RunProgress['phase'], string> = {
    checking: 'checking files',
    organisations: 'organisations',
    links: 'relationships and participations',
    publishing: 'publishing',
    done: 'done',
  };
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: 'Importing [{bar}] {percentage}% | {phase} | {records} records',
        stream: process.stderr,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(p) {
        // Each file is read twice (organisations, then what refers to them): half the bar per pass.
        const done =
          p.phase === 'links'
            ? 0.5 + p.bytes / Math.max(p.totalBytes, 1) / 2
            : p.bytes / Math.max(p.totalBytes, 1) / 2;
        const value =
          p.phase === 'publishing' || p.phase === 'done' ? 100 : Math.min(99, Math.round(done * 100));
        if (!started) {
          bar.start(100, value, { phase: phases[p.phase], records: p.records });
          started = true;
        } else bar.update(value, { phase: phases[p.phase], records: p.records });
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  let last = 0;
  return {
    update(p) {
      if (p.phase === 'done' || (Date.now() - last < 10_000 && p.phase !== 'publishing')) return;
      last = Date.now();
      console.error(`Importing: ${phases[p.phase]}, ${p.records.toLocaleString('en')} records read`);
    },
    stop() {},
  };
}

async function main() {
  const args = parse();
  const importer = IMPORTERS[args.format];
  if (importer === undefined) usageError(`Unknown format "${args.format}".`);
  const config = loadConfig();
  // Check the files before starting any database: most mistakes are found in a second.
  const early: Problem[] = [
    ...importer.checkPaths(args.paths),
    ...(await checkFiles(args.paths, config.importMaxFileBytes)),
  ];
  if (early.length > 0) {
    const report = emptyReport({
      format: args.format,
      files: args.paths,
      dryRun: args.dryRun,
      strict: args.strict,
      merge: args.merge,
      startedAt: new Date().toISOString(),
    });
    report.status = RUN_STATUS.REJECTED;
    report.problems = early;
    report.problemCount = early.length;
    print(report, args.json);
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  const say = (message: string) => console.error(`Database: ${message}.`);
  const db = await openDatabase(config, logger, { say });
  const progress = progressReporter();
  let report: ImportReport;
  try {
    await applyMigrations(db.runner);
    report = await runImport(db.runner, importer, {
      paths: args.paths,
      dryRun: args.dryRun,
      strict: args.strict,
      merge: args.merge,
      licence: args.licence,
      maxFileBytes: config.importMaxFileBytes,
      onProgress: (p) => progress.update(p),
    });
  } finally {
    progress.stop();
    await db.close();
  }
  print(report, args.json);
  process.exit(report.status === RUN_STATUS.PUBLISHED || report.status === RUN_STATUS.DRY_RUN ? 0 : 1);
}

main().catch((error: unknown) => exitWithError('The import failed and wrote nothing', error));
