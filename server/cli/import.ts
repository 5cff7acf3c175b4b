// `npm run import -- <format> <path>`: validates the input, then writes it all or nothing.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { applyMigrations } from '../db/migrate.ts';
import { InvalidInputError } from '../common/errors.ts';
import { importSource } from '../domain/import/importDataset.ts';
import { IMPORTERS } from '../domain/import/importers.ts';
import { describeSummary, unchanged } from '../domain/import/summary.ts';
import { formatProblem } from '../common/problems.ts';
import { createLogger } from '../logger.ts';
import { exitWithError } from './lifecycle.ts';

const USAGE = `Usage: npm run import -- <format> <path>

Formats:
${Object.values(IMPORTERS)
  .map((i) => `  ${i.name.padEnd(10)} ${i.description}`)
  .join('\n')}

Uses the Neo4j of NEO4J_URI when set; otherwise the local Neo4j that "npm start" or "npm run db" is
running on the data folder, or starts the local Neo4j for the import and stops it afterwards.`;

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const [format, inputPath] = positionals;
  const importer = format ? IMPORTERS[format] : undefined;
  if (!importer || !inputPath || positionals.length !== 2) {
    console.error(`${format && !importer ? `Unknown format "${format}".\n\n` : ''}${USAGE}`);
    process.exit(2);
  }
  // Validate the files before starting any database: most mistakes are found in a second.
  const source = await importer.read(inputPath);
  if (source.problems.length > 0) report(source.problems.length, source.problems.map(formatProblem));

  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const db = await openDatabase(config, logger, { say: (message) => console.log(`Database: ${message}.`) });
  try {
    await applyMigrations(db.runner);
    const summary = await importSource(db.runner, source, { recordedBy: importer.recordedBy });
    console.log(
      `Imported ${inputPath}${unchanged(summary) ? ' (nothing changed: the database already held it)' : ''}:\n${describeSummary(summary).join('\n')}`,
    );
  } catch (error) {
    await db.close();
    if (error instanceof InvalidInputError) report(error.problems.length, error.problems.map(formatProblem));
    throw error;
  }
  await db.close();
}

function report(count: number, lines: string[]): never {
  console.error(`${count} problem(s) found; nothing was written:`);
  for (const line of lines.slice(0, 200)) console.error(`  ${line}`);
  if (lines.length > 200) console.error(`  … and ${lines.length - 200} more`);
  process.exit(1);
}

main().catch((error: unknown) => exitWithError('The import failed and wrote nothing', error));
