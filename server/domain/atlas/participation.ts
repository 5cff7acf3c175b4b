// One participations.csv row (or JSON participation) to a ParticipationRecord; null when it cannot be built.
import { PARTICIPATION_ROLES, type ParticipationRecord } from '../model.ts';
import { checkDateOrder } from './dateOrder.ts';
import type { FieldReader } from './fieldReader.ts';
import { readProvenance } from './provenance.ts';

export function readParticipation(reader: FieldReader): ParticipationRecord | null {
  const initiative = reader.text('initiative', { required: true });
  const organisation = reader.text('organisation', { required: true });
  const role = reader.choice('role', PARTICIPATION_ROLES, { required: true });
  const since = reader.date('since');
  const until = reader.date('until');
  checkDateOrder(reader, 'since', since, 'until', until);
  const provenance = readProvenance(reader);
  if (initiative === null || organisation === null || role === null) return null;
  return { initiative, organisation, role, since, until, provenance };
}
