// The documented repairs and value readers of tolerant reading (README "Repairs").
import { describe, expect, it } from 'vitest';
import { countryFromCode, countryName } from '../../../server/domain/import/countries.ts';
import {
  cleanText,
  parseFlexibleDate,
  repairLocation,
  repairWebsite,
} from '../../../server/domain/import/repairs.ts';

describe('cleanText', () => {
  it.each([null, undefined, '', '  ', 'null', 'NULL', 'N/A', 'n/a', 'NA', '-', 'none'])(
    'reads %j as empty',
    (value) => {
      expect(cleanText(value)).toBeNull();
    },
  );
  it('trims and collapses spaces, and keeps numbers as text', () => {
    expect(cleanText('  Leeds   City ')).toBe('Leeds City');
    expect(cleanText(12)).toBe('12');
  });
});

describe('parseFlexibleDate', () => {
  it.each([
    ['2020-03-19', '2020-03-19'],
    ['2020-03-19T00:00:00+00:00', '2020-03-19'],
    ['2020-03-19T00:00:00.000Z', '2020-03-19'],
    ['26/03/2001 00:00', '2001-03-26'],
    ['31 March 2014', '2014-03-31'],
    ['1 Sept 2013', '2013-09-01'],
  ])('reads %s as %s without a repair', (text, date) => {
    expect(parseFlexibleDate(text)).toEqual({ value: date, repair: null });
  });
  it('reads a month as its first day, and says so', () => {
    expect(parseFlexibleDate('08/2013', 'awardDate')).toEqual({
      value: '2013-08-01',
      repair: {
        code: 'MONTH_ONLY_DATE',
        message: 'awardDate "08/2013" names a month; read as its first day, 2013-08-01',
      },
    });
  });
  it.each(['2020-02-30', '31/02/2020', 'soon', '13/2013', '2020-13-01T00:00:00Z', '31 Smarch 2014'])(
    'refuses %s',
    (text) => {
      expect(parseFlexibleDate(text)).toBeNull();
    },
  );
  it('reads empty values as no date', () => {
    expect(parseFlexibleDate('N/A')).toEqual({ value: null, repair: null });
  });
});

describe('repairWebsite', () => {
  it('keeps absolute http(s) URLs', () => {
    expect(repairWebsite('https://example.org/a')).toEqual({ value: 'https://example.org/a', repair: null });
  });
  it.each([
    ['www.example.org', 'https://www.example.org'],
    ['example.org/', 'https://example.org/'],
    ['codeforokc.org/', 'https://codeforokc.org/'],
  ])('gives %s https://', (text, url) => {
    expect(repairWebsite(text)).toEqual({
      value: url,
      repair: { code: 'WEBSITE_WITHOUT_SCHEME', message: `website "${text}" has no scheme; read as ${url}` },
    });
  });
  it.each(['not a website', 'mailto:a@b.org', 'ftp://example.org', 'localhost', '@codeforabq'])(
    'drops %s',
    (text) => {
      expect(repairWebsite(text)).toEqual({
        value: null,
        repair: { code: 'NOT_A_URL', message: `website "${text}" is not a web address; dropped` },
      });
    },
  );
});

describe('repairLocation', () => {
  it('spells countries one way and makes UK nations regions', () => {
    expect(repairLocation({ country: 'UK', region: null, city: 'Leeds' }).value).toEqual({
      country: 'United Kingdom',
      region: null,
      city: 'Leeds',
    });
    expect(repairLocation({ country: 'England', region: null, city: 'York' }).value).toEqual({
      country: 'United Kingdom',
      region: 'England',
      city: 'York',
    });
    expect(repairLocation({ country: 'THE NETHERLANDS', region: null, city: null }).value.country).toBe(
      'Netherlands',
    );
  });
  it('reads a lone value that names a country as the country, naming the repair', () => {
    expect(repairLocation({ country: null, region: null, city: 'United Kingdom' })).toEqual({
      value: { country: 'United Kingdom', region: null, city: null },
      repair: {
        code: 'LOCATION',
        message: 'city "United Kingdom" names a country; read as country United Kingdom',
      },
    });
  });
  it('leaves out a place without any country, and says so', () => {
    expect(repairLocation({ country: null, region: null, city: 'Springfield' })).toEqual({
      value: { country: null, region: null, city: null },
      repair: { code: 'LOCATION', message: 'Springfield is given without a country; the place is left out' },
    });
    expect(
      repairLocation({ country: null, region: null, city: 'Leeds' }, 'United Kingdom').value.country,
    ).toBe('United Kingdom');
  });
});

describe('countries', () => {
  it('knows names, aliases and the EU codes', () => {
    expect(countryName('usa')).toBe('United States');
    expect(countryName('Great Britain')).toBe('United Kingdom');
    expect(countryName('London')).toBeNull();
    expect(countryName('DE')).toBeNull();
    expect(countryName('DE', { codes: true })).toBe('Germany');
    expect(countryFromCode('EL')).toBe('Greece');
    expect(countryFromCode('UK')).toBe('United Kingdom');
    expect(countryFromCode('XX')).toBeNull();
  });
});
