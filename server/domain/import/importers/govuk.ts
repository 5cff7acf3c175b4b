// `govuk`: GOV.UK organisations, as the register's TSV (govuk-organisations.tsv) or the GOV.UK API's
// JSON Lines (one /api/organisations record a line). Every body is a GOVERNMENT organisation identified by
// its GOV.UK slug; parent links become PART_OF child → parent; closed bodies are kept, with the day they
// closed (`closedOn`) when the source gives it (the JSON Lines do, the TSV does not).
import path from 'node:path';
import { parse } from 'csv-parse';
import { openText, lines } from '../files.ts';
import type {
  IncomingOrganisation,
  IncomingRelationship,
  Located,
  OpenImporter,
  Pass,
  ReadContext,
} from '../incoming.ts';
import { cleanText, parseFlexibleDate, repairWebsite } from '../repairs.ts';
import { filesOnly, datasetName, problemAt, sourceFacts, take } from './common.ts';
import { didYouMean } from '../../didYouMean.ts';

const FORMAT = 'govuk';
const TSV_COLUMNS = [
  'government-organisation',
  'abbreviation',
  'government-organisation-type',
  'govuk',
  'name',
  'website',
  'parent-govuks',
];

interface Body {
  slug: string;
  name: string;
  kind: string | null;
  abbreviation: string | null;
  website: string | null;
  parents: string[];
  closedOn: string | null;
  status: string | null;
}

function organisation(body: Body, dataset: string): IncomingOrganisation {
  const id = `govuk:${body.slug}`;
  const description = [
    // GOV.UK gives some bodies their own name as abbreviation ("Home Office"): nothing to say then.
    body.abbreviation && body.abbreviation.trim().toLowerCase() !== body.name.trim().toLowerCase()
      ? `Also known as ${body.abbreviation}.`
      : null,
    body.status === 'closed' ? 'Closed.' : null,
  ]
    .filter((x) => x !== null)
    .join(' ');
  return {
    type: 'organisation',
    recordId: id,
    name: body.name,
    sector: 'GOVERNMENT',
    sectorRule: null,
    kind: body.kind,
    description: description === '' ? null : description,
    websites: body.website ? [body.website] : [],
    country: 'United Kingdom',
    region: null,
    city: null,
    latitude: null,
    longitude: null,
    themes: [],
    identifiers: [{ scheme: 'GOVUK', value: body.slug }],
    status: 'PUBLISHED',
    closedOn: body.closedOn,
    provenance: sourceFacts(dataset, body.slug, body.website),
  };
}

function partOf(body: Body, parent: string, dataset: string): IncomingRelationship {
  return {
    type: 'relationship',
    id: `govuk:${body.slug}>${parent}`,
    kind: 'PART_OF',
    source: `govuk:${body.slug}`,
    target: `govuk:${parent}`,
    since: null,
    until: body.closedOn,
    amount: null,
    currency: null,
    trust: 'IMPORTED',
    description: null,
    extra: {},
    provenance: sourceFacts(dataset, body.slug, body.website),
  };
}

