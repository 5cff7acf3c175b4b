// Each open-data importer on the real files of ../shared/data (CORDIS: its first 3,000 projects; the whole
// file in `npm run bench`): counts, known organisations and relationships looked up in the files, provenance
// and run records, identity resolution (merges across the two 360Giving publisher files and the COVID-19
// tracker; no false merges on shared hosts), and idempotency (a re-import changes no fact and adds no node
// or relationship, only a run record).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationsByIds } from '../../server/domain/organisations.ts';
import { runCypher } from '../support/cypher.ts';
import { connectTestDb, uniquePrefix, type TestDb } from '../support/db.ts';
import { deleteNamespace, importFiles, owned } from '../support/imports.ts';
import { startPrivateNeo4j, type PrivateNeo4j } from '../support/privateNeo4j.ts';
import { sharedFile } from '../support/sharedData.ts';

let db: TestDb;
const namespaces: string[] = [];

beforeAll(() => {
  db = connectTestDb();
});
afterAll(async () => {
  for (const ns of namespaces) await deleteNamespace(db, ns);
  await db.close();
});

function namespace(label: string): string {
  const ns = `${uniquePrefix(label)}/`;
  namespaces.push(ns);
  return ns;
}

async function node(ns: string, id: string) {
  const [row] = await runCypher(db.driver, 'MATCH (o:Organisation {id: $id}) RETURN o {.*} AS o', {
    id: ns + id,
  });
  return row?.o as Record<string, unknown> | undefined;
}

async function ties(ns: string, from: string, type: string) {
  return runCypher(
    db.driver,
    `MATCH (a:Organisation {id: $id})-[r]->(b:Organisation) WHERE type(r) = $type
     RETURN b.id AS target, r {.*} AS r ORDER BY target`,
    { id: ns + from, type },
  );
}

describe('govuk', () => {
  const ns = namespace('govuk');
  const tsv = () => sharedFile('govuk-orgs', 'govuk-organisations.tsv');
  const jsonl = () => sharedFile('govuk-orgs', 'govuk-organisations-api.jsonl');

  it('imports the 1,016 bodies and 578 parent links of the TSV; shared gov.uk websites merge nothing', async () => {
    const report = await importFiles(db, 'govuk', [tsv()], ns);
    expect(report.status).toBe('PUBLISHED');
    expect(report.problems).toEqual([]);
    expect(report.counts.organisations).toMatchObject({ read: 1016, created: 1016, merged: 0 });
    expect(report.counts.relationships).toMatchObject({ read: 578, created: 578 });
    expect(report.candidates).toEqual([]);
    expect(await owned(db, ns)).toEqual({ ImportRun: 1, Organisation: 1016, PART_OF: 578 });
    // An abbreviation that is the name itself says nothing; a real one is kept.
    expect((await node(ns, 'govuk:home-office'))?.description ?? null).toBeNull();
    expect((await node(ns, 'govuk:attorney-generals-office'))?.description).toBe('Also known as AGO.');
    const cabinet = await node(ns, 'govuk:cabinet-office');
    expect(cabinet).toMatchObject({
      name: 'Cabinet Office',
      sector: 'GOVERNMENT',
      kind: 'Ministerial department',
      website: 'https://www.gov.uk/government/organisations/cabinet-office',
      identifiers: ['GOVUK:cabinet-office'],
      sourceDataset: 'govuk:govuk-organisations.tsv',
      sourceRecord: 'cabinet-office',
      sourceUrl: 'https://www.gov.uk/government/organisations/cabinet-office',
      licence: 'OGL-UK-3.0 (Open Government Licence v3.0)',
      createdInRun: report.runId,
      changedInRun: report.runId,
      recordedBy: 'import:govuk',
    });
    // The Planning Inspectorate is part of two departments (EA39 in the TSV).
    expect((await ties(ns, 'govuk:planning-inspectorate', 'PART_OF')).map((t) => t.target)).toEqual([
      `${ns}govuk:department-for-communities-and-local-government`,
      `${ns}govuk:welsh-government`,
    ]);
    const [tie] = await ties(ns, 'govuk:planning-inspectorate', 'PART_OF');
    expect(tie?.r).toMatchObject({
      trust: 'IMPORTED',
      licence: 'OGL-UK-3.0 (Open Government Licence v3.0)',
      createdInRun: report.runId,
    });
  });

  it('adds the closing day of closed bodies from the API JSON Lines, and matches every body by its slug', async () => {
    const report = await importFiles(db, 'govuk', [jsonl()], ns);
    expect(report.status).toBe('PUBLISHED');
    expect(report.counts.organisations).toMatchObject({ read: 1016, created: 0, matched: 1016 });
    expect(await owned(db, ns)).toMatchObject({ Organisation: 1016, PART_OF: 578, ImportRun: 2 });
    // "National Fraud Authority", closed_at 2014-03-31T00:00:00.000+01:00.
    expect(await node(ns, 'govuk:national-fraud-authority')).toMatchObject({
      closedOn: '2014-03-31',
      changedInRun: report.runId,
    });
    expect(report.repairCounts.CLOSED_WITHOUT_DATE).toBe(409);
    const [found] = await organisationsByIds(db.runner, [`${ns}govuk:national-fraud-authority`]);
    expect(found?.closedOn).toBe('2014-03-31');
  });

  it('changes nothing when the same files are imported again: only a run record is added', async () => {
    const before = await owned(db, ns);
    for (const file of [tsv(), jsonl()]) {
      const report = await importFiles(db, 'govuk', [file], ns);
      expect(report.status).toBe('PUBLISHED');
      expect(report.counts.organisations).toMatchObject({ created: 0, updated: 0, unchanged: 1016 });
      expect(report.counts.relationships).toMatchObject({ created: 0, updated: 0 });
    }
    expect(await owned(db, ns)).toEqual({ ...before, ImportRun: (before.ImportRun ?? 0) + 2 });
  });
});

