// `cordis`: CORDIS Horizon 2020 participations (one row per organisation and project, gzipped CSV
// accepted), optionally with the programme-parts file (rcn → programme part). Organisations are identified
// by their PIC; the data has no names, so a display name is derived from the activity type and the PIC.
// Projects become Initiatives; each row a participation with a role (coordinator → LEAD; participant,
// partner → PARTNER). Co-participation stays as initiative participation: no pairwise edges.
// The file is streamed twice (organisations, then projects and participations); only PIC and project ids
// are held in memory.
import path from 'node:path';
import { parse } from 'csv-parse';
import type { InitiativeStage, ParticipationRole, Sector } from '../../model.ts';
import { didYouMean } from '../../didYouMean.ts';
import { countryFromCode } from '../countries.ts';
import { openText } from '../files.ts';
import type {
  IncomingInitiative,
  IncomingOrganisation,
  IncomingParticipation,
  Located,
  OpenImporter,
  Pass,
  ReadContext,
} from '../incoming.ts';
import { cleanText, parseFlexibleDate } from '../repairs.ts';
import { datasetName, problemAt, sourceFacts, take } from './common.ts';

const FORMAT = 'cordis';
const PARTICIPATION_COLUMNS = [
  'rcn',
  'role',
  'pic',
  'type',
  'contribution',
  'country',
  'start_date',
  'end_date',
];
const PROGRAMME_COLUMNS = ['rcn', 'programme_part'];

/** Activity type → sector, and the word used in display names. */
export const ACTIVITY_TYPES: Readonly<Record<string, { sector: Sector; label: string }>> = {
  PRC: { sector: 'COMPANY', label: 'Company' },
  HES: { sector: 'ACADEMIC', label: 'Higher education institution' },
  REC: { sector: 'ACADEMIC', label: 'Research organisation' },
  PUB: { sector: 'GOVERNMENT', label: 'Public body' },
  OTH: { sector: 'NGO', label: 'Organisation' },
};

export const ROLES: Readonly<Record<string, ParticipationRole>> = {
  coordinator: 'LEAD',
  participant: 'PARTNER',
  partner: 'PARTNER',
};

type Row = Record<string, string>;

/** Rows of a CSV (gzipped or not) as objects, with their line numbers; null after a header problem. */
async function* rows(
  file: string,
  columns: readonly string[],
  context: ReadContext,
  report: boolean,
): AsyncGenerator<{ line: number; row: Row }> {
  const name = path.basename(file);
  const parser = parse({
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
    bom: true,
  });
  const input = openText(file, report ? context.progress : undefined);
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);
  let header: string[] | null = null;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (header === null) {
        header = record;
        const missing = columns.filter((c) => !header?.includes(c));
        if (missing.length > 0) {
          if (report) {
            for (const column of missing) {
              context.problem({
                file: name,
                line: info.lines,
                column: null,
                field: column,
                code: 'MISSING_COLUMN',
                message: `missing column "${column}"${didYouMean(column, header)}; this file needs the columns ${columns.join(', ')}`,
              });
            }
          }
          input.destroy();
          return;
        }
        continue;
      }
      if (record.length !== header.length) {
        if (report)
          context.problem({
            file: name,
            line: info.lines,
            column: null,
            field: null,
            code: 'BAD_CSV',
            message: `this row has ${record.length} fields but the header has ${header.length}`,
          });
        continue;
      }
      const row: Row = {};
      header.forEach((column, i) => (row[column] = record[i] ?? ''));
      yield { line: info.lines, row };
    }
  } catch (error) {
    if (report)
      context.problem({
        file: name,
        line: null,
        column: null,
        field: null,
        code: 'BAD_CSV',
        message: `not a readable CSV file: ${(error as Error).message}`,
      });
  }
}

/** Which of the paths is the participations file and which the programme parts (by their header). */
function roles(paths: readonly string[]): {
  participations: string | undefined;
  programmes: string | undefined;
} {
  const programmes = paths.find((p) => /programme/i.test(path.basename(p)));
  const participations = paths.find((p) => p !== programmes);
  return { participations, programmes };
}

