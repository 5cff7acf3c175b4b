// The generate CLI end to end: a folder or .json that the atlas reader accepts, and exit code 2 on bad arguments.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAtlasCsv, parseAtlasJson } from '../../../server/domain/atlas/read.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), 'atlas-generate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/generate.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('generate CLI', { timeout: 60_000 }, () => {
  it('writes an atlas folder and prints a one-line summary', () => {
    const out = path.join(work, 'net');
    const result = run('--organisations', '120', '--seed', '5', '--out', out);
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toMatch(/^Generated 120 organisations, \d+ relationships/);
    const files = Object.fromEntries(
      readdirSync(out).map((f) => [f, readFileSync(path.join(out, f), 'utf8')]),
    );
    const read = parseAtlasCsv(files);
    expect(read.problems).toEqual([]);
    expect(read.dataset.organisations).toHaveLength(120);
  });

  it('writes one JSON file when --out ends in .json', () => {
    const out = path.join(work, 'deeper', 'net.json');
    const result = run('-n', '40', '--seed=-3', '-o', out);
    expect(result.status).toBe(0);
    expect(parseAtlasJson(readFileSync(out, 'utf8'), 'net.json').problems).toEqual([]);
  });

  it.each([
    [['--seed', '1', '--out', 'x'], /missing --organisations/],
    [['--organisations', 'ten', '--seed', '1', '--out', 'x'], /--organisations must be an integer/],
    [['--organisations', '0', '--seed', '1', '--out', 'x'], /--organisations/],
    [['--organisations', '10', '--seed', '1.5', '--out', 'x'], /--seed must be an integer/],
    [['--organisations', '10', '--seed', '1', '--out', 'x', '--colour', 'red'], /Unknown option '--colour'/],
    [['--organisations', '10', '--seed', '1', '--out', 'x', '--bridge-share', '2'], /--bridge-share/],
  ])('exits with 2 and says what is wrong for %j', (args, message) => {
    const result = run(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/--help/);
  });
});
