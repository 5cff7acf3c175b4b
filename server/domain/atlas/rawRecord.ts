// A record as read from a CSV row or a JSON object, before validation: each field's raw value and where it is.
import type { Entity } from './columns.ts';

export interface Position {
  line: number;
  /** null for a CSV row as a whole (a problem about the record, not one of its cells). */
  column: number | null;
}

export interface RawField {
  /** CSV: the cell text, untrimmed. JSON: the value as parsed (string, number, array, object, boolean or null). */
  value: unknown;
  line: number;
  column: number;
  /** JSON arrays: each item with its own position. */
  items?: RawField[];
}

export interface RawRecord {
  entity: Entity;
  file: string;
  line: number;
  column: number | null;
  /** Only the known, first-seen columns or keys; unknown and duplicate ones were reported when reading. */
  fields: ReadonlyMap<string, RawField>;
  /**
   * Whether a required field that is absent is reported on this record. JSON leaves optional keys out, so an
   * absent required key is the record's problem; in CSV it is a missing column, reported once on the header.
   */
  reportAbsentRequired: boolean;
  /** The row could not be split into fields reliably (already reported); only its id is used. */
  unreadable: boolean;
}

/** Raw records of every kind, whichever file (or JSON list) they came from. */
export type RawRecords = Record<Entity, RawRecord[]>;

export function emptyRawRecords(): RawRecords {
  return {
    organisations: [],
    relationships: [],
    initiatives: [],
    participations: [],
    places: [],
    initiativeStages: [],
  };
}
