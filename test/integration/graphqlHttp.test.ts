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

  it('marks every response uncacheable (Cache-Control: no-store, no ETag), answers and errors alike', async () => {
    const post = (query: string) =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
    const ok = await post('{ __typename }');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    const bad = await post('{ noSuchField }');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('cache-control')).toBe('no-store');
    const viaGet = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json' },
    });
    expect(viaGet.status).toBe(200);
    expect(viaGet.headers.get('cache-control')).toBe('no-store');
    for (const response of [ok, bad, viaGet]) {
      expect(response.headers.get('etag')).toBeNull();
      // The app's security headers, as on every other path.
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });
});
