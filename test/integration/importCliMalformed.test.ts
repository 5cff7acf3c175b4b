// `npm run import` as a process with every kind of malformed input: a clear report naming the problem, never a
// stack trace, exit code 1 (2 for a usage mistake), and nothing written — no run record, no fact.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCypher } from '../support/cypher.ts';
import { connectTestDb, type TestDb } from '../support/db.ts';
import { runCli } from '../support/processes.ts';
import { sharedFile } from '../support/sharedData.ts';

let db: TestDb;
let dir: string;

beforeAll(() => {
  db = connectTestDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-malformed-'));
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await db.close();
});

async function importCli(args: string[], env: Record<string, string> = {}) {
  const cli = runCli('import.ts', { NEO4J_URI: inject('neo4jUri'), LOG_LEVEL: 'warn', ...env }, args);
  const code = await cli.exited;
  return { code, output: cli.output() };
}

function file(name: string, text: string): string {
  const full = path.join(dir, name);
  fs.writeFileSync(full, text);
  return full;
}

/** Nothing of a run over `paths` reached the database: no run record and no fact from those files. */
async function expectNothingWritten(paths: string[]): Promise<void> {
  const [row] = await runCypher(
    db.driver,
    `CALL () { MATCH (r:ImportRun) WHERE any(f IN r.files WHERE f IN $paths) RETURN count(r) AS n
               UNION ALL
               MATCH (o) WHERE (o:Organisation OR o:StagedOrganisation) AND any(f IN $names WHERE o.sourceDataset ENDS WITH f) RETURN count(o) AS n }
     RETURN sum(n) AS n`,
    { paths, names: paths.map((p) => `:${path.basename(p)}`) },
  );
  expect(row?.n).toBe(0);
}

const STACK = /\n\s+at .+\(?.*:\d+:\d+\)?/;

