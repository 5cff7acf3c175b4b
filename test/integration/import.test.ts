// The import pipeline on a real Neo4j: all or nothing, idempotent, provenance kept, references checked.
import { runCypher } from '../support/cypher.ts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../server/common/errors.ts';
import { sourceFromDataset } from '../../server/domain/import/datasetSource.ts';
import { importSource } from '../../server/domain/import/importDataset.ts';
import { unchanged } from '../../server/domain/import/summary.ts';
import type { QueryTx } from '../../server/common/queryRunner.ts';
import { dataVersion } from '../../server/domain/dataVersion.ts';
import { connectTestDb, deleteByPrefix, uniquePrefix, type TestDb } from '../support/db.ts';
import { org, rel, smallNetwork } from '../support/fixtures.ts';

let db: TestDb;
const prefixes: string[] = [];
const newPrefix = (label: string) => {
  const p = uniquePrefix(label);
  prefixes.push(p);
  return p;
};

beforeAll(() => {
  db = connectTestDb();
});
afterEach(async () => {
  for (const p of prefixes.splice(0)) await deleteByPrefix(db, p);
});
afterAll(async () => {
  await db.close();
});

/** Everything the test owns, as plain data, to compare before and after. */
async function snapshot(prefix: string) {
  return runCypher(
    db.driver,
    `MATCH (n) WHERE (n:Organisation OR n:Initiative) AND n.id STARTS WITH $prefix
     OPTIONAL MATCH (n)-[r]->(m)
     WITH n, r, m ORDER BY type(r), coalesce(r.id, ''), coalesce(m.id, '')
     RETURN n.id AS id, properties(n) AS props,
            collect(CASE WHEN r IS NULL THEN null ELSE [type(r), m.id, properties(r)] END) AS out
     ORDER BY id`,
    { prefix },
  );
}

