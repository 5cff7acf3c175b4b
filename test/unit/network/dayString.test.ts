import { describe, expect, it } from 'vitest';
import { dayNumber, dayString } from '../../../server/domain/network/snapshot.ts';

const viaDate = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

describe('dayString', () => {
  it('writes every day from year 0 to 9999 as Date.toISOString does', () => {
    // -719,528 is 0000-01-01 and 2,932,896 is 9999-12-31.
    for (let day = -719_528 - 3; day <= 2_932_896 + 3; day++)
      if (dayString(day) !== viaDate(day)) expect(dayString(day), `day ${day}`).toBe(viaDate(day));
  });
  it('keeps the Date form outside years 0–9999 and round-trips with dayNumber', () => {
    for (const day of [-800_000, -719_529, 2_932_897, 3_000_000]) expect(dayString(day)).toBe(viaDate(day));
    for (const date of ['1970-01-01', '1969-12-31', '2000-02-29', '2024-12-31', '2100-03-01'])
      expect(dayString(dayNumber(date))).toBe(date);
  });
});
