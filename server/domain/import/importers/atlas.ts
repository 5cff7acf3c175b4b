// `atlas` through the run pipeline: the project's own format (README "The atlas data format"), read
// tolerantly (repairs instead of errors for cosmetic problems; --strict makes them errors again), with
// identity resolution: one organisation repeated under several ids becomes one, its other ids aliases.
// Every CSV file of a folder is streamed row by row (places.csv, small, is collected first), so a network
// of 100k organisations and a million relationships imports with bounded memory. A JSON file is read whole
// (it is limited by IMPORT_MAX_FILE_MB; large networks belong in CSV folders).
import fs from 'node:fs';
import path from 'node:path';
import type {
  InitiativeRecord,
  InitiativeStage,
  InitiativeStageRecord,
  OrganisationRecord,
  ParticipationRecord,
  PlaceRecord,
  RelationshipRecord,
} from '../../model.ts';
import { parseAtlasJson, type AtlasReadResult } from '../../atlas/read.ts';
import { CSV_FILE_NAMES, type Entity } from '../../atlas/columns.ts';
import { csvRecordStream } from '../../atlas/csvRecords.ts';
import { FieldReader } from '../../atlas/fieldReader.ts';
import { ProblemSink, type AtlasProblem, type AtlasRepair } from '../../atlas/problemSink.ts';
import { readParticipation } from '../../atlas/participation.ts';
import { readRelationship } from '../../atlas/relationship.ts';
import { readInitiative } from '../../atlas/initiative.ts';
import { readInitiativeStage } from '../../atlas/initiativeStage.ts';
import { checkStageHistories, type LocatedStep } from '../../atlas/stageHistory.ts';
import { readOrganisation } from '../../atlas/organisation.ts';
import { readPlace } from '../../atlas/place.ts';
import { didYouMean } from '../../didYouMean.ts';
import { openText } from '../files.ts';
import type {
  IncomingInitiative,
  IncomingLink,
  IncomingOrganisation,
  IncomingParticipation,
  IncomingRelationship,
  IncomingStage,
  KeptFact,
  Located,
  OpenImporter,
  Pass,
  PlacesAbove,
  ReadContext,
  SourceFacts,
} from '../incoming.ts';
import { problemAt } from './common.ts';

const FORMAT = 'atlas';

/** The columns (JSON keys) a record has, by name; undefined when not known. */
type Columns = Readonly<Record<string, unknown>> | undefined;

/**
 * Where a record's facts come from. Without a source_dataset (source_record) column, the file and the record's
 * id; with the column, what its cell says (an empty one: none), so that an exported record without a dataset
 * (a registration, a proposed tie) imports back as it was.
 */
function facts(
  p: OrganisationRecord['provenance'],
  dataset: string,
  record: string,
  columns: Columns,
): SourceFacts {
  const has = (column: string) => columns !== undefined && column in columns;
  return {
    sourceDataset: has('source_dataset') ? p.sourceDataset : (p.sourceDataset ?? dataset),
    sourceRecord: has('source_record') ? p.sourceRecord : (p.sourceRecord ?? record),
    sourceUrl: p.sourceUrl,
    licence: p.licence ?? null,
    recordedBy: p.recordedBy,
    recordedAt: p.recordedAt,
  };
}

/** The licence is kept as stored when the file has no licence column (an older file, a hand-made one). */
function keptLicence(p: OrganisationRecord['provenance']): KeptFact[] {
  return p.licence === undefined ? ['licence'] : [];
}

function coordinates(places: readonly PlaceRecord[]) {
  const key = (c: string, r: string | null, ci: string | null) =>
    [c, r ?? '', ci ?? ''].join('\u0000').toLowerCase();
  const byKey = new Map(places.map((p) => [key(p.country, p.region, p.city), p]));
  return (o: OrganisationRecord): { own?: PlaceRecord; above: PlacesAbove } => {
    if (o.country === null) return { above: {} };
    const at = (region: string | null, city: string | null) => {
      const place = byKey.get(key(o.country!, region, city));
      return place && { latitude: place.latitude, longitude: place.longitude };
    };
    return {
      own: byKey.get(key(o.country, o.region, o.city)),
      // The rows of the country and the region above it (a place's own row is `own`).
      above: {
        ...(o.region !== null || o.city !== null ? { country: at(null, null) } : {}),
        ...(o.region !== null && o.city !== null ? { region: at(o.region, null) } : {}),
      },
    };
  };
}

