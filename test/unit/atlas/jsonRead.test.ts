// The JSON reader: problem codes with the 1-based line and column of the offending value, key or record.
import { describe, expect, it } from 'vitest';
import { parseAtlasJson } from '../../../server/domain/atlas/read.ts';
import { positionOf, where } from './helpers.ts';

const FILE = 'atlas.json';

function document(...lines: string[]): string {
  return ['{', '  "format": "atlas",', '  "version": 1,', ...lines, '}', ''].join('\n');
}

describe('parseAtlasJson: values', () => {
  it('reads records, accepting numbers as JSON numbers or strings and lists as arrays', () => {
    const text = document(
      '  "organisations": [',
      '    { "id": "org-a", "name": "A", "sector": "ngo", "themes": ["Housing", " Housing "],',
      '      "identifiers": ["GB-CHC:1"] },',
      '    { "id": "org-b", "name": "B", "sector": "COMPANY", "country": null }',
      '  ],',
      '  "relationships": [',
      '    { "source": "org-a", "target": "org-b", "kind": "FUNDING", "amount": "10.5", "currency": "GBP" }',
      '  ],',
      '  "places": [ { "country": "France", "latitude": 46.5, "longitude": 2 } ]',
    );
    const result = parseAtlasJson(text, FILE);
    expect(result.problems).toEqual([]);
    expect(result.dataset.organisations[0]).toMatchObject({
      sector: 'NGO',
      themes: ['Housing'],
      identifiers: [{ scheme: 'GB-CHC', value: '1' }],
    });
    expect(result.dataset.organisations[1]?.country).toBeNull();
    expect(result.dataset.relationships[0]).toMatchObject({ amount: 10.5, trust: 'IMPORTED' });
    expect(result.dataset.places).toEqual([
      { country: 'France', region: null, city: null, latitude: 46.5, longitude: 2 },
    ]);
    expect(result.locations.relationships[0]).toEqual(
      expect.objectContaining({
        file: FILE,
        ...positionOf(text, '{ "source"'),
        fields: expect.objectContaining({ target: positionOf(text, '"org-b"', 1) }) as unknown,
      }),
    );
  });

  it('reports a bad value at its own line and column', () => {
    const text = document(
      '  "organisations": [',
      '    {',
      '      "id": "org-a",',
      '      "name": "A",',
      '      "sector": "NGOO",',
      '      "website": "example.org"',
      '    }',
      '  ]',
    );
    expect(where(parseAtlasJson(text, FILE).problems)).toEqual([
      { code: 'UNKNOWN_VALUE', file: FILE, ...positionOf(text, '"NGOO"'), field: 'sector' },
      { code: 'BAD_URL', file: FILE, ...positionOf(text, '"example.org"'), field: 'website' },
    ]);
  });

  it('reports a missing required key at the record, and an empty one at the value', () => {
    const text = document(
      '  "organisations": [',
      '    { "id": "org-a", "sector": "NGO" },',
      '    { "id": "org-b", "name": " ", "sector": "NGO" }',
      '  ]',
    );
    expect(where(parseAtlasJson(text, FILE).problems)).toEqual([
      { code: 'REQUIRED', file: FILE, ...positionOf(text, '{ "id": "org-a"'), field: 'name' },
      { code: 'REQUIRED', file: FILE, ...positionOf(text, '" "'), field: 'name' },
    ]);
  });

  it('reports a bad list item at the item', () => {
    const text = document(
      '  "organisations": [',
      '    { "id": "o", "name": "A", "sector": "NGO",',
      '      "identifiers": ["GOVUK:a", "nope"], "themes": ["a;b", 3] }',
      '  ]',
    );
    expect(where(parseAtlasJson(text, FILE).problems)).toEqual([
      { code: 'BAD_IDENTIFIER', file: FILE, ...positionOf(text, '"nope"'), field: 'identifiers' },
      { code: 'BAD_LIST_ITEM', file: FILE, ...positionOf(text, '"a;b"'), field: 'themes' },
      { code: 'BAD_TYPE', file: FILE, ...positionOf(text, '3]'), field: 'themes' },
    ]);
  });

  it('reports BAD_TYPE for a value of the wrong JSON type', () => {
    const text = document(
      '  "organisations": [',
      '    { "id": 7, "name": "A", "sector": "NGO" },',
      '    "org-b"',
      '  ],',
      '  "places": {}',
    );
    expect(where(parseAtlasJson(text, FILE).problems)).toEqual([
      { code: 'BAD_TYPE', file: FILE, ...positionOf(text, '7'), field: 'id' },
      { code: 'BAD_TYPE', file: FILE, ...positionOf(text, '"org-b"'), field: null },
      { code: 'BAD_TYPE', file: FILE, ...positionOf(text, '{}'), field: 'places' },
    ]);
  });

  it('runs the same checks as CSV: duplicates, self relationships, dates', () => {
    const text = document(
      '  "organisations": [',
      '    { "id": "a", "name": "A", "sector": "NGO" },',
      '    { "id": "a", "name": "B", "sector": "NGO" }',
      '  ],',
      '  "relationships": [ { "source": "a", "target": "a", "kind": "PARTNERSHIP", "since": "2023-02-30" } ]',
    );
    expect(where(parseAtlasJson(text, FILE).problems)).toEqual([
      { code: 'DUPLICATE_ID', file: FILE, ...positionOf(text, '"a"', 1), field: 'id' },
      { code: 'SELF_RELATIONSHIP', file: FILE, ...positionOf(text, '"a"', 3), field: 'target' },
      { code: 'BAD_DATE', file: FILE, ...positionOf(text, '"2023-02-30"'), field: 'since' },
    ]);
  });
});

