// A small network of a test file's own (every id under its unique prefix), imported as the importer does and
// served by the real app; closed and deleted after the file's tests.
import { sourceFromDataset } from '../../server/domain/import/datasetSource.ts';
import { importSource } from '../../server/domain/import/importDataset.ts';
import type { Dataset } from '../../server/domain/model.ts';
import { connectTestDb, deleteByPrefix, type TestDb } from './db.ts';
import { startTestServer, type TestServer } from './server.ts';

export interface ServedNetwork {
  db: TestDb;
  server: TestServer;
}

/** `prefix`: the one every id of `dataset` starts with (what closeServedNetwork deletes). */
export async function openServedNetwork(prefix: string, dataset: Dataset): Promise<ServedNetwork> {
  const db = connectTestDb();
  try {
    await importSource(db.runner, sourceFromDataset(dataset), { recordedBy: 'import:test' });
    return { db, server: await startTestServer(db) };
  } catch (error) {
    await closeServedNetwork({ db }, prefix);
    throw error;
  }
}

/** Closes the server and the connection and deletes the network; what was not opened is skipped. */
export async function closeServedNetwork(opened: Partial<ServedNetwork>, prefix: string): Promise<void> {
  await opened.server?.close();
  if (!opened.db) return;
  await deleteByPrefix(opened.db, prefix);
  await opened.db.close();
}
