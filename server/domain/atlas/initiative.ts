// One initiatives.csv row (or JSON initiative) to an InitiativeRecord; null when it cannot be built.
import { INITIATIVE_STAGES, type InitiativeRecord } from '../model.ts';
import { checkDateOrder } from './dateOrder.ts';
import type { FieldReader } from './fieldReader.ts';
import { readProvenance } from './provenance.ts';

export function readInitiative(reader: FieldReader): InitiativeRecord | null {
  const id = reader.text('id', { required: true });
  const name = reader.text('name', { required: true });
  const stage = reader.choice('stage', INITIATIVE_STAGES, { required: true });
  const startDate = reader.date('start_date');
  const endDate = reader.date('end_date');
  checkDateOrder(reader, 'start_date', startDate, 'end_date', endDate);
  const themes = reader.list('themes');
  const description = reader.text('description');
  const website = reader.url('website');
  const provenance = readProvenance(reader);
  if (id === null || name === null || stage === null) return null;
  return { id, name, stage, startDate, endDate, themes, description, website, provenance };
}
