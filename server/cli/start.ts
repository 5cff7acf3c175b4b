// `npm start`: the local (or configured) Neo4j, schema, demo data on an empty database, then the
// explorer and GraphQL on one port. Ctrl-C stops everything cleanly.
import { loadConfig } from '../config.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { applyMigrations } from '../db/migrate.ts';
import { ensureDemoData } from '../domain/import/demo.ts';
import { createHttpServer, type AtlasHttpServer } from '../http/app.ts';
import { createLogger } from '../logger.ts';
import { assertPortFree, exitWithStartupError, onShutdown } from './lifecycle.ts';

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // Filled in as start-up proceeds; a signal at any point closes what exists so far.
  const running: { db?: Database; http?: AtlasHttpServer } = {};
  onShutdown(logger, async () => {
    await running.http?.close();
    await running.db?.close();
  });

  // Fail before the (slow) database start when the HTTP port is taken.
  await assertPortFree(config.port, config.host, 'PORT');
  const db = await openDatabase(config, logger);
  running.db = db;
  const migrations = await applyMigrations(db.runner);
  if (migrations.applied.length > 0)
    logger.info({ applied: migrations.applied }, 'schema migrations applied');
  if (config.loadDemoData) {
    const demo = await ensureDemoData(db.runner);
    if (demo)
      logger.info(demo, 'demo data loaded into the empty database (illustrative, fictional organisations)');
  }
  const http = await createHttpServer({
    driver: db.driver,
    runner: db.runner,
    logger,
    neo4jUri: db.connection.uri,
  });
  running.http = http;
  const port = await http.listen(config.port, config.host);
  const shown = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  logger.info(`Partnership Atlas is ready: http://${shown}:${port} (GraphQL at /graphql). Ctrl-C to stop.`);
}

main().catch(exitWithStartupError);
