// One initiative_stages.csv row (or JSON initiativeStages item) to an InitiativeStageRecord; null when it
// cannot be built. Whether the steps of one initiative make a pathway is checked once all are read
// (stageHistory.ts).
import { INITIATIVE_STAGES, type InitiativeStageRecord } from '../model.ts';
import type { FieldReader } from './fieldReader.ts';
import { readProvenance } from './provenance.ts';

export function readInitiativeStage(reader: FieldReader): InitiativeStageRecord | null {
  const initiative = reader.text('initiative', { required: true });
  const stage = reader.choice('stage', INITIATIVE_STAGES, { required: true });
  const date = reader.text('date', { required: true }) === null ? null : reader.date('date');
  const provenance = readProvenance(reader);
  if (initiative === null || stage === null || date === null) return null;
  return { initiative, stage, date, provenance };
}
