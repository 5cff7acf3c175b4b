// The one exporter: a selection of the network (all of it, a filter or a set of ids, as it was on a day)
// written in one of the ExportFormat formats. The command line (`npm run export`) and the HTTP downloads
// (`/export`) both call exportNetwork.
import { stringify } from 'csv-stringify/sync';
import { InvalidInputError } from '../../common/errors.ts';
import type { Problem } from '../../common/problems.ts';
import type { QueryRunner } from '../../common/queryRunner.ts';
import { formatListCell } from '../atlas/listCell.ts';
import { toAtlasCsvFiles, toAtlasJson } from '../atlas/write.ts';
import { ExportFormat as ExportFormatValues } from '../generated/vocabulary.ts';
import type { Dataset } from '../model.ts';
import { RELATIONSHIP_KINDS } from '../model.ts';
import type { NetworkAccess } from '../network/cache.ts';
import { matches, resolveFilter, type OrganisationFilterInput } from '../network/filter.ts';
import { resolveOrganisationIds } from '../network/ids.ts';
import { queryMatches } from '../network/organisationList.ts';
import type { NetworkSnapshot } from '../network/snapshot.ts';
import { tiePredicate } from '../network/tieFilter.ts';
import { toCytoscapeJson, toGEXF, toGraphML } from './graphFormats.ts';
import { readDataset, type Selection } from './read.ts';

export type ExportFormat = (typeof ExportFormatValues)[keyof typeof ExportFormatValues];
export const EXPORT_FORMATS: readonly ExportFormat[] = Object.values(ExportFormatValues);
export const EXPORT_LIMITS = { maxIds: 10_000, maxNoteLength: 2_000 } as const;

export interface ExportRequest {
  format: ExportFormat;
  /**
   * Organisation ids (or merged ids) to export; one that names no published organisation is a
   * BAD_USER_INPUT error unless `skipUnpublished`. With `filter`, both apply.
   */
  ids?: readonly string[] | null;
  /**
   * Leave out the ids that name no published organisation (a shortlist's entry unpublished since it was
   * added) instead of refusing the export; they are listed in the files' `skipped`. Still an error when
   * none of the ids names one.
   */
  skipUnpublished?: boolean;
  filter?: OrganisationFilterInput | null;
  /** Only ties active on this day. */
  asOf?: string | null;
  /**
   * GraphML, GEXF, Cytoscape.js: a two-mode network, with the initiatives the organisations take part in
   * as nodes and each participation as an edge (the atlas format always carries them; CSV cannot).
   */
  initiatives?: boolean;
  /** Atlas: CSV files (a folder) instead of one JSON file. */
  atlasFolder?: boolean;
  /** CSV: which table. */
  table?: 'organisations' | 'relationships';
  /** CSV organisations: a note per organisation id (e.g. why it is on a shortlist), in a `notes` column. */
  notes?: Readonly<Record<string, string>> | null;
}

export interface ExportFile {
  name: string;
  contentType: string;
  body: string;
  /** The request's ids left out as naming no published organisation (`skipUnpublished`), in request order. */
  skipped?: readonly string[];
}

function problem(field: string, message: string): Problem {
  return { file: 'request', line: null, column: null, field, code: 'BAD_EXPORT', message };
}

