// The HTTP surface on one port: /graphql (Apollo), /healthz, and the built explorer (client/dist).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import http from 'node:http';
import type { Duplex } from 'node:stream';
import express from 'express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Logger } from 'pino';
import type { QueryRunner } from '../common/queryRunner.ts';
import { databaseStatus } from '../domain/health.ts';
import { createNetworkCache, networkAccess, type NetworkCache } from '../domain/network/cache.ts';
import { warmUp, type WarmUpReport } from '../domain/network/warmUp.ts';
import { AtlasError } from '../common/errors.ts';
import { exportNetwork } from '../domain/export/exporter.ts';
import { parseExportRequest } from '../domain/export/request.ts';
import { accountsPlugin } from '../graphql/accountsPlugin.ts';
import { createContext, type Context } from '../graphql/context.ts';
import { formatError } from '../graphql/errors.ts';
import { resolvers } from '../graphql/resolvers/index.ts';
import { typeDefs } from '../graphql/schema.ts';
import { armorRejection, depthRule, LIMITS } from '../graphql/limits.ts';
import { limitsPlugin } from '../graphql/limitsPlugin.ts';
import { dateLiteralsRule } from '../graphql/validation.ts';
import { createHttpAuth, type AuthOptions } from './auth.ts';

export const CLIENT_DIST = fileURLToPath(new URL('../../client/dist/', import.meta.url));
/** The test build (with the window.__atlas hook), served by browser tests and benchmarks. */
export const CLIENT_DIST_TEST = fileURLToPath(new URL('../../client/dist-test/', import.meta.url));

export interface AppDeps {
  runner: QueryRunner;
  logger: Logger;
  /** The process's network snapshot cache; one is made when not given. */
  network?: NetworkCache;
  /** REQUEST_BUDGET_MS: how long a request may wait for figures worked out in memory. */
  requestBudgetMs?: number;
  clientDir?: string;
  /** Accounts: rate-limit overrides (tests). */
  auth?: AuthOptions;
  /** Express's `trust proxy` (TRUST_PROXY): whose X-Forwarded-* headers to believe for addresses and HTTPS. */
  trustProxy?: boolean | number | string;
}

export interface AtlasHttpServer {
  server: http.Server;
  apollo: ApolloServer<Context>;
  listen(port: number, host: string): Promise<number>;
  /** Loads the network snapshot and makes the text queries hot (warmUp), for the requests to come. */
  warmUp(signal?: AbortSignal): Promise<WarmUpReport>;
  close(): Promise<void>;
}

