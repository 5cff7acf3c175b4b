// A private Neo4j for one benchmark run: a fresh temporary store on a free port, migrated, removed at the end.
import type { Driver } from 'neo4j-driver';
import type { DbRunner as QueryRunner } from '../../server/db/runner.ts';
import { runCypher } from '../support/cypher.ts';
import { startPrivateNeo4j } from '../support/privateNeo4j.ts';

export interface BenchDb {
  driver: Driver;
  runner: QueryRunner;
  /** e.g. "Neo4j Kernel 5.26.12 community", from dbms.components(). */
  neo4jVersion: string;
  heap: string;
  pageCache: string;
  /** Closes the driver, stops the JVM cleanly and deletes the store; safe to call twice. */
  stop(): Promise<void>;
}

const HEAP = '2g';
const PAGE_CACHE = '1g';

export async function startBenchDb(log: (line: string) => void): Promise<BenchDb> {
  const neo4j = await startPrivateNeo4j({
    label: 'bench',
    heap: HEAP,
    pageCache: PAGE_CACHE,
    queryTimeoutMs: 600_000,
  });
  log(`Neo4j started at ${neo4j.uri} (store ${neo4j.dataDir}), migrated`);
  try {
    const [component] = await runCypher(
      neo4j.driver,
      'CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition',
    );
    const neo4jVersion = component
      ? `${String(component.name)} ${String(component.version)} ${String(component.edition)}`
      : 'unknown';
    return {
      driver: neo4j.driver,
      runner: neo4j.runner,
      neo4jVersion,
      heap: HEAP,
      pageCache: PAGE_CACHE,
      stop: neo4j.stop,
    };
  } catch (error) {
    await neo4j.stop();
    throw error;
  }
}

/** How long the background sampling scheduled by db.resampleOutdatedIndexes() gets; a few seconds suffice at 10,000 organisations. */
const SAMPLING_WAIT_MS = 5_000;

/**
 * Brings index statistics up to date and drops cached plans, so the queries measured next are planned
 * on the data as it is. The indexes are created empty by the migrations; right after a big import their
 * samples are stale until Neo4j resamples them in the background, and plans made meanwhile can be far
 * slower (graphNodes then scans the status index once per id). Whether that happens first is a race,
 * which would make runs disagree.
 */
export async function refreshStatistics(driver: Driver): Promise<void> {
  await runCypher(driver, 'CALL db.resampleOutdatedIndexes()');
  await runCypher(driver, 'CALL db.awaitIndexes(300)');
  await new Promise((resolve) => setTimeout(resolve, SAMPLING_WAIT_MS));
  await runCypher(driver, 'CALL db.clearQueryCaches()');
}
