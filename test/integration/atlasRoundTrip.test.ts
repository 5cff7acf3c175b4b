// The atlas export carries every fact an import can take back — licence, sectorRule, closedOn, the other
// websites and aliases besides the older columns — so a backup imports back unchanged: into the same store
// (every record "unchanged", every stored value as it was) and into an empty one (a fresh namespace: the
// same values). A file without the new columns (written before they existed) leaves those facts alone; an
// empty cell in a column the file has removes the value, as every atlas column does.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportNetwork, type ExportFile } from '../../server/domain/export/exporter.ts';
import type { ImportReport } from '../../server/domain/import/report.ts';
import { createNetworkCache, networkAccess } from '../../server/domain/network/cache.ts';
import { runCypher } from '../support/cypher.ts';
import { connectTestDb, type TestDb } from '../support/db.ts';
import { importFiles, importWorkspace } from '../support/imports.ts';

let db: TestDb;
const work = importWorkspace('atlas-roundtrip-');
/** The known graph, built once; each test restores from an export of it into its own place. */
const ns = work.namespace('rt');
const LOCAL_IDS = ['closed', 'fund', 'hub', 'lab'];
const NEW_COLUMNS = ['licence', 'sector_rule', 'closed_on', 'aliases', 'other_websites'];

// List items holding the list separator `;` and the escape character `\` (see listCell.ts).
const SEMICOLON_ALIAS = 'fund;2019';
const BACKSLASH_ALIAS = 'fund\\;2020\\';
const SEMICOLON_WEBSITE = 'https://hub.example/pages;jsessionid=7';

/** Facts of a run, not of the data: which run wrote it and when. */
const BOOKKEEPING = ['createdInRun', 'changedInRun', 'createdAt', 'updatedAt'];

function tmpDir(): string {
  return work.folder({});
}

beforeAll(async () => {
  db = connectTestDb();
  // An atlas import without the new columns (as older files are), under a licence…
  const dir = work.folder({
    'organisations.csv': [
      'id,name,sector,kind,description,website,country,region,city,themes,identifiers',
      'hub,Hub Council,GOVERNMENT,local authority,Runs the city,https://hub.example,United Kingdom,England,Leeds,Housing,GOVUK:hub-council',
      'fund,Harbour Fund,NGO,charity,"Grants, mostly small",https://fund.example,United Kingdom,England,Leeds,Housing;Digital inclusion,GB-CHC:1000001',
      'closed,Old Agency,GOVERNMENT,agency,,https://old-agency.example,United Kingdom,,,,GOVUK:old-agency',
      'lab,Civic Lab,CIVIC_INNOVATOR,,,https://lab.example,United Kingdom,England,Leeds,Digital inclusion,',
    ],
    'relationships.csv': [
      'id,source,target,kind,since,until,amount,currency,trust,source_url,description',
      'r-fund,fund,lab,FUNDING,2021-04-01,2022-03-31,25000,GBP,SOURCED,https://fund.example/grants/1,Device lending',
      'r-part,hub,lab,PARTNERSHIP,2020-01-01,,,,CONFIRMED,https://hub.example/news,',
      'r-parent,closed,hub,PART_OF,,,,,,,',
    ],
    'initiatives.csv': [
      'id,name,stage,start_date,end_date,themes,description,website,source_url',
      'ini,Device Library,PILOT,2021-06-01,,Digital inclusion,Lends laptops,https://library.example,https://hub.example/library',
    ],
    'participations.csv': [
      'initiative,organisation,role,since,until',
      'ini,hub,LEAD,2021-06-01,',
      'ini,lab,PARTNER,,',
    ],
    'initiative_stages.csv': ['initiative,stage,date', 'ini,IDEA,2021-01-10', 'ini,PILOT,2021-06-01'],
    'places.csv': ['country,region,city,latitude,longitude', 'United Kingdom,England,Leeds,53.8,-1.55'],
  });
  const setup = await importFiles(db, 'atlas', [dir], ns, { licence: 'CC BY 4.0' });
  expect(setup.status, JSON.stringify(setup.problems)).toBe('PUBLISHED');
  // …then the facts other importers and curators set: a sector rule, a closing day, another website, a
  // licence of its own, and the ids of records merged into two organisations; and an organisation and a tie
  // that people made (a registration, a proposal) have no dataset, record or licence.
  await runCypher(
    db.driver,
    `MATCH (fund:Organisation {id: $ns + 'fund'}) SET fund.sectorRule = 'identifier:charity'
     WITH 1 AS x MATCH (closed:Organisation {id: $ns + 'closed'})
     SET closed.closedOn = date('2016-07-15'), closed.licence = 'OGL-UK-3.0', closed.sectorRule = 'identifier:government'
     WITH 1 AS x MATCH (hub:Organisation {id: $ns + 'hub'})
     SET hub.websites = ['https://hub.example', 'https://hub.example/about', 'https://twitter.example/hub',
                         $website]
     WITH hub MATCH (fund:Organisation {id: $ns + 'fund'})
     CREATE (:Alias {id: $ns + '360G-old:fund'})-[:ALIAS_OF]->(fund),
            (:Alias {id: $ns + 'GB-CHC-1000001'})-[:ALIAS_OF]->(fund),
            (:Alias {id: $ns + $semicolon})-[:ALIAS_OF]->(fund),
            (:Alias {id: $ns + $backslash})-[:ALIAS_OF]->(fund),
            (:Alias {id: $ns + 'hub-council'})-[:ALIAS_OF]->(hub)
     WITH 1 AS x MATCH ()-[r:FUNDING {id: $ns + 'r-fund'}]->() SET r.licence = 'OGL-UK-3.0'
     WITH 1 AS x MATCH (lab:Organisation {id: $ns + 'lab'})-[p:PARTNERSHIP]-()
     REMOVE lab.sourceDataset, lab.sourceRecord, lab.licence, p.sourceDataset, p.sourceRecord`,
    { ns, semicolon: SEMICOLON_ALIAS, backslash: BACKSLASH_ALIAS, website: SEMICOLON_WEBSITE },
  );
}, 120_000);
afterAll(async () => {
  await work.cleanup(db);
  await db.close();
});

