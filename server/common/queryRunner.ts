// How the domain runs the named queries of cypher/queries without depending on the driver: the db layer
// implements this interface, the domain receives it. Query names are generated from the folder, so a
// misspelt or deleted query is a type error.
import type { QueryName } from './generated/queryNames.ts';

export type { QueryName };
export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** Runs named queries inside one transaction; used for all-or-nothing multi-query writes. */
export interface QueryTx {
  run<T = Row>(name: QueryName, params?: Params): Promise<T[]>;
}

export interface DatabaseStatus {
  connected: boolean;
  latencyMs: number;
}

export interface QueryRunner {
  readonly database: string;
  read<T = Row>(name: QueryName, params?: Params): Promise<T[]>;
  write<T = Row>(name: QueryName, params?: Params): Promise<T[]>;
  /** One read transaction for several queries: they all see the same committed state. */
  readTransaction<R>(work: (tx: QueryTx) => Promise<R>, options?: { timeoutMs?: number }): Promise<R>;
  /** One write transaction for several queries: everything commits or nothing does. */
  writeTransaction<R>(work: (tx: QueryTx) => Promise<R>, options?: { timeoutMs?: number }): Promise<R>;
  /** Whether the database answers; never throws (the cause goes to the runner's log). */
  status(): Promise<DatabaseStatus>;
}
