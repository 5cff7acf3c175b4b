// The one exporter, over HTTP and as a CLI: GraphML and GEXF read back with graphology's readers give
// the same nodes, edges and typed attributes; Cytoscape JSON and CSV (with shortlist notes); the atlas
// format round trip is byte-identical (import into an empty database, export again); bad requests get 400.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseAtlasCsv } from '../../server/domain/atlas/read.ts';
import { SKIPPED_COUNT_HEADER, SKIPPED_HEADER, skippedOf } from '../../client/api/exportFile.ts';
import { exportNetwork } from '../../server/domain/export/exporter.ts';
import { sourceFromDataset } from '../../server/domain/import/datasetSource.ts';
import { importSource } from '../../server/domain/import/importDataset.ts';
import { createNetworkCache, networkAccess } from '../../server/domain/network/cache.ts';
import { connectTestDb, deleteByPrefix, uniquePrefix, type TestDb } from '../support/db.ts';
import { countingReads, type QueryCounts } from '../support/countedRequest.ts';
import { smallNetwork } from '../support/fixtures.ts';
import { startPrivateNeo4j } from '../support/privateNeo4j.ts';
import { runCli } from '../support/processes.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let db: TestDb;
let server: TestServer;
const p = uniquePrefix('export');
const dataset = smallNetwork(p);
const published = dataset.organisations.filter((o) => o.status === 'PUBLISHED');
const ids = published.map((o) => o.id);
const dirs: string[] = [];