/** One stored record as the checks read it. */
type Row = Record<string, unknown> & {
  id: string;
  kind: string;
  aliases: string[];
  props: Record<string, unknown>;
};

/** Everything stored about a namespace's data, ids written without the namespace, run bookkeeping left out. */
async function stored(namespace: string, withBookkeeping = false) {
  const clean = (props: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(props)
        .filter(([key]) => withBookkeeping || !BOOKKEEPING.includes(key))
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    );
  const organisations = await runCypher(
    db.driver,
    `MATCH (o:Organisation) WHERE o.id STARTS WITH $ns
     RETURN o.id AS id, properties(o) AS props,
            COLLECT { MATCH (o)-[:WORKS_ON]->(t:Theme) RETURN t.id ORDER BY t.id } AS themes,
            COLLECT { MATCH (o)-[:LOCATED_IN]->(p:Place) RETURN p.id } AS place,
            COLLECT { MATCH (a:Alias)-[:ALIAS_OF]->(o) RETURN a.id ORDER BY a.id } AS aliases
     ORDER BY id`,
    { ns: namespace },
  );
  const relationships = await runCypher(
    db.driver,
    `MATCH (a:Organisation)-[r]->(b:Organisation) WHERE a.id STARTS WITH $ns
     RETURN type(r) AS kind, a.id AS source, b.id AS target, properties(r) AS props ORDER BY r.id`,
    { ns: namespace },
  );
  const initiatives = await runCypher(
    db.driver,
    `MATCH (i:Initiative) WHERE i.id STARTS WITH $ns
     RETURN i.id AS id, properties(i) AS props,
            COLLECT { MATCH (i)-[:ADDRESSES]->(t:Theme) RETURN t.id ORDER BY t.id } AS themes,
            COLLECT { MATCH (i)-[r:REACHED]->(s:Stage) RETURN {stage: s.id, props: properties(r)} ORDER BY r.step } AS stages,
            COLLECT { MATCH (o:Organisation)-[p:PARTICIPATES_IN]->(i) RETURN {organisation: o.id, props: properties(p)} ORDER BY o.id } AS participations
     ORDER BY id`,
    { ns: namespace },
  );
  const value = {
    organisations: organisations.map(
      (o) => ({ ...o, props: clean(o.props as Record<string, unknown>) }) as Row,
    ),
    relationships: relationships.map(
      (r) => ({ ...r, props: clean(r.props as Record<string, unknown>) }) as Row,
    ),
    initiatives: initiatives.map((i) => ({
      ...i,
      props: clean(i.props as Record<string, unknown>),
      stages: (i.stages as { stage: string; props: Record<string, unknown> }[]).map((s) => ({
        ...s,
        props: clean(s.props),
      })),
      participations: (i.participations as { organisation: string; props: Record<string, unknown> }[]).map(
        (p) => ({ ...p, props: clean(p.props) }),
      ),
    })),
  };
  return JSON.parse(JSON.stringify(value).replaceAll(namespace, '')) as typeof value;
}