function organisation(
  o: OrganisationRecord,
  dataset: string,
  { own: place, above }: { own?: PlaceRecord; above: PlacesAbove },
  columns: Columns,
): IncomingOrganisation {
  const keep: KeptFact[] = keptLicence(o.provenance);
  if (o.sectorRule === undefined) keep.push('sectorRule');
  if (o.closedOn === undefined) keep.push('closedOn');
  const websites = [...new Set([...(o.website === null ? [] : [o.website]), ...(o.otherWebsites ?? [])])];
  return {
    type: 'organisation',
    recordId: o.id,
    name: o.name,
    sector: o.sector,
    sectorRule: o.sectorRule ?? null,
    kind: o.kind,
    description: o.description,
    websites,
    country: o.country,
    region: o.region,
    city: o.city,
    latitude: place?.latitude ?? null,
    longitude: place?.longitude ?? null,
    placesAbove: above,
    themes: o.themes,
    identifiers: o.identifiers,
    status: o.status,
    closedOn: o.closedOn ?? null,
    provenance: facts(o.provenance, dataset, o.id, columns),
    keep,
    aliases: o.aliases ?? [],
  };
}

function relationship(r: RelationshipRecord, dataset: string, columns: Columns): IncomingRelationship {
  return {
    type: 'relationship',
    id: r.id,
    kind: r.kind,
    source: r.source,
    target: r.target,
    since: r.since,
    until: r.until,
    amount: r.amount,
    currency: r.currency,
    trust: r.trust,
    description: r.description,
    extra: {},
    provenance: facts(r.provenance, dataset, r.id, columns),
    keep: keptLicence(r.provenance),
  };
}

function initiative(i: InitiativeRecord, dataset: string, columns: Columns): IncomingInitiative {
  return {
    type: 'initiative',
    id: i.id,
    name: i.name,
    stage: i.stage,
    startDate: i.startDate,
    endDate: i.endDate,
    themes: i.themes,
    description: i.description,
    website: i.website,
    extra: {},
    provenance: facts(i.provenance, dataset, i.id, columns),
    keep: keptLicence(i.provenance),
  };
}

function participation(p: ParticipationRecord, dataset: string, columns: Columns): IncomingParticipation {
  return {
    type: 'participation',
    initiative: p.initiative,
    organisation: p.organisation,
    role: p.role,
    since: p.since,
    until: p.until,
    extra: {},
    provenance: facts(p.provenance, dataset, `${p.initiative}/${p.organisation}`, columns),
    keep: keptLicence(p.provenance),
  };
}

function stageStep(s: InitiativeStageRecord, dataset: string, columns: Columns): IncomingStage {
  return {
    type: 'stage',
    initiative: s.initiative,
    stage: s.stage,
    date: s.date,
    provenance: facts(s.provenance, dataset, `${s.initiative}/${s.stage}`, columns),
  };
}

/** Problems and repairs of the atlas reader, passed on to the run (first pass only reports). */
function bridge(context: ReadContext, report: boolean) {
  return {
    problem: (p: AtlasProblem) => {
      if (report) context.problem(p);
    },
    repair: (r: AtlasRepair) => {
      if (report)
        context.repair({
          code: r.code,
          where: `${r.file}${r.line === null ? '' : `:${r.line}`}`,
          field: r.field,
          message: r.message,
        });
    },
  };
}

const where = (file: string, line: number) => `${file}:${line}`;

function atOf(l: { file: string; line: number; fields: Record<string, { column: number }> } | undefined) {
  if (!l) return undefined;
  const columns: Record<string, number> = {};
  for (const [name, position] of Object.entries(l.fields)) columns[name] = position.column;
  return { file: l.file, line: l.line, columns };
}

