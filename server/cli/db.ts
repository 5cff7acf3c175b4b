// `npm run db`: runs the local Neo4j alone, so several processes (server, imports) can share it via NEO4J_URI.
import { loadConfig } from '../config.ts';
import { startLocalNeo4j } from '../db/localNeo4j.ts';
import { createLogger } from '../logger.ts';
import { exitWithStartupError, onShutdown } from './lifecycle.ts';

async function main() {
  const config = loadConfig({ ...process.env, NEO4J_URI: '' });
  const logger = createLogger(config.logLevel);
  logger.info({ dataDir: config.local.dataDir }, 'starting the local Neo4j');
  const neo4j = await startLocalNeo4j(config.local, (line) => logger.debug({ neo4j: line }));
  let stopping = false;
  onShutdown(logger, async () => {
    stopping = true;
    await neo4j.stop();
    logger.info('local Neo4j stopped cleanly');
  });
  logger.info(
    `Neo4j is ready at ${neo4j.uri}. In another terminal: NEO4J_URI=${neo4j.uri} npm start. Ctrl-C to stop.`,
  );
  const code = await neo4j.exited;
  if (!stopping) {
    logger.error({ code }, 'the local Neo4j exited unexpectedly');
    process.exit(1);
  }
}

main().catch(exitWithStartupError);
