// The migration runner on a real Neo4j: applies pending migrations once, skips applied ones, and refuses
// to go on when an applied migration was edited afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyMigrations,
  EditedMigrationError,
  loadMigrations,
  type Migration,
} from '../../server/db/migrate.ts';
import { runCypher } from '../support/cypher.ts';
import { connectTestDb, type TestDb } from '../support/db.ts';

let db: TestDb;
// Versions far above the real ones, owned by this file and removed afterwards.
const V1 = 9001;
const V2 = 9002;

function migration(version: number, statements: string[], checksum = `sum-${version}`): Migration {
  return { version, name: `test_${version}`, statements, checksum };
}

const index = (name: string) =>
  `CREATE INDEX ${name} IF NOT EXISTS FOR (n:MigrationTestLabel) ON (n.${name.replace(/\W/g, '_')})`;

async function indexes(): Promise<string[]> {
  const rows = await runCypher(
    db.driver,
    "SHOW INDEXES YIELD name WHERE name STARTS WITH 'migration_test_' RETURN name ORDER BY name",
  );
  return rows.map((r) => String(r.name));
}

beforeAll(() => {
  db = connectTestDb();
});
afterAll(async () => {
  for (const name of await indexes()) await runCypher(db.driver, `DROP INDEX ${name}`);
  await runCypher(db.driver, 'MATCH (m:SchemaMigration) WHERE m.version >= 9000 DELETE m');
  await db.close();
});

describe('applyMigrations', () => {
  it('applies pending migrations in order, once, and records them', async () => {
    const real = loadMigrations();
    const first = await applyMigrations(db.runner, [...real, migration(V1, [index('migration_test_a')])]);
    expect(first.applied).toEqual([V1]);
    expect(first.alreadyApplied).toEqual(real.map((m) => m.version));
    expect(await indexes()).toEqual(['migration_test_a']);

    const second = await applyMigrations(db.runner, [
      ...real,
      migration(V1, [index('migration_test_a')]),
      migration(V2, [index('migration_test_b')]),
    ]);
    expect(second.applied).toEqual([V2]);
    expect(await indexes()).toEqual(['migration_test_a', 'migration_test_b']);

    const rows = await runCypher(
      db.driver,
      'MATCH (m:SchemaMigration) WHERE m.version >= 9000 RETURN m.version AS version, m.checksum AS checksum ORDER BY version',
    );
    expect(rows).toEqual([
      { version: V1, checksum: `sum-${V1}` },
      { version: V2, checksum: `sum-${V2}` },
    ]);
  });

  it('refuses an applied migration whose file changed, and applies nothing', async () => {
    const edited = [
      ...loadMigrations(),
      migration(V1, [index('migration_test_a'), index('migration_test_sneaky')], 'a different checksum'),
      migration(9003, [index('migration_test_c')]),
    ];
    const error = await applyMigrations(db.runner, edited).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EditedMigrationError);
    expect((error as EditedMigrationError).versions).toEqual([V1]);
    expect((error as Error).message).toMatch(/9001.*new migration/);
    expect(await indexes()).toEqual(['migration_test_a', 'migration_test_b']);
  });
});
