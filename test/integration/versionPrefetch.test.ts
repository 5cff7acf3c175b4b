// Over HTTP: a query that checked the data version when it last ran starts that read as the request
// arrives (server/graphql/versionPrefetch.ts). Still one data-version read per request, and a write
// committed before the request is seen at once; a query that does not check it reads nothing more.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryRunner } from '../../server/common/queryRunner.ts';
import { dataVersion } from '../../server/domain/dataVersion.ts';
import { sourceFromDataset } from '../../server/domain/import/datasetSource.ts';
import { importSource } from '../../server/domain/import/importDataset.ts';
import type { Dataset } from '../../server/domain/model.ts';
import { createNetworkCache } from '../../server/domain/network/cache.ts';
import { createHttpServer, type AtlasHttpServer } from '../../server/http/app.ts';
import { connectTestDb, deleteByPrefix, uniquePrefix, type TestDb } from '../support/db.ts';
import { initiative, org, participation } from '../support/fixtures.ts';

let db: TestDb;
let server: AtlasHttpServer;
let url: string;
const p = uniquePrefix('prefetch');
const ini = `${p}-ini`;
const network = createNetworkCache();
/** The data-version reads of the current request: whether each was started by prefetchVersion. */
let versionReads: ('early' | 'at the check')[] = [];

const dataset = (changed: boolean): Dataset => ({
  organisations: [org(`${p}-a`, 'Alpha Lab', 'NGO'), org(`${p}-b`, 'Beta Council', 'GOVERNMENT')],
  relationships: [],
  places: [],
  initiatives: [initiative(ini, changed ? `${p} Scaled` : `${p} Pilot`, changed ? 'SCALING' : 'PILOT')],
  participations: [
    participation(ini, `${p}-a`, 'LEAD'),
    participation(ini, `${p}-b`, changed ? 'FUNDER' : 'PARTNER'),
  ],
});

/** The test database's runner, noting who started each data-version read. */
function notingRunner(runner: QueryRunner): QueryRunner {
  return {
    ...runner,
    read: (name, params) => {
      if (name === 'dataVersion')
        versionReads.push(new Error().stack?.includes('prefetchVersion') ? 'early' : 'at the check');
      return runner.read(name, params);
    },
  };
}

async function post(query: string, variables: Record<string, unknown>) {
  versionReads = [];
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return { data: body.data!, versionReads };
}

const NESTED = `query ($id: ID!) {
  initiative(id: $id) { id name stage participants { role organisation { id name sector } } }
}`;

beforeAll(async () => {
  db = connectTestDb();
  await importSource(db.runner, sourceFromDataset(dataset(false)), { recordedBy: 'import:test' });
  server = await createHttpServer({
    runner: notingRunner(db.runner),
    network,
    logger: pino({ level: 'silent' }),
  });
  url = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
});
afterAll(async () => {
  await server?.close();
  await deleteByPrefix(db, p);
  await db.close();
});

describe('the data-version read of a query that checked it last time', () => {
  it('is started as the request arrives, once per request, and sees a write committed before it', async () => {
    // Other test files write to the same database: try again until the version stayed put meanwhile.
    let checked = false;
    for (let attempt = 0; attempt < 10 && !checked; attempt++) {
      const version = await dataVersion(db.runner);
      await network.current(db.runner);
      const first = await post(NESTED, { id: ini });
      const again = await post(NESTED, { id: ini });
      if ((await dataVersion(db.runner)) !== version) continue;
      checked = true;
      expect(first.versionReads).toEqual(['at the check']);
      expect(again.versionReads).toEqual(['early']);
      expect(again.data).toEqual(first.data);
      expect(first.data.initiative).toMatchObject({ name: `${p} Pilot`, stage: 'PILOT' });
    }
    if (!checked)
      throw new Error('the data version moved during every attempt: other test files kept writing');

    try {
      await importSource(db.runner, sourceFromDataset(dataset(true)), { recordedBy: 'import:test' });
      const after = await post(NESTED, { id: ini });
      expect(after.versionReads).toEqual(['early']);
      expect(after.data.initiative).toMatchObject({
        name: `${p} Scaled`,
        stage: 'SCALING',
        participants: [
          { role: 'LEAD', organisation: { id: `${p}-a` } },
          { role: 'FUNDER', organisation: { id: `${p}-b` } },
        ],
      });
    } finally {
      await importSource(db.runner, sourceFromDataset(dataset(false)), { recordedBy: 'import:test' });
    }
  });

  it('is not started for a query that does not check it (an organisation by id)', async () => {
    const query = `query ($id: ID!) { organisation(id: $id) { id name } }`;
    for (let k = 0; k < 2; k++) {
      const { data, versionReads: reads } = await post(query, { id: `${p}-a` });
      expect(data.organisation).toEqual({ id: `${p}-a`, name: 'Alpha Lab' });
      expect(reads).toEqual([]);
    }
  });
});
