// Opens the database the configuration points at: NEO4J_URI when set; otherwise the local Neo4j that is
// already running on the data folder (npm start, npm run db), or a local Neo4j of our own. Says which.
import type { Logger } from 'pino';
import type { Config, Neo4jConnection } from '../config.ts';
import { createDriver, verifyConnection } from './driver.ts';
import { findRunningLocalNeo4j, startLocalNeo4j, type LocalNeo4j } from './localNeo4j.ts';
import { loadQueryCatalog } from './queries.ts';
import { createQueryRunner, type DbRunner } from './runner.ts';

/** Where the database came from: NEO4J_URI, a local Neo4j another command runs, or one we started. */
export type DatabaseSource = 'external' | 'running-local' | 'own-local';

export interface Database {
  runner: DbRunner;
  connection: Neo4jConnection;
  source: DatabaseSource;
  /** Set when this process started the local Neo4j (and so stops it in close()). */
  local: LocalNeo4j | undefined;
  /** Closes the driver, then stops the local Neo4j if this process started it. */
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Aborting (e.g. Ctrl-C during start-up) stops a local Neo4j being started. */
  signal?: AbortSignal;
  /** Where to say which database is used (CLIs print it for people; the server logs it). */
  say?: (message: string) => void;
}

export async function openDatabase(
  config: Config,
  logger: Logger,
  options: OpenOptions = {},
): Promise<Database> {
  const say = options.say ?? ((message: string) => logger.info(message));
  let local: LocalNeo4j | undefined;
  let source: DatabaseSource;
  let connection = config.externalNeo4j;
  if (connection !== undefined) {
    source = 'external';
    say(`using the Neo4j server from NEO4J_URI (${connection.uri})`);
  } else {
    const running = await findRunningLocalNeo4j(config.local.dataDir);
    if (running.state === 'running') {
      source = 'running-local';
      connection = localConnection(running.announcement.uri, config);
      say(
        `using the running local Neo4j at ${running.announcement.uri} (process ${running.announcement.pid}, data in ${config.local.dataDir})`,
      );
    } else {
      if (running.state === 'stale') {
        say(
          `ignoring ${running.file} left by a local Neo4j that stopped without cleaning up (${running.reason})`,
        );
      }
      source = 'own-local';
      say(`starting the local Neo4j (data in ${config.local.dataDir}, Bolt port ${config.local.boltPort})`);
      const started = Date.now();
      local = await startLocalNeo4j(config.local, (line) => logger.debug({ neo4j: line }), options.signal);
      logger.info({ uri: local.uri, ms: Date.now() - started }, 'local Neo4j ready');
      connection = localConnection(local.uri, config);
    }
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
    onHiddenError: (err, context) => logger.warn({ err }, context),
  });
  return { runner, connection, source, local, close };
}

/** The embedded Neo4j has no authentication and listens on 127.0.0.1 only. */
function localConnection(uri: string, config: Config): Neo4jConnection {
  return { uri, user: undefined, password: undefined, database: config.database };
}