beforeAll(async () => {
  db = connectTestDb();
  await importSource(db.runner, sourceFromDataset(dataset), { recordedBy: 'import:test' });
  server = await startTestServer(db);
});
afterAll(async () => {
  await server?.close();
  await deleteByPrefix(db, p);
  await db.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function download(format: string, extra: Record<string, string> = {}) {
  const query = new URLSearchParams({ format, ids: ids.join(','), ...extra });
  const response = await fetch(`${server.url}/export?${query.toString()}`);
  return { response, body: await response.text() };
}

/** Relationships among the published organisations of the fixture (the pending one's tie is left out). */
const expectedEdges = dataset.relationships.filter((r) => ids.includes(r.source) && ids.includes(r.target));

describe('GraphML and GEXF', () => {
  it.each([
    ['graphml', parseGraphml],
    ['gexf', parseGexf],
  ] as const)(
    '%s reads back with graphology: same nodes, edges and typed attributes',
    async (format, parse) => {
      const { response, body } = await download(format);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toMatch(
        new RegExp(`attachment; filename="?partnership-atlas\\.${format}"?`),
      );
      const graph = parse(MultiDirectedGraph, body);
      expect(graph.nodes().sort()).toEqual([...ids].sort());
      expect(graph.edges().sort()).toEqual(expectedEdges.map((r) => r.id).sort());
      const hub = published.find((o) => o.id === `${p}-hub`)!;
      const attributes = graph.getNodeAttributes(hub.id);
      expect(attributes).toMatchObject({
        label: hub.name,
        sector: 'GOVERNMENT',
        kind: 'local authority',
        country: 'United Kingdom',
        region: 'England',
        city: 'Leeds',
        themes: 'Digital inclusion;Housing',
        degree: 4,
      });
      expect(typeof attributes.degree).toBe('number');
      const funding = expectedEdges.find((r) => r.kind === 'FUNDING')!;
      expect(graph.source(funding.id)).toBe(funding.source);
      expect(graph.target(funding.id)).toBe(funding.target);
      expect(graph.getEdgeAttributes(funding.id)).toMatchObject({
        kind: 'FUNDING',
        amount: 25000,
        currency: 'GBP',
        since: '2021-04-01',
        until: '2022-03-31',
        trust: 'SOURCED',
      });
      expect(typeof graph.getEdgeAttribute(funding.id, 'amount')).toBe('number');
    },
  );
});

describe('a two-mode export (initiatives)', () => {
  it.each([
    ['graphml', parseGraphml],
    ['gexf', parseGexf],
  ] as const)(
    '%s with initiatives=true has each initiative as a node and each participation as an edge',
    async (format, parse) => {
      const { response, body } = await download(format, { initiatives: 'true' });
      expect(response.status).toBe(200);
      const graph = parse(MultiDirectedGraph, body);
      const initiative = `initiative:${p}-ini`;
      expect(graph.nodes().sort()).toEqual([...ids, initiative].sort());
      expect(graph.getNodeAttributes(initiative)).toMatchObject({
        type: 'initiative',
        label: dataset.initiatives[0]!.name,
        stage: 'PILOT',
        start_date: '2022-01-01',
        themes: 'Housing',
      });
      expect(graph.getNodeAttribute(`${p}-hub`, 'type')).toBe('organisation');
      // Degree stays the organisation's ties; participations are edges of their own kind.
      expect(graph.getNodeAttribute(`${p}-hub`, 'degree')).toBe(4);
      const participations = graph.filterEdges((_e, a) => a.kind === 'PARTICIPATION');
      expect(
        participations
          .map((e) => [graph.source(e), graph.target(e), graph.getEdgeAttribute(e, 'role')])
          .sort(),
      ).toEqual([
        [`${p}-b`, initiative, 'PARTNER'],
        [`${p}-hub`, initiative, 'LEAD'],
      ]);
      expect(graph.size).toBe(expectedEdges.length + 2);
      // Without the option: organisations and their ties only.
      const plain = parse(MultiDirectedGraph, (await download(format)).body);
      expect(plain.hasNode(initiative)).toBe(false);
      expect(plain.size).toBe(expectedEdges.length);
    },
  );

  it('cytoscape with initiatives carries them too; csv and a value that is not a flag are refused', async () => {
    const { body } = await download('cytoscape', { initiatives: '' });
    const json = JSON.parse(body) as {
      elements: { nodes: { data: { id: string; type: string } }[]; edges: { data: { kind: string } }[] };
    };
    expect(json.elements.nodes.filter((n) => n.data.type === 'initiative').map((n) => n.data.id)).toEqual([
      `initiative:${p}-ini`,
    ]);
    expect(json.elements.edges.filter((e) => e.data.kind === 'PARTICIPATION')).toHaveLength(2);
    const refused = await download('csv', { initiatives: 'true' });
    expect(refused.response.status).toBe(400);
    expect(refused.body).toContain('initiatives');
    const wrong = await download('graphml', { initiatives: 'maybe' });
    expect(wrong.response.status).toBe(400);
    expect(wrong.body).toContain('initiatives');
  });
});

describe('what each format reads', () => {
  it('reads initiatives, participations and places only for the atlas format', async () => {
    // One network cache for all: the snapshot of the shared database (other files' data too) is read once.
    const cache = createNetworkCache();
    const reads = async (format: 'GRAPHML' | 'GEXF' | 'CYTOSCAPE' | 'CSV' | 'ATLAS') => {
      const counts: QueryCounts = {};
      const runner = countingReads(db.runner, counts);
      await exportNetwork(runner, networkAccess(runner, cache), { format, ids });
      return counts;
    };
    for (const format of ['GRAPHML', 'GEXF', 'CYTOSCAPE', 'CSV'] as const) {
      const counts = await reads(format);
      expect(counts.exportOrganisations, format).toBe(1);
      expect(counts.exportInitiatives, format).toBeUndefined();
      expect(counts.exportPlaces, format).toBeUndefined();
    }
    expect(await reads('ATLAS')).toMatchObject({ exportInitiatives: 1, exportPlaces: 1 });
    // A two-mode graph reads the initiatives, not the places' coordinates.
    const counts: QueryCounts = {};
    const runner = countingReads(db.runner, counts);
    await exportNetwork(runner, networkAccess(runner, cache), { format: 'GRAPHML', ids, initiatives: true });
    expect(counts.exportInitiatives).toBe(1);
    expect(counts.exportPlaces).toBeUndefined();
  });
});

describe('Cytoscape JSON and CSV', () => {
  it('writes Cytoscape.js elements', async () => {
    const { body } = await download('cytoscape');
    const json = JSON.parse(body) as {
      elements: { nodes: { data: { id: string } }[]; edges: { data: { id: string; source: string } }[] };
    };
    expect(json.elements.nodes.map((n) => n.data.id).sort()).toEqual([...ids].sort());
    expect(json.elements.edges).toHaveLength(expectedEdges.length);
  });

  it('writes a shortlist with its notes, in the order given', async () => {
    const response = await fetch(`${server.url}/export`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        format: 'csv',
        ids: [`${p}-c`, `${p}-a`],
        notes: { [`${p}-c`]: 'score 5.2: shares Housing', [`${p}-a`]: 'same city' },
      }),
    });
    expect(response.status).toBe(200);
    const csv = await response.text();
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('id,name,sector,kind,country,region,city,themes,website,identifiers,ties,notes');
    expect(lines[1]).toMatch(new RegExp(`^${p}-c,.*,score 5.2: shares Housing$`));
    expect(lines[2]).toMatch(new RegExp(`^${p}-a,.*,same city$`));
    // `ties`: each one's ties in the whole network (as the explorer shows), not only those between the two.
    const degree = (id: string) => expectedEdges.filter((r) => r.source === id || r.target === id).length;
    const rows = parseCsv(csv) as string[][];
    const tiesColumn = rows[0]!.indexOf('ties');
    expect(rows.slice(1).map((row) => Number(row[tiesColumn]))).toEqual([degree(`${p}-c`), degree(`${p}-a`)]);
    expect(degree(`${p}-c`) + degree(`${p}-a`)).toBeGreaterThan(
      2 *
        expectedEdges.filter((r) => [r.source, r.target].every((e) => [`${p}-c`, `${p}-a`].includes(e)))
          .length,
    );
  });

  it('leaves out a shortlist entry no longer published when asked to, and names it', async () => {
    const shortlist = [`${p}-c`, `${p}-hidden`, `${p}-gone,1`, `${p}-a`];
    const post = (skipUnpublished: boolean, chosen = shortlist) =>
      fetch(`${server.url}/export`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          format: 'csv',
          ids: chosen,
          notes: Object.fromEntries(chosen.map((id) => [id, `note for ${id}`])),
          skipUnpublished,
        }),
      });
    const response = await post(true);
    expect(response.status).toBe(200);
    // The headers the explorer reads (client/api/exportFile.ts), ids URI-encoded: one has a comma.
    expect(skippedOf(response.headers)).toEqual({ count: 2, ids: [`${p}-hidden`, `${p}-gone,1`] });
    expect(response.headers.get(SKIPPED_HEADER)).toBe(`${p}-hidden,${encodeURIComponent(`${p}-gone,1`)}`);
    const rows = parseCsv(await response.text()) as string[][];
    expect(rows.slice(1).map((row) => [row[0], row.at(-1)])).toEqual([
      [`${p}-c`, `note for ${p}-c`],
      [`${p}-a`, `note for ${p}-a`],
    ]);
    // Nothing left out: no header. Without the flag, the same ids are refused, naming them.
    expect((await post(true, [`${p}-a`])).headers.get(SKIPPED_COUNT_HEADER)).toBeNull();
    const refused = await post(false);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain(`${p}-hidden`);
    // In a link, the flag alone is enough.
    const link = await fetch(`${server.url}/export?format=csv&ids=${p}-a,${p}-hidden&skipUnpublished`);
    expect(link.status).toBe(200);
    expect(skippedOf(link.headers)).toEqual({ count: 1, ids: [`${p}-hidden`] });
    // Every one gone: refused, as a file with no rows would be no answer.
    const none = await post(true, [`${p}-hidden`, `${p}-gone,1`]);
    expect(none.status).toBe(400);
    const body = (await none.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.message).toBe('ids: none of the 2 organisations is published any more.');
    expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('counts `ties` on asOf: only those active on that day', async () => {
    const day = '2020-06-30';
    const { response, body } = await download('csv', { asOf: day });
    expect(response.status).toBe(200);
    const activeOn = (r: (typeof expectedEdges)[number]) =>
      (r.since === null || r.since <= day) && (r.until === null || r.until >= day);
    const ties = (id: string) =>
      expectedEdges.filter((r) => (r.source === id || r.target === id) && activeOn(r)).length;
    const rows = parseCsv(body) as string[][];
    const tiesColumn = rows[0]!.indexOf('ties');
    const got = Object.fromEntries(rows.slice(1).map((row) => [row[0]!, Number(row[tiesColumn])]));
    expect(got).toEqual(Object.fromEntries(ids.map((id) => [id, ties(id)])));
    // The hub's funding from a started in 2021: on that day it has fewer ties than its degree.
    expect(got[`${p}-hub`]).toBeLessThan(
      expectedEdges.filter((r) => [r.source, r.target].includes(`${p}-hub`)).length,
    );
  });

  it('writes the relationships table', async () => {
    const { body } = await download('csv', { table: 'relationships' });
    expect(body.split('\n')[0]).toBe(
      'id,kind,source,source_name,target,target_name,since,until,amount,currency,trust,description,source_url',
    );
    expect(body.trim().split('\n')).toHaveLength(expectedEdges.length + 1);
  });
});