describe('parseAtlasJson: structure', () => {
  it('reports unknown and repeated keys at the key (UNKNOWN_COLUMN, DUPLICATE_COLUMN), keeping the first', () => {
    const text = document(
      '  "organisations": [',
      '    { "id": "o", "name": "A", "sector": "NGO", "secter": "x", "name": "B" }',
      '  ],',
      '  "place": []',
    );
    const result = parseAtlasJson(text, FILE);
    expect(where(result.problems)).toEqual([
      { code: 'UNKNOWN_COLUMN', file: FILE, ...positionOf(text, '"secter"'), field: 'secter' },
      { code: 'DUPLICATE_COLUMN', file: FILE, ...positionOf(text, '"name"', 1), field: 'name' },
      { code: 'UNKNOWN_COLUMN', file: FILE, ...positionOf(text, '"place"'), field: 'place' },
    ]);
    expect(result.dataset.organisations[0]?.name).toBe('A');
  });

  it('reports REQUIRED when the organisations list is missing', () => {
    expect(where(parseAtlasJson(document('  "places": []'), FILE).problems)).toEqual([
      { code: 'REQUIRED', file: FILE, line: 1, column: 1, field: 'organisations' },
    ]);
  });

  it('reports BAD_FORMAT and BAD_VERSION, and reads nothing else', () => {
    const text = '{\n  "format": "atlas-2",\n  "version": 2,\n  "organisations": [ { "sector": "NGOO" } ]\n}';
    expect(where(parseAtlasJson(text, FILE).problems)).toEqual([
      { code: 'BAD_FORMAT', file: FILE, ...positionOf(text, '"atlas-2"'), field: 'format' },
      { code: 'BAD_VERSION', file: FILE, ...positionOf(text, '2,'), field: 'version' },
    ]);
    expect(where(parseAtlasJson('{ "organisations": [] }', FILE).problems)).toEqual([
      { code: 'BAD_FORMAT', file: FILE, line: 1, column: 1, field: 'format' },
      { code: 'BAD_VERSION', file: FILE, line: 1, column: 1, field: 'version' },
    ]);
  });

  it.each([
    ['a trailing comma', '{\n  "format": "atlas",\n  "version": 1,\n}', 4, 1],
    ['a missing comma', '{\n  "format": "atlas"\n  "version": 1\n}', 3, 3],
    ['an unclosed string', '{\n  "version": 1,\n  "format": "atlas\n}', 3, 13],
    ['a comment', '{\n  // hi\n  "format": "atlas"\n}', 2, 3],
    ['an empty file', '', 1, 1],
  ])('reports BAD_JSON at the syntax error for %s', (_name, text, line, column) => {
    const problems = where(parseAtlasJson(text, FILE).problems);
    expect(problems[0]).toEqual({ code: 'BAD_JSON', file: FILE, line, column, field: null });
    expect(problems.every((problem) => problem.code === 'BAD_JSON')).toBe(true);
  });

  it('reports BAD_JSON when the top level is not an object', () => {
    expect(where(parseAtlasJson('\n  [1, 2]', FILE).problems)).toEqual([
      { code: 'BAD_JSON', file: FILE, line: 2, column: 3, field: null },
    ]);
  });

  it('ignores a byte order mark when counting columns', () => {
    const text = document('  "organisations": [ { "id": "o", "name": "A", "sector": "NGOO" } ]');
    expect(where(parseAtlasJson(`\uFEFF${text}`, FILE).problems)).toEqual([
      { code: 'UNKNOWN_VALUE', file: FILE, ...positionOf(text, '"NGOO"'), field: 'sector' },
    ]);
  });
});
