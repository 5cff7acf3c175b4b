// The start-up warm-up (server/domain/network/warmUp.ts): after it, the process holds the current network
// snapshot with its orderings and text index, and the search box's and the text list's queries have run on words of
// organisation names; a shutdown stops it before any text query.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceFromDataset } from '../../server/domain/import/datasetSource.ts';
import { importSource } from '../../server/domain/import/importDataset.ts';
import { emptyDataset } from '../../server/domain/model.ts';
import { createNetworkCache, networkAccess } from '../../server/domain/network/cache.ts';
import { TEXT_INDEX } from '../../server/domain/network/textIndex.ts';
import { warmUp, warmUpWords } from '../../server/domain/network/warmUp.ts';
import { connectTestDb, deleteByPrefix, uniquePrefix, type TestDb } from '../support/db.ts';
import { org } from '../support/fixtures.ts';
import { recording } from '../support/recordingRunner.ts';

let db: TestDb;
const p = uniquePrefix('warm');
const w = p.replace(/[^a-zA-Z0-9]/g, '').toLowerCase();

beforeAll(async () => {
  db = connectTestDb();
  await importSource(
    db.runner,
    sourceFromDataset({
      ...emptyDataset(),
      organisations: [
        org(`${p}-a`, `${w} Harbour Trust`, 'NGO'),
        org(`${p}-b`, `${w} Lantern Labs`, 'COMPANY'),
      ],
    }),
    { recordedBy: 'import:test' },
  );
});
afterAll(async () => {
  await deleteByPrefix(db, p);
  await db.close();
});

describe('warmUp', () => {
  it('loads the snapshot and its orderings, then runs the search and the text list on words of names', async () => {
    const cache = createNetworkCache();
    const runner = recording(db.runner);
    const report = await warmUp(runner, cache, { words: 6 });

    const snapshot = cache.latest();
    expect(snapshot).not.toBeNull();
    // The current data version's snapshot: asking again finds it without a rebuild.
    expect(await networkAccess(db.runner, cache).snapshot()).toBe(snapshot);
    expect(cache.kept(snapshot!, 'orderings')).toBe(true);
    expect(cache.kept(snapshot!, TEXT_INDEX)).toBe(true);
    expect(report.organisations).toBeGreaterThanOrEqual(2);
    expect(report.stopped).toBe(false);

    // The words of the snapshot's names it picks, distinct, 3 letters or more.
    const picked = warmUpWords(snapshot!, 6);
    expect(picked.length).toBeGreaterThan(0);
    expect(new Set(picked).size).toBe(picked.length);
    const nameWords = new Set(snapshot!.names.flatMap((n) => n.toLowerCase().split(/[^\p{L}\p{N}]+/u)));
    for (const word of picked) {
      expect(word.length).toBeGreaterThanOrEqual(3);
      expect(nameWords.has(word)).toBe(true);
    }
    // Each word of the warm-up's own snapshot (others may write meanwhile) once as a search and once as a list.
    const { words } = report;
    expect(words.length).toBeGreaterThan(0);
    expect(words.length).toBeLessThanOrEqual(6);
    expect(report.queries).toBe(2 * words.length);
    const count = (name: string) => runner.names.filter((n) => n === name).length;
    expect(count('searchOrganisations')).toBe(words.length);
    expect(count('snapshotTexts')).toBeGreaterThanOrEqual(1);
    expect(count('organisationPage')).toBeGreaterThanOrEqual(1);
  });

  it('stops before any text query once its signal is aborted', async () => {
    const runner = recording(db.runner);
    const stop = new AbortController();
    stop.abort();
    const report = await warmUp(runner, createNetworkCache(), { signal: stop.signal });
    expect(report).toMatchObject({ stopped: true, queries: 0 });
    expect(runner.names).not.toContain('searchOrganisations');
    expect(runner.names).not.toContain('organisationPage');
  });
});
