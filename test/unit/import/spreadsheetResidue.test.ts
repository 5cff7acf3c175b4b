// Register numbers as spreadsheets leave them in 360Giving files, read back as the register writes them.
import { describe, expect, it } from 'vitest';
import { spreadsheetResidue } from '../../../server/domain/import/importers/threeSixtyGiving.ts';

describe('spreadsheetResidue', () => {
  it.each([
    ['GB-CHC', '1168129.0', '1168129'],
    ['GB-COH', '09010389.00', '09010389'],
    ['GB-SC', 'SCO43914', 'SC043914'],
    ['GB-SC', 'sco43914', 'SC043914'],
  ])('%s %j → %j', (scheme, value, read) => {
    expect(spreadsheetResidue(scheme, value)).toBe(read);
  });

  it.each([
    ['GB-CHC', '1168129.5'],
    ['GB-CHC', 'IT/4002/09'],
    ['GB-CHC', 'SCO43914'],
    ['GB-SC', 'SCO4391'],
  ])('leaves %s %j alone', (scheme, value) => {
    expect(spreadsheetResidue(scheme, value)).toBeNull();
  });
});
