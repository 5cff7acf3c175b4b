// `npm run db`: runs the local Neo4j alone, so several processes (server, imports) can share it. It
// announces itself in its data folder, so `npm start` and the CLIs find it without NEO4J_URI.
import { loadConfig } from '../config.ts';
import { findRunningLocalNeo4j, startLocalNeo4j } from '../db/localNeo4j.ts';
import { createLogger } from '../logger.ts';
import { exitWithStartupError, onShutdown } from './lifecycle.ts';

/** NEO4J_URI and its credentials are for other servers: the local Neo4j has no authentication. */
function localOnly(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { NEO4J_URI: _uri, NEO4J_USER: _user, NEO4J_PASSWORD: _password, ...rest } = env;
  return rest;
}

async function main() {
  const config = loadConfig(localOnly(process.env));
  const logger = createLogger(config.logLevel);
  const ignored = ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD'].filter((name) => process.env[name]);
  if (ignored.length > 0) logger.info(`${ignored.join(', ')} ignored: npm run db runs the local Neo4j`);
  const running = await findRunningLocalNeo4j(config.local.dataDir);
  if (running.state === 'running') {
    logger.error(
      `A local Neo4j already runs on ${config.local.dataDir} at ${running.announcement.uri} (process ${running.announcement.pid}); npm start and the other commands use it as it is.`,
    );
    process.exit(1);
  }
  logger.info({ dataDir: config.local.dataDir }, 'starting the local Neo4j');
  const neo4j = await startLocalNeo4j(config.local, (line) => logger.debug({ neo4j: line }));
  let stopping = false;
  onShutdown(logger, async () => {
    stopping = true;
    await neo4j.stop();
    logger.info('local Neo4j stopped cleanly');
  });
  logger.info(
    `Neo4j is ready at ${neo4j.uri}. npm start, imports and exports in other terminals use it (no variables needed). Ctrl-C to stop.`,
  );
  const code = await neo4j.exited;
  if (!stopping) {
    logger.error({ code }, 'the local Neo4j exited unexpectedly');
    process.exit(1);
  }
}

main().catch(exitWithStartupError);
