// An export request as it arrives over HTTP (query string or JSON body) or from the command line,
// validated into an ExportRequest: every problem is named with the field to fix.
import { z } from 'zod';
import { InvalidInputError } from '../../common/errors.ts';
import type { Problem } from '../../common/problems.ts';
import { RELATIONSHIP_KINDS, SECTORS, TRUST_STATES } from '../model.ts';
import { isCalendarDate } from '../values.ts';
import { EXPORT_FORMATS, EXPORT_LIMITS, type ExportFormat, type ExportRequest } from './exporter.ts';

const list = z.array(z.string().trim().min(1).max(300)).max(EXPORT_LIMITS.maxIds);

const filterSchema = z
  .object({
    query: z.string().max(200).nullish(),
    sectors: z.array(z.enum(SECTORS as [string, ...string[]])).nullish(),
    kinds: z.array(z.string().max(200)).nullish(),
    themes: z.array(z.string().max(200)).nullish(),
    places: z.array(z.string().max(200)).nullish(),
    relationshipKinds: z.array(z.enum(RELATIONSHIP_KINDS as [string, ...string[]])).nullish(),
    trustStates: z.array(z.enum(TRUST_STATES as [string, ...string[]])).nullish(),
  })
  .strict();

const requestSchema = z
  .object({
    format: z
      .string()
      .transform((f) => f.trim().toUpperCase())
      .pipe(
        z.enum(EXPORT_FORMATS as [ExportFormat, ...ExportFormat[]], {
          message: `use one of ${EXPORT_FORMATS.map((f) => f.toLowerCase()).join(', ')}`,
        }),
      ),
    ids: list.nullish(),
    filter: filterSchema.nullish(),
    asOf: z.string().refine(isCalendarDate, 'a calendar day written YYYY-MM-DD').nullish(),
    table: z.enum(['organisations', 'relationships']).nullish(),
    initiatives: z.boolean({ message: 'true or false' }).nullish(),
    skipUnpublished: z.boolean({ message: 'true or false' }).nullish(),
    notes: z.record(z.string(), z.string().max(EXPORT_LIMITS.maxNoteLength)).nullish(),
  })
  .strict();

/** A flag's values in a query string: present without a value, or written out. */
const LINK_FLAGS: ReadonlyMap<string, boolean> = new Map([
  ['', true],
  ['true', true],
  ['1', true],
  ['false', false],
  ['0', false],
]);

/** Raw input: a JSON body, or a query string whose `ids` is comma-separated and `filter` is JSON text. */
export function parseExportRequest(
  input: Record<string, unknown>,
  from: 'body' | 'query' = 'body',
): ExportRequest {
  const raw: Record<string, unknown> = { ...input };
  const problems: Problem[] = [];
  if (from === 'query') {
    // A flag in a link: `initiatives`, `initiatives=true` or `initiatives=false` (any other value is refused).
    for (const flag of ['initiatives', 'skipUnpublished']) {
      const value = raw[flag];
      if (typeof value === 'string') raw[flag] = LINK_FLAGS.get(value.trim().toLowerCase()) ?? value;
    }
    if (typeof raw.ids === 'string') raw.ids = raw.ids.split(',').filter((id) => id !== '');
    if (typeof raw.filter === 'string') {
      try {
        raw.filter = JSON.parse(raw.filter);
      } catch {
        problems.push({
          file: 'request',
          line: null,
          column: null,
          field: 'filter',
          code: 'BAD_EXPORT',
          message: 'filter must be JSON, e.g. {"sectors":["NGO"]}',
        });
      }
    }
  }
  const parsed = requestSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({
        file: 'request',
        line: null,
        column: null,
        field: issue.path.join('.') || 'request',
        code: 'BAD_EXPORT',
        message: issue.message,
      });
    }
  }
  if (problems.length > 0 || !parsed.success) {
    throw new InvalidInputError(
      `The export request is not valid: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}.`,
      problems,
    );
  }
  const r = parsed.data;
  return {
    format: r.format,
    ids: r.ids ?? null,
    filter: (r.filter as ExportRequest['filter']) ?? null,
    asOf: r.asOf ?? null,
    table: r.table ?? undefined,
    initiatives: r.initiatives ?? false,
    skipUnpublished: r.skipUnpublished ?? false,
    notes: r.notes ?? null,
  };
}
