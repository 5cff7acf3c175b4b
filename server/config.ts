// Reads and validates configuration from the environment once; everything else receives the typed Config.
import path from 'node:path';
import { z } from 'zod';

const byteSize = z
  .string()
  .regex(/^\d+[kmgKMG]?$/, 'a size such as 512m or 2g')
  .transform((s) => s.toLowerCase());

const optionalText = z
  .string()
  .optional()
  .transform((s) => (s === undefined || s.trim() === '' ? undefined : s));

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NEO4J_URI: optionalText.pipe(
    z
      .string()
      .regex(
        /^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s]+$/,
        'a Neo4j URI such as bolt://host:7687 or neo4j+s://xxxx.databases.neo4j.io',
      )
      .optional(),
  ),
  NEO4J_USER: optionalText,
  NEO4J_PASSWORD: optionalText,
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  NEO4J_DATA_DIR: z.string().min(1).default('./data/neo4j'),
  NEO4J_BOLT_PORT: z.coerce.number().int().min(1).max(65535).default(7687),
  NEO4J_HEAP: byteSize.default('1g'),
  NEO4J_PAGECACHE: byteSize.default('512m'),
  NEO4J_START_TIMEOUT_MS: z.coerce.number().int().min(1000).default(180_000),
  QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  REQUEST_BUDGET_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  LOAD_DEMO_DATA: z.enum(['true', 'false']).default('true'),
  WARM_UP: z.enum(['true', 'false']).default('true'),
  TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|\d+|[\w.:/, -]+)$/,
      'false, true, a number of proxies, or addresses such as loopback or 10.0.0.1',
    )
    .default('false'),
  IMPORT_MAX_FILE_MB: z.coerce.number().positive().max(1_048_576).default(1024),
  JAVA_HOME: optionalText,
});

export interface Neo4jConnection {
  uri: string;
  user: string | undefined;
  password: string | undefined;
  database: string;
}

export interface LocalNeo4jConfig {
  dataDir: string;
  boltPort: number;
  heap: string;
  pageCache: string;
  startTimeoutMs: number;
  javaHome: string | undefined;
}

export interface Config {
  port: number;
  host: string;
  logLevel: string;
  /** Set when NEO4J_URI is given: connect there and start no local Neo4j. */
  externalNeo4j: Neo4jConnection | undefined;
  database: string;
  local: LocalNeo4jConfig;
  queryTimeoutMs: number;
  /** How long one API request may take for figures worked out in memory (snapshot, analytics). */
  requestBudgetMs: number;
  loadDemoData: boolean;
  /** WARM_UP: once ready, load the network snapshot and make the text queries hot (server/domain/network/warmUp.ts). */
  warmUp: boolean;
  /** Express's `trust proxy`: whose X-Forwarded-For/-Proto to believe (client addresses, HTTPS). */
  trustProxy: boolean | number | string;
  /** `npm run import` refuses a file larger than this many bytes (IMPORT_MAX_FILE_MB). */
  importMaxFileBytes: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every variable.`,
    );
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.');
        return `${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  if (e.NEO4J_URI === undefined && (e.NEO4J_USER !== undefined || e.NEO4J_PASSWORD !== undefined)) {
    throw new ConfigError([
      'NEO4J_USER/NEO4J_PASSWORD are set but NEO4J_URI is not: set NEO4J_URI to use that server, or unset them to use the local Neo4j',
    ]);
  }
  if (e.NEO4J_URI !== undefined && e.NEO4J_PASSWORD !== undefined && e.NEO4J_USER === undefined) {
    throw new ConfigError(['NEO4J_PASSWORD is set without NEO4J_USER: set NEO4J_USER too (usually "neo4j")']);
  }
  if (e.NEO4J_URI === undefined && e.NEO4J_DATABASE !== 'neo4j') {
    throw new ConfigError([
      `NEO4J_DATABASE=${JSON.stringify(e.NEO4J_DATABASE)}: the local Neo4j (Community) has only the database "neo4j"; unset NEO4J_DATABASE or set NEO4J_URI to a server that has this database`,
    ]);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    externalNeo4j:
      e.NEO4J_URI === undefined
        ? undefined
        : { uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE },
    database: e.NEO4J_DATABASE,
    local: {
      dataDir: path.resolve(cwd, e.NEO4J_DATA_DIR),
      boltPort: e.NEO4J_BOLT_PORT,
      heap: e.NEO4J_HEAP,
      pageCache: e.NEO4J_PAGECACHE,
      startTimeoutMs: e.NEO4J_START_TIMEOUT_MS,
      javaHome: e.JAVA_HOME,
    },
    queryTimeoutMs: e.QUERY_TIMEOUT_MS,
    requestBudgetMs: e.REQUEST_BUDGET_MS,
    loadDemoData: e.LOAD_DEMO_DATA === 'true',
    warmUp: e.WARM_UP === 'true',
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    importMaxFileBytes: Math.round(e.IMPORT_MAX_FILE_MB * 1024 * 1024),
  };
}

function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return /^\d+$/.test(value) ? Number(value) : value;
}
