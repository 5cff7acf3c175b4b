// GraphQL over HTTP compliance: every MUST rule of the spec's audits holds for /graphql.
import { gzipSync } from 'node:zlib';
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

  it('answers a body that is not JSON, or too large, with a JSON error and its code, not an HTML page', async () => {
    const send = (path: string, body: string) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    for (const path of ['/graphql', '/export']) {
      const broken = await send(path, '{"query": ');
      expect(broken.status).toBe(400);
      expect(broken.headers.get('content-type')).toContain('application/json');
      const { errors } = (await broken.json()) as {
        errors: { message: string; extensions: { code: string } }[];
      };
      expect(errors[0]!.extensions.code).toBe('BAD_REQUEST');
      expect(errors[0]!.message).toContain('not valid JSON');
    }
    const huge = await send(
      '/graphql',
      JSON.stringify({ query: `{ __typename } #${'x'.repeat(1_100_000)}` }),
    );
    expect(huge.status).toBe(413);
    const { errors } = (await huge.json()) as { errors: { extensions: { code: string } }[] };
    expect(errors[0]!.extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  // QA19 L12: a corrupt compressed body got Express's HTML "Bad Request" page and a stack trace in the log.
  it('takes a GET link holding a long document, and answers one too long for the server with JSON advice', async () => {
    const link = (padding: number) =>
      `${server.url}/graphql?query=${encodeURIComponent(`{ __typename } #${'x'.repeat(padding)}`)}`;
    // 30 KB: over Node's default of 16 KiB for the request line and headers, within the server's limit.
    const long = await fetch(link(30_000), { headers: { accept: 'application/json' } });
    expect(long.status).toBe(200);
    expect(await long.json()).toEqual({ data: { __typename: 'Query' } });
    for (const accept of ['application/json', 'text/html']) {
      const tooLong = await fetch(link(70_000), { headers: { accept } });
      expect(tooLong.status).toBe(431);
      expect(tooLong.headers.get('content-type')).toContain('application/json');
      const { errors } = (await tooLong.json()) as {
        errors: { message: string; extensions: { code: string } }[];
      };
      expect(errors[0]!.extensions.code).toBe('REQUEST_TOO_LARGE');
      expect(errors[0]!.message).toContain('POST it to /graphql');
    }
    // The server goes on answering.
    const after = await fetch(link(10), { headers: { accept: 'application/json' } });
    expect(after.status).toBe(200);
  });

  it('answers a body that cannot be decompressed with a JSON BAD_REQUEST, for /graphql and /export', async () => {
    for (const path of ['/graphql', '/export'])
      for (const encoding of ['gzip', 'deflate', 'br']) {
        const response = await fetch(`${server.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-encoding': encoding },
          body: 'notcompressed',
        });
        expect(response.status, `${path} ${encoding}`).toBe(400);
        expect(response.headers.get('content-type')).toContain('application/json');
        const { errors } = (await response.json()) as {
          errors: { message: string; extensions: { code: string } }[];
        };
        expect(errors[0]!.extensions.code).toBe('BAD_REQUEST');
        expect(errors[0]!.message).toContain(
          `could not be decompressed as its content-encoding (${encoding})`,
        );
      }
    // A body that is compressed as it says still works.
    const ok = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify({ query: '{ __typename }' })),
    });
    expect(ok.status).toBe(200);
  });
});