async function* fromRead(
  read: AtlasReadResult,
  pass: Pass,
  dataset: string,
  context: ReadContext,
  report: boolean,
  entities: readonly Entity[],
): AsyncGenerator<Located<IncomingOrganisation | IncomingLink>> {
  if (report) for (const p of read.problems) context.problem(p);
  const d = read.dataset;
  const loc = read.locations;
  if (pass === 'organisations') {
    const placeOf = coordinates(d.places);
    for (const [i, o] of d.organisations.entries()) {
      const l = loc.organisations[i];
      yield {
        record: organisation(o, dataset, placeOf(o), l?.fields),
        where: l ? where(l.file, l.line) : dataset,
      };
    }
    return;
  }
  if (entities.includes('initiatives')) {
    for (const [i, x] of d.initiatives.entries()) {
      const l = loc.initiatives[i];
      yield { record: initiative(x, dataset, l?.fields), where: l ? where(l.file, l.line) : dataset };
    }
  }
  if (entities.includes('relationships')) {
    for (const [i, r] of d.relationships.entries()) {
      const l = loc.relationships[i];
      yield {
        record: relationship(r, dataset, l?.fields),
        where: l ? where(l.file, l.line) : dataset,
        at: atOf(l),
      };
    }
  }
  if (entities.includes('participations')) {
    for (const [i, p] of d.participations.entries()) {
      const l = loc.participations[i];
      yield {
        record: participation(p, dataset, l?.fields),
        where: l ? where(l.file, l.line) : dataset,
        at: atOf(l),
      };
    }
  }
  // The reader checked the pathways already.
  for (const [i, s] of (d.initiativeStages ?? []).entries()) {
    const l = loc.initiativeStages[i];
    yield {
      record: stageStep(s, dataset, l?.fields),
      where: l ? where(l.file, l.line) : dataset,
      at: atOf(l),
    };
  }
}

/** A sink that hands every problem on at once (streamed files are never held). */
class ForwardingSink extends ProblemSink {
  constructor(
    private readonly forward: (p: AtlasProblem) => void,
    repair: (r: AtlasRepair) => void,
  ) {
    super(Number.MAX_SAFE_INTEGER, repair);
  }
  override add(problem: AtlasProblem): void {
    this.forward(problem);
  }
}

async function* streamed(
  folder: string,
  entity: 'relationships' | 'participations' | 'initiatives',
  dataset: string,
  context: ReadContext,
  stages?: Map<string, InitiativeStage>,
): AsyncGenerator<Located<IncomingLink>> {
  const file = path.join(folder, `${entity}.csv`);
  if (!fs.existsSync(file)) return;
  const b = bridge(context, true);
  const sink = new ForwardingSink(b.problem, b.repair);
  for await (const raw of csvRecordStream(entity, openText(file, context.progress), sink)) {
    if (raw.unreadable) continue;
    const reader = new FieldReader(raw, sink);
    const at = where(raw.file, raw.line);
    const position = atOf(reader.location());
    if (entity === 'relationships') {
      const r = readRelationship(reader);
      if (r) yield { record: relationship(r, dataset, position?.columns), where: at, at: position };
    } else if (entity === 'initiatives') {
      const i = readInitiative(reader);
      if (i) {
        stages?.set(i.id, i.stage);
        yield { record: initiative(i, dataset, position?.columns), where: at };
      }
    } else {
      const p = readParticipation(reader);
      if (p) yield { record: participation(p, dataset, position?.columns), where: at, at: position };
    }
  }
}

/**
 * initiative_stages.csv: a few rows per initiative, so collected whole and checked as pathways (against the
 * stages initiatives.csv gave) before any is handed on.
 */
async function* streamedStages(
  folder: string,
  dataset: string,
  context: ReadContext,
  stages: ReadonlyMap<string, InitiativeStage>,
): AsyncGenerator<Located<IncomingLink>> {
  const file = path.join(folder, 'initiative_stages.csv');
  if (!fs.existsSync(file)) return;
  const b = bridge(context, true);
  const sink = new ForwardingSink(b.problem, b.repair);
  const steps: (LocatedStep & { at: ReturnType<typeof atOf> })[] = [];
  for await (const raw of csvRecordStream('initiativeStages', openText(file, context.progress), sink)) {
    if (raw.unreadable) continue;
    const reader = new FieldReader(raw, sink);
    const step = readInitiativeStage(reader);
    const l = reader.location();
    if (step) {
      steps.push({
        step,
        file: raw.file,
        line: raw.line,
        fields: { initiative: l.fields.initiative, stage: l.fields.stage, date: l.fields.date },
        at: atOf(l),
      });
    }
  }
  for (const problem of checkStageHistories(steps, (id) => stages.get(id))) sink.add(problem);
  for (const s of steps)
    yield { record: stageStep(s.step, dataset, s.at?.columns), where: where(s.file, s.line), at: s.at };
}

/** places.csv: small, read whole (its coordinates go to the organisations located there). */
async function places(folder: string, context: ReadContext): Promise<PlaceRecord[]> {
  const file = path.join(folder, 'places.csv');
  if (!fs.existsSync(file)) return [];
  const b = bridge(context, true);
  const sink = new ForwardingSink(b.problem, b.repair);
  const result: PlaceRecord[] = [];
  for await (const raw of csvRecordStream('places', openText(file, context.progress), sink)) {
    if (raw.unreadable) continue;
    const place = readPlace(new FieldReader(raw, sink));
    if (place) result.push(place);
  }
  return result;
}

