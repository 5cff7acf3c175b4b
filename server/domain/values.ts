// Pure checks and parsers for single values (file cells, arguments): dates, date-times, URLs, numbers, lists, identifiers.
import type { Identifier } from './model.ts';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// ISO 8601 / RFC 3339 date-time with a time zone; seconds and fractions optional.
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/;
// Plain decimal notation, optionally with an exponent (what String(number) writes); no thousands separators.
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const CURRENCY = /^[A-Z]{3}$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether the text has the YYYY-MM-DD shape, whatever the numbers. */
export function looksLikeDate(text: string): boolean {
  return DATE.test(text);
}

/** A real calendar date written YYYY-MM-DD (2023-02-30 is not). */
export function isCalendarDate(text: string): boolean {
  // The DATE shape read by character codes (the Date scalar checks every date of a response with this).
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The number written by the ASCII digits text[from..to), or -1 if another character is there. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

export function isDateTime(text: string): boolean {
  const match = DATE_TIME.exec(text);
  if (!match) return false;
  const [, date = '', hours, minutes, seconds, offsetHours, offsetMinutes] = match;
  const within = (value: string | undefined, max: number) => value === undefined || Number(value) <= max;
  return (
    isCalendarDate(date) &&
    within(hours, 23) &&
    within(minutes, 59) &&
    within(seconds, 59) &&
    within(offsetHours, 23) &&
    within(offsetMinutes, 59)
  );
}

/** An absolute http or https URL with a host. */
export function isHttpUrl(text: string): boolean {
  // new URL() alone accepts "http:example.org"; insist on the written "//" of an absolute URL.
  if (!/^https?:\/\//i.test(text)) return false;
  try {
    return new URL(text).hostname !== '';
  } catch {
    return false;
  }
}

/** A finite number, or null when the text is not one. -0 becomes 0 so values compare as written. */
export function parseDecimal(text: string): number | null {
  if (!DECIMAL.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value + 0 : null;
}

export function isCurrencyCode(text: string): boolean {
  return CURRENCY.test(text);
}

/** Keeps the first of each repeated item, in order. */
export function unique<T>(items: readonly T[], key: (item: T) => string = String): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** `scheme:value`, split on the first `:`; both parts trimmed and non-empty, or null. */
export function parseIdentifier(text: string): Identifier | null {
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  const scheme = text.slice(0, colon).trim();
  const value = text.slice(colon + 1).trim();
  return scheme === '' || value === '' ? null : { scheme, value };
}

export function formatIdentifier(identifier: Identifier): string {
  return `${identifier.scheme}:${identifier.value}`;
}