function organisation(
  row: Row,
  dataset: string,
  context: ReadContext,
  where: string,
): IncomingOrganisation | null {
  const pic = cleanText(row.pic);
  const type = cleanText(row.type)?.toUpperCase() ?? null;
  if (pic === null || !/^\d{6,12}$/.test(pic)) {
    context.problem(
      problemAt(
        where,
        'pic',
        'BAD_IDENTIFIER',
        `pic ${JSON.stringify(row.pic ?? '')} is not a PIC (a participant identification code of 9 digits)`,
      ),
    );
    return null;
  }
  const activity = type === null ? undefined : ACTIVITY_TYPES[type];
  if (activity === undefined) {
    context.problem(
      problemAt(
        where,
        'type',
        'UNKNOWN_VALUE',
        `activity type ${JSON.stringify(row.type ?? '')} is not one of ${Object.keys(ACTIVITY_TYPES).join(', ')}`,
      ),
    );
    return null;
  }
  const code = cleanText(row.country);
  const country = code === null ? null : countryFromCode(code);
  if (code !== null && country === null) {
    context.repair({
      code: 'UNKNOWN_COUNTRY',
      where,
      field: 'country',
      message: `country code "${code}" is not an ISO 3166 code; the place is left out`,
    });
  }
  const rule = `cordis:activity-type:${type}`;
  context.sectorRule(rule);
  return {
    type: 'organisation',
    recordId: `pic:${pic}`,
    name: `${activity.label} PIC ${pic}${country ? ` (${country})` : ''}`,
    sector: activity.sector,
    sectorRule: rule,
    kind: activity.label.toLowerCase(),
    description: null,
    websites: [],
    country,
    region: null,
    city: null,
    latitude: null,
    longitude: null,
    themes: [],
    identifiers: [{ scheme: 'PIC', value: pic }],
    status: 'PUBLISHED',
    closedOn: null,
    provenance: sourceFacts(
      dataset,
      pic,
      `https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/how-to-participate/org-details/${pic}`,
    ),
  };
}

