// Opens the database the configuration points at: NEO4J_URI when set, otherwise the local embedded Neo4j.
import type { Driver } from 'neo4j-driver';
import type { Logger } from 'pino';
import type { Config, Neo4jConnection } from '../config.ts';
import { createDriver, verifyConnection } from './driver.ts';
import { startLocalNeo4j, type LocalNeo4j } from './localNeo4j.ts';
import { loadQueryCatalog } from './queries.ts';
import { createQueryRunner, type QueryRunner } from './runner.ts';

export interface Database {
  driver: Driver;
  runner: QueryRunner;
  connection: Neo4jConnection;
  local: LocalNeo4j | undefined;
  /** Closes the driver, then stops the local Neo4j if this process started it. */
  close(): Promise<void>;
}

export async function openDatabase(config: Config, logger: Logger, signal?: AbortSignal): Promise<Database> {
  let local: LocalNeo4j | undefined;
  let connection = config.externalNeo4j;
  if (connection === undefined) {
    logger.info({ dataDir: config.local.dataDir, port: config.local.boltPort }, 'starting the local Neo4j');
    const started = Date.now();
    local = await startLocalNeo4j(config.local, (line) => logger.debug({ neo4j: line }), signal);
    logger.info({ uri: local.uri, ms: Date.now() - started }, 'local Neo4j ready');
    connection = { uri: local.uri, user: undefined, password: undefined, database: config.database };
  } else {
    logger.info({ uri: connection.uri }, 'using the Neo4j server from NEO4J_URI');
  }
  const driver = createDriver(connection);
  const close = async () => {
    await driver.close();
    if (local) {
      logger.info('stopping the local Neo4j');
      await local.stop();
      logger.info('local Neo4j stopped cleanly');
    }
  };
  try {
    await verifyConnection(driver, connection);
  } catch (error) {
    await close();
    throw error;
  }
  const runner = createQueryRunner({
    driver,
    database: connection.database,
    catalog: loadQueryCatalog(),
    timeoutMs: config.queryTimeoutMs,
  });
  return { driver, runner, connection, local, close };
}
