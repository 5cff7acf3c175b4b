// The query runner starts queries without neo4j-driver's per-query call-site stack (server/db/runner.ts,
// withoutCallSiteStack); a query that fails must still carry a stack naming where it was run from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestDb, type TestDb } from '../support/db.ts';

let db: TestDb;

beforeAll(() => {
  db = connectTestDb();
});
afterAll(async () => {
  await db.close();
});

/** The error a promise rejects with. */
async function failure(work: () => Promise<unknown>): Promise<Error> {
  try {
    await work();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the query to fail');
}

const frames = /\n\s+at /;

describe('failed queries keep a stack trace', () => {
  it('for a read statement (auto-commit)', async () => {
    // $ids must be a list: a string fails in Neo4j with a type error.
    const error = await failure(() => db.runner.read('organisationsByIds', { ids: 'not a list' }));
    expect(error.message).toMatch(/Type mismatch|expected/i);
    expect(error.stack).toMatch(frames);
    expect(error.stack).toMatch(/runner\.test\.ts/);
  });

  it('for a statement inside a managed transaction', async () => {
    const error = await failure(() =>
      db.runner.readTransaction((tx) => tx.run('organisationsByIds', { ids: 'not a list' })),
    );
    expect(error.stack).toMatch(frames);
    expect(error.stack).toMatch(/runner\.test\.ts/);
  });

  it('for an auto-commit statement of a migration', async () => {
    const error = await failure(() => db.runner.runMigrationStatement('RETURN 1 / 0 AS x'));
    expect(error.message).toMatch(/by zero/i);
    expect(error.stack).toMatch(frames);
  });

  it('and the next queries run with stack traces as before', async () => {
    const before = Error.stackTraceLimit;
    await db.runner.read('organisationsByIds', { ids: ['no-such-organisation'] });
    expect(Error.stackTraceLimit).toBe(before);
    expect(new Error('x').stack).toMatch(frames);
  });
});
