// Import runs in integration tests: each test imports under its own namespace (a prefix of every id it
// writes and the only ids it matches), counts what it owns, and removes it afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IMPORTERS } from '../../server/domain/import/importers.ts';
import type { ImportReport } from '../../server/domain/import/report.ts';
import { runImport, type RunOptions } from '../../server/domain/import/run.ts';
import { runCypher } from './cypher.ts';
import { uniquePrefix, type TestDb } from './db.ts';

export async function importFiles(
  db: TestDb,
  format: string,
  paths: string[],
  namespace: string,
  options: Partial<RunOptions> = {},
): Promise<ImportReport> {
  const importer = IMPORTERS[format];
  if (!importer) throw new Error(`no importer ${format}`);
  return runImport(db.runner, importer, { paths, namespace, maxFileBytes: 1024 ** 3, ...options });
}

/** What a namespace holds: nodes per label and relationships per type (staging included). */
export async function owned(db: TestDb, ns: string): Promise<Record<string, number>> {
  const rows = await runCypher(
    db.driver,
    `CALL () {
       MATCH (n) WHERE (n:Organisation OR n:Initiative OR n:Alias OR n:StagedOrganisation OR n:StagedInitiative)
         AND n.id STARTS WITH $ns
       RETURN labels(n)[0] AS what, count(*) AS n
       UNION ALL
       MATCH (a)-[r]->(b) WHERE (a:Organisation OR a:StagedOrganisation) AND a.id STARTS WITH $ns
         AND NOT type(r) IN ['LOCATED_IN', 'WORKS_ON']
       RETURN type(r) AS what, count(*) AS n
       UNION ALL
       MATCH (c:MergeCandidate)-[:CANDIDATE_OF]->(o) WHERE o.id STARTS WITH $ns
       RETURN 'MergeCandidate' AS what, count(DISTINCT c) AS n
       UNION ALL
       MATCH (r:ImportRun) WHERE r.namespace = $ns
       RETURN 'ImportRun' AS what, count(*) AS n
     }
     RETURN what, sum(n) AS n ORDER BY what`,
    { ns },
  );
  return Object.fromEntries(
    rows.filter((r) => (r.n as number) > 0).map((r) => [r.what as string, r.n as number]),
  );
}

/** Everything of a namespace: candidates, aliases, organisations, initiatives (staged too) and its runs. */
export async function deleteNamespace(db: TestDb, ns: string): Promise<void> {
  await runCypher(
    db.driver,
    'MATCH (c:MergeCandidate)-[:CANDIDATE_OF]->(o) WHERE o.id STARTS WITH $ns DETACH DELETE c',
    { ns },
  );
  for (const label of ['Alias', 'Organisation', 'StagedOrganisation', 'Initiative', 'StagedInitiative']) {
    for (;;) {
      const [row] = await runCypher(
        db.driver,
        `MATCH (n:${label}) WHERE n.id STARTS WITH $ns WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS n`,
        { ns },
      );
      if (((row?.n as number | undefined) ?? 0) === 0) break;
    }
  }
  await runCypher(db.driver, 'MATCH (r:ImportRun) WHERE r.namespace = $ns DELETE r', { ns });
  // As every write of the product does: servers still running (other files') drop what was deleted.
  await db.runner.write('bumpDataVersion', { now: new Date().toISOString() });
}

/**
 * What one test file's import runs leave behind: namespaces (`namespace(label)`) and temporary folders of
 * atlas files (`folder({ 'organisations.csv': [...lines] })`); `cleanup` removes both, in afterAll.
 */
export function importWorkspace(tmpPrefix: string) {
  const namespaces: string[] = [];
  const dirs: string[] = [];
  return {
    namespace(label: string): string {
      const ns = `${uniquePrefix(label)}/`;
      namespaces.push(ns);
      return ns;
    },
    folder(files: Record<string, string[]>): string {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), tmpPrefix));
      dirs.push(dir);
      for (const [name, lines] of Object.entries(files))
        fs.writeFileSync(path.join(dir, name), `${lines.join('\n')}\n`);
      return dir;
    },
    async cleanup(db: TestDb): Promise<void> {
      for (const ns of namespaces) await deleteNamespace(db, ns);
      for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    },
  };
}
