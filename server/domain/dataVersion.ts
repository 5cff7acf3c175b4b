// The data version: a number every write that changes the network increases (in its own transaction).
// Caches of derived figures compare it to know when to refresh.
import type { QueryRunner } from '../common/queryRunner.ts';

export async function dataVersion(runner: QueryRunner): Promise<number> {
  const [row] = await runner.read<{ dataVersion: number }>('dataVersion');
  return row?.dataVersion ?? 0;
}
