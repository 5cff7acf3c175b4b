// The real query runner, recording the name of every query it runs (inside transactions too): a test can
// tell which named queries a use case ran against the real database, e.g. whether it bumped the data version.
import type { QueryName, QueryRunner, QueryTx } from '../../server/common/queryRunner.ts';

export interface RecordingRunner extends QueryRunner {
  readonly names: QueryName[];
}

export function recording(runner: QueryRunner): RecordingRunner {
  const names: QueryName[] = [];
  const tx = (inner: QueryTx): QueryTx => ({
    run: (name, params) => (names.push(name), inner.run(name, params)),
  });
  return {
    names,
    database: runner.database,
    read: (name, params) => (names.push(name), runner.read(name, params)),
    write: (name, params) => (names.push(name), runner.write(name, params)),
    readTransaction: (work, options) => runner.readTransaction((t) => work(tx(t)), options),
    writeTransaction: (work, options) => runner.writeTransaction((t) => work(tx(t)), options),
    status: () => runner.status(),
  };
}
