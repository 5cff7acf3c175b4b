// Whether the database answers, for /healthz: a yes or no for the public, the reason in the logs only.
import type { DatabaseStatus, QueryRunner } from '../common/queryRunner.ts';

export function databaseStatus(runner: QueryRunner): Promise<DatabaseStatus> {
  return runner.status();
}
