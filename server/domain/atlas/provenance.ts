// The provenance columns shared by organisations, relationships, initiatives and participations.
import type { Provenance } from '../model.ts';
import type { FieldReader } from './fieldReader.ts';

export function readProvenance(reader: FieldReader): Provenance {
  return {
    sourceUrl: reader.url('source_url'),
    sourceDataset: reader.text('source_dataset'),
    sourceRecord: reader.text('source_record'),
    recordedBy: reader.text('recorded_by'),
    recordedAt: reader.dateTime('recorded_at'),
    // Only when the file has the column: without it a stored licence stays as it is.
    ...(reader.has('licence') ? { licence: reader.text('licence') } : {}),
  };
}
