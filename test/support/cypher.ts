// Hand-written Cypher for tests and benchmarks (set-up, checks, baselines): straight through the driver,
// with the same value conversion as the product's runner. Product queries live in cypher/queries.
import type { Driver } from 'neo4j-driver';
import { toPlain } from '../../server/db/values.ts';

export type PlainRow = Record<string, unknown>;

export async function runCypher(driver: Driver, cypher: string, params: PlainRow = {}): Promise<PlainRow[]> {
  const result = await driver.executeQuery(cypher, params, { database: 'neo4j' });
  return result.records.map((r) => toPlain(r.toObject()) as PlainRow);
}
