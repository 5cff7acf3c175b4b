// `npm start`: the local (or configured) Neo4j, schema, demo data on an empty database, then the
// explorer and GraphQL on one port. Ctrl-C stops everything cleanly, also in the middle of start-up.
import { loadConfig } from '../config.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { applyMigrations } from '../db/migrate.ts';
import { ensureDemoData } from '../domain/import/demo.ts';
import { createHttpServer, type AtlasHttpServer } from '../http/app.ts';
import type { Logger } from 'pino';
import { createLogger } from '../logger.ts';
import { assertPortFree, exitWithStartupError, onShutdown } from './lifecycle.ts';

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const stopping = new AbortController();
  // Filled in as start-up proceeds; a signal at any point closes what exists so far.
  const running: { db?: Database; http?: AtlasHttpServer; startup?: Promise<void> } = {};
  onShutdown(logger, async () => {
    stopping.abort();
    await running.startup?.catch(() => {});
    logger.debug('closing the HTTP server');
    await running.http?.close();
    logger.debug('closing the database connection');
    await running.db?.close();
  });

  running.startup = (async () => {
    // Fail before the (slow) database start when the HTTP port is taken.
    await assertPortFree(config.port, config.host, 'PORT');
    const db = await openDatabase(config, logger, { signal: stopping.signal });
    running.db = db;
    void db.local?.exited.then((code) => {
      if (stopping.signal.aborted) return;
      logger.fatal(
        { code, log: `${config.local.dataDir}/logs/debug.log` },
        'the local Neo4j stopped unexpectedly; exiting',
      );
      process.exit(1);
    });
    const migrations = await applyMigrations(db.runner);
    if (migrations.applied.length > 0)
      logger.info({ applied: migrations.applied }, 'schema migrations applied');
    if (config.loadDemoData) {
      const demo = await ensureDemoData(db.runner);
      if (demo)
        logger.info(demo, 'demo data loaded into the empty database (illustrative, fictional organisations)');
    }
    const http = await createHttpServer({
      runner: db.runner,
      logger,
      trustProxy: config.trustProxy,
      requestBudgetMs: config.requestBudgetMs,
    });
    running.http = http;
    const port = await http.listen(config.port, config.host);
    const shown = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
    logger.info(`Partnership Atlas is ready: http://${shown}:${port} (GraphQL at /graphql). Ctrl-C to stop.`);
    if (config.warmUp) warmUpInBackground(http, logger, stopping.signal);
  })();
  try {
    await running.startup;
  } catch (error) {
    // Interrupted on purpose: the shutdown handler finishes and exits.
    if (!stopping.signal.aborted) throw error;
  }
}

/**
 * Loads the network snapshot and makes the text queries hot while the server already answers (a request
 * that needs the snapshot meanwhile waits for the same load). A failure is only logged: every request
 * loads what it needs anyway. Ctrl-C stops it between two queries; a query cut by the shutdown is not an error.
 */
function warmUpInBackground(http: AtlasHttpServer, logger: Logger, signal: AbortSignal): void {
  http.warmUp(signal).then(
    (report) => {
      if (!report.stopped)
        logger.info(
          report,
          `warmed up: the network snapshot of ${report.organisations} organisations in ${report.snapshotMs} ms, then ${report.queries} text queries in ${report.searchMs} ms`,
        );
    },
    (err: unknown) => {
      if (!signal.aborted)
        logger.warn({ err }, 'the warm-up failed; the first requests will load what it would have');
    },
  );
}

main().catch(exitWithStartupError);
