// Pure helpers of the pathway timeline (PathwayTimeline.tsx): days and durations as people read them.
import { formatDateRange } from './format.ts';

const DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** 2021-04-01 → "1 Apr 2021". */
export function formatDay(date: string): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? date : DATE.format(parsed);
}

/** Days to a readable length: "3 weeks", "7 months", "1 year 2 months". */
export function formatDuration(days: number): string {
  if (days < 14) return days === 1 ? '1 day' : `${days} days`;
  if (days < 61) return `${Math.round(days / 7)} weeks`;
  const months = Math.round(days / 30.44);
  if (months < 12) return `${months} months`;
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const y = years === 1 ? '1 year' : `${years} years`;
  return rest === 0 ? y : `${y} ${rest === 1 ? '1 month' : `${rest} months`}`;
}

/** When an initiative ran: " 1 May 2019 – 30 Apr 2022", " since 1 May 2019", " until …", or nothing. */
export function initiativeDates(start: string | null, end: string | null): string {
  return start || end ? ` ${formatDateRange(start, end, formatDay)}` : '';
}