export async function createHttpServer(deps: AppDeps): Promise<AtlasHttpServer> {
  const network =
    deps.network ??
    createNetworkCache({
      onRebuild: (info) => deps.logger.info(info, 'network snapshot rebuilt for a new data version'),
    });
  const app = express();
  // A shareable GET link carries its query in the URL: room for a document at the token limit.
  const server = http.createServer({ maxHeaderSize: MAX_HEADER_BYTES }, app);
  server.on('clientError', clientErrors(deps.logger));
  // Aliases and directives are limited by graphql-armor; cost, depth and tokens by our own rules
  // (server/graphql/limits.ts), which count the whole request and answer 400 with LIMIT_EXCEEDED.
  const armor = new ApolloArmor({
    // Suggestions help researchers fix typos in an open API; keep them.
    blockFieldSuggestion: { enabled: false },
    // Reported as our LIMIT_EXCEEDED errors (limits.ts), not armor's "Syntax Error".
    maxAliases: {
      n: LIMITS.aliases,
      propagateOnRejection: false,
      onReject: [armorRejection('Alias', LIMITS.aliases)],
    },
    maxDirectives: {
      n: LIMITS.directives,
      propagateOnRejection: false,
      onReject: [armorRejection('Directive', LIMITS.directives)],
    },
    maxDepth: { enabled: false },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
  });
  const protection = armor.protect();
  const apollo = new ApolloServer<Context>({
    typeDefs,
    resolvers,
    introspection: true,
    ...protection,
    validationRules: [...protection.validationRules, depthRule, dateLiteralsRule],
    parseOptions: { maxTokens: LIMITS.tokens },
    includeStacktraceInErrorResponses: false,
    // The CLI owns shutdown order (HTTP, then driver, then Neo4j); Apollo's own signal handlers would
    // race it and re-raise the signal.
    stopOnTerminationSignals: false,
    // graphql-armor's types point at Apollo's CommonJS build; the plugins are the same objects.
    plugins: [
      ...(protection.plugins as unknown as ApolloServerPlugin<Context>[]),
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      // Apollo's cache-control plugin hooks every field of every response (it wraps each resolver) to
      // work out a cache policy; with no cache hints in the schema that policy is always "uncacheable".
      // Off, and the header it would send is sent directly: no response may be cached.
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin<Context>(),
      limitsPlugin<Context>(),
      // CSRF and rate limits on every mutation (accounts, issue 9).
      accountsPlugin(deps.logger),
    ],
    formatError: (formatted, error) =>
      formatError(formatted, error, (err) => deps.logger.error({ err }, 'internal error')),
  });
  await apollo.start();

  app.disable('x-powered-by');
  // Per-address rate limits and Secure cookies need the client's real address and scheme behind a proxy.
  app.set('trust proxy', deps.trustProxy ?? false);
  const auth = createHttpAuth(deps.runner, deps.auth);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Cytoscape and React set inline styles; scripts stay same-origin only.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
  // Public: up or down, and how fast; why it is down (hosts, driver errors) goes to the log only.
  app.get('/healthz', async (_req, res) => {
    const neo4j = await databaseStatus(deps.runner);
    res.status(neo4j.connected ? 200 : 503).json({ status: neo4j.connected ? 'ok' : 'unavailable', neo4j });
  });
  // Downloads from the one exporter (the same as npm run export): GET with a query string (a link), or
  // POST with a JSON body (long id lists, shortlist notes). Always one file; atlas as JSON.
  const download = (from: 'query' | 'body') => async (req: express.Request, res: express.Response) => {
    try {
      const input = (from === 'query' ? req.query : req.body) as Record<string, unknown>;
      const request = parseExportRequest(input ?? {}, from);
      const [file] = await exportNetwork(
        deps.runner,
        networkAccess(deps.runner, network, deps.requestBudgetMs),
        request,
      );
      if (file!.skipped) {
        res.set(SKIPPED_COUNT_HEADER, String(file!.skipped.length));
        res.set(SKIPPED_HEADER, file!.skipped.slice(0, MAX_SKIPPED_LISTED).map(encodeURIComponent).join(','));
      }
      res.status(200).type(file!.contentType).attachment(file!.name).send(file!.body);
    } catch (error) {
      sendError(res, error, deps.logger);
    }
  };
  app.get('/export', download('query'));
  app.post('/export', express.json({ limit: '2mb' }), download('body'));
  // GET /graphql: a browser tab gets the query editor (a shared link opens with its query loaded and
  // run); a program that accepts JSON gets the result. GET can only run queries (Apollo answers 405 to a
  // mutation), so Apollo's CSRF check, which is there for mutations, is satisfied for GET.
  app.get('/graphql', (req, res, next) => {
    const wanted = req.accepts(['application/graphql-response+json', 'application/json', 'text/html']);
    if (wanted === 'text/html') {
      sendPage(res, deps.clientDir ?? CLIENT_DIST, 'editor.html');
      return;
    }
    req.headers['apollo-require-preflight'] = 'true';
    next();
  });
  // Its own Express app only for its settings: GraphQL answers are no-store (noStorePlugin), so the ETag
  // Express would work out for each (a hash of the whole answer) is never used.
  const graphql = express();
  graphql.disable('x-powered-by');
  graphql.disable('etag');
  graphql.use(
    express.json({ limit: '1mb' }),
    cookieParser(),
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        createContext(deps.runner, network, await auth.requestAuth(req, res), deps.requestBudgetMs),
    }),
  );
  app.use('/graphql', graphql);
  mountClient(app, deps.clientDir ?? CLIENT_DIST);
  app.use(bodyErrors(deps.logger));

  return {
    server,
    apollo,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    warmUp: (signal) => warmUp(deps.runner, network, { signal }),
    close: async () => {
      await apollo.stop();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** `Cache-Control: no-store` on every GraphQL response, as Apollo's cache-control plugin sends without hints. */
function noStorePlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}

/**
 * The request line and headers together (Node's default is 16 KiB): a GET link holding a document near
 * the 2,500-token limit is 20–40 KiB once URL-encoded.
 */
export const MAX_HEADER_BYTES = 64 * 1024;
/**
 * An export's ids left out as unpublished (skipUnpublished): the first MAX_SKIPPED_LISTED, each
 * URI-encoded, comma-separated, and how many in all (client/api/exportFile.ts reads both).
 */
const SKIPPED_HEADER = 'X-Atlas-Skipped';
const SKIPPED_COUNT_HEADER = 'X-Atlas-Skipped-Count';
const MAX_SKIPPED_LISTED = 100;

/** The answer to a request Node could not parse, as raw HTTP: the JSON error shape, then close. */
function rawAnswer(status: string, code: string, message: string): string {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  return (
    `HTTP/1.1 ${status}\r\ncontent-type: application/json; charset=utf-8\r\n` +
    `content-length: ${Buffer.byteLength(body)}\r\ncache-control: no-store\r\nconnection: close\r\n\r\n${body}`
  );
}

/**
 * Requests refused before Express sees them (Node's HTTP parser): a URL and headers over MAX_HEADER_BYTES
 * (431), a request whose headers never finish (408), anything else malformed (400). Node would answer
 * these with a bare status line; they get the JSON shape of every other error, saying what to do.
 */
function clientErrors(logger: Logger) {
  return (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    logger.debug({ code: error.code }, 'request refused by the HTTP parser');
    const answer =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? rawAnswer(
            '431 Request Header Fields Too Large',
            'REQUEST_TOO_LARGE',
            `The request's URL and headers are longer than the server reads (${MAX_HEADER_BYTES / 1024} KiB). ` +
              'For a long query, POST it to /graphql as JSON ({"query": …}) instead of putting it in a GET link; ' +
              'for a long id list, POST it to /export.',
          )
        : error.code === 'HPE_HEADER_TIMEOUT' || error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? rawAnswer(
              '408 Request Timeout',
              'REQUEST_TIMEOUT',
              'The request did not arrive in time: send it again.',
            )
          : rawAnswer('400 Bad Request', 'BAD_REQUEST', 'The request is not valid HTTP.');
    socket.end(answer);
  };
}

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
  UNAVAILABLE: 503,
  TIMEOUT: 504,
};

