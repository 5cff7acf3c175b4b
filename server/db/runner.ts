// The one way to run a query: sessions, access mode, timeouts, value conversion and error mapping live here.
import neo4j, { type Driver, type ManagedTransaction, Neo4jError } from 'neo4j-driver';
import {
  ConflictError,
  InvalidInputError,
  TimeoutError,
  UnavailableError,
  invariant,
} from '../domain/errors.ts';
import type { QueryCatalog } from './queries.ts';
import { toPlain } from './values.ts';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** Runs named queries inside one transaction; used for all-or-nothing multi-query writes. */
export interface QueryTx {
  run<T = Row>(name: string, params?: Params): Promise<T[]>;
}

export interface QueryRunner {
  read<T = Row>(name: string, params?: Params): Promise<T[]>;
  write<T = Row>(name: string, params?: Params): Promise<T[]>;
  /** One write transaction for several queries: everything commits or nothing does. */
  writeTransaction<R>(work: (tx: QueryTx) => Promise<R>, options?: { timeoutMs?: number }): Promise<R>;
  /** Auto-commit statements that are not in the catalog (schema migrations). */
  runStatement(cypher: string, params?: Params): Promise<Row[]>;
  readonly database: string;
}

export interface RunnerOptions {
  driver: Driver;
  database: string;
  catalog: QueryCatalog;
  timeoutMs: number;
}

export function createQueryRunner({ driver, database, catalog, timeoutMs }: RunnerOptions): QueryRunner {
  const prepare = (name: string, params: Params) => {
    const query = catalog.get(name);
    invariant(query, `no Cypher query named "${name}" in cypher/queries`);
    const missing = query.params.filter((p) => !(p in params));
    invariant(missing.length === 0, `query "${name}" needs parameter(s) ${missing.join(', ')}`);
    return query.text;
  };
  const inTx = (tx: ManagedTransaction): QueryTx => ({
    async run<T>(name: string, params: Params = {}) {
      const result = await tx.run(prepare(name, params), params);
      return result.records.map((r) => toPlain(r.toObject()) as T);
    },
  });
  const session = (mode: 'READ' | 'WRITE') =>
    driver.session({
      database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });

  return {
    database,
    async read<T>(name: string, params: Params = {}) {
      const s = session('READ');
      try {
        return await s.executeRead((tx) => inTx(tx).run<T>(name, params), { timeout: timeoutMs });
      } catch (error) {
        throw mapNeo4jError(error);
      } finally {
        await s.close();
      }
    },
    async write<T>(name: string, params: Params = {}) {
      const s = session('WRITE');
      try {
        return await s.executeWrite((tx) => inTx(tx).run<T>(name, params), { timeout: timeoutMs });
      } catch (error) {
        throw mapNeo4jError(error);
      } finally {
        await s.close();
      }
    },
    async writeTransaction<R>(work: (tx: QueryTx) => Promise<R>, options: { timeoutMs?: number } = {}) {
      const s = session('WRITE');
      try {
        return await s.executeWrite((tx) => work(inTx(tx)), { timeout: options.timeoutMs ?? timeoutMs });
      } catch (error) {
        throw mapNeo4jError(error);
      } finally {
        await s.close();
      }
    },
    async runStatement(cypher: string, params: Params = {}) {
      const s = session('WRITE');
      try {
        const result = await s.run(cypher, params);
        return result.records.map((r) => toPlain(r.toObject()) as Row);
      } catch (error) {
        throw mapNeo4jError(error);
      } finally {
        await s.close();
      }
    },
  };
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
  if (code.includes('TransactionTimedOut')) {
    return new TimeoutError(
      'The query took too long and was stopped. Narrow it (fewer ids, smaller depth or limit).',
      {
        cause: error,
      },
    );
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError(`This conflicts with existing data: ${error.message}`, { cause: error });
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