function slugOfApiUrl(url: unknown): string | null {
  const text = cleanText(url);
  if (text === null) return null;
  const m = /\/organisations\/([^/?#]+)\/?$/.exec(text);
  return m ? (m[1] ?? null) : text;
}

async function* tsvBodies(
  file: string,
  context: ReadContext,
  report: boolean,
): AsyncGenerator<{ where: string; body: Body }> {
  const name = path.basename(file);
  const parser = parse({
    delimiter: '\t',
    quote: false,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    bom: true,
  });
  const input = openText(file, report ? context.progress : undefined);
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);
  let header: string[] | null = null;
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number };
  }>) {
    const where = `${name}:${info.lines}`;
    if (header === null) {
      header = record.map((c) => c.trim());
      const missing = TSV_COLUMNS.filter((c) => !header?.includes(c));
      if (missing.length > 0) {
        if (report) {
          for (const column of missing) {
            context.problem({
              file: name,
              line: info.lines,
              column: null,
              field: column,
              code: 'MISSING_COLUMN',
              message: `missing column "${column}"${didYouMean(column, header)}; a GOV.UK organisations TSV has the tab-separated columns ${TSV_COLUMNS.join(', ')}`,
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
          code: 'BAD_TSV',
          message: `this row has ${record.length} fields but the header has ${header.length}; separate columns with one tab`,
        });
      continue;
    }
    const cell = (column: string) => cleanText(record[header?.indexOf(column) ?? -1]);
    const slug = cell('govuk');
    const title = cell('name');
    if (slug === null || title === null) {
      if (report)
        context.problem(
          problemAt(
            where,
            slug === null ? 'govuk' : 'name',
            'REQUIRED',
            'every GOV.UK organisation needs a slug (govuk) and a name',
          ),
        );
      continue;
    }
    yield {
      where,
      body: {
        slug,
        name: title,
        kind: cell('government-organisation-type'),
        abbreviation: cell('abbreviation'),
        website: take(report ? context : QUIET, where, 'website', repairWebsite(cell('website'))),
        parents: (cell('parent-govuks') ?? '')
          .split(';')
          .map((s) => s.trim())
          .filter((s) => s !== ''),
        closedOn: null,
        status: null,
      },
    };
  }
}

async function* jsonlBodies(
  file: string,
  context: ReadContext,
  report: boolean,
): AsyncGenerator<{ where: string; body: Body }> {
  const name = path.basename(file);
  for await (const { line, text } of lines(openText(file, report ? context.progress : undefined))) {
    if (text.trim() === '') continue;
    const where = `${name}:${line}`;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      if (report)
        context.problem({
          file: name,
          line,
          column: null,
          field: null,
          code: 'BAD_JSON',
          message: `invalid JSON: ${(error as Error).message}; each line is one GOV.UK API organisation`,
        });
      continue;
    }
    const o = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
    const details =
      typeof o.details === 'object' && o.details !== null ? (o.details as Record<string, unknown>) : {};
    const slug = cleanText(details.slug) ?? slugOfApiUrl(o.id);
    const title = cleanText(o.title);
    if (slug === null || title === null) {
      if (report)
        context.problem(
          problemAt(
            where,
            slug === null ? 'details.slug' : 'title',
            'REQUIRED',
            'every GOV.UK organisation needs a slug and a title',
          ),
        );
      continue;
    }
    const status = cleanText(details.govuk_status);
    const closed = parseFlexibleDate(details.closed_at, 'closed_at');
    if (closed === null && report)
      context.problem(
        problemAt(
          where,
          'closed_at',
          'BAD_DATE',
          `closed_at ${JSON.stringify(details.closed_at)} is not a date`,
        ),
      );
    if (status === 'closed' && closed?.value === null && report) {
      context.repair({
        code: 'CLOSED_WITHOUT_DATE',
        where,
        field: 'closed_at',
        message: `${slug} is closed but gives no date; kept, with closedOn empty`,
      });
    }
    const parents = Array.isArray(o.parent_organisations)
      ? o.parent_organisations
          .map((p) => slugOfApiUrl((p as Record<string, unknown> | null)?.id))
          .filter((s): s is string => s !== null)
      : [];
    yield {
      where,
      body: {
        slug,
        name: title,
        kind: cleanText(o.format),
        abbreviation: cleanText(details.abbreviation),
        website: take(report ? context : QUIET, where, 'web_url', repairWebsite(o.web_url, 'web_url')),
        parents,
        closedOn: closed?.value ?? null,
        status,
      },
    };
  }
}

const QUIET: ReadContext = { problem: () => {}, repair: () => {}, sectorRule: () => {}, progress: () => {} };

async function* readFile(
  file: string,
  pass: Pass,
  context: ReadContext,
): AsyncGenerator<Located<IncomingOrganisation | IncomingRelationship>> {
  const dataset = datasetName(FORMAT, file);
  const report = pass === 'organisations';
  const bodies = /\.jsonl(\.gz)?$/i.test(file)
    ? jsonlBodies(file, context, report)
    : tsvBodies(file, context, report);
  for await (const { where, body } of bodies) {
    if (pass === 'organisations') yield { record: organisation(body, dataset), where };
    else for (const parent of body.parents) yield { record: partOf(body, parent, dataset), where };
  }
}

export const govukImporter: OpenImporter = {
  name: FORMAT,
  description:
    'GOV.UK organisations: the register TSV or the API JSON Lines (.jsonl); PART_OF child → parent',
  defaultLicence: 'OGL-UK-3.0 (Open Government Licence v3.0)',
  recordedBy: `import:${FORMAT}`,
  authoritative: false,
  checkPaths(paths) {
    const problems = filesOnly(paths, FORMAT, 'GOV.UK .tsv or .jsonl file');
    for (const p of paths) {
      if (!/\.(tsv|jsonl)(\.gz)?$/i.test(p)) {
        problems.push(
          problemAt(
            p,
            null,
            'UNKNOWN_FILE',
            'a govuk import reads a .tsv (the register list) or a .jsonl (the GOV.UK API) file',
          ),
        );
      }
    }
    return problems;
  },
  async *read(paths, pass, context) {
    for (const file of paths) yield* readFile(file, pass, context);
  },
};
