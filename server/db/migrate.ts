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
  /** Applied migrations whose file changed since: never re-applied; write a new migration instead. */
  edited: number[];
}

export async function applyMigrations(
  runner: QueryRunner,
  logger?: { warn(obj: object, msg: string): void },
  migrations = loadMigrations(),
): Promise<MigrationReport> {
  const done = new Map(
    (await runner.read<{ version: number; checksum: string }>('appliedMigrations')).map((m) => [
      m.version,
      m.checksum,
    ]),
  );
  const report: MigrationReport = { applied: [], alreadyApplied: [], edited: [] };
  const pending = migrations.filter((m) => !done.has(m.version));
  // Schema changes need schema privileges: only ask for them when something is pending. The version
  // constraint comes first so concurrent starts cannot record a version twice.
  if (pending.length > 0) {
    await runner.runStatement(
      'CREATE CONSTRAINT schema_migration_version IF NOT EXISTS FOR (m:SchemaMigration) REQUIRE m.version IS UNIQUE',
    );
  }
  for (const migration of migrations) {
    if (done.has(migration.version)) {
      report.alreadyApplied.push(migration.version);
      if (done.get(migration.version) !== migration.checksum) report.edited.push(migration.version);
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
  if (report.edited.length > 0) {
    logger?.warn(
      { versions: report.edited },
      'applied schema migrations were edited afterwards; edits are not re-applied: add a new migration file instead',
    );
  }
  if (pending.length > 0) await runner.runStatement('CALL db.awaitIndexes(300)');
  return report;
}