/** The atlas export of the namespace's organisations, its ids written without the namespace. */
async function exportAtlas(namespace: string, form: 'folder' | 'json'): Promise<string> {
  const files: ExportFile[] = await exportNetwork(db.runner, networkAccess(db.runner, createNetworkCache()), {
    format: 'ATLAS',
    ids: LOCAL_IDS.map((id) => namespace + id),
    atlasFolder: form === 'folder',
  });
  const dir = tmpDir();
  for (const file of files) {
    const name = form === 'json' ? 'backup.json' : file.name;
    fs.writeFileSync(path.join(dir, name), file.body.replaceAll(namespace, ''));
  }
  return form === 'json' ? path.join(dir, 'backup.json') : dir;
}

function expectAllUnchanged(report: ImportReport) {
  expect(report.status, JSON.stringify(report.problems)).toBe('PUBLISHED');
  const c = report.counts;
  expect(c.organisations).toMatchObject({ read: 4, created: 0, updated: 0, unchanged: 4 });
  expect(c.relationships).toMatchObject({ read: 3, created: 0, updated: 0, unchanged: 3 });
  expect(c.initiatives).toMatchObject({ read: 1, created: 0, updated: 0, unchanged: 1 });
  expect(c.participations).toMatchObject({ read: 2, created: 0, updated: 0, unchanged: 2 });
  expect(c.stageHistories).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
  expect(c.aliases).toBe(0);
}

describe('the known graph', () => {
  it('holds the facts the round trip must keep', async () => {
    const { organisations, relationships } = await stored(ns);
    const org = (id: string) => organisations.find((o) => o.id === id)!;
    expect(org('fund').props).toMatchObject({ licence: 'CC BY 4.0', sectorRule: 'identifier:charity' });
    expect(org('fund').aliases).toEqual([
      '360G-old:fund',
      'GB-CHC-1000001',
      SEMICOLON_ALIAS,
      BACKSLASH_ALIAS,
    ]);
    expect(org('closed').props).toMatchObject({
      licence: 'OGL-UK-3.0',
      closedOn: '2016-07-15',
      sectorRule: 'identifier:government',
    });
    expect(org('hub').props.websites).toEqual([
      'https://hub.example',
      'https://hub.example/about',
      'https://twitter.example/hub',
      SEMICOLON_WEBSITE,
    ]);
    expect(org('lab').props).not.toHaveProperty('sourceDataset');
    expect(org('lab').props).not.toHaveProperty('licence');
    expect(relationships.find((r) => r.kind === 'PARTNERSHIP')?.props).not.toHaveProperty('sourceRecord');
    expect(relationships.find((r) => r.kind === 'FUNDING')?.props).toMatchObject({
      licence: 'OGL-UK-3.0',
      trust: 'SOURCED',
      sourceUrl: 'https://fund.example/grants/1',
    });
  });
});

