// One vocabulary of repairs: the README's "Repairs" table documents exactly the codes of
// server/domain/import/repairCodes.ts (the type there makes importers report only those).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPAIR_CODES } from '../../../server/domain/import/repairCodes.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const start = readme.indexOf('### Repairs: tolerant reading, strict writing');
const section = readme.slice(start, readme.indexOf('\n### ', start + 1));
// Codes in the first column of the section's table (its header row is `| code | repair |`).
const documented = section
  .split('\n')
  .filter((line) => line.startsWith('| `'))
  .flatMap((line) => [...line.split('|')[1]!.matchAll(/`([A-Z_]+)`/g)].map((m) => m[1]!));

describe('README repairs table', () => {
  it('documents every repair code, and no other', () => {
    expect(start).toBeGreaterThan(0);
    expect([...documented].sort()).toEqual([...REPAIR_CODES].sort());
  });
});
