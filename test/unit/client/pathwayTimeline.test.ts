// The pathway timeline's pure helpers: dates and durations as people read them.
import { describe, expect, it } from 'vitest';
import { formatDay, formatDuration, initiativeDates } from '../../../client/components/pathwayFormat.ts';

describe('the pathway timeline helpers', () => {
  it('writes days out in British English, whatever the time zone', () => {
    expect(formatDay('2021-04-01')).toBe('1 Apr 2021');
    expect(formatDay('2020-12-31')).toBe('31 Dec 2020');
    expect(formatDay('not a date')).toBe('not a date');
  });

  it.each([
    [1, '1 day'],
    [10, '10 days'],
    [30, '4 weeks'],
    [181, '6 months'],
    [365, '1 year'],
    [396, '1 year 1 month'],
    [1096, '3 years'],
  ])('%i days read as %s', (days, text) => {
    expect(formatDuration(days)).toBe(text);
  });

  it('writes when an initiative ran: both days, or since, or until, or nothing', () => {
    expect(initiativeDates('2019-05-01', '2022-04-30')).toBe(' 1 May 2019 – 30 Apr 2022');
    expect(initiativeDates('2019-05-01', null)).toBe(' since 1 May 2019');
    expect(initiativeDates(null, '2022-04-30')).toBe(' until 30 Apr 2022');
    expect(initiativeDates(null, null)).toBe('');
  });
});
