// Unresolved references and the DANGLING_REFERENCE problems built from them once the database has been asked.
import { describe, expect, it } from 'vitest';
import { parseAtlasJson } from '../../../server/domain/atlas/read.ts';
import {
  danglingProblems,
  findUnresolvedReferences,
  unresolvedIds,
} from '../../../server/domain/atlas/references.ts';
import { HEADERS, csv, positionOf, readCsv, where } from './helpers.ts';

const RELS = 'relationships.csv';
const PARTS = 'participations.csv';

function read() {
  return readCsv({
    'initiatives.csv': csv(
      HEADERS.initiatives,
      { id: 'i-1', name: 'I', stage: 'IDEA' },
      { id: 'i-bad', name: 'Bad' },
    ),
    [RELS]: csv(
      HEADERS.relationships,
      { source: 'org-a', target: 'org-b', kind: 'PARTNERSHIP' },
      { source: 'org-a', target: 'org-x', kind: 'FUNDING' },
      { source: 'org-db', target: 'org-b', kind: 'FUNDING' },
    ),
    [PARTS]: csv(
      HEADERS.participations,
      { initiative: 'i-1', organisation: 'org-x', role: 'LEAD' },
      { initiative: 'i-2', organisation: 'org-a', role: 'LEAD' },
      { initiative: 'i-bad', organisation: 'org-a', role: 'LEAD' },
    ),
  });
}

describe('findUnresolvedReferences', () => {
  it('lists each reference to an id the import does not define, with its position', () => {
    const result = read();
    const unresolved = findUnresolvedReferences(result.dataset, result);
    expect(
      unresolved.map(({ id, field, file, line, column }) => ({ id, field, file, line, column })),
    ).toEqual([
      { id: 'org-x', field: 'target', file: RELS, line: 3, column: 2 },
      { id: 'org-db', field: 'source', file: RELS, line: 4, column: 1 },
      { id: 'org-x', field: 'organisation', file: PARTS, line: 2, column: 2 },
      { id: 'i-2', field: 'initiative', file: PARTS, line: 3, column: 1 },
    ]);
    expect(unresolvedIds(unresolved)).toEqual({ organisations: ['org-x', 'org-db'], initiatives: ['i-2'] });
  });

  it('does not count ids of records rejected for other problems as unresolved', () => {
    const result = read();
    expect(result.rejectedIds.initiatives).toEqual(['i-bad']);
    expect(findUnresolvedReferences(result.dataset, result).map((ref) => ref.id)).not.toContain('i-bad');
  });

  it('uses the JSON position of the referring value', () => {
    const text = [
      '{ "format": "atlas", "version": 1, "organisations": [],',
      '  "participations": [',
      '    { "initiative": "i-1",',
      '      "organisation": "org-a", "role": "LEAD" } ] }',
    ].join('\n');
    const result = parseAtlasJson(text, 'atlas.json');
    const problems = danglingProblems(
      findUnresolvedReferences(result.dataset, result),
      new Set(),
      new Set(['i-1']),
    );
    expect(where(problems)).toEqual([
      {
        code: 'DANGLING_REFERENCE',
        file: 'atlas.json',
        ...positionOf(text, '"org-a"'),
        field: 'organisation',
      },
    ]);
  });
});

describe('danglingProblems', () => {
  it('reports DANGLING_REFERENCE for ids in neither the import nor the database', () => {
    const result = read();
    const unresolved = findUnresolvedReferences(result.dataset, result);
    const problems = danglingProblems(unresolved, new Set(['org-db']), new Set());
    expect(where(problems)).toEqual([
      { code: 'DANGLING_REFERENCE', file: RELS, line: 3, column: 2, field: 'target' },
      { code: 'DANGLING_REFERENCE', file: PARTS, line: 2, column: 2, field: 'organisation' },
      { code: 'DANGLING_REFERENCE', file: PARTS, line: 3, column: 1, field: 'initiative' },
    ]);
    expect(problems[0]?.message).toContain('relationship target "org-x" is not an organisation');
    expect(problems[0]?.message).toContain('organisations.csv');
    expect(problems[2]?.message).toContain('initiatives.csv');
  });

  it('reports nothing when the database has every id', () => {
    const result = read();
    const unresolved = findUnresolvedReferences(result.dataset, result);
    expect(danglingProblems(unresolved, new Set(['org-x', 'org-db']), new Set(['i-2']))).toEqual([]);
  });
});
