// Applies cypher/migrations/NNNN_name.cypher in order, once each; the applied versions live in the database.
// An applied migration is never edited: start-up refuses a store whose applied migration changed since.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DbRunner } from './runner.ts';

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

/** An applied migration's file changed: applying the rest could build on a schema that never existed. */
export class EditedMigrationError extends Error {
  override readonly name = 'EditedMigrationError';
  constructor(readonly versions: number[]) {
    super(
      `Schema migration(s) ${versions.map((v) => String(v).padStart(4, '0')).join(', ')} in cypher/migrations changed after being applied to this database. ` +
        'Applied migrations are never edited: restore the file(s) (e.g. git checkout cypher/migrations) and put the change in a new migration with the next number.',
    );
  }
}

export async function applyMigrations(
  runner: DbRunner,
  migrations = loadMigrations(),
): Promise<MigrationReport> {
  const done = new Map(
    (await runner.read<{ version: number; checksum: string }>('appliedMigrations')).map((m) => [
      m.version,
      m.checksum,
    ]),
  );
  const edited = migrations
    .filter((m) => done.has(m.version) && done.get(m.version) !== m.checksum)
    .map((m) => m.version);
  if (edited.length > 0) throw new EditedMigrationError(edited);

  const report: MigrationReport = { applied: [], alreadyApplied: [] };
  const pending = migrations.filter((m) => !done.has(m.version));
  // Schema changes need schema privileges: only ask for them when something is pending. The version
  // constraint comes first so concurrent starts cannot record a version twice.
  if (pending.length > 0) await runner.runAutoCommit('ensureMigrationConstraint');
  for (const migration of migrations) {
    if (done.has(migration.version)) {
      report.alreadyApplied.push(migration.version);
      continue;
    }
    // Schema statements cannot share a transaction with writes: each runs on its own, and all are idempotent.
    for (const statement of migration.statements) await runner.runMigrationStatement(statement);
    await runner.write('recordMigration', {
      version: migration.version,
      name: migration.name,
      checksum: migration.checksum,
      now: new Date().toISOString(),
    });
    report.applied.push(migration.version);
  }
  // Also with nothing pending: a Neo4j just (re)started may still be bringing an index online, and a
  // search on the full-text index before then fails instead of answering.
  await runner.runAutoCommit('awaitIndexes');
  return report;
}
