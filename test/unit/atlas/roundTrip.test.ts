// Property: writing any valid Dataset and reading it back gives the same Dataset, in CSV and in JSON.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAtlasCsv, parseAtlasJson } from '../../../server/domain/atlas/read.ts';
import { toAtlasCsvFiles, toAtlasJson } from '../../../server/domain/atlas/write.ts';
import { emptyDataset, type OrganisationRecord } from '../../../server/domain/model.ts';
import { dataset } from './arbitraries.ts';

const RUNS = { numRuns: 300 };

/** Physical lines one organisation's row takes when written (its quoted fields may hold line breaks). */
function linesOfRow(organisation: OrganisationRecord): number {
  const file =
    toAtlasCsvFiles({ ...emptyDataset(), organisations: [organisation] })['organisations.csv'] ?? '';
  const row = file.slice(file.indexOf('\n') + 1);
  return row.match(/\r\n|\r|\n/g)?.length ?? 0;
}

describe('atlas round trip', () => {
  it('CSV: parseAtlasCsv(toAtlasCsvFiles(d)) gives d back without problems', () => {
    fc.assert(
      fc.property(dataset, (d) => {
        const { problems, dataset: read } = parseAtlasCsv(toAtlasCsvFiles(d));
        expect({ problems, dataset: read }).toStrictEqual({ problems: [], dataset: d });
      }),
      RUNS,
    );
  });

  it('JSON: parseAtlasJson(toAtlasJson(d)) gives d back without problems', () => {
    fc.assert(
      fc.property(dataset, (d) => {
        const { problems, dataset: read } = parseAtlasJson(toAtlasJson(d), 'atlas.json');
        expect({ problems, dataset: read }).toStrictEqual({ problems: [], dataset: d });
      }),
      RUNS,
    );
  });

  it('CSV: each record is located on the line its row starts, however many line breaks earlier rows hold', () => {
    fc.assert(
      fc.property(dataset, (d) => {
        const expected: number[] = [];
        let line = 2;
        for (const organisation of d.organisations) {
          expected.push(line);
          line += linesOfRow(organisation);
        }
        const result = parseAtlasCsv(toAtlasCsvFiles(d));
        expect(result.locations.organisations.map((location) => location.line)).toEqual(expected);
      }),
      RUNS,
    );
  });
});