describe('cfa-brigades', () => {
  const ns = namespace('cfa');
  const file = () => sharedFile('cfa-brigades', 'organizations.json');

  it('imports 221 civic innovators and the Code for All network, with MEMBERSHIP from network tags', async () => {
    const report = await importFiles(db, 'cfa-brigades', [file()], ns);
    expect(report.status).toBe('PUBLISHED');
    expect(report.problems).toEqual([]);
    expect(report.counts.organisations).toMatchObject({ read: 222, created: 222, merged: 0 });
    expect(report.sectorRules).toEqual({
      'default:civic-innovator': 211,
      'tag:Government': 10,
      'network-tag': 1,
    });
    const boston = await node(ns, 'cfa:code-for-boston@boston');
    expect(boston).toMatchObject({
      name: 'Code for Boston',
      sector: 'CIVIC_INNOVATOR',
      kind: 'brigade',
      website: 'https://www.codeforboston.org',
    });
    expect((await ties(ns, 'cfa:code-for-boston@boston', 'MEMBERSHIP')).map((t) => t.target)).toEqual([
      `${ns}cfa:code-for-america@san-francisco`,
    ]);
    // The Romanian chapters are members of the Code for Romania record; sharing code4.ro does not merge them.
    expect(
      (await ties(ns, 'cfa:code-for-romania-cluj-chapter@cluj-napoca', 'MEMBERSHIP')).map((t) => t.target),
    ).toEqual([`${ns}cfa:code-for-romania@bucharest`]);
    expect(
      report.candidates.filter((c) => c.rule === 'SAME_WEBSITE').map((c) => c.evidence.website),
    ).toContain('code4.ro');
    expect(report.repairs).toContainEqual(
      expect.objectContaining({
        code: 'WEBSITE_WITHOUT_SCHEME',
        field: 'website',
        message: expect.stringContaining('https://codeforokc.org/'),
      }),
    );
    expect(await node(ns, 'cfa:code-for-okc@oklahoma-city')).toMatchObject({
      website: 'https://codeforokc.org/',
    });
    const counts = await owned(db, ns);
    expect(counts).toMatchObject({
      Organisation: 222,
      MEMBERSHIP: report.counts.relationships.created,
      ImportRun: 1,
    });
  });

  it('changes nothing on a re-import', async () => {
    const before = await owned(db, ns);
    const report = await importFiles(db, 'cfa-brigades', [file()], ns);
    expect(report.counts.organisations).toMatchObject({ created: 0, updated: 0, unchanged: 222 });
    expect(report.counts.relationships).toMatchObject({ created: 0, updated: 0 });
    expect(await owned(db, ns)).toEqual({ ...before, ImportRun: (before.ImportRun ?? 0) + 1 });
  });
});