describe('bad requests', () => {
  it.each([
    [{ format: 'pdf' }, 'format'],
    [{ format: 'graphml', filter: '{not json' }, 'filter'],
    [{ format: 'graphml', asOf: '2024-02-31' }, 'asOf'],
    [{ format: 'csv', table: 'people' }, 'table'],
    [{ format: 'graphml', filter: '{"sectors":["NGOS"]}' }, 'filter.sectors.0'],
    [{ format: 'csv', ids: `${p}-nope,${p}-also-nope` }, 'ids'],
    // Not published: as if unknown.
    [{ format: 'csv', ids: `${p}-a,${p}-hidden` }, 'ids'],
  ])('%j is refused with 400, naming %s', async (query, field) => {
    const response = await fetch(`${server.url}/export?${new URLSearchParams(query).toString()}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      errors: { extensions: { code: string; problems: { field: string }[] } }[];
    };
    expect(body.errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0]?.extensions.problems.map((x) => x.field)).toContain(field);
  });
});

describe('ids that name no published organisation', () => {
  it('refuses them with 400 over GET and POST, naming each, and writes no file', async () => {
    const get = await fetch(
      `${server.url}/export?${new URLSearchParams({ format: 'csv', ids: `${p}-a,${p}-nope,${p}-also-nope` }).toString()}`,
    );
    const post = await fetch(`${server.url}/export`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'graphml', ids: [`${p}-nope`, `${p}-also-nope`, `${p}-a`] }),
    });
    for (const response of [get, post]) {
      expect(response.status).toBe(400);
      expect(response.headers.get('content-disposition')).toBeNull();
      const body = (await response.json()) as {
        errors: {
          message: string;
          extensions: { code: string; problems: { field: string; code: string }[] };
        }[];
      };
      expect(body.errors[0]?.message).toBe(
        `ids: no published organisation has the id "${p}-nope"; ids: no published organisation has the id "${p}-also-nope".`,
      );
      expect(body.errors[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        problems: [
          { field: 'ids', code: 'NOT_FOUND' },
          { field: 'ids', code: 'NOT_FOUND' },
        ],
      });
    }
  });
});

describe('the atlas format round trip', () => {
  it('imports into an empty database and exports again byte for byte', async () => {
    const first = await exportNetwork(db.runner, networkAccess(db.runner, createNetworkCache()), {
      format: 'ATLAS',
      ids,
      atlasFolder: true,
    });
    const files = Object.fromEntries(first.map((f) => [f.name, f.body]));
    const empty = await startPrivateNeo4j({
      label: 'roundtrip',
      heap: '512m',
      pageCache: '128m',
      queryTimeoutMs: 60_000,
    });
    try {
      const read = parseAtlasCsv(files);
      expect(read.problems).toEqual([]);
      await importSource(empty.runner, sourceFromDataset(read.dataset), { recordedBy: 'import:atlas' });
      const again = await exportNetwork(empty.runner, networkAccess(empty.runner, createNetworkCache()), {
        format: 'ATLAS',
        ids,
        atlasFolder: true,
      });
      expect(Object.fromEntries(again.map((f) => [f.name, f.body]))).toEqual(files);
      expect(files['organisations.csv']?.split('\n').length).toBeGreaterThan(ids.length);
      // The stage history travels too, with its provenance.
      expect(files['initiative_stages.csv']?.trim().split('\n')).toEqual([
        'initiative,stage,date,source_url,source_dataset,source_record,recorded_by,recorded_at',
        `${p}-ini,IDEA,2021-06-01,https://example.org/source,test-fixture,row-7,tester,2024-01-02T03:04:05Z`,
        expect.stringMatching(new RegExp(`^${p}-ini,PILOT,2022-01-01,,,,import:test,`)),
      ]);
    } finally {
      await empty.stop();
    }
  }, 240_000);
});

