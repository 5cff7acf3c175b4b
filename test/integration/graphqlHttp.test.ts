// GraphQL over HTTP compliance: every MUST rule of the spec's audits holds for /graphql.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverAudits } from 'graphql-http';
import { connectTestDb, type TestDb } from '../support/db.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let db: TestDb;
let server: TestServer;

beforeAll(async () => {
  db = connectTestDb();
  server = await startTestServer(db);
});
afterAll(async () => {
  await server?.close();
  await db?.close();
});

describe('GraphQL over HTTP', () => {
  it('passes every MUST audit', async () => {
    const audits = serverAudits({ url: `${server.url}/graphql`, fetchFn: fetch });
    expect(audits.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      if (result.status === 'error') failures.push(`${audit.name}: ${result.reason}`);
    }
    expect(failures).toEqual([]);
  });
});
