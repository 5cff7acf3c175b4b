// DATE_ORDER: an end date before its start date (YYYY-MM-DD strings compare in date order).
import type { FieldReader } from './fieldReader.ts';

export function checkDateOrder(
  reader: FieldReader,
  startField: string,
  start: string | null,
  endField: string,
  end: string | null,
): void {
  if (start === null || end === null || end >= start) return;
  reader.report(
    endField,
    'DATE_ORDER',
    `${endField} ${end} is before ${startField} ${start}; swap them or correct one of them`,
  );
}
