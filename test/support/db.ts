// Test access to the run's Neo4j: a driver and the real query runner, plus helpers to own and clean data.
import { runCypher } from './cypher.ts';
import crypto from 'node:crypto';
import { inject } from 'vitest';
import type { Driver } from 'neo4j-driver';
import type { DbRunner as QueryRunner } from '../../server/db/runner.ts';
import { connectLocal } from './privateNeo4j.ts';

export interface TestDb {
  driver: Driver;
  runner: QueryRunner;
  uri: string;
  close(): Promise<void>;
}

export function connectTestDb(): TestDb {
  const uri = inject('neo4jUri');
  const { driver, runner } = connectLocal(uri, 60_000);
  return { driver, runner, uri, close: () => driver.close() };
}

/** A prefix unique to one test, so its ids and search words cannot meet another test's data. */
export function uniquePrefix(label: string): string {
  return `${label}-${crypto.randomBytes(4).toString('hex')}`;
}

/** Deletes the organisations and initiatives whose id starts with `prefix`, and their relationships. */
export async function deleteByPrefix(db: TestDb, prefix: string): Promise<void> {
  await runCypher(
    db.driver,
    'MATCH (n) WHERE (n:Organisation OR n:Initiative) AND n.id STARTS WITH $prefix DETACH DELETE n',
    { prefix },
  );
  // As every write of the product does: servers still running (other files') drop what was deleted.
  await db.runner.write('bumpDataVersion', { now: new Date().toISOString() });
}
