// The demo data as `npm start` loads it round-trips through an atlas export: imported back into the same
// database every record is unchanged and no stored value moves (QA L6: the demo loader stored no `websites`
// list, so the first import "updated" every demo organisation and moved its updatedAt). A database whose
// organisations were stored that older way is mended by migration 0010.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../server/db/migrate.ts';
import { exportNetwork } from '../../server/domain/export/exporter.ts';
import { sourceFromDataset } from '../../server/domain/import/datasetSource.ts';
import { DEMO_DIR, loadDemoData } from '../../server/domain/import/demo.ts';
import { describeReport } from '../../server/domain/import/report.ts';
import { importSource } from '../../server/domain/import/importDataset.ts';
import { createNetworkCache, networkAccess } from '../../server/domain/network/cache.ts';
import { runCypher } from '../support/cypher.ts';
import { connectTestDb, type TestDb } from '../support/db.ts';
import { smallNetwork } from '../support/fixtures.ts';
import { importFiles, importWorkspace } from '../support/imports.ts';

let db: TestDb;
const work = importWorkspace('demo-roundtrip-');
const dirs: string[] = [];

/** The demo's published organisations (what an export of them holds). */
const demoIds = (
  parse(fs.readFileSync(path.join(DEMO_DIR, 'organisations.csv'), 'utf8'), { columns: true }) as {
    id: string;
    status: string;
  }[]
)
  .filter((o) => o.status === '' || o.status === 'PUBLISHED')
  .map((o) => o.id);

beforeAll(async () => {
  db = connectTestDb();
  await loadDemoData(db.runner);
}, 180_000);
afterAll(async () => {
  await work.cleanup(db);
  await db.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function exportAtlas(ids: string[]): Promise<string> {
  const files = await exportNetwork(db.runner, networkAccess(db.runner, createNetworkCache()), {
    format: 'ATLAS',
    ids,
    atlasFolder: true,
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-roundtrip-'));
  dirs.push(dir);
  for (const file of files) fs.writeFileSync(path.join(dir, file.name), file.body);
  return dir;
}

/** Every stored property of these organisations, bookkeeping (updatedAt, changedInRun) included. */
async function storedProps(ids: string[]) {
  return runCypher(
    db.driver,
    'MATCH (o:Organisation) WHERE o.id IN $ids RETURN o.id AS id, properties(o) AS props ORDER BY id',
    { ids },
  );
}

describe('the demo data, loaded as npm start loads it', () => {
  it('imports back from its atlas export with every record unchanged, and nothing stored moves', async () => {
    expect(demoIds.length).toBeGreaterThan(250);
    const dir = await exportAtlas(demoIds);
    const dry = await importFiles(db, 'atlas', [dir], '', { dryRun: true });
    expect(dry.status, JSON.stringify(dry.problems.slice(0, 3))).toBe('DRY_RUN');
    const c = dry.counts;
    expect(c.organisations).toMatchObject({
      read: demoIds.length,
      created: 0,
      updated: 0,
      unchanged: demoIds.length,
      merged: 0,
    });
    expect(dry.updates).toEqual([]);
    for (const kind of ['relationships', 'initiatives', 'participations', 'stageHistories'] as const) {
      expect(c[kind], kind).toMatchObject({ created: 0, updated: 0 });
      expect(c[kind].unchanged, kind).toBeGreaterThan(0);
    }
    // For real: no demo organisation gets a new updatedAt or changedInRun (lastImportRun).
    const before = await storedProps(demoIds);
    const report = await importFiles(db, 'atlas', [dir], '');
    expect(report.status, JSON.stringify(report.problems.slice(0, 3))).toBe('PUBLISHED');
    expect(report.counts.organisations).toMatchObject({ updated: 0, unchanged: demoIds.length });
    expect(await storedProps(demoIds)).toEqual(before);
  }, 300_000);
});

describe('organisations stored by the older writer (a demo database from before)', () => {
  it('report "updated" until migration 0010 gives them their websites list; then unchanged, updatedAt kept', async () => {
    const ns = work.namespace('old-writer');
    // As every demo organisation, each has a website.
    const dataset = smallNetwork(ns);
    for (const o of dataset.organisations) o.website = `https://${o.id.replace(/[^a-z0-9]/gi, '')}.example`;
    await importSource(db.runner, sourceFromDataset(dataset), { recordedBy: 'import:test' });
    const published = dataset.organisations.filter((o) => o.status === 'PUBLISHED');
    const ids = published.map((o) => o.id);
    // As the older writer stored them: `website` only, no `websites` list.
    await runCypher(db.driver, 'MATCH (o:Organisation) WHERE o.id IN $ids REMOVE o.websites', { ids });
    const dir = await exportAtlas(ids);
    const old = await importFiles(db, 'atlas', [dir], '', { dryRun: true });
    expect(old.counts.organisations).toMatchObject({ updated: ids.length });
    // The report (and --json) says which field changes: the list the older writer did not store.
    const updates = old.updates.map((u) => [u.record, u.id, u.fields]);
    expect(updates.sort()).toEqual(ids.map((id) => ['organisation', id, ['websites']]).sort());
    expect(describeReport(old).join('\n')).toContain(`organisation ${ids[0]}: websites`);

    const migration = loadMigrations().find((m) => m.version === 10);
    expect(migration?.name).toBe('organisation_websites');
    const before = await storedProps(ids);
    for (const statement of migration!.statements) await db.runner.runMigrationStatement(statement);
    const after = await storedProps(ids);
    for (const o of published) {
      const props = after.find((row) => row.id === o.id)?.props as Record<string, unknown>;
      expect(props.websites).toEqual([o.website]);
      expect(props.updatedAt).toEqual(
        (before.find((row) => row.id === o.id)?.props as Record<string, unknown>).updatedAt,
      );
    }
    const dry = await importFiles(db, 'atlas', [dir], '', { dryRun: true });
    expect(dry.counts.organisations).toMatchObject({ updated: 0, unchanged: ids.length });
  }, 180_000);
});
