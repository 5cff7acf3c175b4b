// `npm run export -- <format> <out> [--filter JSON] [--ids a,b] [--as-of DATE] [--table organisations|relationships] [--initiatives]`:
// the one exporter (the explorer's downloads use it too) writing to files. Uses the running local Neo4j
// when there is one, like every CLI.
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { InvalidInputError } from '../common/errors.ts';
import { formatProblem } from '../common/problems.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { applyMigrations } from '../db/migrate.ts';
import { EXPORT_FORMATS, exportNetwork } from '../domain/export/exporter.ts';
import { parseExportRequest } from '../domain/export/request.ts';
import { createNetworkCache, networkAccess } from '../domain/network/cache.ts';
import { createLogger } from '../logger.ts';
import { exitWithError } from './lifecycle.ts';

const USAGE = `Usage: npm run export -- <format> <out> [options]

Formats: ${EXPORT_FORMATS.map((f) => f.toLowerCase()).join(', ')}
  atlas      a folder of CSV files (or one JSON file when <out> ends in .json); imports back unchanged
  graphml    for Gephi and networkx (nx.read_graphml)
  gexf       for Gephi and networkx (nx.read_gexf)
  cytoscape  Cytoscape.js elements JSON
  csv        organisations (or --table relationships)

Options:
  --filter <json>    an OrganisationFilter, e.g. '{"sectors":["NGO"],"places":["Manchester"]}'
  --ids <a,b,…>      only these organisations
  --as-of <date>     only relationships active on that day (YYYY-MM-DD)
  --table <name>     csv: organisations (default) or relationships
  --initiatives      graphml, gexf, cytoscape: a two-mode network, with the initiatives as nodes
                     (type=initiative) and each participation as an edge (kind=PARTICIPATION, role)
  -h, --help         this help

Exports what is published: the selected organisations and the relationships among them; atlas, and the
graph formats with --initiatives, also the initiatives they take part in.`;

class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The time budget of one of the export's queries (the API's QUERY_TIMEOUT_MS when that is longer). */
const EXPORT_QUERY_TIMEOUT_MS = 10 * 60_000;

/** The output could not be written (no stack trace: the path is the problem). */
class WriteError extends Error {
  override readonly name = 'WriteError';
}

async function main() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        filter: { type: 'string' },
        ids: { type: 'string' },
        'as-of': { type: 'string' },
        table: { type: 'string' },
        initiatives: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { positionals, values } = parsed;
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length !== 2)
    throw new UsageError('give a format and where to write, e.g. npm run export -- graphml atlas.graphml');
  const [format, out] = positionals as [string, string];
  const request = parseExportRequest(
    {
      format,
      ...(values.filter !== undefined ? { filter: values.filter } : {}),
      ...(values.ids !== undefined ? { ids: values.ids } : {}),
      ...(values['as-of'] !== undefined ? { asOf: values['as-of'] } : {}),
      ...(values.table !== undefined ? { table: values.table } : {}),
      ...(values.initiatives ? { initiatives: 'true' } : {}),
    },
    'query',
  );
  const atlasFolder = request.format === 'ATLAS' && !out.toLowerCase().endsWith('.json');
  if (atlasFolder) {
    const existing = await stat(out).catch(() => null);
    if (existing && !existing.isDirectory())
      throw new UsageError(`${out} is a file: give a folder, or a path ending in .json`);
  }

  // Where the files go is checked before anything is read: the folder they go in must exist.
  const parent = path.dirname(path.resolve(out));
  const folder = await stat(parent).catch(() => null);
  if (!folder?.isDirectory())
    throw new UsageError(`${parent} is not a folder: create it first, or write somewhere else`);

  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // An export reads the whole selection in a few large queries: a whole-network read of real data can
  // outlast the API's budget for one transaction (QUERY_TIMEOUT_MS), which is meant for requests.
  const exportConfig = {
    ...config,
    queryTimeoutMs: Math.max(config.queryTimeoutMs, EXPORT_QUERY_TIMEOUT_MS),
  };
  const db = await openDatabase(exportConfig, logger, {
    say: (message) => console.log(`Database: ${message}.`),
  });
  try {
    await applyMigrations(db.runner);
    const files = await exportNetwork(db.runner, networkAccess(db.runner, createNetworkCache()), {
      ...request,
      atlasFolder,
    });
    try {
      if (atlasFolder) {
        await mkdir(out, { recursive: true });
        for (const file of files) await writeFile(path.join(out, file.name), file.body, 'utf8');
      } else await writeFile(out, files[0]!.body, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : '');
      throw new WriteError(`could not write ${out} (${reason}): give a path you can write to`);
    }
    console.log(
      `Exported ${request.format.toLowerCase()} to ${out}${atlasFolder ? ` (${files.map((f) => f.name).join(', ')})` : ''}.`,
    );
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof WriteError) {
    console.error(`Nothing was written: ${error.message}.`);
    process.exit(1);
  }
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (error instanceof InvalidInputError) {
    console.error(
      `Nothing was exported: ${error.problems.length > 0 ? error.problems.map(formatProblem).join('\n  ') : error.message}`,
    );
    process.exit(2);
  }
  exitWithError('The export failed', error);
});
