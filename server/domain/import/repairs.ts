// Tolerant reading, strict writing: the documented repairs applied to messy values (README "Repairs").
// Each returns the repaired value and, when it changed something, a message naming the repair; callers
// report it as a warning with file and line (an error under --strict).
import { isCalendarDate, isHttpUrl } from '../values.ts';
import { countryName, UK_NATIONS } from './countries.ts';
import type { RepairCode } from './repairCodes.ts';

/** Texts that mean "no value": `null`, `N/A`, `NA`, `-`, `none` and blanks (any case). */
const EMPTY = new Set(['', 'null', 'n/a', 'na', '-', '--', 'none', 'nil', 'undefined']);

/** A value as text, or null when it is empty or a placeholder for "no value". */
export function cleanText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value !== 'string') return null;
  const text = value.replace(/\s+/g, ' ').trim();
  return EMPTY.has(text.toLowerCase()) ? null : text;
}

export interface Repaired<T> {
  value: T;
  /** What was repaired, for the report; null when the value was fine as written. */
  repair: { code: RepairCode; message: string } | null;
}

const ok = <T>(value: T): Repaired<T> => ({ value, repair: null });

/**
 * A website: kept when it is an absolute http(s) URL; `www.example.org` or `example.org/` gets `https://`;
 * anything that is not a URL at all (no dot in the host, spaces, another scheme) is dropped.
 */
export function repairWebsite(raw: unknown, field = 'website'): Repaired<string | null> {
  const text = cleanText(raw);
  if (text === null) return ok(null);
  if (isHttpUrl(text)) return ok(text);
  const bare = text.replace(/^\/\//, '');
  if (!/^[a-z][a-z0-9+.-]*:/i.test(bare) && /^[^\s/@]+\.[a-z]{2,}(?::\d+)?(\/\S*)?$/i.test(bare)) {
    const url = `https://${bare}`;
    if (isHttpUrl(url)) {
      return {
        value: url,
        repair: {
          code: 'WEBSITE_WITHOUT_SCHEME',
          message: `${field} "${text}" has no scheme; read as ${url}`,
        },
      };
    }
  }
  return {
    value: null,
    repair: { code: 'NOT_A_URL', message: `${field} "${text}" is not a web address; dropped` },
  };
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const pad = (n: number | string) => String(n).padStart(2, '0');

function calendar(year: number, month: number, day: number): string | null {
  const text = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  return isCalendarDate(text) ? text : null;
}

/**
 * A day written in one of the forms real files use: `2020-03-19`, `2020-03-19T00:00:00+00:00`,
 * `2020-03-19T00:00:00.000Z` (the calendar day as written), `26/03/2001 00:00` (day first), `08/2013`
 * (a month: its first day), `31 March 2014`. Returns null for anything else, and the repair when the
 * value was not a plain YYYY-MM-DD.
 */
export function parseFlexibleDate(raw: unknown, field = 'date'): Repaired<string | null> | null {
  const text = cleanText(raw);
  if (text === null) return ok(null);
  if (isCalendarDate(text)) return ok(text);
  let m = /^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (m) {
    const date = calendar(Number(m[1]), Number(m[2]), Number(m[3]));
    return date === null ? null : ok(date);
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text);
  if (m) {
    const date = calendar(Number(m[3]), Number(m[2]), Number(m[1]));
    return date === null ? null : ok(date);
  }
  m = /^(\d{1,2})\/(\d{4})$/.exec(text);
  if (m) {
    const date = calendar(Number(m[2]), Number(m[1]), 1);
    if (date === null) return null;
    return {
      value: date,
      repair: {
        code: 'MONTH_ONLY_DATE',
        message: `${field} "${text}" names a month; read as its first day, ${date}`,
      },
    };
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+),? (\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS.findIndex(
      (name) => name.startsWith((m?.[2] ?? '').toLowerCase()) && (m?.[2] ?? '').length >= 3,
    );
    if (month < 0) return null;
    const date = calendar(Number(m[3]), month + 1, Number(m[1]));
    return date === null ? null : ok(date);
  }
  return null;
}

export interface Location {
  country: string | null;
  region: string | null;
  city: string | null;
}

/**
 * A location in one spelling: the country named as ICU names it ("UK" → United Kingdom); UK nations as
 * regions of the United Kingdom; a lone value (city or region without a country) that names a country
 * becomes the country. Region or city without any country stay as written but are dropped when no country
 * can be found (the place hierarchy needs one), with a repair saying so.
 */
export function repairLocation(raw: Location, defaultCountry: string | null = null): Repaired<Location> {
  let { country, region, city } = {
    country: cleanText(raw.country),
    region: cleanText(raw.region),
    city: cleanText(raw.city),
  };
  const repairs: string[] = [];
  if (country !== null) {
    const nation = UK_NATIONS[country.toLowerCase()];
    if (nation !== undefined) {
      if (region === null) region = nation;
      country = 'United Kingdom';
    } else {
      const named = countryName(country);
      if (named !== null) country = named;
    }
  } else {
    for (const field of ['city', 'region'] as const) {
      const value = field === 'city' ? city : region;
      const named = value === null ? null : countryName(value);
      if (named !== null && value !== null) {
        country = named;
        if (field === 'city') city = null;
        else region = null;
        repairs.push(`${field} "${value}" names a country; read as country ${named}`);
        break;
      }
    }
    if (country === null && (region !== null || city !== null) && defaultCountry !== null) {
      country = defaultCountry;
    }
    if (country === null && (region !== null || city !== null)) {
      repairs.push(
        `${[city, region].filter((v) => v !== null).join(', ')} is given without a country; the place is left out`,
      );
      region = null;
      city = null;
    }
  }
  if (city !== null && region !== null && city.toLowerCase() === region.toLowerCase()) region = null;
  return {
    value: { country, region, city },
    repair: repairs.length === 0 ? null : { code: 'LOCATION', message: repairs.join('; ') },
  };
}