describe('360giving', () => {
  const ns = namespace('g360');
  const nominet = () => sharedFile('360giving-nominet-indigo', 'nominet.json');
  const indigo = () => sharedFile('360giving-nominet-indigo', 'indigo.json');
  const covid = () => sharedFile('360giving-covid19', 'grants_data.json');

  it('imports a publisher file: grants as FUNDING with amount, currency, award date, programme and title', async () => {
    const report = await importFiles(db, '360giving', [nominet()], ns);
    expect(report.status).toBe('PUBLISHED');
    expect(report.counts.organisations).toMatchObject({ read: 540, created: 223 });
    expect(report.counts.relationships).toMatchObject({ read: 270, created: 270 });
    // Every award date of nominet.json is a month ("08/2013"): read as its first day, with a warning.
    expect(report.repairCounts.MONTH_ONLY_DATE).toBe(270);
    // Grant 360G-nominettrust-10: Aardman Animations, 70,667 GBP, awarded 08/2013, programme "Young People".
    const [grant] = await ties(ns, 'NominetTrust', 'FUNDING').then((all) =>
      all.filter((t) => t.target === `${ns}GB-COH-02050843`),
    );
    expect(grant?.r).toMatchObject({
      id: `${ns}360g:360G-nominettrust-10`,
      amount: 70667,
      currency: 'GBP',
      since: '2013-08-01',
      until: '2014-03-31',
      title: "Shaun's Game Academy",
      programme: 'Young People',
      trust: 'IMPORTED',
      sourceDataset: '360giving:nominet.json',
      sourceRecord: '360G-nominettrust-10',
      sourceUrl: 'https://grantnav.threesixtygiving.org/grant/360G-nominettrust-10',
    });
    expect(await node(ns, 'GB-COH-02050843')).toMatchObject({
      name: 'Aardman Animations',
      sector: 'COMPANY',
      sectorRule: 'identifier:company',
      identifiers: ['GB-COH:02050843'],
      sourceUrl: 'https://grantnav.threesixtygiving.org/org/GB-COH-02050843',
      licence: expect.stringContaining('360Giving'),
    });
  });

  it('merges the organisations indigo.json shares with nominet.json, and gives placeholder ids an identity', async () => {
    const report = await importFiles(db, '360giving', [indigo()], ns);
    expect(report.status).toBe('PUBLISHED');
    expect(report.counts.organisations).toMatchObject({ read: 538, created: 190, merged: 15, matched: 2 });
    expect(report.repairCounts.PLACEHOLDER_ID).toBe(76);
    // "Campaign for Learning" is 360G-indigotrust:org-9709 in indigo.json and GB-CHC-1064113 in nominet.json,
    // both in London: one organisation, and the indigo id resolves to it.
    expect(report.merges).toContainEqual(
      expect.objectContaining({
        record: `${ns}360G-indigotrust:org-9709`,
        organisation: `${ns}GB-CHC-1064113`,
        rule: 'NAME_AND_PLACE',
      }),
    );
    const [viaAlias] = await organisationsByIds(db.runner, [`${ns}360G-indigotrust:org-9709`]);
    expect(viaAlias?.id).toBe(`${ns}GB-CHC-1064113`);
    const funded = await ties(ns, '360G-indigotrust', 'FUNDING');
    expect(funded.map((t) => t.target)).toContain(`${ns}GB-CHC-1064113`);
    // mySociety appears as DUMMY01 (a placeholder) and as GB-CHC-1076346: one organisation.
    const mysociety = await runCypher(
      db.driver,
      "MATCH (o:Organisation) WHERE o.id STARTS WITH $ns AND toLower(o.name) = 'mysociety' RETURN o.id AS id",
      { ns },
    );
    expect(mysociety).toEqual([{ id: `${ns}GB-CHC-1076346` }]);
    expect(await owned(db, ns)).toMatchObject({ Organisation: 413, FUNDING: 539, Alias: 15 });
  });

  it('recognises the same charities in the COVID-19 tracker export by charity and company numbers in any spelling', async () => {
    const report = await importFiles(db, '360giving', [covid()], ns);
    expect(report.status).toBe('PUBLISHED');
    // Two more are recognised since numbers a spreadsheet left as "1168129.0" are read as the register writes them.
    expect(report.counts.organisations).toMatchObject({ read: 3956, created: 1839, merged: 30 });
    expect(report.counts.relationships).toMatchObject({ read: 1978, created: 1978 });
    const repaired = report.repairs.filter((r) => r.code === 'IDENTIFIER_REPAIRED');
    expect(repaired.length).toBeGreaterThan(100);
    expect(repaired.map((r) => r.message)).toContainEqual(
      expect.stringMatching(/"\d+\.0" read as GB-(CHC|COH) \d+$/),
    );
    // The Stroke Association: GB-COH-00061241 with charity number 211015 here, GB-CHC-211015 in nominet.json.
    const [stroke] = await organisationsByIds(db.runner, [`${ns}GB-COH-00061241`]);
    expect(stroke).toMatchObject({ id: `${ns}GB-CHC-211015`, name: 'Stroke Association' });
    expect(stroke?.identifiers).toEqual(
      expect.arrayContaining([
        { scheme: 'GB-CHC', value: '211015' },
        { scheme: 'GB-COH', value: '00061241' },
      ]),
    );
    // "GB-COH-9010389" and "GB-COH-09010389" are one company number.
    expect(report.merges).toContainEqual(
      expect.objectContaining({
        record: `${ns}GB-COH-9010389`,
        organisation: `${ns}GB-COH-09010389`,
        rule: 'IDENTIFIER',
      }),
    );
    expect(report.candidates.length).toBeGreaterThan(0);
    expect(await owned(db, ns)).toMatchObject({ Organisation: 2252, FUNDING: 2517, Alias: 45 });
  });

  it('changes no fact and adds no node or relationship when the three files are imported again', async () => {
    const before = await owned(db, ns);
    const stored = await runCypher(
      db.driver,
      'MATCH (o:Organisation) WHERE o.id STARTS WITH $ns RETURN o {.*, createdAt: null, updatedAt: toString(o.updatedAt)} AS o ORDER BY o.id',
      { ns },
    );
    for (const file of [nominet(), indigo(), covid()]) {
      const report = await importFiles(db, '360giving', [file], ns);
      expect(report.status).toBe('PUBLISHED');
      expect(report.counts.organisations.created + report.counts.organisations.updated).toBe(0);
      expect(report.counts.relationships.created + report.counts.relationships.updated).toBe(0);
      expect(report.counts.aliases).toBe(0);
    }
    expect(await owned(db, ns)).toEqual({ ...before, ImportRun: (before.ImportRun ?? 0) + 3 });
    const after = await runCypher(
      db.driver,
      'MATCH (o:Organisation) WHERE o.id STARTS WITH $ns RETURN o {.*, createdAt: null, updatedAt: toString(o.updatedAt)} AS o ORDER BY o.id',
      { ns },
    );
    expect(after).toEqual(stored);
  });
});

