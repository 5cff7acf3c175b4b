// initiative_stages.csv (and the JSON initiativeStages list): each initiative's steps must make a pathway
// IDEA → PILOT → SCALING → ADOPTED or ENDED; every broken rule is a problem on the row to fix.
import { describe, expect, it } from 'vitest';
import { parseAtlasJson } from '../../../server/domain/atlas/read.ts';
import { findUnresolvedReferences } from '../../../server/domain/atlas/references.ts';
import { HEADERS, csv, positionOf, readCsv, where } from './helpers.ts';

const STAGES = 'initiative_stages.csv';
const HEADER = 'initiative,stage,date';

function read(initiatives: Record<string, string>[], steps: Record<string, string>[]) {
  return readCsv({
    'initiatives.csv': csv(HEADERS.initiatives, ...initiatives),
    [STAGES]: csv(HEADER, ...steps),
  });
}

describe('stage histories', () => {
  it('reads a pathway in any row order, each step with its initiative, stage and date', () => {
    const result = read(
      [{ id: 'i-1', name: 'One', stage: 'ADOPTED' }],
      [
        { initiative: 'i-1', stage: 'adopted', date: '2023-05-01' },
        { initiative: 'i-1', stage: 'PILOT', date: '2020-01-15' },
        { initiative: 'i-1', stage: 'IDEA', date: '2019-06-01' },
        { initiative: 'i-1', stage: 'SCALING', date: '2021-09-30' },
      ],
    );
    expect(result.problems).toEqual([]);
    expect(result.dataset.initiativeStages?.map((s) => [s.stage, s.date])).toEqual([
      ['ADOPTED', '2023-05-01'],
      ['PILOT', '2020-01-15'],
      ['IDEA', '2019-06-01'],
      ['SCALING', '2021-09-30'],
    ]);
    expect(result.locations.initiativeStages.map((l) => l.line)).toEqual([2, 3, 4, 5]);
  });

  it('allows skipped stages and several stages on one day', () => {
    const result = read(
      [{ id: 'i-1', name: 'One', stage: 'ENDED' }],
      [
        { initiative: 'i-1', stage: 'PILOT', date: '2020-01-15' },
        { initiative: 'i-1', stage: 'ENDED', date: '2020-01-15' },
      ],
    );
    expect(result.problems).toEqual([]);
  });

  it.each([
    [
      'an unknown stage',
      [{ initiative: 'i-1', stage: 'PILOTING', date: '2020-01-01' }],
      [{ code: 'UNKNOWN_VALUE', line: 2, column: 2, field: 'stage' }],
    ],
    [
      'a missing date',
      [{ initiative: 'i-1', stage: 'PILOT', date: '' }],
      [{ code: 'REQUIRED', line: 2, column: 3, field: 'date' }],
    ],
    [
      'a date that is not a day',
      [{ initiative: 'i-1', stage: 'PILOT', date: '2020-02-30' }],
      [{ code: 'BAD_DATE', line: 2, column: 3, field: 'date' }],
    ],
    [
      'a date that goes backwards',
      [
        { initiative: 'i-1', stage: 'PILOT', date: '2020-01-01' },
        { initiative: 'i-1', stage: 'SCALING', date: '2019-01-01' },
      ],
      [{ code: 'STAGE_ORDER', line: 2, column: 3, field: 'date' }],
    ],
    [
      'a stage after ADOPTED',
      [
        { initiative: 'i-1', stage: 'PILOT', date: '2018-01-01' },
        { initiative: 'i-1', stage: 'ADOPTED', date: '2019-01-01' },
        { initiative: 'i-1', stage: 'ENDED', date: '2020-01-01' },
      ],
      [{ code: 'STAGE_AFTER_END', line: 4, column: 2, field: 'stage' }],
    ],
    [
      'a stage after ENDED',
      [
        { initiative: 'i-1', stage: 'ENDED', date: '2019-01-01' },
        { initiative: 'i-1', stage: 'SCALING', date: '2020-01-01' },
      ],
      [{ code: 'STAGE_AFTER_END', line: 3, column: 2, field: 'stage' }],
    ],
    [
      'a stage given twice',
      [
        { initiative: 'i-1', stage: 'PILOT', date: '2019-01-01' },
        { initiative: 'i-1', stage: 'PILOT', date: '2020-01-01' },
      ],
      [{ code: 'DUPLICATE_ID', line: 3, column: 2, field: 'stage' }],
    ],
    [
      "an initiative whose stage is not its history's last",
      [{ initiative: 'i-1', stage: 'IDEA', date: '2019-01-01' }],
      [{ code: 'STAGE_MISMATCH', line: 2, column: 2, field: 'stage' }],
    ],
  ])('reports %s on the row to fix', (_, steps, expected) => {
    const result = read([{ id: 'i-1', name: 'One', stage: 'PILOT' }], steps);
    expect(where(result.problems)).toEqual(expected.map((e) => ({ file: STAGES, ...e })));
  });

  it('leaves an initiative that is not in the import to the reference check', () => {
    const result = read([], [{ initiative: 'i-elsewhere', stage: 'PILOT', date: '2020-01-01' }]);
    expect(result.problems).toEqual([]);
    expect(findUnresolvedReferences(result.dataset, result)).toMatchObject([
      { id: 'i-elsewhere', refersTo: 'initiative', record: 'initiative stage', file: STAGES, line: 2 },
    ]);
  });

  it('reads the JSON initiativeStages list with positions', () => {
    const text = JSON.stringify(
      {
        format: 'atlas',
        version: 1,
        organisations: [],
        initiatives: [{ id: 'i-1', name: 'One', stage: 'SCALING' }],
        initiativeStages: [
          { initiative: 'i-1', stage: 'SCALING', date: '2021-01-01' },
          { initiative: 'i-1', stage: 'PILOT', date: '2022-01-01' },
        ],
      },
      null,
      2,
    );
    const result = parseAtlasJson(text, 'atlas.json');
    expect(where(result.problems)).toEqual([
      { code: 'STAGE_ORDER', file: 'atlas.json', ...positionOf(text, '"2022-01-01"'), field: 'date' },
    ]);
  });
});
