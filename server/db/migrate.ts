// Applies cypher/migrations/NNNN_name.cypher in order, once each; the applied versions live in the database.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { QueryRunner } from './runner.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../cypher/migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  statements: string[];
  checksum: string;
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.cypher$/.test(f))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      return {
        version: Number(file.slice(0, 4)),
        name: path.basename(file, '.cypher').slice(5),
        statements: splitStatements(text),
        checksum: crypto.createHash('sha256').update(text).digest('hex'),
      };
    });
}

/** Statements end with ";" at the end of a line; "//" comment lines are dropped. */
export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export interface MigrationReport {
  applied: number[];
  alreadyApplied: number[];
}

export async function applyMigrations(
  runner: QueryRunner,
  migrations = loadMigrations(),
): Promise<MigrationReport> {
  // The version constraint is created first so concurrent starts cannot record a version twice.
  await runner.runStatement(
    'CREATE CONSTRAINT schema_migration_version IF NOT EXISTS FOR (m:SchemaMigration) REQUIRE m.version IS UNIQUE',
  );
  const done = new Set((await runner.read<{ version: number }>('appliedMigrations')).map((m) => m.version));
  const report: MigrationReport = { applied: [], alreadyApplied: [] };
  for (const migration of migrations) {
    if (done.has(migration.version)) {
      report.alreadyApplied.push(migration.version);
      continue;
    }
    // Schema statements cannot share a transaction with writes: each runs on its own, and all are idempotent.
    for (const statement of migration.statements) await runner.runStatement(statement);
    await runner.write('recordMigration', {
      version: migration.version,
      name: migration.name,
      checksum: migration.checksum,
      now: new Date().toISOString(),
    });
    report.applied.push(migration.version);
  }
  await runner.runStatement('CALL db.awaitIndexes(300)');
  return report;
}
