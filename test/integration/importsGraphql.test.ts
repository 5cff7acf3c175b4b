// What imports expose in the GraphQL API, for the explorer's details panel and for researchers: provenance
// with dataset, licence, record link and import runs; websites, closedOn and sectorRule; import runs as a
// connection; aliases resolved wherever an organisation id is taken.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../server/domain/import/report.ts';
import { connectTestDb, uniquePrefix, type TestDb } from '../support/db.ts';
import { deleteNamespace, importFiles } from '../support/imports.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let db: TestDb;
let server: TestServer;
let dir: string;
let report: ImportReport;
const ns = `${uniquePrefix('gqlimp')}/`;

beforeAll(async () => {
  db = connectTestDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-gql-'));
  fs.writeFileSync(
    path.join(dir, 'organisations.csv'),
    [
      'id,name,sector,kind,description,website,country,region,city,themes,identifiers,source_url',
      'hub,Hub Council,GOVERNMENT,,,https://hub.example,United Kingdom,England,York,,,https://register.example/hub',
      'hub-again,Hub Council,GOVERNMENT,,,hub.example/about,United Kingdom,England,York,,,',
      'peer,Peer Trust,NGO,,,,United Kingdom,England,York,,,',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(dir, 'relationships.csv'),
    [
      'id,source,target,kind,since,until,amount,currency,trust,source_url,description',
      'r1,hub-again,peer,FUNDING,2024-01-02,,10,GBP,,https://register.example/grant/1,',
    ].join('\n'),
  );
  // An initiative the merged record leads (by its own id): a merged id finds it in filter.participants.
  fs.writeFileSync(
    path.join(dir, 'initiatives.csv'),
    ['id,name,stage,start_date,end_date,themes,description', 'ini,Hub Pilot,PILOT,2024-01-01,,,'].join('\n'),
  );
  fs.writeFileSync(
    path.join(dir, 'participations.csv'),
    ['initiative,organisation,role', 'ini,hub-again,LEAD'].join('\n'),
  );
  report = await importFiles(db, 'atlas', [dir], ns, { licence: 'CC0-1.0' });
  server = await startTestServer(db);
});
afterAll(async () => {
  await server?.close();
  await deleteNamespace(db, ns);
  fs.rmSync(dir, { recursive: true, force: true });
  await db.close();
});

describe('imports in the API', () => {
  it('gives provenance with dataset, licence, record link and the import run, for organisations and relationships', async () => {
    expect(report.status).toBe('PUBLISHED');
    const { data, errors } = await server.graphql(
      `query ($id: ID!) { organisation(id: $id) {
          id name websites closedOn sectorRule
          provenance { sourceDataset sourceRecord sourceUrl licence importRun { id format files status } lastImportRun { id } }
          relationships { id provenance { sourceUrl licence importRun { id } } }
      } }`,
      { id: `${ns}hub-again` },
    );
    expect(errors).toBeUndefined();
    expect(data?.organisation).toEqual({
      id: `${ns}hub`,
      name: 'Hub Council',
      websites: ['https://hub.example', 'https://hub.example/about'],
      closedOn: null,
      sectorRule: null,
      provenance: {
        sourceDataset: `atlas:${path.basename(dir)}`,
        sourceRecord: 'hub',
        sourceUrl: 'https://register.example/hub',
        licence: 'CC0-1.0',
        importRun: { id: report.runId, format: 'atlas', files: [dir], status: 'PUBLISHED' },
        lastImportRun: { id: report.runId },
      },
      relationships: [
        {
          id: `${ns}r1`,
          provenance: {
            sourceUrl: 'https://register.example/grant/1',
            licence: 'CC0-1.0',
            importRun: { id: report.runId },
          },
        },
      ],
    });
  });

  it('resolves a merged id in neighbourhood(ids)', async () => {
    const { data, errors } = await server.graphql(
      `query ($ids: [ID!]!) { neighbourhood(ids: $ids, depth: 1) { nodes { id } } }`,
      {
        ids: [`${ns}hub-again`],
      },
    );
    expect(errors).toBeUndefined();
    expect((data?.neighbourhood as { nodes: { id: string }[] }).nodes.map((n) => n.id).sort()).toEqual([
      `${ns}hub`,
      `${ns}peer`,
    ]);
  });

  it('takes a merged id in filter.organisations, filter.participants and an export, as the organisation it was merged into', async () => {
    const { data, errors } = await server.graphql<{
      relationships: { totalCount: number; nodes: { id: string }[] };
      initiatives: { totalCount: number; nodes: { id: string }[] };
    }>(
      `query ($ids: [ID!]!) {
        relationships(filter: { organisations: $ids }) { totalCount nodes { id } }
        initiatives(filter: { participants: $ids }) { totalCount nodes { id } } }`,
      { ids: [`${ns}hub-again`] },
    );
    expect(errors).toBeUndefined();
    expect(data!.relationships).toEqual({ totalCount: 1, nodes: [{ id: `${ns}r1` }] });
    expect(data!.initiatives).toEqual({ totalCount: 1, nodes: [{ id: `${ns}ini` }] });
    const csv = await fetch(
      `${server.url}/export?${new URLSearchParams({ format: 'csv', ids: `${ns}hub-again,${ns}peer` }).toString()}`,
    );
    expect(csv.status).toBe(200);
    const rows = (await csv.text()).trim().split('\n').slice(1);
    expect(rows.map((row) => row.split(',')[0]).sort()).toEqual([`${ns}hub`, `${ns}peer`]);
  });

  it('lists import runs newest first as a connection, and finds one by id', async () => {
    const first = await server.graphql(
      `{ importRuns(first: 1) { edges { cursor node { id } } nodes { id } pageInfo { hasNextPage endCursor } totalCount } }`,
    );
    expect(first.errors).toBeUndefined();
    const page = first.data?.importRuns as {
      nodes: { id: string }[];
      pageInfo: { hasNextPage: boolean; endCursor: string };
      totalCount: number;
    };
    expect(page.nodes).toHaveLength(1);
    expect(page.totalCount).toBeGreaterThanOrEqual(1);
    if (page.pageInfo.hasNextPage) {
      const next = await server.graphql(
        `query ($after: String) { importRuns(first: 1, after: $after) { nodes { id } } }`,
        { after: page.pageInfo.endCursor },
      );
      expect(next.errors).toBeUndefined();
      expect((next.data?.importRuns as { nodes: { id: string }[] }).nodes[0]?.id).not.toBe(page.nodes[0]?.id);
    }
    const one = await server.graphql(
      `query ($id: ID!) { importRun(id: $id) { id format checksum report } }`,
      { id: report.runId },
    );
    expect(one.errors).toBeUndefined();
    const run = one.data?.importRun as { id: string; checksum: string; report: string };
    expect(run.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(run.report)).toMatchObject({ counts: { organisations: { created: 2, merged: 1 } } });
    const bad = await server.graphql(`{ importRuns(first: 1, after: "nonsense") { totalCount } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
