// The single-value checks behind BAD_DATE, BAD_DATETIME, BAD_URL and BAD_NUMBER, and the typo suggestions.
import { describe, expect, it } from 'vitest';
import { suggest } from '../../../server/domain/didYouMean.ts';
import { lineIndexOfText } from '../../../server/domain/atlas/lineIndex.ts';
import {
  isCalendarDate,
  isDateTime,
  isHttpUrl,
  parseDecimal,
  parseIdentifier,
} from '../../../server/domain/values.ts';

describe('isCalendarDate', () => {
  it.each(['2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31', '2023-04-30'])('accepts %s', (date) => {
    expect(isCalendarDate(date)).toBe(true);
  });
  it.each([
    '2023-02-29',
    '1900-02-29',
    '2023-04-31',
    '2023-00-10',
    '2023-01-00',
    '2023-1-01',
    ' 2023-01-01',
    '20230101',
    '2023-01-01 ',
    '2023-01-01\n',
    '2023/01/01',
    '2023-0a-01',
    '２０２３-01-01',
    '2023-01-0١',
    '',
  ])('rejects %s', (date) => {
    expect(isCalendarDate(date)).toBe(false);
  });
  it('agrees with the YYYY-MM-DD pattern and the calendar on every day of 13 years from 0 to 9999 (each leap-year rule)', () => {
    const reference = (text: string) => {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      if (!match) return false;
      const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
      const date = new Date(Date.UTC(2000, month - 1, day));
      date.setUTCFullYear(year);
      return month >= 1 && month <= 12 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    };
    for (const year of [0, 4, 100, 400, 1899, 1900, 1999, 2000, 2023, 2024, 2100, 2101, 9999])
      for (let month = 0; month <= 13; month++)
        for (let day = 0; day <= 32; day++) {
          const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          expect(isCalendarDate(text), text).toBe(reference(text));
        }
  });
});

describe('isDateTime', () => {
  it.each(['2024-03-01T12:00:00Z', '2024-03-01T12:00Z', '2024-03-01T23:59:59.123-05:30'])(
    'accepts %s',
    (value) => {
      expect(isDateTime(value)).toBe(true);
    },
  );
  it.each([
    '2024-03-01',
    '2024-03-01T12:00:00',
    '2024-02-30T12:00:00Z',
    '2024-03-01T24:00:00Z',
    '2024-03-01T12:60Z',
  ])('rejects %s', (value) => {
    expect(isDateTime(value)).toBe(false);
  });
});

describe('isHttpUrl', () => {
  it.each(['https://example.org', 'HTTP://example.org/a?b=c#d'])('accepts %s', (url) => {
    expect(isHttpUrl(url)).toBe(true);
  });
  it.each(['example.org', 'mailto:a@example.org', 'http:example.org', 'https://', 'https://exa mple.org'])(
    'rejects %s',
    (url) => {
      expect(isHttpUrl(url)).toBe(false);
    },
  );
});

describe('parseDecimal', () => {
  it.each([
    ['12', 12],
    ['12.50', 12.5],
    ['.5', 0.5],
    ['1e+21', 1e21],
    ['-0', 0],
  ])('reads %s', (text, value) => {
    expect(Object.is(parseDecimal(text), value)).toBe(true);
  });
  it.each(['1,000', '12 GBP', '£12', '1e999', 'Infinity', 'NaN', '', '0x10'])('rejects %s', (text) => {
    expect(parseDecimal(text)).toBeNull();
  });
});

describe('identifiers', () => {
  it('splits an identifier on the first colon', () => {
    expect(parseIdentifier('360G: GB-CHC:1 ')).toEqual({ scheme: '360G', value: 'GB-CHC:1' });
    expect(parseIdentifier('nocolon')).toBeNull();
  });
});

describe('suggest', () => {
  it('finds close options case-insensitively and ignores distant ones', () => {
    expect(suggest('NGOO', ['GOVERNMENT', 'NGO'])).toBe('NGO');
    expect(suggest('Name', ['id', 'name'])).toBe('name');
    expect(suggest('organizations.csv', ['organisations.csv', 'places.csv'])).toBe('organisations.csv');
    expect(suggest('zzz', ['GOVERNMENT', 'NGO'])).toBeUndefined();
  });
});

describe('LineIndex', () => {
  it('counts \\n, \\r\\n and a lone \\r as one line break each', () => {
    const index = lineIndexOfText('ab\ncd\r\nef\rgh');
    expect([0, 3, 5, 6, 7, 10].map((offset) => index.position(offset))).toEqual([
      { line: 1, column: 1 },
      { line: 2, column: 1 },
      { line: 2, column: 3 },
      { line: 2, column: 4 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
    ]);
  });
});
