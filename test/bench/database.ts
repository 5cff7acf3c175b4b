// A private Neo4j for one benchmark run: a fresh temporary store on a free port, migrated, removed at the end.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../../server/db/driver.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../../server/db/localNeo4j.ts';
import { applyMigrations } from '../../server/db/migrate.ts';
import { loadQueryCatalog } from '../../server/db/queries.ts';
import { createQueryRunner, type QueryRunner } from '../../server/db/runner.ts';
import { freePort } from '../support/neo4jGlobalSetup.ts';

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
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-neo4j-'));
  const removeStore = () => fs.rmSync(dataDir, { recursive: true, force: true });
  let neo4j: LocalNeo4j;
  try {
    neo4j = await startLocalNeo4j({
      dataDir,
      boltPort: await freePort(),
      heap: HEAP,
      pageCache: PAGE_CACHE,
      startTimeoutMs: 180_000,
      javaHome: process.env.JAVA_HOME,
    });
  } catch (error) {
    removeStore();
    throw error;
  }
  const driver = createDriver({ uri: neo4j.uri, user: undefined, password: undefined, database: 'neo4j' });
  const runner = createQueryRunner({
    driver,
    database: 'neo4j',
    catalog: loadQueryCatalog(),
    timeoutMs: 600_000,
  });
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      await driver.close().catch(() => {});
      await neo4j.stop();
      removeStore();
    })();
    return stopped;
  };
  try {
    log(`Neo4j started at ${neo4j.uri} (store ${dataDir}); applying migrations`);
    await applyMigrations(runner);
    const [component] = await runner.runStatement(
      'CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition',
    );
    const neo4jVersion = component
      ? `${String(component.name)} ${String(component.version)} ${String(component.edition)}`
      : 'unknown';
    return { driver, runner, neo4jVersion, heap: HEAP, pageCache: PAGE_CACHE, stop };
  } catch (error) {
    await stop();
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
export async function refreshStatistics(runner: QueryRunner): Promise<void> {
  await runner.runStatement('CALL db.resampleOutdatedIndexes()');
  await runner.runStatement('CALL db.awaitIndexes(300)');
  await new Promise((resolve) => setTimeout(resolve, SAMPLING_WAIT_MS));
  await runner.runStatement('CALL db.clearQueryCaches()');
}
