// Stage histories through the import run (`npm run import -- atlas`): initiative_stages.csv and the JSON
// initiativeStages list are written as REACHED steps with the initiative's stage set to the last one; a
// re-import changes nothing; a history for a stored initiative replaces its old one; and a broken pathway
// (unknown stage, backwards date, a stage after ADOPTED, a dangling initiative, a stage that disagrees) is
// refused with the file and line of each problem and nothing written; and an export imported again changes
// nothing and exports the same files.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportNetwork } from '../../server/domain/export/exporter.ts';
import { createNetworkCache, networkAccess } from '../../server/domain/network/cache.ts';
import { runCypher } from '../support/cypher.ts';
import { connectTestDb, type TestDb } from '../support/db.ts';
import { importFiles, importWorkspace, owned } from '../support/imports.ts';

let db: TestDb;
const { namespace, folder, cleanup } = importWorkspace('atlas-stages-');

beforeAll(() => {
  db = connectTestDb();
});
afterAll(async () => {
  await cleanup(db);
  await db.close();
});

const ORGS = [
  'id,name,sector,kind,description,website,country,region,city,themes,identifiers',
  'lab,Damp Lab,CIVIC_INNOVATOR,,,,United Kingdom,England,Leeds,Housing,',
];
const INITIATIVES = 'id,name,stage,start_date,end_date,themes,description';
const STAGES = 'initiative,stage,date,source_url';
const PARTS = ['initiative,organisation,role,since,until', 'ini,lab,LEAD,,'];

async function history(ns: string, id: string) {
  const rows = await runCypher(
    db.driver,
    `MATCH (i:Initiative {id: $id})
     RETURN i.stage AS stage,
            COLLECT { MATCH (i)-[r:REACHED]->(s:Stage) RETURN s.id + ' ' + toString(r.on) ORDER BY r.step } AS steps`,
    { id: `${ns}${id}` },
  );
  return rows[0];
}

