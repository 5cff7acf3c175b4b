// One real Neo4j for the whole test run: a fresh temporary store on a free port, stopped at the end.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalNeo4j } from '../../server/db/localNeo4j.ts';
import { createDriver } from '../../server/db/driver.ts';
import { loadQueryCatalog } from '../../server/db/queries.ts';
import { createQueryRunner } from '../../server/db/runner.ts';
import { applyMigrations } from '../../server/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jDataDir: string;
  }
}

export async function freePort(): Promise<number> {
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

export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-test-neo4j-'));
  const neo4j = await startLocalNeo4j({
    dataDir,
    boltPort: await freePort(),
    heap: '1g',
    pageCache: '256m',
    startTimeoutMs: 180_000,
    javaHome: process.env.JAVA_HOME,
  });
  // Migrations once for the run, exactly as start-up applies them.
  const driver = createDriver({ uri: neo4j.uri, user: undefined, password: undefined, database: 'neo4j' });
  const runner = createQueryRunner({
    driver,
    database: 'neo4j',
    catalog: loadQueryCatalog(),
    timeoutMs: 60_000,
  });
  await applyMigrations(runner);
  await driver.close();

  project.provide('neo4jUri', neo4j.uri);
  project.provide('neo4jDataDir', dataDir);
  return async () => {
    await neo4j.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