describe('importSource', () => {
  it('writes organisations, typed relationships, places, themes and initiatives', async () => {
    const p = newPrefix('imp');
    const summary = await importSource(db.runner, sourceFromDataset(smallNetwork(p)), {
      recordedBy: 'import:test',
    });
    expect(summary).toMatchObject({
      organisations: { created: 7 },
      relationships: { created: 7 },
      initiatives: { created: 1 },
      participations: { created: 2 },
    });

    const [row] = await runCypher(
      db.driver,
      `MATCH (o:Organisation {id: $id})-[:LOCATED_IN]->(city:Place)-[:IN]->(region:Place)-[:IN]->(country:Place)
       RETURN city.name AS city, city.latitude AS lat, region.name AS region, country.name AS country,
              COLLECT { MATCH (o)-[:WORKS_ON]->(t:Theme) RETURN t.name ORDER BY t.name } AS themes,
              o.identifiers AS identifiers`,
      { id: `${p}-hub` },
    );
    expect(row).toMatchObject({
      city: 'Leeds',
      lat: 53.8,
      region: 'England',
      country: 'United Kingdom',
      themes: ['Digital inclusion', 'Housing'],
    });
    expect(row?.identifiers).toEqual([expect.stringMatching(/^GB-GOV:/)]);

    const kinds = await runCypher(
      db.driver,
      `MATCH (a:Organisation)-[r]->(b:Organisation) WHERE r.id STARTS WITH $prefix RETURN type(r) AS kind ORDER BY kind`,
      { prefix: p },
    );
    expect(kinds.map((k) => k.kind)).toEqual([
      'ADOPTION',
      'DATA_SHARING',
      'FUNDING',
      'MEMBERSHIP',
      'PARTNERSHIP',
      'PARTNERSHIP',
      'PARTNERSHIP',
    ]);
  });

  it('keeps trust states and provenance exactly as given, and dates as dates', async () => {
    const p = newPrefix('prov');
    await importSource(db.runner, sourceFromDataset(smallNetwork(p)), { recordedBy: 'import:test' });
    const [r1] = await runCypher(
      db.driver,
      `MATCH ()-[r {id: $id}]->() RETURN r.trust AS trust, r.sourceUrl AS url, r.sourceDataset AS dataset,
              r.sourceRecord AS record, r.recordedBy AS by, r.recordedAt AS at, r.since AS since`,
      { id: `${p}-r1` },
    );
    expect(r1).toEqual({
      trust: 'CONFIRMED',
      url: 'https://example.org/source',
      dataset: 'test-fixture',
      record: 'row-7',
      by: 'tester',
      at: '2024-01-02T03:04:05Z',
      since: '2020-01-15',
    });
    // A fact that names no recorder gets the importer's name and the import time.
    const [r3] = await runCypher(
      db.driver,
      'MATCH ()-[r {id: $id}]->() RETURN r.trust AS trust, r.recordedBy AS by, r.recordedAt AS at',
      { id: `${p}-r3` },
    );
    expect(r3).toMatchObject({ trust: 'CLAIMED', by: 'import:test' });
    expect(Date.parse(String(r3?.at))).not.toBeNaN();
  });

  it('is idempotent: the same input twice changes nothing', async () => {
    const p = newPrefix('idem');
    const dataset = smallNetwork(p);
    await importSource(db.runner, sourceFromDataset(dataset), {
      recordedBy: 'import:test',
      now: '2025-01-01T00:00:00Z',
    });
    const before = await snapshot(p);
    await importSource(db.runner, sourceFromDataset(dataset), {
      recordedBy: 'import:test',
      now: '2025-06-01T00:00:00Z',
    });
    expect(await snapshot(p)).toEqual(before);
    expect(before.length).toBe(8);
  });

  it('updates a changed record and moves only its updatedAt', async () => {
    const p = newPrefix('upd');
    const dataset = smallNetwork(p);
    await importSource(db.runner, sourceFromDataset(dataset), {
      recordedBy: 't',
      now: '2025-01-01T00:00:00Z',
    });
    const changed = structuredClone(dataset);
    changed.organisations[1]!.name = 'Renamed Trust';
    changed.organisations[1]!.themes = ['Employment'];
    await importSource(db.runner, sourceFromDataset(changed), {
      recordedBy: 't',
      now: '2025-06-01T00:00:00Z',
    });
    const rows = await runCypher(
      db.driver,
      `MATCH (o:Organisation) WHERE o.id IN [$a, $hub]
       RETURN o.id AS id, o.name AS name, o.updatedAt AS updatedAt,
              COLLECT { MATCH (o)-[:WORKS_ON]->(t) RETURN t.name } AS themes ORDER BY id`,
      { a: `${p}-a`, hub: `${p}-hub` },
    );
    expect(rows).toEqual([
      { id: `${p}-a`, name: 'Renamed Trust', updatedAt: '2025-06-01T00:00:00.000Z', themes: ['Employment'] },
      expect.objectContaining({ id: `${p}-hub`, updatedAt: '2025-01-01T00:00:00.000Z' }),
    ]);
  });

  it('rejects a dangling reference with its location and writes nothing', async () => {
    const p = newPrefix('dang');
    const dataset = smallNetwork(p);
    dataset.relationships.push(rel(`${p}-bad`, `${p}-a`, `${p}-nobody`, 'PARTNERSHIP'));
    const error = await importSource(db.runner, sourceFromDataset(dataset), { recordedBy: 't' }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.problems).toEqual([
      expect.objectContaining({
        code: 'DANGLING_REFERENCE',
        field: 'target',
        file: 'dataset:relationships[7]',
      }),
    ]);
    expect(await snapshot(p)).toEqual([]);
  });

  it('accepts references to organisations already in the database', async () => {
    const p = newPrefix('ext');
    await importSource(db.runner, sourceFromDataset(smallNetwork(p)), { recordedBy: 't' });
    const later = {
      organisations: [org(`${p}-new`, 'Newcomer', 'COMPANY')],
      relationships: [
        rel(`${p}-rnew`, `${p}-new`, `${p}-hub`, 'INVESTMENT', { amount: 10, currency: 'EUR' }),
      ],
      initiatives: [],
      participations: [
        {
          initiative: `${p}-ini`,
          organisation: `${p}-new`,
          role: 'FUNDER' as const,
          since: null,
          until: null,
          provenance: smallNetwork(p).initiatives[0]!.provenance,
        },
      ],
      places: [],
    };
    await importSource(db.runner, sourceFromDataset(later), { recordedBy: 't' });
    const [row] = await runCypher(
      db.driver,
      'MATCH (:Organisation {id: $a})-[r:INVESTMENT]->(:Organisation {id: $b}) RETURN r.amount AS amount',
      { a: `${p}-new`, b: `${p}-hub` },
    );
    expect(row).toEqual({ amount: 10 });
  });

  it('replaces a relationship whose id comes back with another kind or other ends', async () => {
    const p = newPrefix('move');
    const dataset = smallNetwork(p);
    await importSource(db.runner, sourceFromDataset(dataset), { recordedBy: 't' });
    const moved = structuredClone(dataset);
    moved.relationships[0] = {
      ...moved.relationships[0]!,
      kind: 'MEMBERSHIP',
      source: `${p}-b`,
      target: `${p}-c`,
    };
    await importSource(db.runner, sourceFromDataset(moved), { recordedBy: 't' });
    const rows = await runCypher(
      db.driver,
      'MATCH (a)-[r]->(b) WHERE r.id = $id RETURN type(r) AS kind, a.id AS source, b.id AS target',
      { id: `${p}-r1` },
    );
    expect(rows).toEqual([{ kind: 'MEMBERSHIP', source: `${p}-b`, target: `${p}-c` }]);
  });

  it('rolls back everything when the database refuses part of the write', async () => {
    // Organisations are written first; the database then refuses a relationship date it cannot parse
    // (in-memory datasets skip the file validation that would catch it), failing the transaction.
    const q = newPrefix('roll');
    const dataset = {
      organisations: [org(`${q}-x`, 'X', 'NGO'), org(`${q}-y`, 'Y', 'NGO')],
      relationships: [rel(`${q}-r`, `${q}-x`, `${q}-y`, 'PARTNERSHIP', { since: '2020-13-45' })],
      initiatives: [],
      participations: [],
      places: [],
    };
    await expect(importSource(db.runner, sourceFromDataset(dataset), { recordedBy: 't' })).rejects.toThrow();
    expect(await snapshot(q)).toEqual([]);
  });

  it('moves updatedAt when only the themes or the place changed', async () => {
    const p = newPrefix('themes');
    const dataset = smallNetwork(p);
    await importSource(db.runner, sourceFromDataset(dataset), {
      recordedBy: 't',
      now: '2025-01-01T00:00:00Z',
    });
    const changed = structuredClone(dataset);
    changed.organisations[0]!.themes = ['Housing'];
    changed.organisations[1]!.city = 'Bradford';
    await importSource(db.runner, sourceFromDataset(changed), {
      recordedBy: 't',
      now: '2025-06-01T00:00:00Z',
    });
    const rows = await runCypher(
      db.driver,
      'MATCH (o:Organisation) WHERE o.id IN [$hub, $a, $b] RETURN o.id AS id, o.updatedAt AS updatedAt ORDER BY id',
      { hub: `${p}-hub`, a: `${p}-a`, b: `${p}-b` },
    );
    expect(rows.map((r) => r.updatedAt)).toEqual([
      '2025-06-01T00:00:00.000Z',
      '2025-01-01T00:00:00.000Z',
      '2025-06-01T00:00:00.000Z',
    ]);
    expect(rows.map((r) => r.id)).toEqual([`${p}-a`, `${p}-b`, `${p}-hub`]);
  });
});