function number(value: string | undefined): number | null {
  const text = cleanText(value);
  if (text === null) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/**
 * The longest Horizon 2020 project in the CORDIS file, in months: rcn 212694, 2018-01-01 – 2026-06-30 (the
 * file's `duration` column; every other project is shorter). A project with a start date and no end date
 * cannot run longer.
 */
export const H2020_LONGEST_PROJECT_MONTHS = 102;

/** A project's stage on `today`, and what was assumed to choose it (null when its end date decided). */
export interface ProjectStage {
  stage: InitiativeStage;
  assumed: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `date` plus `months` calendar months (the last day of the month when it has fewer days). */
export function addMonths(date: string, months: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return `${String(y).padStart(4, '0')}-${pad(m + 1)}-${pad(Math.min(day, last))}`;
}

/**
 * The stage of a CORDIS project on `today` (README "Formats", cordis): ENDED once its end date has passed,
 * else PILOT. Without an end date (`NA` in the file, or unreadable), a project with a start date is ENDED
 * once H2020_LONGEST_PROJECT_MONTHS have passed since its start (no H2020 project runs longer), else PILOT;
 * a project with neither date is ENDED: nothing in the file says it is running, and as a PILOT it would
 * count as a current pilot.
 */
export function projectStage(startDate: string | null, endDate: string | null, today: string): ProjectStage {
  if (endDate !== null) return { stage: endDate < today ? 'ENDED' : 'PILOT', assumed: null };
  if (startDate !== null) {
    const latest = addMonths(startDate, H2020_LONGEST_PROJECT_MONTHS);
    return latest < today
      ? {
          stage: 'ENDED',
          assumed: `stage ENDED assumed: no H2020 project runs longer than ${H2020_LONGEST_PROJECT_MONTHS} months, so one started on ${startDate} ended by ${latest}`,
        }
      : {
          stage: 'PILOT',
          assumed: `stage PILOT assumed: started on ${startDate}, it may run until ${latest} (no H2020 project runs longer than ${H2020_LONGEST_PROJECT_MONTHS} months)`,
        };
  }
  return {
    stage: 'ENDED',
    assumed:
      'stage ENDED assumed: with no start or end date nothing says the project is running, so it is not counted as a current pilot',
  };
}

/**
 * A project's start or end date; null, with a repair naming the project and the field, when the file has
 * none (`NA`, empty: MISSING_DATE) or one that is not a date (BAD_DATE_DROPPED).
 */
function projectDate(
  row: Row,
  field: string,
  project: string,
  context: ReadContext,
  where: string,
): string | null {
  const raw = row[field] ?? '';
  const parsed = parseFlexibleDate(raw, field);
  if (parsed === null) {
    context.repair({
      code: 'BAD_DATE_DROPPED',
      where,
      field,
      message: `project ${project}: ${field} ${JSON.stringify(raw)} is not a date; left out`,
    });
    return null;
  }
  if (parsed.value === null) {
    context.repair({
      code: 'MISSING_DATE',
      where,
      field,
      message: `project ${project} has no ${field} (${JSON.stringify(raw)}); left empty`,
    });
    return null;
  }
  return take(context, where, field, parsed);
}

function initiative(
  row: Row,
  rcn: string,
  programme: string | null,
  dataset: string,
  today: string,
  context: ReadContext,
  where: string,
): IncomingInitiative {
  const id = `cordis:${rcn}`;
  const startDate = projectDate(row, 'start_date', id, context, where);
  let endDate = projectDate(row, 'end_date', id, context, where);
  if (startDate !== null && endDate !== null && endDate < startDate) {
    context.repair({
      code: 'DATE_ORDER_DROPPED',
      where,
      field: 'end_date',
      message: `project ${id}: end_date ${endDate} is before its start_date ${startDate}; the end is left out`,
    });
    endDate = null;
  }
  const { stage, assumed } = projectStage(startDate, endDate, today);
  if (assumed !== null) {
    context.repair({
      code: 'STAGE_ASSUMED',
      where,
      field: 'end_date',
      message: `project ${id} has no end date; ${assumed}`,
    });
  }
  return {
    type: 'initiative',
    id,
    name: `H2020 project ${rcn}${programme ? ` (${programme})` : ''}`,
    stage,
    startDate,
    endDate,
    themes: [],
    description: null,
    website: null,
    extra: { programme, totalCost: number(row.total_cost), maxContribution: number(row.max_contribution) },
    provenance: sourceFacts(dataset, rcn, `https://cordis.europa.eu/project/rcn/${rcn}`),
  };
}

async function* readLinks(
  participations: string,
  programmes: string | undefined,
  dataset: string,
  context: ReadContext,
): AsyncGenerator<Located<IncomingInitiative | IncomingParticipation>> {
  const parts = new Map<string, string>();
  if (programmes) {
    for await (const { row } of rows(programmes, PROGRAMME_COLUMNS, context, true)) {
      const rcn = cleanText(row.rcn);
      const part = cleanText(row.programme_part);
      if (rcn !== null && part !== null && !parts.has(rcn)) parts.set(rcn, part);
    }
  }
  const name = path.basename(participations);
  const today = new Date().toISOString().slice(0, 10);
  const projects = new Set<string>();
  for await (const { line, row } of rows(participations, PARTICIPATION_COLUMNS, context, false)) {
    const where = `${name}:${line}`;
    const rcn = cleanText(row.rcn);
    const pic = cleanText(row.pic);
    if (rcn === null || pic === null) continue;
    if (!projects.has(rcn)) {
      projects.add(rcn);
      yield { record: initiative(row, rcn, parts.get(rcn) ?? null, dataset, today, context, where), where };
    }
    const roleText = cleanText(row.role)?.toLowerCase() ?? '';
    const role = ROLES[roleText];
    if (role === undefined) {
      context.problem(
        problemAt(
          where,
          'role',
          'UNKNOWN_VALUE',
          `role ${JSON.stringify(row.role ?? '')} is not one of ${Object.keys(ROLES).join(', ')}`,
        ),
      );
      continue;
    }
    yield {
      record: {
        type: 'participation',
        initiative: `cordis:${rcn}`,
        organisation: `pic:${pic}`,
        role,
        since: parseFlexibleDate(row.start_date)?.value ?? null,
        until: parseFlexibleDate(row.end_date)?.value ?? null,
        extra: { contribution: number(row.contribution), activityType: cleanText(row.type) },
        provenance: sourceFacts(dataset, `${rcn}/${pic}`, `https://cordis.europa.eu/project/rcn/${rcn}`),
      },
      where,
    };
  }
}

async function* read(
  paths: readonly string[],
  pass: Pass,
  context: ReadContext,
): AsyncGenerator<Located<IncomingOrganisation | IncomingInitiative | IncomingParticipation>> {
  const { participations, programmes } = roles(paths);
  if (participations === undefined) return;
  const dataset = datasetName(FORMAT, participations);
  if (pass === 'links') {
    yield* readLinks(participations, programmes, dataset, context);
    return;
  }
  const name = path.basename(participations);
  const seen = new Set<string>();
  let count = 0;
  for await (const { line, row } of rows(participations, PARTICIPATION_COLUMNS, context, true)) {
    count += 1;
    const pic = cleanText(row.pic) ?? '';
    if (seen.has(pic)) continue;
    seen.add(pic);
    const where = `${name}:${line}`;
    const org = organisation(row, dataset, context, where);
    if (org) yield { record: org, where };
  }
  if (count === 0) context.problem(problemAt(name, null, 'NO_RECORDS', 'no participations found'));
}

export const cordisImporter: OpenImporter = {
  name: FORMAT,
  description:
    'CORDIS H2020 participations CSV (.csv or .csv.gz), optionally with the programme-parts CSV: projects as initiatives',
  defaultLicence: 'CC BY 4.0 (CORDIS, European Commission)',
  recordedBy: `import:${FORMAT}`,
  authoritative: false,
  checkPaths(paths) {
    if (paths.length < 1 || paths.length > 2) {
      return [
        problemAt(
          'arguments',
          null,
          'PATHS',
          'give the participations CSV, and optionally the programme-parts CSV (its name contains "programme")',
        ),
      ];
    }
    return paths
      .filter((p) => !/\.csv(\.gz)?$/i.test(p))
      .map((p) => problemAt(p, null, 'UNKNOWN_FILE', 'a cordis import reads .csv or .csv.gz files'));
  },
  read,
};
