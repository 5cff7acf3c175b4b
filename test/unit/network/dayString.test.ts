import { describe, expect, it } from 'vitest';
import { dayNumber, dayString } from '../../../server/domain/network/snapshot.ts';

const viaDate = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

describe('dayString', () => {
  it('writes every day of a 400-year cycle and of the last ten years, and every 97th day between, as Date.toISOString does', () => {
    // The Gregorian calendar repeats every 400 years (146,097 days) and dayString computes in those cycles, so every
    // day of years 0–399 (with the one-, two- and three-digit years) covers its rules; a prime stride through the
    // rest lands on every day of the month in time, and the last ten years reach the edge at 9999-12-31.
    // -719,528 is 0000-01-01 and 2,932,896 is 9999-12-31.
    const first = -719_528;
    const last = 2_932_896;
    const days: number[] = [];
    for (let day = first - 3; day < first + 146_097; day++) days.push(day);
    for (let day = first + 146_097; day < last - 3_653; day += 97) days.push(day);
    for (let day = last - 3_653; day <= last + 3; day++) days.push(day);
    for (const day of days)
      if (dayString(day) !== viaDate(day)) expect(dayString(day), `day ${day}`).toBe(viaDate(day));
  });
  it('keeps the Date form outside years 0–9999 and round-trips with dayNumber', () => {
    for (const day of [-800_000, -719_529, 2_932_897, 3_000_000]) expect(dayString(day)).toBe(viaDate(day));
    for (const date of ['1970-01-01', '1969-12-31', '2000-02-29', '2024-12-31', '2100-03-01'])
      expect(dayString(dayNumber(date))).toBe(date);
  });
});
