import { describe, expect, it } from 'vitest';
import type { RelationshipDetails } from '../../../client/api/types.ts';
import {
  describeRelationship,
  formatAmount,
  formatDateRange,
  formatPlace,
  formatPlaceShort,
  safeHref,
} from '../../../client/components/format.ts';

const leeds = {
  id: 'c',
  name: 'Leeds',
  level: 'city',
  parent: {
    id: 'r',
    name: 'Yorkshire',
    level: 'region',
    parent: { id: 'k', name: 'United Kingdom', level: 'country' },
  },
};

describe('formatting', () => {
  it('writes places innermost first, in full or short', () => {
    expect(formatPlace(leeds)).toBe('Leeds, Yorkshire, United Kingdom');
    expect(formatPlaceShort(leeds)).toBe('Leeds, United Kingdom');
    expect(formatPlaceShort({ id: 'k', name: 'France', level: 'country', parent: null })).toBe('France');
    expect(formatPlace(null)).toBe('');
  });

  it('writes open and closed date ranges', () => {
    expect(formatDateRange('2019-04-01', '2021-03-31')).toBe('2019-04-01 – 2021-03-31');
    expect(formatDateRange('2019-04-01', null)).toBe('since 2019-04-01');
    expect(formatDateRange(null, null)).toBe('dates unknown');
    expect(formatDateRange(null, '2021-03-31', (day) => day.slice(0, 4))).toBe('until 2021');
  });

  it('writes amounts with their currency, even an unknown one', () => {
    expect(formatAmount(25000, 'GBP')).toBe('£25,000');
    expect(formatAmount(10, 'pounds')).toBe('10 pounds');
    expect(formatAmount(null, 'GBP')).toBeNull();
  });

  it('reads a directed relationship from either side', () => {
    const funding = {
      kind: 'FUNDING',
      source: { id: 'f', name: 'Foundation', sector: 'NGO' },
      target: { id: 'g', name: 'Group', sector: 'CIVIC_INNOVATOR' },
    } as RelationshipDetails;
    expect(describeRelationship(funding, 'f')).toMatchObject({ phrase: 'Funds', other: { id: 'g' } });
    expect(describeRelationship(funding, 'g')).toMatchObject({ phrase: 'Funded by', other: { id: 'f' } });
  });

  it('links only http(s) URLs', () => {
    expect(safeHref('https://example.org/a')).toBe('https://example.org/a');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
  });
});