/** Errors of plain HTTP routes in the shape GraphQL uses: a message, a code, the problems. */
function sendError(res: express.Response, error: unknown, logger: Logger) {
  if (error instanceof AtlasError) {
    const problems = 'problems' in error ? (error as { problems: unknown[] }).problems : [];
    res.status(STATUS[error.code] ?? 400).json({
      errors: [
        {
          message: error.message,
          extensions: { code: error.code, ...(problems.length > 0 ? { problems } : {}) },
        },
      ],
    });
    return;
  }
  logger.error({ err: error }, 'internal error');
  res.status(500).json({
    errors: [
      {
        message: 'Internal server error. It has been logged; please try again or report it.',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
    ],
  });
}

/** What a client sent that the JSON body parser refused, by its error's `type`, and the answer's status. */
const BODY_PROBLEMS: Record<string, { code: string; message: (limit: unknown) => string }> = {
  'entity.parse.failed': {
    code: 'BAD_REQUEST',
    message: () =>
      'The request body is not valid JSON: send a JSON object such as {"query": "{ __typename }"}.',
  },
  'entity.too.large': {
    code: 'PAYLOAD_TOO_LARGE',
    message: (limit) => `The request body is larger than this endpoint accepts (${String(limit)} bytes).`,
  },
  'encoding.unsupported': {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: () =>
      'The request body is compressed in an encoding the server does not read (use gzip, deflate or none).',
  },
  'charset.unsupported': {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: () => 'The request body must be UTF-8 JSON.',
  },
};

/**
 * A body zlib could not decompress (corrupt or cut-short gzip, deflate or br): body-parser passes on
 * zlib's error (status 400, an errno, no type). A client's mistake: the same JSON shape, no stack trace.
 */
function undecompressable(
  encoding: string | undefined,
  status: unknown,
  errno: unknown,
): { code: string; message: () => string } | undefined {
  const name = encoding?.trim().toLowerCase();
  if (!name || name === 'identity' || status !== 400 || typeof errno !== 'number') return undefined;
  return {
    code: 'BAD_REQUEST',
    message: () =>
      `The request body could not be decompressed as its content-encoding (${name}) says: send it compressed with that encoding, or uncompressed without the content-encoding header.`,
  };
}

/**
 * Requests whose body the JSON parser refused (not JSON, too large, an unknown encoding) get an answer in
 * the shape every other error has, with the parser's status (400, 413, 415), rather than Express's HTML
 * page; any other error falls through to Express, as before.
 */
function bodyErrors(logger: Logger): express.ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    const { type, status, limit, errno } = (error ?? {}) as {
      type?: unknown;
      status?: unknown;
      limit?: unknown;
      errno?: unknown;
    };
    const problem =
      typeof type === 'string'
        ? BODY_PROBLEMS[type]
        : undecompressable(req.headers['content-encoding'], status, errno);
    if (!problem || res.headersSent) {
      next(error);
      return;
    }
    logger.debug({ type }, 'request body refused');
    res.status(typeof status === 'number' ? status : 400).json({
      errors: [{ message: problem.message(limit), extensions: { code: problem.code } }],
    });
  };
}

/** One of the built client's pages, or a plain message when the client is not built yet. */
function sendPage(res: express.Response, dir: string, page: string) {
  const file = path.join(dir, page);
  if (fs.existsSync(file)) res.sendFile(file);
  else
    res
      .status(503)
      .type('text')
      .send('The explorer is not built yet: run "npm run build" (npm start does it for you).');
}

function mountClient(app: express.Express, dir: string) {
  app.use(express.static(dir, { index: false, maxAge: '1h' }));
  // Any other GET is a client route (e.g. /?org=…): serve the app shell.
  app.get(/^(?!\/graphql|\/healthz|\/export).*/, (_req, res) => sendPage(res, dir, 'index.html'));
}