/**
 * organisations.csv row by row. A row with problems still yields its id (referenceOnly), so references to it
 * are not reported as dangling: its own problem is the one to fix.
 */
async function* streamedOrganisations(
  folder: string,
  dataset: string,
  context: ReadContext,
): AsyncGenerator<Located<IncomingOrganisation>> {
  const placeOf = coordinates(await places(folder, context));
  const b = bridge(context, true);
  const sink = new ForwardingSink(b.problem, b.repair);
  const file = path.join(folder, 'organisations.csv');
  for await (const raw of csvRecordStream('organisations', openText(file, context.progress), sink)) {
    const reader = new FieldReader(raw, sink);
    const at = atOf(reader.location());
    const o = raw.unreadable ? null : readOrganisation(reader);
    if (o) {
      yield {
        record: organisation(o, dataset, placeOf(o), at?.columns),
        where: where(raw.file, raw.line),
        at,
      };
      continue;
    }
    const id = reader.peek('id');
    if (id !== null && !raw.unreadable) {
      yield {
        record: { ...organisation(placeholder(id), dataset, { above: {} }, undefined), referenceOnly: true },
        where: where(raw.file, raw.line),
        at,
      };
    }
  }
}

/** A stand-in for a record left out for its problems: only its id is used. */
function placeholder(id: string): OrganisationRecord {
  return {
    id,
    name: id,
    sector: 'NGO',
    kind: null,
    description: null,
    website: null,
    country: null,
    region: null,
    city: null,
    themes: [],
    identifiers: [],
    status: 'PUBLISHED',
    provenance: {
      sourceUrl: null,
      sourceDataset: null,
      sourceRecord: null,
      recordedBy: null,
      recordedAt: null,
    },
  };
}

export const atlasImporter: OpenImporter = {
  name: FORMAT,
  description: "the project's own format: a folder of CSV files or one JSON file (see README)",
  defaultLicence: null,
  recordedBy: `import:${FORMAT}`,
  authoritative: true,
  checkPaths(paths) {
    if (paths.length !== 1) {
      return [
        problemAt('arguments', null, 'ONE_PATH', 'give one atlas folder (of CSV files) or one .json file'),
      ];
    }
    const [p = ''] = paths;
    const stat = fs.existsSync(p) ? fs.statSync(p) : null;
    if (stat === null) return [];
    if (stat.isDirectory()) {
      return fs
        .readdirSync(p)
        .filter((name) => name.toLowerCase().endsWith('.csv') && !CSV_FILE_NAMES.includes(name))
        .map((name) =>
          problemAt(
            name,
            null,
            'UNKNOWN_FILE',
            `unknown file${didYouMean(name, CSV_FILE_NAMES)}; an atlas folder holds ${CSV_FILE_NAMES.join(', ')}`,
          ),
        )
        .concat(
          fs.existsSync(path.join(p, 'organisations.csv'))
            ? []
            : [
                problemAt(
                  'organisations.csv',
                  null,
                  'MISSING_FILE',
                  'organisations.csv is missing; every atlas import needs it (it may hold just the header row)',
                ),
              ],
        );
    }
    if (!p.toLowerCase().endsWith('.json')) {
      return [
        problemAt(p, null, 'UNKNOWN_FILE', 'an atlas import is a folder of CSV files or one .json file'),
      ];
    }
    return [];
  },
  async *read(paths, pass, context) {
    const [input = ''] = paths;
    const dataset = `${FORMAT}:${path.basename(input)}`;
    const report = pass === 'organisations';
    const b = bridge(context, report);
    if (!fs.statSync(input).isDirectory()) {
      const text = fs.readFileSync(input, 'utf8');
      if (report) context.progress(Buffer.byteLength(text));
      yield* fromRead(
        parseAtlasJson(text, path.basename(input), { repair: b.repair }),
        pass,
        dataset,
        context,
        report,
        ['initiatives', 'relationships', 'participations'],
      );
      return;
    }
    if (pass === 'organisations') {
      yield* streamedOrganisations(input, dataset, context);
      return;
    }
    const stages = new Map<string, InitiativeStage>();
    yield* streamed(input, 'initiatives', dataset, context, stages);
    yield* streamedStages(input, dataset, context, stages);
    yield* streamed(input, 'relationships', dataset, context);
    yield* streamed(input, 'participations', dataset, context);
  },
};