describe('review findings: the import writes what it planned and reports what it wrote', () => {
  /** One relationship between two organisations, with a description the second import changes. */
  function pair(p: string, description: string) {
    return {
      organisations: [org(`${p}-x`, `${p} X`, 'NGO'), org(`${p}-y`, `${p} Y`, 'COMPANY')],
      relationships: [rel(`${p}-r`, `${p}-x`, `${p}-y`, 'PARTNERSHIP', { since: '2020-01-01', description })],
      initiatives: [],
      participations: [],
      places: [],
    };
  }
  const stored = (p: string) =>
    runCypher(
      db.driver,
      'MATCH (:Organisation)-[r:PARTNERSHIP {id: $id}]->(:Organisation) RETURN r.description AS description',
      { id: `${p}-r` },
    );

  it('keeps a relationship that another transaction deleted between the read and the write', async () => {
    const p = newPrefix('race-del');
    await importSource(db.runner, sourceFromDataset(pair(p, 'old')), { recordedBy: 'import:test' });
    let hookRan = false;
    await importSource(db.runner, sourceFromDataset(pair(p, 'new')), {
      recordedBy: 'import:test',
      beforeWrite: async () => {
        hookRan = true;
        await runCypher(db.driver, 'MATCH ()-[r:PARTNERSHIP {id: $id}]->() DELETE r', { id: `${p}-r` });
      },
    });
    expect(hookRan).toBe(true);
    expect(await stored(p)).toEqual([{ description: 'new' }]);
  });

  it('updates a relationship that another transaction deleted and recreated between the read and the write', async () => {
    const p = newPrefix('race-rec');
    await importSource(db.runner, sourceFromDataset(pair(p, 'old')), { recordedBy: 'import:test' });
    await importSource(db.runner, sourceFromDataset(pair(p, 'new')), {
      recordedBy: 'import:test',
      beforeWrite: async () => {
        await runCypher(
          db.driver,
          `MATCH (a)-[r:PARTNERSHIP {id: $id}]->(b) DELETE r
           WITH a, b CREATE (a)-[:PARTNERSHIP {id: $id, description: 'recreated', trust: 'IMPORTED'}]->(b)`,
          { id: `${p}-r` },
        );
      },
    });
    expect(await stored(p)).toEqual([{ description: 'new' }]);
  });

  it('reports created, updated, unchanged and deleted as the database wrote them', async () => {
    const p = newPrefix('summary');
    const first = await importSource(db.runner, sourceFromDataset(smallNetwork(p)), {
      recordedBy: 'import:test',
    });
    expect(first.organisations).toEqual({ created: 7, updated: 0, unchanged: 0, deleted: 0 });
    expect(first.relationships).toEqual({ created: 7, updated: 0, unchanged: 0, deleted: 0 });

    const again = await importSource(db.runner, sourceFromDataset(smallNetwork(p)), {
      recordedBy: 'import:test',
    });
    expect(again.organisations).toEqual({ created: 0, updated: 0, unchanged: 7, deleted: 0 });
    expect(again.relationships).toEqual({ created: 0, updated: 0, unchanged: 7, deleted: 0 });
    expect(again.initiatives).toEqual({ created: 0, updated: 0, unchanged: 1, deleted: 0 });
    expect(again.participations).toEqual({ created: 0, updated: 0, unchanged: 2, deleted: 0 });

    const changed = smallNetwork(p);
    changed.organisations[1]!.description = 'a new description';
    // r5 comes back with another kind: the stored one is deleted and a new one created.
    changed.relationships[4]!.kind = 'FUNDING';
    const third = await importSource(db.runner, sourceFromDataset(changed), { recordedBy: 'import:test' });
    expect(third.organisations).toEqual({ created: 0, updated: 1, unchanged: 6, deleted: 0 });
    expect(third.relationships).toEqual({ created: 1, updated: 0, unchanged: 6, deleted: 1 });
  });
});

describe('the data version', () => {
  /** The runner, recording the names of the queries run inside write transactions. */
  function recording(names: string[]) {
    return {
      ...db.runner,
      writeTransaction: <R>(work: (tx: QueryTx) => Promise<R>, options?: { timeoutMs?: number }) =>
        db.runner.writeTransaction(
          (tx) =>
            work({
              run: (name, params) => {
                names.push(name);
                return tx.run(name, params);
              },
            }),
          options,
        ),
    };
  }

  it('moves when an import changes the network, and not when it changes nothing', async () => {
    const p = newPrefix('version');
    const before = await dataVersion(db.runner);
    const first: string[] = [];
    await importSource(recording(first), sourceFromDataset(smallNetwork(p)), { recordedBy: 'import:test' });
    expect(first).toContain('bumpDataVersion');
    expect(await dataVersion(db.runner)).toBeGreaterThan(before);
    const second: string[] = [];
    const again = await importSource(recording(second), sourceFromDataset(smallNetwork(p)), {
      recordedBy: 'import:test',
    });
    expect(unchanged(again)).toBe(true);
    expect(second).not.toContain('bumpDataVersion');
  });
});
