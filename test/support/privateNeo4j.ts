// A private Neo4j for a test run or a benchmark: a fresh temporary store on a free port, migrated,
// with the real driver and query runner; stop() closes the driver, kills the JVM and deletes the store.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../../server/db/driver.ts';
import { startLocalNeo4j } from '../../server/db/localNeo4j.ts';
import { applyMigrations } from '../../server/db/migrate.ts';
import { loadQueryCatalog } from '../../server/db/queries.ts';
import { createQueryRunner, type DbRunner as QueryRunner } from '../../server/db/runner.ts';

/** Ports this process has handed out: two calls in a row (Neo4j's, then the server's) never get the same. */
const handedOut = new Set<number>();

export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await anyFreePort();
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error('no free port that this test run has not already handed out');
}

function anyFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The real driver and query runner for a local (unauthenticated) Neo4j at `uri`. */
export function connectLocal(uri: string, queryTimeoutMs: number): { driver: Driver; runner: QueryRunner } {
  const driver = createDriver({ uri, user: undefined, password: undefined, database: 'neo4j' });
  const runner = createQueryRunner({
    driver,
    database: 'neo4j',
    catalog: loadQueryCatalog(),
    timeoutMs: queryTimeoutMs,
  });
  return { driver, runner };
}

export interface PrivateNeo4j {
  uri: string;
  dataDir: string;
  driver: Driver;
  runner: QueryRunner;
  /** Safe to call twice. */
  stop(): Promise<void>;
}

export async function startPrivateNeo4j(options: {
  label: string;
  heap: string;
  pageCache: string;
  queryTimeoutMs: number;
}): Promise<PrivateNeo4j> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `atlas-${options.label}-neo4j-`));
  const removeStore = () => fs.rmSync(dataDir, { recursive: true, force: true });
  const neo4j = await startLocalNeo4j({
    dataDir,
    boltPort: await freePort(),
    heap: options.heap,
    pageCache: options.pageCache,
    startTimeoutMs: 180_000,
    javaHome: process.env.JAVA_HOME,
  }).catch((error: unknown) => {
    removeStore();
    throw error;
  });
  const { driver, runner } = connectLocal(neo4j.uri, options.queryTimeoutMs);
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      await driver.close().catch(() => {});
      // The store is deleted right after: Neo4j's clean shutdown (a checkpoint that takes ~10 s) would be
      // written for nobody, so the JVM is killed instead.
      if (neo4j.pid > 0) {
        try {
          process.kill(neo4j.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      await neo4j.exited;
      removeStore();
    })();
    return stopped;
  };
  try {
    // Migrations exactly as start-up applies them.
    await applyMigrations(runner);
  } catch (error) {
    await stop();
    throw error;
  }
  return { uri: neo4j.uri, dataDir, driver, runner, stop };
}
