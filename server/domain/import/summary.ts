// The import summary as people read it: what the database wrote, per kind of record.
import type { WriteCounts, WriteSummary } from './write.ts';

const ORDER: (keyof WriteSummary)[] = [
  'organisations',
  'relationships',
  'initiatives',
  'participations',
  'initiativeStages',
  'themes',
  'places',
];

function line(counts: WriteCounts): string {
  const parts = [`${counts.created} created`, `${counts.updated} updated`, `${counts.unchanged} unchanged`];
  if (counts.deleted > 0) parts.push(`${counts.deleted} deleted (replaced)`);
  return parts.join(', ');
}

/** One line per kind of record, e.g. "  organisations   2 created, 0 updated, 5 unchanged". */
export function describeSummary(summary: WriteSummary): string[] {
  return ORDER.map((kind) => `  ${kind.padEnd(15)} ${line(summary[kind])}`);
}

/** True when the import changed nothing in the database. */
export function unchanged(summary: WriteSummary): boolean {
  return ORDER.every((kind) => {
    const c = summary[kind];
    return c.created === 0 && c.updated === 0 && c.deleted === 0;
  });
}