describe('npm run import with malformed input', () => {
  it('reports broken JSON with the number of grants read before it', async () => {
    const broken = file('broken-grants.json', '{"grants": [{"id": "g1", "title": "x"}, {"id": "g2",, }]}');
    const { code, output } = await importCli(['360giving', broken]);
    expect(code).toBe(1);
    expect(output).toMatch(
      /Did not import 360giving .*broken-grants\.json: \d+ problems?; nothing was written/,
    );
    expect(output).toMatch(/broken-grants\.json:1:\d+.*invalid JSON after \d+ grant\(s\).*\[BAD_JSON\]/);
    expect(output).not.toMatch(STACK);
    await expectNothingWritten([broken]);
  });

  it('says on which line a JSON file cut short ends', async () => {
    const grant = (k: number) =>
      `  {"id": "g${k}", "title": "Grant ${k}", "amountAwarded": 100, "currency": "GBP", "awardDate": "2020-01-01",\n` +
      `   "fundingOrganization": [{"id": "GB-CHC-1000001", "name": "Fund"}],\n` +
      `   "recipientOrganization": [{"id": "GB-CHC-${2000000 + k}", "name": "Charity ${k}"}]}`;
    const whole = `{"grants": [\n${Array.from({ length: 400 }, (_, k) => grant(k)).join(',\n')}\n]}\n`;
    // Cut in the middle of line 1,000 of 1,203 (far past the parser's first slices).
    const lines = whole.split('\n');
    const cut = `${lines.slice(0, 999).join('\n')}\n${lines[999]!.slice(0, 20)}`;
    const truncated = file('truncated-grants.json', cut);
    const { code, output } = await importCli(['360giving', truncated]);
    expect(code).toBe(1);
    expect(output.split('\n').filter((l) => l.includes('[BAD_JSON]'))).toEqual([
      expect.stringMatching(/truncated-grants\.json:1000:21: invalid JSON after \d+ grant\(s\)/),
    ]);
    await expectNothingWritten([truncated]);
  });

  it('reports the wrong columns of a GOV.UK TSV and of a CORDIS CSV', async () => {
    const tsv = file('wrong-columns.tsv', 'id\tname\tsite\nD1\tCabinet Office\thttps://www.gov.uk\n');
    const tsvRun = await importCli(['govuk', tsv]);
    expect(tsvRun.code).toBe(1);
    expect(tsvRun.output).toMatch(
      /wrong-columns\.tsv:1 \(govuk\): missing column "govuk".*\[MISSING_COLUMN\]/,
    );
    expect(tsvRun.output).not.toMatch(STACK);
    const csv = file('participations.csv', 'project,role,pic\n1,coordinator,999999999\n');
    const csvRun = await importCli(['cordis', csv, '--dry-run']);
    expect(csvRun.code).toBe(1);
    expect(csvRun.output).toMatch(/participations\.csv:1 \(rcn\): missing column "rcn".*\[MISSING_COLUMN\]/);
    expect(csvRun.output).not.toMatch(STACK);
    await expectNothingWritten([tsv, csv]);
  });

  it('explains an unknown format and an unknown option with the usage', async () => {
    const format = await importCli(['gexf', 'x.gexf']);
    expect(format.code).toBe(2);
    expect(format.output).toMatch(
      /Unknown format "gexf"; the formats are atlas, 360giving, cfa-brigades, govuk, cordis/,
    );
    const option = await importCli([
      'govuk',
      '--frobnicate',
      sharedFile('govuk-orgs', 'govuk-organisations.tsv'),
    ]);
    expect(option.code).toBe(2);
    expect(option.output).toMatch(/Unknown option '--frobnicate'[\s\S]*Usage: npm run import/);
    for (const { output } of [format, option]) expect(output).not.toMatch(STACK);
  });

  it('reports dangling references (a GOV.UK parent that is nowhere), also in a dry run', async () => {
    const tsv = file(
      'dangling.tsv',
      [
        'government-organisation\tabbreviation\tgovernment-organisation-type\tgovuk\tname\twebsite\tparent-govuks',
        'X1\t\tOther\tmalformed-test-body\tMalformed Test Body\thttps://www.gov.uk/x\tno-such-department',
      ].join('\n'),
    );
    for (const extra of [[], ['--dry-run']]) {
      const { code, output } = await importCli(['govuk', tsv, ...extra]);
      expect(code).toBe(1);
      expect(output).toMatch(
        /dangling\.tsv:2 \(target\): target "govuk:no-such-department" is not an organisation.*\[DANGLING_REFERENCE\]/,
      );
      expect(output).not.toMatch(STACK);
    }
    await expectNothingWritten([tsv]);
  });

  it('refuses a file over IMPORT_MAX_FILE_MB before starting anything', async () => {
    const big = file(
      'big.json',
      JSON.stringify({ grants: Array.from({ length: 200 }, (_, i) => ({ id: `g${i}` })) }),
    );
    const { code, output } = await importCli(['360giving', big], { IMPORT_MAX_FILE_MB: '0.001' });
    expect(code).toBe(1);
    expect(output).toMatch(
      /big\.json: the file has 0\.0 MiB, over the limit of 0\.0 MiB \(IMPORT_MAX_FILE_MB\).*\[FILE_TOO_LARGE\]/,
    );
    expect(output).not.toMatch(/Database:/);
    await expectNothingWritten([big]);
  });

  it('names a bad IMPORT_MAX_FILE_MB', async () => {
    const { code, output } = await importCli(['govuk', sharedFile('govuk-orgs', 'govuk-organisations.tsv')], {
      IMPORT_MAX_FILE_MB: 'lots',
    });
    expect(code).toBe(1);
    expect(output).toMatch(/IMPORT_MAX_FILE_MB="lots"/);
    expect(output).not.toMatch(STACK);
  });

  it('prints a dry run as JSON, exits 0, and writes nothing', async () => {
    const tsv = sharedFile('govuk-orgs', 'govuk-organisations.tsv');
    const cli = runCli('import.ts', { NEO4J_URI: inject('neo4jUri'), LOG_LEVEL: 'warn' }, [
      'govuk',
      tsv,
      '--dry-run',
      '--json',
    ]);
    let stdout = '';
    cli.child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    expect(await cli.exited, cli.output()).toBe(0);
    const report = JSON.parse(stdout) as { status: string; counts: { organisations: { created: number } } };
    expect(report.status).toBe('DRY_RUN');
    expect(report.counts.organisations.created).toBe(1016);
    const [found] = await runCypher(
      db.driver,
      "MATCH (o:Organisation {id: 'govuk:cabinet-office'}) RETURN count(o) AS n",
    );
    expect(found?.n).toBe(0);
  });
});