describe('an atlas export imported back into the same store', () => {
  it.each(['folder', 'json'] as const)(
    'as a %s: every record is unchanged and every stored value stays as it was',
    async (form) => {
      const file = await exportAtlas(ns, form);
      const text =
        form === 'json'
          ? fs.readFileSync(file, 'utf8')
          : fs.readFileSync(path.join(file, 'organisations.csv'), 'utf8');
      for (const value of [
        'identifier:charity',
        '2016-07-15',
        'OGL-UK-3.0',
        'GB-CHC-1000001',
        'https://hub.example/about',
      ])
        expect(text).toContain(value);
      const before = await stored(ns, true);
      const dry = await importFiles(db, 'atlas', [file], ns, { dryRun: true });
      expect(dry.status).toBe('DRY_RUN');
      expect(dry.counts.organisations).toMatchObject({ updated: 0, unchanged: 4 });
      expect(dry.counts.relationships).toMatchObject({ updated: 0, unchanged: 3 });
      expectAllUnchanged(await importFiles(db, 'atlas', [file], ns));
      expect(await stored(ns, true)).toEqual(before);
    },
  );
});

describe('list items holding `;` or `\\`', () => {
  it('are written escaped in CSV (`\\;`, `\\\\`) and as they are in JSON', async () => {
    const csv = fs.readFileSync(path.join(await exportAtlas(ns, 'folder'), 'organisations.csv'), 'utf8');
    expect(csv).toContain(String.raw`fund\;2019;fund\\\;2020\\`);
    expect(csv).toContain(String.raw`https://hub.example/pages\;jsessionid=7`);
    const json = JSON.parse(fs.readFileSync(await exportAtlas(ns, 'json'), 'utf8')) as {
      organisations: { id: string; aliases: string[]; other_websites: string[] }[];
    };
    const org = (id: string) => json.organisations.find((o) => o.id === id)!;
    expect(org('fund').aliases).toContain(BACKSLASH_ALIAS);
    expect(org('hub').other_websites).toContain(SEMICOLON_WEBSITE);
  });
});

describe('an atlas export imported into an empty store', () => {
  it.each(['folder', 'json'] as const)('as a %s: the same values, aliases included', async (form) => {
    const file = await exportAtlas(ns, form);
    const fresh = work.namespace('rt-empty');
    const report = await importFiles(db, 'atlas', [file], fresh);
    expect(report.status, JSON.stringify(report.problems)).toBe('PUBLISHED');
    expect(report.counts.organisations).toMatchObject({ created: 4, merged: 0 });
    expect(report.counts.aliases).toBe(5);
    expect(await stored(fresh)).toEqual(await stored(ns));
    // And its own export imports back unchanged.
    expectAllUnchanged(await importFiles(db, 'atlas', [await exportAtlas(fresh, form)], fresh));
  });
});

/** The export without the new columns: files written before they existed. */
function withoutNewColumns(dir: string): string {
  const out = tmpDir();
  for (const name of fs.readdirSync(dir)) {
    const rows = parse(fs.readFileSync(path.join(dir, name), 'utf8')) as string[][];
    const keep = (rows[0] ?? []).map((column) => !NEW_COLUMNS.includes(column));
    fs.writeFileSync(path.join(out, name), stringify(rows.map((row) => row.filter((_, i) => keep[i]))));
  }
  return out;
}

function jsonWithoutNewKeys(file: string): string {
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  for (const list of ['organisations', 'relationships', 'initiatives', 'participations']) {
    for (const record of json[list] as Record<string, unknown>[])
      for (const key of NEW_COLUMNS) delete record[key];
  }
  const out = path.join(tmpDir(), 'old.json');
  fs.writeFileSync(out, JSON.stringify(json));
  return out;
}

