// The demo network (data/demo, illustrative organisations) is loaded when the database has no organisation.
import { fileURLToPath } from 'node:url';
import type { QueryRunner } from '../../common/queryRunner.ts';
import { readAtlas } from './atlasImporter.ts';
import { importSource } from './importDataset.ts';
import type { WriteSummary } from './write.ts';

export const DEMO_DIR = fileURLToPath(new URL('../../../data/demo/', import.meta.url));

/** Loads the demo data into an empty database; returns what was written, or null when it had data. */
export async function ensureDemoData(runner: QueryRunner, dir = DEMO_DIR): Promise<WriteSummary | null> {
  const [row] = await runner.read<{ count: number }>('countOrganisations');
  if ((row?.count ?? 0) > 0) return null;
  return loadDemoData(runner, dir);
}

export async function loadDemoData(runner: QueryRunner, dir = DEMO_DIR): Promise<WriteSummary> {
  return importSource(runner, await readAtlas(dir), { recordedBy: 'atlas-demo' });
}
