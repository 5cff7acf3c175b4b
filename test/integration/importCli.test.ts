// `npm run import -- atlas <path>` as a process against the run's Neo4j: valid input is written (twice
// changes nothing); each kind of bad input is reported with file and line, and nothing is written.
import { runCypher } from '../support/cypher.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectTestDb, deleteByPrefix, uniquePrefix, type TestDb } from '../support/db.ts';
import { runCli } from '../support/processes.ts';

let db: TestDb;
const prefixes: string[] = [];
const dirs: string[] = [];

beforeAll(() => {
  db = connectTestDb();
});
afterAll(async () => {
  for (const p of prefixes) await deleteByPrefix(db, p);
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  await db.close();
});

const ORG_HEADER = 'id,name,sector,kind,description,website,country,region,city,themes,identifiers';
const REL_HEADER = 'source,target,kind,since,until,amount,currency,trust,source_url,description';

/** A valid two-organisation atlas folder owned by this test, with optional edits to its files. */
function atlasFolder(p: string, edit: (files: Record<string, string>) => void = () => {}) {
  const files: Record<string, string> = {
    'organisations.csv': [
      ORG_HEADER,
      `${p}-a,Alpha Council,GOVERNMENT,local authority,,https://alpha.example,United Kingdom,England,York,Housing,GOVUK:${p}-a`,
      `${p}-b,Beta Trust,NGO,charity,"Helps, quotes ""and"" commas",,United Kingdom,England,York,Housing;Health,`,
    ].join('\n'),
    'relationships.csv': [
      REL_HEADER,
      `${p}-a,${p}-b,FUNDING,2022-04-01,2023-03-31,1500.50,GBP,SOURCED,https://alpha.example/grants,Small grant`,
    ].join('\n'),
  };
  edit(files);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-import-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), `${text}\n`);
  return dir;
}

async function importFolder(target: string) {
  const cli = runCli('import.ts', { NEO4J_URI: inject('neo4jUri'), LOG_LEVEL: 'warn' }, ['atlas', target]);
  const code = await cli.exited;
  return { code, output: cli.output() };
}

async function owned(p: string) {
  return runCypher(
    db.driver,
    `MATCH (o:Organisation) WHERE o.id STARTS WITH $p
     OPTIONAL MATCH (o)-[r]->(m:Organisation)
     RETURN o.id AS id, o.updatedAt AS updatedAt, collect([type(r), m.id, r.amount, r.trust]) AS out ORDER BY id`,
    { p },
  );
}

describe('npm run import -- atlas', () => {
  it('imports a folder, and importing it again changes nothing', async () => {
    const p = uniquePrefix('cli');
    prefixes.push(p);
    const dir = atlasFolder(p);
    const first = await importFolder(dir);
    expect(first.output).toMatch(/organisations +2 created, 0 updated, 0 unchanged/);
    expect(first.output).toMatch(/relationships +1 created, 0 updated, 0 unchanged/);
    expect(first.code).toBe(0);
    const before = await owned(p);
    expect(before).toEqual([
      expect.objectContaining({ id: `${p}-a`, out: [['FUNDING', `${p}-b`, 1500.5, 'SOURCED']] }),
      expect.objectContaining({ id: `${p}-b` }),
    ]);
    const second = await importFolder(dir);
    expect(second.code).toBe(0);
    expect(second.output).toMatch(/nothing changed/);
    expect(second.output).toMatch(/organisations +0 created, 0 updated, 2 unchanged/);
    expect(await owned(p)).toEqual(before);
  });

  it('imports the same content as one JSON file', async () => {
    const p = uniquePrefix('json');
    prefixes.push(p);
    const file = path.join(atlasFolder(p), 'atlas.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        format: 'atlas',
        version: 1,
        organisations: [
          { id: `${p}-a`, name: 'Alpha', sector: 'COMPANY', themes: ['Open data'], identifiers: [] },
          { id: `${p}-b`, name: 'Beta', sector: 'ACADEMIC' },
        ],
        relationships: [
          { source: `${p}-a`, target: `${p}-b`, kind: 'DATA_SHARING', since: '2024-01-01', source_url: null },
        ],
      }),
    );
    const result = await importFolder(file);
    expect(result.output).toMatch(/organisations +2 created/);
    expect(result.output).toMatch(/relationships +1 created/);
    expect((await owned(p)).map((r) => r.id)).toEqual([`${p}-a`, `${p}-b`]);
  });

  const badInputs: [string, (p: string) => (files: Record<string, string>) => void, RegExp][] = [
    [
      'an unknown sector',
      () => (f) => (f['organisations.csv'] = f['organisations.csv']!.replace(',NGO,', ',CHARITY,')),
      /organisations\.csv:3:3 \(sector\): unknown sector "CHARITY".*\[UNKNOWN_VALUE\]/,
    ],
    [
      'a dangling relationship end',
      (p) => (f) =>
        (f['relationships.csv'] = f['relationships.csv']!.replace(`${p}-a,${p}-b`, `${p}-a,${p}-zzz`)),
      /relationships\.csv:2:2 \(target\): .*is not an organisation in this import or in the database.*\[DANGLING_REFERENCE\]/,
    ],
    [
      'a duplicate id',
      (p) => (f) => (f['organisations.csv'] = f['organisations.csv']!.replace(`${p}-b,Beta`, `${p}-a,Beta`)),
      /organisations\.csv:3:1 \(id\): .*line 2.*\[DUPLICATE_ID\]/,
    ],
    [
      'a malformed date',
      () => (f) => (f['relationships.csv'] = f['relationships.csv']!.replace('2022-04-01', '2022-02-30')),
      /relationships\.csv:2:4 \(since\): .*\[BAD_DATE\]/,
    ],
    [
      'a missing column',
      () => (f) => (f['organisations.csv'] = f['organisations.csv']!.replace('identifiers', 'identifers')),
      /organisations\.csv:1.*\[MISSING_COLUMN\]/,
    ],
  ];

  it.each(badInputs)('reports %s with file and line, and writes nothing', async (_, edit, expected) => {
    const p = uniquePrefix('bad');
    prefixes.push(p);
    const result = await importFolder(atlasFolder(p, edit(p)));
    expect(result.code).toBe(1);
    expect(result.output).toMatch(expected);
    expect(result.output).toMatch(/nothing was written/);
    expect(await owned(p)).toEqual([]);
  });

  it('names a path that does not exist', async () => {
    const result = await importFolder(path.join(os.tmpdir(), 'atlas-no-such-folder'));
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/atlas-no-such-folder.*no such file or folder/);
  });

  it('explains the usage for an unknown format', async () => {
    const cli = runCli('import.ts', {}, ['gexf', 'x']);
    expect(await cli.exited).toBe(2);
    expect(cli.output()).toMatch(/Unknown format "gexf"[\s\S]*atlas/);
  });
});
