// The atlas example in the README is valid input, and the problem it shows is what the reader reports.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAtlasCsv } from '../../../server/domain/atlas/read.ts';
import { formatProblem } from '../../../server/common/problems.ts';

const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../../README.md'), 'utf8');

function csvBlock(file: string): string {
  const match = new RegExp('`' + file.replace('.', '\\.') + '`:\\n\\n```csv\\n([\\s\\S]*?)```').exec(readme);
  if (!match) throw new Error(`README has no csv example for ${file}`);
  return match[1] as string;
}

describe('README atlas example', () => {
  const files = {
    'organisations.csv': csvBlock('organisations.csv'),
    'relationships.csv': csvBlock('relationships.csv'),
  };

  it('imports without problems', () => {
    const result = parseAtlasCsv(files);
    expect(result.problems).toEqual([]);
    expect(result.dataset.organisations).toHaveLength(2);
    expect(result.dataset.relationships).toHaveLength(2);
  });

  it('shows the problem the reader really reports for a misspelt kind', () => {
    const broken = {
      ...files,
      'relationships.csv': files['relationships.csv'].replace(',FUNDING,', ',FUNDNG,'),
    };
    const [problem] = parseAtlasCsv(broken).problems;
    expect(readme).toContain(formatProblem(problem!));
  });
});
