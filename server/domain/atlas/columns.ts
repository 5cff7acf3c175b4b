// The atlas files and their columns (the same names are the JSON keys); the single source for reader and writer.

export const ENTITIES = [
  'organisations',
  'relationships',
  'initiatives',
  'participations',
  'places',
  'initiativeStages',
] as const;
export type Entity = (typeof ENTITIES)[number];

export interface ColumnSpec {
  name: string;
  /** The column must be in the CSV header (its cells may still be empty unless the record needs a value). */
  required: boolean;
}

export interface FileSpec {
  entity: Entity;
  file: string;
  /** What one record is called in messages. */
  noun: string;
  /** In the order the writer puts them. */
  columns: readonly ColumnSpec[];
}

const PROVENANCE = ['source_url', 'source_dataset', 'source_record', 'recorded_by', 'recorded_at'] as const;
/**
 * Optional columns an import reads only when the file has them: a column absent from a file leaves the
 * stored value as it is (files written before these columns existed import as before).
 */
const LICENCE = 'licence';
const ORGANISATION_FACTS = ['other_websites', 'sector_rule', 'closed_on', 'aliases'] as const;

function columns(names: readonly string[], optional: readonly string[]): ColumnSpec[] {
  return names.map((name) => ({ name, required: !optional.includes(name) }));
}

export const FILE_SPECS: Readonly<Record<Entity, FileSpec>> = {
  organisations: {
    entity: 'organisations',
    file: 'organisations.csv',
    noun: 'organisation',
    columns: columns(
      [
        'id',
        'name',
        'sector',
        'kind',
        'description',
        'website',
        'country',
        'region',
        'city',
        'themes',
        'identifiers',
        'status',
        ...ORGANISATION_FACTS,
        ...PROVENANCE,
        LICENCE,
      ],
      ['status', ...ORGANISATION_FACTS, ...PROVENANCE, LICENCE],
    ),
  },
  relationships: {
    entity: 'relationships',
    file: 'relationships.csv',
    noun: 'relationship',
    // source_url is a required column here (FORMAT.md), the other provenance columns are optional.
    columns: columns(
      [
        'id',
        'source',
        'target',
        'kind',
        'since',
        'until',
        'amount',
        'currency',
        'trust',
        'description',
        ...PROVENANCE,
        LICENCE,
      ],
      ['id', 'source_dataset', 'source_record', 'recorded_by', 'recorded_at', LICENCE],
    ),
  },
  initiatives: {
    entity: 'initiatives',
    file: 'initiatives.csv',
    noun: 'initiative',
    columns: columns(
      [
        'id',
        'name',
        'stage',
        'start_date',
        'end_date',
        'themes',
        'description',
        'website',
        ...PROVENANCE,
        LICENCE,
      ],
      ['website', ...PROVENANCE, LICENCE],
    ),
  },
  participations: {
    entity: 'participations',
    file: 'participations.csv',
    noun: 'participation',
    columns: columns(
      ['initiative', 'organisation', 'role', 'since', 'until', ...PROVENANCE, LICENCE],
      ['since', 'until', ...PROVENANCE, LICENCE],
    ),
  },
  places: {
    entity: 'places',
    file: 'places.csv',
    noun: 'place',
    columns: columns(['country', 'region', 'city', 'latitude', 'longitude'], []),
  },
  initiativeStages: {
    entity: 'initiativeStages',
    file: 'initiative_stages.csv',
    noun: 'initiative stage',
    columns: columns(['initiative', 'stage', 'date', ...PROVENANCE], [...PROVENANCE]),
  },
};

export const CSV_FILE_NAMES: readonly string[] = ENTITIES.map((entity) => FILE_SPECS[entity].file);

export function columnNames(entity: Entity): string[] {
  return FILE_SPECS[entity].columns.map((column) => column.name);
}

export function requiredColumnNames(entity: Entity): string[] {
  return FILE_SPECS[entity].columns.filter((column) => column.required).map((column) => column.name);
}
