// Line numbers when quoted fields span lines, with \n and \r\n line endings.
import { describe, expect, it } from 'vitest';
import { parseAtlasCsv } from '../../../server/domain/atlas/read.ts';
import { HEADERS, where } from './helpers.ts';

const ORGS = 'organisations.csv';

function organisations(lineBreak: string): string {
  return [
    HEADERS.organisations,
    `org-a,A,NGOO,,"first${lineBreak}second${lineBreak}third",,,,,,`,
    `org-b,B,NGOO,,,,,,,,`,
    `org-c,"C${lineBreak}${lineBreak}D",NGO,,,not-a-url,,,,,`,
    `org-d,D,NGOO,,,,,,,,`,
    '',
  ].join(lineBreak);
}

describe.each([
  ['\\n', '\n'],
  ['\\r\\n', '\r\n'],
])('line numbers with %s line endings', (_name, lineBreak) => {
  it('gives each row the line it starts on, counting the lines inside quoted fields before it', () => {
    const result = parseAtlasCsv({ [ORGS]: organisations(lineBreak) });
    expect(where(result.problems)).toEqual([
      { code: 'UNKNOWN_VALUE', file: ORGS, line: 2, column: 3, field: 'sector' },
      { code: 'UNKNOWN_VALUE', file: ORGS, line: 5, column: 3, field: 'sector' },
      { code: 'BAD_URL', file: ORGS, line: 6, column: 6, field: 'website' },
      { code: 'UNKNOWN_VALUE', file: ORGS, line: 9, column: 3, field: 'sector' },
    ]);
  });

  it('keeps the line breaks inside a quoted field', () => {
    const result = parseAtlasCsv({
      [ORGS]: `${HEADERS.organisations}${lineBreak}org-a,"A${lineBreak}B",NGO,,,,,,,,`,
    });
    expect(result.dataset.organisations[0]?.name).toBe(`A${lineBreak}B`);
  });

  it('records the starting line of each record in locations', () => {
    const text = organisations(lineBreak).replaceAll('NGOO', 'NGO').replace('not-a-url', '');
    const result = parseAtlasCsv({ [ORGS]: text });
    expect(result.problems).toEqual([]);
    expect(result.locations.organisations.map((location) => location.line)).toEqual([2, 5, 6, 9]);
    expect(result.locations.organisations[1]?.fields.sector).toEqual({ line: 5, column: 3 });
  });
});

it('counts a lone \\r as a line break, as csv-parse does', () => {
  const text = `${HEADERS.organisations}\rorg-a,A,NGO,,,,,,,,\rorg-b,B,NGOO,,,,,,,,\r`;
  expect(where(parseAtlasCsv({ [ORGS]: text }).problems)).toEqual([
    { code: 'UNKNOWN_VALUE', file: ORGS, line: 3, column: 3, field: 'sector' },
  ]);
});

it('reports a CSV error after a multi-line field on its own line', () => {
  const text = `${HEADERS.organisations}\r\norg-a,"A\r\nB",NGO,,,,,,,,\r\norg-b,B,NGO,,,,,,,,,extra\r\n`;
  expect(where(parseAtlasCsv({ [ORGS]: text }).problems)).toEqual([
    { code: 'BAD_CSV', file: ORGS, line: 4, column: 12, field: null },
  ]);
});