/** The organisations and ties an export covers. */
export async function selectForExport(
  runner: QueryRunner,
  net: NetworkAccess,
  request: ExportRequest,
): Promise<ExportSelection> {
  const s = await net.snapshot();
  if (request.ids && request.ids.length > EXPORT_LIMITS.maxIds) {
    throw new InvalidInputError(
      `ids: at most ${EXPORT_LIMITS.maxIds} organisations per export; use a filter for more.`,
      [problem('ids', `at most ${EXPORT_LIMITS.maxIds}`)],
    );
  }
  const filter = resolveFilter(s, request.filter);
  const found = filter.query === null ? null : await queryMatches(runner, net, s, filter.query);
  // Every id must name a published organisation (a merged id: the one it was merged into), or the export
  // is refused: a mistyped id would otherwise give a file with fewer organisations, or none.
  // With skipUnpublished, those ids are left out (and named) unless none is left.
  const skipped = request.skipUnpublished ? unpublishedIds(s, request.ids ?? []) : [];
  const kept = skipped.length > 0 ? request.ids!.filter((id) => s.index.has(id)) : request.ids;
  if (kept?.length === 0 && skipped.length > 0) {
    const message = `none of the ${skipped.length} organisation${skipped.length === 1 ? ' is' : 's is'} published any more`;
    throw new InvalidInputError(`ids: ${message}.`, [{ ...problem('ids', message), code: 'NOT_FOUND' }]);
  }
  const wanted = kept ? new Set(resolveOrganisationIds(s, kept, 'ids', 'request')) : null;
  const members = new Set<number>();
  for (let i = 0; i < s.ids.length; i++) {
    if ((wanted === null || wanted.has(i)) && matches(s, filter, i) && (found === null || found.has(i)))
      members.add(i);
  }
  const active = tiePredicate(s, null, request.asOf);
  const relationships: Selection['relationships'] = [];
  // Each member's ties: its degree in the snapshot (degree.ts), or, on a day, those active then, counted here.
  const activeTies = request.asOf ? new Map<number, number>() : null;
  for (let t = 0; t < s.tieIds.length; t++) {
    const source = s.tieSource[t]!;
    const target = s.tieTarget[t]!;
    const inSource = members.has(source);
    const inTarget = members.has(target);
    if (!(inSource || inTarget) || !active(t)) continue;
    if (activeTies && inSource) activeTies.set(source, (activeTies.get(source) ?? 0) + 1);
    if (activeTies && inTarget) activeTies.set(target, (activeTies.get(target) ?? 0) + 1);
    if (inSource && inTarget)
      relationships.push({ id: s.tieIds[t]!, kind: RELATIONSHIP_KINDS[s.tieKind[t]!]! });
  }
  const organisationIds = [...members].map((i) => s.ids[i]!);
  const tiesOf = (i: number) => (activeTies ? (activeTies.get(i) ?? 0) : s.degree[i]!);
  return {
    organisationIds,
    relationships,
    ties: new Map([...members].map((i) => [s.ids[i]!, tiesOf(i)])),
    skipped,
  };
}

/** The ids (each once, in order) that name no published organisation, nor one merged into a published one. */
function unpublishedIds(s: NetworkSnapshot, ids: readonly string[]): string[] {
  return [...new Set(ids)].filter((id) => !s.index.has(id));
}

/** The organisations and ties an export covers, and each organisation's ties in the whole network. */
type ExportSelection = Selection & {
  /** Organisation id → its published ties (active on `asOf` when given), inside the export or not. */
  ties: ReadonlyMap<string, number>;
  /** The request's ids left out as unpublished (`skipUnpublished`). */
  skipped: readonly string[];
};

/** `ties`: each organisation's ties in the whole network (as the explorer's "Ties"), not only in the export. */
function organisationsCsv(
  dataset: Dataset,
  notes: Readonly<Record<string, string>> | null | undefined,
  degree: ReadonlyMap<string, number>,
): string {
  const header = [
    'id',
    'name',
    'sector',
    'kind',
    'country',
    'region',
    'city',
    'themes',
    'website',
    'identifiers',
    'ties',
    ...(notes ? ['notes'] : []),
  ];
  const order = notes ? Object.keys(notes) : null;
  const organisations = order
    ? [...dataset.organisations].sort(
        (a, b) => (order.indexOf(a.id) + 1 || Infinity) - (order.indexOf(b.id) + 1 || Infinity),
      )
    : dataset.organisations;
  const rows = organisations.map((o) => [
    o.id,
    o.name,
    o.sector,
    o.kind ?? '',
    o.country ?? '',
    o.region ?? '',
    o.city ?? '',
    formatListCell(o.themes),
    o.website ?? '',
    formatListCell(o.identifiers.map((i) => `${i.scheme}:${i.value}`)),
    String(degree.get(o.id) ?? 0),
    ...(notes ? [notes[o.id] ?? ''] : []),
  ]);
  return stringify([header, ...rows]);
}

