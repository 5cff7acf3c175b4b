// Calendar dates for synthetic facts: always real dates (YYYY-MM-DD), never after the generator's horizon.
import type { Random } from './random.ts';

export const FIRST_YEAR = 2008;
export const LAST_YEAR = 2025;

const pad = (n: number): string => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A few thousand distinct dates serve millions of records: one shared string each keeps large networks small. */
const interned = new Map<number, string>();

export function randomDate(random: Random, year: number): string {
  const month = random.int(1, 12);
  const day = random.int(1, daysInMonth(year, month));
  const key = year * 10_000 + month * 100 + day;
  let date = interned.get(key);
  if (date === undefined) {
    date = `${year}-${pad(month)}-${pad(day)}`;
    interned.set(key, date);
  }
  return date;
}

/** The day before the same date `months` later: a grant from 2020-04-01 for 12 months ends 2021-03-31. */
export function endAfterMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(year, month - 1 + months, Math.min(day, 28)));
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/** Growth over time: the later an organisation joins the network, the later its relationships start. */
export function yearForPosition(random: Random, position: number, total: number): number {
  const base = FIRST_YEAR + Math.floor(((LAST_YEAR - FIRST_YEAR + 1) * position) / Math.max(1, total));
  return Math.min(LAST_YEAR, base + random.int(0, 1));
}