describe('cordis', () => {
  // The first 3,000 projects of the H2020 file (every row of each, and their programme parts): the whole
  // file (145k participations, 36k organisations) is imported by `npm run bench` (import, CORDIS H2020),
  // where its time is measured. What the slice holds is counted here from its rows, independently of the
  // importer. In a Neo4j of its own, so the shared database stays small for the other files' snapshots.
  const ns = `${uniquePrefix('cordis')}/`;
  const slice = cordisSlice(3_000);
  let own: PrivateNeo4j | undefined;
  let db: TestDb;
  beforeAll(async () => {
    own = await startPrivateNeo4j({
      label: 'cordis',
      heap: '1g',
      pageCache: '256m',
      queryTimeoutMs: 300_000,
    });
    db = { driver: own.driver, runner: own.runner, uri: own.uri, close: own.stop };
  }, 240_000);
  afterAll(async () => {
    await own?.stop();
    fs.rmSync(slice.dir, { recursive: true, force: true });
  });

  it('imports participations: organisations by PIC, projects as initiatives, roles, and no pairwise edges', async () => {
    const { expected } = slice;
    const report = await importFiles(db, 'cordis', slice.files, ns);
    expect(report.status).toBe('PUBLISHED');
    expect(expected.participations).toBeGreaterThan(10_000);
    expect(report.counts.organisations).toMatchObject({
      read: expected.organisations,
      created: expected.organisations,
    });
    expect(report.counts.initiatives).toMatchObject({ read: expected.projects, created: expected.projects });
    expect(report.counts.participations).toMatchObject({
      read: expected.participations,
      created: expected.participations,
    });
    // One sector rule per organisation, by its activity type.
    expect(report.sectorRules).toEqual(expected.sectorRules);
    // Projects whose dates are NA (QA L5): each missing date reported with the project and field, and a
    // project without an end date not left a running PILOT (194830 has neither date).
    expect(expected.undated).toBeGreaterThan(0);
    expect(report.repairCounts).toMatchObject({
      MISSING_DATE: expected.missingDates,
      STAGE_ASSUMED: expected.undated,
    });
    expect(report.repairs).toContainEqual(
      expect.objectContaining({
        code: 'MISSING_DATE',
        field: 'end_date',
        message: expect.stringContaining('cordis:194830'),
      }),
    );
    const [undated] = await runCypher(
      db.driver,
      'MATCH (i:Initiative {id: $id}) RETURN i.stage AS stage, i.startDate AS start, i.endDate AS end',
      { id: `${ns}cordis:194830` },
    );
    expect(undated).toEqual({ stage: 'ENDED', start: null, end: null });
    // Project 221856 (SC4), 2019-05-01 – 2022-04-30: coordinated by PIC 984516342 (PRC, ES); 998802502 (REC, EL) takes part.
    const rows = await runCypher(
      db.driver,
      `MATCH (o:Organisation)-[p:PARTICIPATES_IN]->(i:Initiative {id: $id})
         RETURN o.id AS org, o.name AS name, o.sector AS sector, p.role AS role, i.name AS project,
                toString(i.startDate) AS start, toString(i.endDate) AS end, i.sourceUrl AS url ORDER BY org`,
      { id: `${ns}cordis:221856` },
    );
    expect(rows).toContainEqual({
      org: `${ns}pic:984516342`,
      name: 'Company PIC 984516342 (Spain)',
      sector: 'COMPANY',
      role: 'LEAD',
      project: 'H2020 project 221856 (SC4)',
      start: '2019-05-01',
      end: '2022-04-30',
      url: 'https://cordis.europa.eu/project/rcn/221856',
    });
    expect(rows).toContainEqual(
      expect.objectContaining({
        org: `${ns}pic:998802502`,
        name: 'Research organisation PIC 998802502 (Greece)',
        sector: 'ACADEMIC',
        role: 'PARTNER',
      }),
    );
    expect(await owned(db, ns)).toEqual({
      ImportRun: 1,
      Initiative: expected.projects,
      Organisation: expected.organisations,
      PARTICIPATES_IN: expected.participations,
    });
  }, 300_000);

  it('changes nothing when imported again', async () => {
    const { expected } = slice;
    const report = await importFiles(db, 'cordis', slice.files, ns);
    expect(report.counts.organisations).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: expected.organisations,
    });
    expect(report.counts.initiatives).toMatchObject({ created: 0, updated: 0, unchanged: expected.projects });
    expect(report.counts.participations).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: expected.participations,
    });
    expect(await owned(db, ns)).toEqual({
      ImportRun: 2,
      Initiative: expected.projects,
      Organisation: expected.organisations,
      PARTICIPATES_IN: expected.participations,
    });
  }, 300_000);
});