describe('npm run export', () => {
  /** A fresh temporary folder, removed after the file's tests. */
  function tempDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-export-'));
    dirs.push(dir);
    return dir;
  }
  /** `npm run export -- <args>` against the test Neo4j, logging warnings only. */
  const exportCli = (args: string[]) =>
    runCli('export.ts', { NEO4J_URI: inject('neo4jUri'), LOG_LEVEL: 'warn' }, args);

  /** `npm run export -- graphml` of the fixture's Leeds organisations, read back. */
  async function leedsGraphml(...options: string[]) {
    const out = path.join(tempDir(), 'leeds.graphml');
    const cli = exportCli([
      'graphml',
      out,
      '--ids',
      ids.join(','),
      '--filter',
      '{"places":["Leeds"]}',
      ...options,
    ]);
    expect(await cli.exited).toBe(0);
    return parseGraphml(MultiDirectedGraph, fs.readFileSync(out, 'utf8'));
  }

  it('writes GraphML for a filter, using the Neo4j it is given', async () => {
    const graph = await leedsGraphml();
    expect(graph.nodes().sort()).toEqual([`${p}-a`, `${p}-hub`]);
  });

  it('writes a two-mode GraphML with --initiatives', async () => {
    const graph = await leedsGraphml('--initiatives');
    expect(graph.nodes().sort()).toEqual([`${p}-a`, `${p}-hub`, `initiative:${p}-ini`].sort());
    // Only the exported organisations' participations: the hub's, not b's (outside Leeds).
    expect(graph.inboundNeighbors(`initiative:${p}-ini`)).toEqual([`${p}-hub`]);
  });

  it('refuses a path in a folder that does not exist before reading anything, and creates nothing', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'missing', 'x.graphml');
    const cli = runCli('export.ts', { NEO4J_URI: inject('neo4jUri') }, ['graphml', out, '--ids', ids[0]!]);
    expect(await cli.exited).toBe(2);
    expect(cli.output()).toContain(`${path.join(dir, 'missing')} is not a folder: create it first`);
    expect(cli.output()).not.toMatch(/\n\s+at /);
    expect(cli.output()).not.toMatch(/Database:/);
    expect(fs.existsSync(path.join(dir, 'missing'))).toBe(false);
  });

  it('says in one line when the output cannot be written', async () => {
    // A folder where the file should go: writing it fails.
    const out = path.join(tempDir(), 'taken.graphml');
    fs.mkdirSync(out);
    const cli = exportCli(['graphml', out, '--ids', ids[0]!]);
    expect(await cli.exited).toBe(1);
    expect(cli.output()).toContain(`Nothing was written: could not write ${out} (EISDIR)`);
    expect(cli.output()).not.toMatch(/\n\s+at /);
  });

  it('names an id that names no published organisation, writes nothing, and shows no stack trace', async () => {
    const out = path.join(tempDir(), 'shortlist.csv');
    const cli = exportCli(['csv', out, '--ids', `${ids[0]},${p}-nope`, '--filter', '{"places":["Leeds"]}']);
    expect(await cli.exited).toBe(2);
    expect(cli.output()).toContain(
      `Nothing was exported: request (ids): no published organisation has the id "${p}-nope" [NOT_FOUND]`,
    );
    expect(cli.output()).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('explains a wrong format without a stack trace', async () => {
    const cli = runCli('export.ts', { NEO4J_URI: inject('neo4jUri') }, ['pdf', '/tmp/x.pdf']);
    expect(await cli.exited).toBe(2);
    expect(cli.output()).toMatch(/\(format\): use one of atlas, graphml, gexf, cytoscape, csv/);
    expect(cli.output()).not.toMatch(/\n\s+at /);
  });
});