function relationshipsCsv(dataset: Dataset): string {
  const names = new Map(dataset.organisations.map((o) => [o.id, o.name]));
  const header = [
    'id',
    'kind',
    'source',
    'source_name',
    'target',
    'target_name',
    'since',
    'until',
    'amount',
    'currency',
    'trust',
    'description',
    'source_url',
  ];
  const rows = dataset.relationships.map((r) => [
    r.id,
    r.kind,
    r.source,
    names.get(r.source) ?? '',
    r.target,
    names.get(r.target) ?? '',
    r.since ?? '',
    r.until ?? '',
    r.amount === null ? '' : String(r.amount),
    r.currency ?? '',
    r.trust,
    r.description ?? '',
    r.provenance.sourceUrl ?? '',
  ]);
  return stringify([header, ...rows]);
}

/** Validates a request's parts that are not checked by types (notes, table). */
function checkRequest(request: ExportRequest): void {
  const problems: Problem[] = [];
  if (!EXPORT_FORMATS.includes(request.format))
    problems.push(problem('format', `use one of ${EXPORT_FORMATS.join(', ')}`));
  if (request.initiatives && request.format === 'CSV')
    problems.push(
      problem(
        'initiatives',
        'a CSV table holds organisations or relationships only: use graphml, gexf, cytoscape or atlas for initiatives',
      ),
    );
  if (request.table && request.table !== 'organisations' && request.table !== 'relationships') {
    problems.push(problem('table', 'use organisations or relationships'));
  }
  for (const [id, note] of Object.entries(request.notes ?? {})) {
    if (typeof note !== 'string' || note.length > EXPORT_LIMITS.maxNoteLength) {
      problems.push(
        problem(`notes.${id}`, `a note is text of at most ${EXPORT_LIMITS.maxNoteLength} characters`),
      );
    }
  }
  if (problems.length > 0) {
    throw new InvalidInputError(
      `The export request has ${problems.length} problem(s): ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}.`,
      problems,
    );
  }
}

export async function exportNetwork(
  runner: QueryRunner,
  net: NetworkAccess,
  request: ExportRequest,
): Promise<ExportFile[]> {
  checkRequest(request);
  const selection = await selectForExport(runner, net, request);
  const files = await filesOf(runner, selection, request);
  const { skipped } = selection;
  return skipped.length > 0 ? files.map((file) => ({ ...file, skipped })) : files;
}

/** The selection written in the request's format. */
async function filesOf(
  runner: QueryRunner,
  selection: ExportSelection,
  request: ExportRequest,
): Promise<ExportFile[]> {
  const dataset = await readDataset(runner, selection, {
    full: request.format === 'ATLAS',
    initiatives: request.format === 'ATLAS' || request.initiatives === true,
  });
  const stem = 'partnership-atlas';
  switch (request.format) {
    case 'ATLAS':
      return request.atlasFolder
        ? Object.entries(toAtlasCsvFiles(dataset)).map(([name, body]) => ({
            name,
            contentType: 'text/csv; charset=utf-8',
            body,
          }))
        : [
            {
              name: `${stem}.atlas.json`,
              contentType: 'application/json; charset=utf-8',
              body: toAtlasJson(dataset),
            },
          ];
    case 'GRAPHML':
      return [
        {
          name: `${stem}.graphml`,
          contentType: 'application/graphml+xml; charset=utf-8',
          body: toGraphML(dataset),
        },
      ];
    case 'GEXF':
      return [
        { name: `${stem}.gexf`, contentType: 'application/gexf+xml; charset=utf-8', body: toGEXF(dataset) },
      ];
    case 'CYTOSCAPE':
      return [
        {
          name: `${stem}.cytoscape.json`,
          contentType: 'application/json; charset=utf-8',
          body: toCytoscapeJson(dataset),
        },
      ];
    case 'CSV':
      return request.table === 'relationships'
        ? [
            {
              name: `${stem}-relationships.csv`,
              contentType: 'text/csv; charset=utf-8',
              body: relationshipsCsv(dataset),
            },
          ]
        : [
            {
              name: `${stem}-organisations.csv`,
              contentType: 'text/csv; charset=utf-8',
              body: organisationsCsv(dataset, request.notes, selection.ties),
            },
          ];
  }
}