/**
 * The first `projects` projects of the CORDIS H2020 files (in file order), written gzipped as the files
 * are, and what they hold: distinct PICs, projects, participation rows, organisations per activity type,
 * projects without an end date (`undated`) and missing project dates in all (`missingDates`).
 */
function cordisSlice(projects: number) {
  const read = (name: string) =>
    parseCsv(zlib.gunzipSync(fs.readFileSync(sharedFile('cordis-h2020-participations', name))), {
      columns: true,
      bom: true,
    }) as Record<string, string>[];
  const participations = read('h2020.csv.gz');
  const kept = new Set<string>();
  for (const row of participations) {
    if (kept.size === projects && !kept.has(row.rcn!)) continue;
    kept.add(row.rcn!);
  }
  const rows = participations.filter((row) => kept.has(row.rcn!));
  const parts = read('programme_parts.csv.gz').filter((row) => kept.has(row.rcn!));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cordis-slice-'));
  const write = (name: string, records: Record<string, string>[]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, zlib.gzipSync(stringifyCsv(records, { header: true })));
    return file;
  };
  const typeOf = new Map(rows.map((row) => [row.pic!, row.type!]));
  // Dates are read from a project's first row; NA means none.
  const firstRows = new Map<string, Record<string, string>>();
  for (const row of rows) if (!firstRows.has(row.rcn!)) firstRows.set(row.rcn!, row);
  const firsts = [...firstRows.values()];
  const undated = firsts.filter((row) => row.end_date === 'NA').length;
  const missingDates = undated + firsts.filter((row) => row.start_date === 'NA').length;
  const sectorRules: Record<string, number> = {};
  for (const type of typeOf.values()) {
    const rule = `cordis:activity-type:${type}`;
    sectorRules[rule] = (sectorRules[rule] ?? 0) + 1;
  }
  return {
    dir,
    files: [write('h2020.csv.gz', rows), write('programme_parts.csv.gz', parts)],
    expected: {
      organisations: typeOf.size,
      projects: kept.size,
      participations: rows.length,
      sectorRules,
      undated,
      missingDates,
    },
  };
}
