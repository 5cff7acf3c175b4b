// The README says why each dependency is there: every package in package.json has a row in its
// "Dependencies and why" table, and the table names no package we no longer use.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};
const start = readme.indexOf('## Dependencies and why');
const table = readme.slice(start, readme.indexOf('\n## ', start + 1));
const declared = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];
// Package names in the table's first column.
const named = table
  .split('\n')
  .filter((line) => line.startsWith('| `'))
  .flatMap((line) => [...line.split('|')[1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));

describe('README dependencies table', () => {
  it('exists', () => {
    expect(start).toBeGreaterThan(0);
    expect(named.length).toBeGreaterThan(10);
  });
  it('explains every dependency in package.json', () => {
    expect(declared.filter((d) => !named.includes(d))).toEqual([]);
  });
  it('names only packages that package.json declares', () => {
    expect(named.filter((d) => !declared.includes(d))).toEqual([]);
  });
});
