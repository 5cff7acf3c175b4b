// Starts the real HTTP server (Apollo, /healthz, static client) on a free port against the test Neo4j.
import { pino, type Logger } from 'pino';
import { createHttpServer, type AtlasHttpServer } from '../../server/http/app.ts';
import type { AuthOptions } from '../../server/http/auth.ts';
import type { TestDb } from './db.ts';

export interface TestServer {
  url: string;
  http: AtlasHttpServer;
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  close(): Promise<void>;
}

export async function startTestServer(
  db: TestDb,
  options: {
    clientDir?: string;
    logger?: Logger;
    auth?: AuthOptions;
    /** Express's `trust proxy` (TRUST_PROXY): tests of X-Forwarded-For addresses and HTTPS. */
    trustProxy?: boolean | number | string;
  } = {},
): Promise<TestServer> {
  const http = await createHttpServer({
    runner: db.runner,
    logger: options.logger ?? pino({ level: 'silent' }),
    ...(options.clientDir ? { clientDir: options.clientDir } : {}),
    ...(options.auth ? { auth: options.auth } : {}),
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
  });
  const port = await http.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    http,
    async graphql(query, variables = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return response.json() as never;
    },
    close: () => http.close(),
  };
}