describe('a file without the new columns', () => {
  it('leaves licence, sectorRule, closedOn, websites and aliases as they are stored', async () => {
    const place = work.namespace('rt-old');
    const full = await exportAtlas(ns, 'folder');
    expect((await importFiles(db, 'atlas', [full], place)).status).toBe('PUBLISHED');
    const before = await stored(place, true);
    expect(before.organisations.find((o) => o.id === 'closed')?.props).toMatchObject({
      licence: 'OGL-UK-3.0',
      closedOn: '2016-07-15',
    });
    const old = withoutNewColumns(full);
    const header = (fs.readFileSync(path.join(old, 'organisations.csv'), 'utf8').split('\n')[0] ?? '').split(
      ',',
    );
    for (const column of NEW_COLUMNS) expect(header).not.toContain(column);
    const oldJson = jsonWithoutNewKeys(await exportAtlas(place, 'json'));
    expect(fs.readFileSync(oldJson, 'utf8')).not.toMatch(
      /licence|closed_on|sector_rule|aliases|other_websites/,
    );
    for (const file of [old, oldJson]) {
      expectAllUnchanged(await importFiles(db, 'atlas', [file], place));
      expect(await stored(place, true)).toEqual(before);
    }
  });

  it('but an empty cell in a column the file has removes the value, and a value replaces it', async () => {
    const place = work.namespace('rt-empty-cell');
    const full = await exportAtlas(ns, 'folder');
    expect((await importFiles(db, 'atlas', [full], place)).status).toBe('PUBLISHED');
    const file = path.join(full, 'organisations.csv');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(
      file,
      text
        .replace('identifier:government', '')
        .replace('2016-07-15', '2017-01-31')
        .replace(/OGL-UK-3\.0/, 'CC0-1.0'),
    );
    const report = await importFiles(db, 'atlas', [full], place);
    expect(report.counts.organisations).toMatchObject({ updated: 1, unchanged: 3 });
    const closed = (await stored(place)).organisations.find((o) => o.id === 'closed')!;
    expect(closed.props.sectorRule).toBeUndefined();
    expect(closed.props).toMatchObject({ closedOn: '2017-01-31', licence: 'CC0-1.0' });
  });
});

describe('aliases are checked', () => {
  it('an alias that is another organisation’s id, or another organisation’s alias, is refused with nothing written', async () => {
    const place = work.namespace('rt-alias');
    const dir = work.folder({
      'organisations.csv': [
        'id,name,sector,kind,description,website,country,region,city,themes,identifiers,aliases',
        'a,Alpha Trust,NGO,,,,,,,,,b;old-a',
        'b,Beta Trust,NGO,,,,,,,,,old-a;a',
      ],
    });
    const report = await importFiles(db, 'atlas', [dir], place);
    expect(report.status).toBe('REJECTED');
    const problems = report.problems.filter((p) => p.code === 'ALIAS_CONFLICT');
    expect(problems.map((p) => [p.field, p.line])).toEqual([
      ['aliases', 2],
      ['aliases', 3],
      ['aliases', 3],
    ]);
    expect(problems[0]?.message).toMatch(/alias "b" is the id of an organisation/);
    expect(problems[1]?.message).toMatch(/alias "old-a" already names organisation "a"/);
    const [row] = await runCypher(db.driver, 'MATCH (n) WHERE n.id STARTS WITH $ns RETURN count(n) AS n', {
      ns: place,
    });
    expect(row?.n).toBe(0);
  });
});

describe("the coordinates of places.csv's countries and regions", () => {
  it("are stored above an organisation's city too, and exported again (QA M5)", async () => {
    const fresh = work.namespace('rt-places');
    // A country of this run only: places are shared by every namespace.
    const country = `Atlantis ${fresh.replace(/[^a-z0-9]/gi, '')}`;
    const rows = [`${country},,,10.5,20.5`, `${country},North,,11.5,21.5`, `${country},North,Port,12.5,22.5`];
    const dir = work.folder({
      'organisations.csv': [
        'id,name,sector,kind,description,website,country,region,city,themes,identifiers',
        `isle,Isle Trust,NGO,,,,${country},North,Port,,`,
      ],
      'places.csv': ['country,region,city,latitude,longitude', ...rows],
    });
    try {
      const report = await importFiles(db, 'atlas', [dir], fresh);
      expect(report.status, JSON.stringify(report.problems)).toBe('PUBLISHED');
      const files = await exportNetwork(db.runner, networkAccess(db.runner, createNetworkCache()), {
        format: 'ATLAS',
        ids: [`${fresh}isle`],
        atlasFolder: true,
      });
      const places = files
        .find((f) => f.name === 'places.csv')!
        .body.trim()
        .split(/\r?\n/);
      expect(places.filter((row) => row.startsWith(country))).toEqual(rows);
    } finally {
      await runCypher(
        db.driver,
        'MATCH (p:Place) WHERE p.name IN [$country, "North", "Port"] AND (p)-[:IN*0..2]->(:Place {name: $country}) DETACH DELETE p',
        {
          country,
        },
      );
    }
  });
});
