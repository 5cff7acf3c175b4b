// A random secret shared by every server on one database (e.g. the key of CSRF tokens): created on
// first use and kept in Neo4j, so tokens survive restarts and work behind several servers with no setting.
import type { QueryRunner } from '../../common/queryRunner.ts';
import { newSecret } from './secrets.ts';

export async function serverSecret(runner: QueryRunner, name: string): Promise<string> {
  const [row] = await runner.write<{ value: string }>('ensureServerSecret', {
    name,
    candidate: newSecret(),
    now: new Date().toISOString(),
  });
  return row!.value;
}
