// Where each record of a read Dataset came from, so later checks (references to the database) can point at it.
import type { Entity } from './columns.ts';

export interface FieldPosition {
  line: number;
  column: number;
}

export interface RecordLocation {
  file: string;
  /** The line the record starts on (a CSV row with a multi-line quoted field spans several). */
  line: number;
  /** JSON: the column of the record's `{`; CSV: null (a row has no single column). */
  column: number | null;
  /** Position of each field the record has, by column name / JSON key. */
  fields: Record<string, FieldPosition>;
}

/** Parallel to the Dataset's arrays: locations.relationships[i] is where dataset.relationships[i] came from. */
export type AtlasLocations = Record<Entity, RecordLocation[]>;

export interface AtlasOrigins {
  locations: AtlasLocations;
  /**
   * Ids of organisations and initiatives whose records had problems and were left out of the dataset. References
   * to them are not dangling: the record's own problem is the one to fix.
   */
  rejectedIds: { organisations: string[]; initiatives: string[] };
}