describe('stage histories through the import run', () => {
  it('writes a history, changes nothing on re-import, and replaces it when it changes', async () => {
    const ns = namespace('stages');
    const dir = folder({
      'organisations.csv': ORGS,
      'initiatives.csv': [INITIATIVES, 'ini,Damp Free Homes,SCALING,2021-04-01,,Housing,'],
      'participations.csv': PARTS,
      'initiative_stages.csv': [
        STAGES,
        'ini,SCALING,2022-10-01,https://example.org/scaling',
        'ini,IDEA,2020-09-01,',
        'ini,PILOT,2021-04-01,',
      ],
    });
    const first = await importFiles(db, 'atlas', [dir], ns);
    expect(first.problems).toEqual([]);
    expect(first.counts.stageHistories).toEqual({ read: 3, created: 1, updated: 0, unchanged: 0 });
    expect(await history(ns, 'ini')).toEqual({
      stage: 'SCALING',
      steps: ['IDEA 2020-09-01', 'PILOT 2021-04-01', 'SCALING 2022-10-01'],
    });
    const [url] = await runCypher(
      db.driver,
      'MATCH (:Initiative {id: $id})-[r:REACHED]->(:Stage {id: $stage}) RETURN r.sourceUrl AS url',
      { id: `${ns}ini`, stage: 'SCALING' },
    );
    expect(url).toEqual({ url: 'https://example.org/scaling' });

    const again = await importFiles(db, 'atlas', [dir], ns);
    expect(again.counts.stageHistories).toEqual({ read: 3, created: 0, updated: 0, unchanged: 1 });

    // A later file gives only the history (the initiative is stored): it replaces the old one and moves the stage.
    const later = folder({
      'organisations.csv': [ORGS[0]!],
      'initiative_stages.csv': [
        STAGES,
        'ini,IDEA,2020-09-01,',
        'ini,PILOT,2021-04-01,',
        'ini,SCALING,2022-10-01,',
        'ini,ADOPTED,2024-02-01,',
      ],
    });
    const replaced = await importFiles(db, 'atlas', [later], ns);
    expect(replaced.problems).toEqual([]);
    expect(replaced.counts.stageHistories).toMatchObject({ updated: 1 });
    expect(await history(ns, 'ini')).toEqual({
      stage: 'ADOPTED',
      steps: ['IDEA 2020-09-01', 'PILOT 2021-04-01', 'SCALING 2022-10-01', 'ADOPTED 2024-02-01'],
    });
  });

  it('reads the initiativeStages list of an atlas JSON file', async () => {
    const ns = namespace('stages-json');
    const dir = folder({});
    const file = path.join(dir, 'atlas.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        format: 'atlas',
        version: 1,
        organisations: [{ id: 'lab', name: 'Damp Lab', sector: 'CIVIC_INNOVATOR' }],
        initiatives: [{ id: 'ini', name: 'Damp Free Homes', stage: 'ENDED' }],
        initiativeStages: [
          { initiative: 'ini', stage: 'PILOT', date: '2019-01-01' },
          { initiative: 'ini', stage: 'ENDED', date: '2020-01-01' },
        ],
      }),
    );
    const report = await importFiles(db, 'atlas', [file], ns);
    expect(report.problems).toEqual([]);
    expect(await history(ns, 'ini')).toEqual({
      stage: 'ENDED',
      steps: ['PILOT 2019-01-01', 'ENDED 2020-01-01'],
    });
  });

  it('refuses broken pathways with the file and line of each problem, and writes nothing', async () => {
    const ns = namespace('stages-bad');
    const dir = folder({
      'organisations.csv': ORGS,
      'initiatives.csv': [
        INITIATIVES,
        'a,Backwards,SCALING,,,,',
        'b,After the end,ENDED,,,,',
        'c,Disagrees,ADOPTED,,,,',
      ],
      'initiative_stages.csv': [
        STAGES,
        'a,PILOT,2021-01-01,', // 2
        'a,SCALING,2020-01-01,', // 3: dated before the pilot
        'b,PILOT,2019-01-01,', // 4
        'b,ADOPTED,2020-01-01,', // 5
        'b,ENDED,2021-01-01,', // 6: after ADOPTED
        'c,PILOTING,2020-01-01,', // 7: unknown stage
        'c,SCALING,2021-01-01,', // 8: c's stage is ADOPTED
        'nowhere,IDEA,2020-01-01,', // 9: no such initiative
      ],
    });
    const report = await importFiles(db, 'atlas', [dir], ns);
    expect(report.status).toBe('REJECTED');
    expect(report.problems.map((p) => [p.code, p.file.replace(/.*\//, ''), p.line, p.field]).sort()).toEqual(
      [
        ['STAGE_ORDER', 'initiative_stages.csv', 2, 'date'],
        ['STAGE_AFTER_END', 'initiative_stages.csv', 6, 'stage'],
        ['UNKNOWN_VALUE', 'initiative_stages.csv', 7, 'stage'],
        ['STAGE_MISMATCH', 'initiative_stages.csv', 8, 'stage'],
        ['DANGLING_REFERENCE', 'initiative_stages.csv', 9, 'initiative'],
      ].sort(),
    );
    expect(await owned(db, ns)).toEqual({});
  });

  it('says what to fix in each message', async () => {
    const ns = namespace('stages-msg');
    const dir = folder({
      'organisations.csv': ORGS,
      'initiatives.csv': [INITIATIVES, 'a,Backwards,SCALING,,,,', 'b,After the end,ENDED,,,,'],
      'initiative_stages.csv': [
        STAGES,
        'a,PILOT,2021-01-01,',
        'a,SCALING,2020-01-01,',
        'b,ADOPTED,2020-01-01,',
        'b,ENDED,2021-01-01,',
      ],
    });
    const report = await importFiles(db, 'atlas', [dir], ns);
    const messages = Object.fromEntries(report.problems.map((p) => [p.code, p.message]));
    expect(messages.STAGE_ORDER).toBe(
      'PILOT on 2021-01-01 is dated after SCALING on 2020-01-01 (line 3): the dates go backwards in the ' +
        'pathway IDEA → PILOT → SCALING → ADOPTED or ENDED; correct one of the dates',
    );
    expect(messages.STAGE_AFTER_END).toBe(
      'ENDED on 2021-01-01 comes after ADOPTED on 2020-01-01 (line 4), and nothing follows ADOPTED or ENDED; ' +
        'correct the date or remove one of the two',
    );
    expect(await owned(db, ns)).toEqual({});
  });

  it('round trip: an export imported again changes nothing and exports the same files', async () => {
    const ns = namespace('stages-trip');
    const dir = folder({
      'organisations.csv': [
        ORGS[0]!,
        ORGS[1]!,
        'council,Leeds City Council,GOVERNMENT,,,,United Kingdom,England,Leeds,Housing,',
      ],
      'initiatives.csv': [
        INITIATIVES,
        'ini,Damp Free Homes,ADOPTED,2021-04-01,,Housing,',
        'idea,Warm Rooms,PILOT,2023-01-01,,Housing,',
      ],
      'participations.csv': [PARTS[0]!, PARTS[1]!, 'ini,council,FUNDER,2021-04-01,', 'idea,lab,LEAD,,'],
      'initiative_stages.csv': [
        STAGES,
        'ini,IDEA,2020-09-01,',
        'ini,PILOT,2021-04-01,https://example.org/pilot',
        'ini,SCALING,2022-10-01,',
        'ini,ADOPTED,2024-02-01,',
        'idea,IDEA,2022-05-01,',
        'idea,PILOT,2023-01-01,',
      ],
    });
    expect((await importFiles(db, 'atlas', [dir], ns)).problems).toEqual([]);
    const ids = ['lab', 'council'].map((id) => `${ns}${id}`);
    const exportFiles = async () =>
      Object.fromEntries(
        (
          await exportNetwork(db.runner, networkAccess(db.runner, createNetworkCache()), {
            format: 'ATLAS',
            ids,
            atlasFolder: true,
          })
        ).map((f) => [f.name, f.body]),
      );
    const first = await exportFiles();
    expect(first['initiative_stages.csv']?.trim().split('\n').length).toBe(1 + 6);
    expect(first['initiative_stages.csv']).toContain(`${ns}ini,PILOT,2021-04-01,https://example.org/pilot`);

    // The exported ids carry the namespace already: import them as they are.
    const out = folder(
      Object.fromEntries(Object.entries(first).map(([name, body]) => [name, [body.replace(/\n$/, '')]])),
    );
    const again = await importFiles(db, 'atlas', [out], '', { merge: false });
    await runCypher(db.driver, 'MATCH (r:ImportRun {id: $id}) DELETE r', { id: again.runId });
    expect(again.problems).toEqual([]);
    expect(again.counts.stageHistories).toEqual({ read: 6, created: 0, updated: 0, unchanged: 2 });
    expect(again.counts.initiatives).toMatchObject({ created: 0, updated: 0 });
    expect(await history(ns, 'ini')).toEqual({
      stage: 'ADOPTED',
      steps: ['IDEA 2020-09-01', 'PILOT 2021-04-01', 'SCALING 2022-10-01', 'ADOPTED 2024-02-01'],
    });
    expect(await exportFiles()).toEqual(first);
  });
});
