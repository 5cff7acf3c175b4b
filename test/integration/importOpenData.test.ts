// Each open-data importer on the real files of ../shared/data: counts, known organisations and
// relationships looked up in the files, provenance and run records, identity resolution (merges across the
// two 360Giving publisher files and the COVID-19 tracker; no false merges on shared hosts), and idempotency
// (a re-import changes no fact and adds no node or relationship, only a run record).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationsByIds } from '../../server/domain/organisations.ts';
import { runCypher } from '../support/cypher.ts';
import { connectTestDb, uniquePrefix, type TestDb } from '../support/db.ts';
import { deleteNamespace, importFiles, owned } from '../support/imports.ts';
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
