// One relationships.csv row (or JSON relationship) to a RelationshipRecord; null when it cannot be built.
import { RELATIONSHIP_KINDS, TRUST_STATES, type RelationshipRecord } from '../model.ts';
import { checkDateOrder } from './dateOrder.ts';
import type { FieldReader } from './fieldReader.ts';
import { readProvenance } from './provenance.ts';
import { deriveRelationshipId } from './relationshipId.ts';

export function readRelationship(reader: FieldReader): RelationshipRecord | null {
  const id = reader.text('id');
  const source = reader.text('source', { required: true });
  const target = reader.text('target', { required: true });
  const kind = reader.choice('kind', RELATIONSHIP_KINDS, { required: true });
  const since = reader.date('since');
  const until = reader.date('until');
  checkDateOrder(reader, 'since', since, 'until', until);
  const amount = reader.number('amount', { min: 0 });
  const currency = reader.currency('currency');
  if (amount !== null && reader.peek('currency') === null) {
    reader.report(
      'currency',
      'BAD_CURRENCY',
      'currency is required when amount is given; write an ISO 4217 code, e.g. GBP',
    );
  }
  const trust = reader.choice('trust', TRUST_STATES) ?? 'IMPORTED';
  const description = reader.text('description');
  const provenance = readProvenance(reader);
  if (source !== null && source === target) {
    reader.report(
      'target',
      'SELF_RELATIONSHIP',
      `source and target are both "${source}"; a relationship links two different organisations`,
    );
    return null;
  }
  if (source === null || target === null || kind === null) return null;
  return {
    id: id ?? deriveRelationshipId(source, target, kind, since),
    source,
    target,
    kind,
    since,
    until,
    amount,
    currency,
    trust,
    description,
    provenance,
  };
}
