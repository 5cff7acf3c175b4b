// Small builders for atlas test inputs, and a comparison of problems by code and position only.
import type { Problem } from '../../../server/common/problems.ts';
import { parseAtlasCsv, type AtlasReadResult } from '../../../server/domain/atlas/read.ts';

/** The required columns of each file, in a fixed order. */
export const HEADERS = {
  organisations: 'id,name,sector,kind,description,website,country,region,city,themes,identifiers',
  relationships: 'source,target,kind,since,until,amount,currency,trust,source_url,description',
  initiatives: 'id,name,stage,start_date,end_date,themes,description',
  participations: 'initiative,organisation,role,since,until',
  places: 'country,region,city,latitude,longitude',
} as const;

/** One CSV line in the header's order; cells are written verbatim (quote them yourself). */
export function row(header: string, cells: Record<string, string>): string {
  const names = header.split(',');
  for (const name of Object.keys(cells)) {
    if (!names.includes(name)) throw new Error(`test bug: ${name} is not in the header ${header}`);
  }
  return names.map((name) => cells[name] ?? '').join(',');
}

export function csv(header: string, ...rows: Record<string, string>[]): string {
  return [header, ...rows.map((cells) => row(header, cells))].join('\n') + '\n';
}

export const ORG_A = { id: 'org-a', name: 'A', sector: 'NGO' };
export const ORG_B = { id: 'org-b', name: 'B', sector: 'COMPANY' };

/** Reads the files given, with an organisations.csv holding org-a and org-b unless one is given. */
export function readCsv(files: Record<string, string>): AtlasReadResult {
  return parseAtlasCsv({ 'organisations.csv': csv(HEADERS.organisations, ORG_A, ORG_B), ...files });
}

export type Where = Pick<Problem, 'code' | 'file' | 'line' | 'column' | 'field'>;

/** Problems reduced to what tests assert: code and position, not wording. */
export function where(problems: readonly Problem[]): Where[] {
  return problems.map(({ code, file, line, column, field }) => ({ code, file, line, column, field }));
}

/** Line and column (1-based) of the nth occurrence of needle in text: the oracle for JSON positions. */
export function positionOf(text: string, needle: string, nth = 0): { line: number; column: number } {
  let offset = -1;
  for (let i = 0; i <= nth; i += 1) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`test bug: occurrence ${nth} of ${needle} not found`);
  }
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}
