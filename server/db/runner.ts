// The one way to run a query: sessions, access mode, timeouts, value conversion and error mapping live here.
import neo4j, { type Driver, type ManagedTransaction, Neo4jError } from 'neo4j-driver';
import {
  ConflictError,
  InvalidInputError,
  TimeoutError,
  UnavailableError,
  invariant,
} from '../common/errors.ts';
import type { Params, QueryName, QueryRunner, QueryTx, Row } from '../common/queryRunner.ts';
import type { QueryCatalog } from './queries.ts';
import { toPlain } from './values.ts';

/** The db layer's runner: the domain's interface plus auto-commit statements for the migration runner. */
export interface DbRunner extends QueryRunner {
  /** A named query run in an auto-commit transaction (schema statements, db.awaitIndexes). */
  runAutoCommit(name: QueryName): Promise<Row[]>;
  /** One statement of a file in cypher/migrations, run in an auto-commit transaction. */
  runMigrationStatement(cypher: string): Promise<Row[]>;
}

export interface RunnerOptions {
  driver: Driver;
  database: string;
  catalog: QueryCatalog;
  timeoutMs: number;
  /** Where failures that are answered without detail (status checks) are reported. */
  onHiddenError?: (error: unknown, context: string) => void;
}

export function createQueryRunner({
  driver,
  database,
  catalog,
  timeoutMs,
  onHiddenError = () => {},
}: RunnerOptions): DbRunner {
  const prepare = (name: QueryName, params: Params) => {
    const query = catalog.get(name);
    invariant(query, `no Cypher query named "${name}" in cypher/queries`);
    const missing = query.params.filter((p) => !(p in params));
    invariant(missing.length === 0, `query "${name}" needs parameter(s) ${missing.join(', ')}`);
    return query.text;
  };
  const inTx = (tx: ManagedTransaction): QueryTx => ({
    async run<T>(name: QueryName, params: Params = {}) {
      const text = prepare(name, params);
      const result = await withoutCallSiteStack(() => tx.run(text, params));
      return result.records.map((r) => toPlain(r.toObject()) as T);
    },
  });
  const session = (mode: 'READ' | 'WRITE') =>
    driver.session({
      database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
  const managed = async <R>(
    mode: 'READ' | 'WRITE',
    work: (tx: QueryTx) => Promise<R>,
    timeout: number,
  ): Promise<R> => {
    const s = session(mode);
    try {
      const run = (tx: ManagedTransaction) => work(inTx(tx));
      return await (mode === 'READ' ? s.executeRead(run, { timeout }) : s.executeWrite(run, { timeout }));
    } catch (error) {
      throw mapNeo4jError(withStack(error));
    } finally {
      await s.close();
    }
  };

  /**
   * One read statement in an auto-commit transaction: RUN and PULL go in one round trip, where a managed
   * transaction adds BEGIN and COMMIT and so a second round trip (most of a small query's time). A
   * failure the driver would retry (a transient error, a lost connection) is run again as a managed
   * read, which retries as the driver does; any other error is mapped as usual.
   */
  const readStatement = async <T>(name: QueryName, params: Params): Promise<T[]> => {
    const text = prepare(name, params);
    const s = session('READ');
    try {
      const result = await withoutCallSiteStack(() => s.run(text, params, { timeout: timeoutMs }));
      return result.records.map((r) => toPlain(r.toObject()) as T);
    } catch (error) {
      if (!Neo4jError.isRetryable(error)) throw mapNeo4jError(withStack(error));
    } finally {
      await s.close();
    }
    return managed('READ', (tx) => tx.run<T>(name, params), timeoutMs);
  };

  const autoCommit = async (cypher: string): Promise<Row[]> => {
    const s = session('WRITE');
    try {
      const result = await withoutCallSiteStack(() => s.run(cypher));
      return result.records.map((r) => toPlain(r.toObject()) as Row);
    } catch (error) {
      throw mapNeo4jError(withStack(error));
    } finally {
      await s.close();
    }
  };

  return {
    database,
    read: <T>(name: QueryName, params: Params = {}) => readStatement<T>(name, params),
    write: <T>(name: QueryName, params: Params = {}) =>
      managed('WRITE', (tx) => tx.run<T>(name, params), timeoutMs),
    readTransaction: (work, options = {}) => managed('READ', work, options.timeoutMs ?? timeoutMs),
    writeTransaction: (work, options = {}) => managed('WRITE', work, options.timeoutMs ?? timeoutMs),
    async status() {
      const started = Date.now();
      try {
        await driver.getServerInfo({ database });
        return { connected: true, latencyMs: Date.now() - started };
      } catch (error) {
        onHiddenError(error, 'database status check failed');
        return { connected: false, latencyMs: Date.now() - started };
      }
    },
    runAutoCommit: (name: QueryName) => autoCommit(prepare(name, {})),
    runMigrationStatement: autoCommit,
  };
}

/**
 * Starts a query (`session.run`, `tx.run`: both build their Result synchronously) without the call-site
 * stack trace neo4j-driver captures for every Result to put on a failure later. It formats that trace at
 * once (`new Error().stack`), which with source maps on (tsx) costs about 0.1 ms per query, on every
 * query: as much as all of GraphQL's own work for a small read. A failed query gets the stack of where
 * the runner catches it instead (withStack), which names the same callers.
 */
function withoutCallSiteStack<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Gives an error started under withoutCallSiteStack (so without frames) the stack of the caller's await. */
function withStack(error: unknown): unknown {
  if (error instanceof Error && !/\n\s+at /.test(error.stack ?? ''))
    Error.captureStackTrace(error, withStack);
  return error;
}

/** Maps driver errors to the domain vocabulary; anything unexpected is rethrown as is (an internal error). */
export function mapNeo4jError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  const code = error.code ?? '';
  // The driver's own message names hosts and routing tables: keep it in `cause` (logged), not in the reply.
  if (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    code === 'Neo.TransientError.General.DatabaseUnavailable'
  ) {
    return new UnavailableError('The database is unavailable. Try again shortly.', { cause: error });
  }
  if (
    code.includes('TransactionTimedOut') ||
    code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'
  ) {
    return new TimeoutError(
      'The query took too long and was stopped. Narrow it (fewer ids, smaller depth or limit, a smaller page).',
      { cause: error },
    );
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    // The message names labels and values of other records: say what happened, keep the detail in the log.
    return new ConflictError('This conflicts with existing data (a record with the same id exists).', {
      cause: error,
    });
  }
  if (
    code === 'Neo.ClientError.Procedure.ProcedureCallFailed' &&
    /TooManyClauses|TooManyNestedClauses/.test(error.message)
  ) {
    return new InvalidInputError('The search text is too broad: use fewer or longer words.', [], {
      cause: error,
    });
  }
  return error;
}
