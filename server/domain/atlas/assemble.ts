// Builds the Dataset from raw records of every file: typed records, their locations, and DUPLICATE_ID checks.
import { emptyDataset, type Dataset, type RelationshipRecord } from '../model.ts';
import { FieldReader } from './fieldReader.ts';
import { readInitiative } from './initiative.ts';
import { readInitiativeStage } from './initiativeStage.ts';
import type { AtlasOrigins, RecordLocation } from './locations.ts';
import { readOrganisation } from './organisation.ts';
import { readParticipation } from './participation.ts';
import { readPlace } from './place.ts';
import type { ProblemSink } from './problemSink.ts';
import type { RawRecord, RawRecords } from './rawRecord.ts';
import { readRelationship } from './relationship.ts';
import { checkStageHistories } from './stageHistory.ts';

/** How records of one kind are told apart, for DUPLICATE_ID. */
interface Identity<T> {
  /** null: records of this kind are not checked here. */
  key(record: T): string | null;
  /**
   * The key of a record left out for other problems, when its id tells it: a repeat of it is then still found
   * now, rather than after the user has fixed the first problem.
   */
  rejectedKey(reader: FieldReader): string | null;
  /** The field a duplicate is reported on. */
  field: string;
  /** The message, given where the first occurrence is ("line 3"). */
  message(first: string, reader: FieldReader, record: T | null): string;
}

interface Collected<T> {
  records: T[];
  locations: RecordLocation[];
  /** Ids of records left out because of problems. */
  rejectedIds: string[];
}

function collect<T>(
  raws: readonly RawRecord[],
  sink: ProblemSink,
  build: (reader: FieldReader) => T | null,
  identity: Identity<T>,
): Collected<T> {
  const result: Collected<T> = { records: [], locations: [], rejectedIds: [] };
  const firstSeen = new Map<string, RecordLocation>();
  for (const raw of raws) {
    const reader = new FieldReader(raw, sink);
    const record = raw.unreadable ? null : build(reader);
    if (record === null) {
      const id = reader.peek('id');
      if (id !== null) result.rejectedIds.push(id);
    }
    // An unreadable row's cells may be shifted, so its id is not trusted for duplicates.
    const key = record !== null ? identity.key(record) : raw.unreadable ? null : identity.rejectedKey(reader);
    const location = reader.location();
    const first = key === null ? undefined : firstSeen.get(key);
    if (first) {
      const where = first.file === raw.file ? `line ${first.line}` : `line ${first.line} of ${first.file}`;
      reader.report(identity.field, 'DUPLICATE_ID', identity.message(where, reader, record));
      continue;
    }
    if (key !== null) firstSeen.set(key, location);
    if (record !== null) {
      result.records.push(record);
      result.locations.push(location);
    }
  }
  return result;
}

const SEPARATOR = '\u0000';

function byId<T extends { id: string }>(noun: string): Identity<T> {
  return {
    key: (record) => record.id,
    rejectedKey: (reader) => reader.peek('id'),
    field: 'id',
    message: (first, reader) =>
      `${noun} id "${reader.peek('id')}" is already used on ${first}; ids must be unique`,
  };
}

const RELATIONSHIP_IDENTITY: Identity<RelationshipRecord> = {
  ...byId('relationship'),
  message: (first, reader, r) =>
    reader.peek('id') === null && r !== null
      ? `the same relationship ${r.source} → ${r.target} (${r.kind}${r.since === null ? '' : ` since ${r.since}`}) ` +
        `is already on ${first}; remove the repeat, or give both an id if they are different relationships`
      : `relationship id "${reader.peek('id')}" is already used on ${first}; ids must be unique`,
};

export function assemble(raws: RawRecords, sink: ProblemSink): AtlasOrigins & { dataset: Dataset } {
  const organisations = collect(raws.organisations, sink, readOrganisation, byId('organisation'));
  const initiatives = collect(raws.initiatives, sink, readInitiative, byId('initiative'));
  const relationships = collect(raws.relationships, sink, readRelationship, RELATIONSHIP_IDENTITY);
  const participations = collect(raws.participations, sink, readParticipation, {
    key: (p) => [p.initiative, p.organisation].join(SEPARATOR),
    rejectedKey: () => null,
    field: 'organisation',
    message: (first, reader) =>
      `"${reader.peek('organisation')}" already participates in "${reader.peek('initiative')}" on ${first}; ` +
      'write one row per initiative and organisation',
  });
  const places = collect(raws.places, sink, readPlace, {
    key: (p) => [p.country, p.region ?? '', p.city ?? ''].join(SEPARATOR),
    rejectedKey: () => null,
    field: 'country',
    message: (first, reader) =>
      `place ${['country', 'region', 'city'].flatMap((field) => reader.peek(field) ?? []).join(' / ')} already ` +
      `has coordinates on ${first}; remove the repeat`,
  });
  // Repeats of a stage are found by the pathway check, which also names the first one.
  const initiativeStages = collect(raws.initiativeStages, sink, readInitiativeStage, {
    key: () => null,
    rejectedKey: () => null,
    field: 'stage',
    message: () => '',
  });
  const stageOf = new Map(initiatives.records.map((i) => [i.id, i.stage]));
  const stepProblems = checkStageHistories(
    initiativeStages.records.map((step, k) => {
      const l = initiativeStages.locations[k]!;
      return {
        step,
        file: l.file,
        line: l.line,
        fields: { initiative: l.fields.initiative, stage: l.fields.stage, date: l.fields.date },
      };
    }),
    (id) => stageOf.get(id),
  );
  for (const problem of stepProblems) sink.add(problem);
  const dataset = emptyDataset();
  dataset.organisations = organisations.records;
  dataset.relationships = relationships.records;
  dataset.initiatives = initiatives.records;
  dataset.participations = participations.records;
  dataset.places = places.records;
  dataset.initiativeStages = initiativeStages.records;
  return {
    dataset,
    locations: {
      organisations: organisations.locations,
      relationships: relationships.locations,
      initiatives: initiatives.locations,
      participations: participations.locations,
      places: places.locations,
      initiativeStages: initiativeStages.locations,
    },
    rejectedIds: { organisations: organisations.rejectedIds, initiatives: initiatives.rejectedIds },
  };
}
