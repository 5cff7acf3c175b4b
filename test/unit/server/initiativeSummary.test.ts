// initiative(id) answered from the network snapshot carries only an InitiativeSummary (id, name, stage):
// every other field of Initiative must have a resolver that reads what it needs, or it would silently
// answer null for such an initiative. A field added to the schema later fails here until it does.
import { buildSchema, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { INITIATIVE_SUMMARY_FIELDS } from '../../../server/domain/organisations.ts';
import { typeDefs } from '../../../server/graphql/schema.ts';
import { resolvers } from '../../../server/graphql/resolvers/index.ts';

describe('Initiative fields for a summary from the snapshot', () => {
  it('each field is held by the summary or has a resolver', () => {
    const type = buildSchema(typeDefs).getType('Initiative');
    expect(type && isObjectType(type)).toBe(true);
    const resolved = new Set(Object.keys((resolvers as Record<string, object>).Initiative ?? {}));
    const held = new Set<string>(INITIATIVE_SUMMARY_FIELDS);
    const fields = Object.keys(isObjectType(type) ? type.getFields() : {});
    expect(fields.length).toBeGreaterThan(8);
    expect(fields.filter((f) => !held.has(f) && !resolved.has(f))).toEqual([]);
  });
});
