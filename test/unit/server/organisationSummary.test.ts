// An organisation page answered from the network snapshot carries only an OrganisationSummary (id, name,
// sector, status): every other field of Organisation must have a resolver that reads what it needs, or it
// would silently answer null for such a page. A field added to the schema later fails here until it does.
import { buildSchema, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { typeDefs } from '../../../server/graphql/schema.ts';
import { resolvers } from '../../../server/graphql/resolvers/index.ts';
import { SUMMARY_ANSWERS } from '../../../server/graphql/resolvers/organisations.ts';

describe('Organisation fields for a summary from the snapshot', () => {
  it('each field is held by the summary or has a resolver', () => {
    const type = buildSchema(typeDefs).getType('Organisation');
    expect(type && isObjectType(type)).toBe(true);
    const resolved = new Set(Object.keys((resolvers as Record<string, object>).Organisation ?? {}));
    const fields = Object.keys(isObjectType(type) ? type.getFields() : {});
    expect(fields.length).toBeGreaterThan(10);
    const unanswered = fields.filter((f) => !SUMMARY_ANSWERS.has(f) && !resolved.has(f));
    expect(unanswered).toEqual([]);
  });
});
