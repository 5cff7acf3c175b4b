// Every type, field, argument, input field and enum value of the API has a description: the schema is
// the researchers' documentation (the query editor shows it).
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { typeDefs } from '../../../server/graphql/schema.ts';

const graphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');
const schema = graphql.buildSchema(typeDefs);

function undescribed(): string[] {
  const missing: string[] = [];
  const need = (what: string, description: string | null | undefined) => {
    if (!description || description.trim() === '') missing.push(what);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || graphql.isSpecifiedScalarType(type)) continue;
    need(`type ${type.name}`, type.description);
    if (graphql.isObjectType(type) || graphql.isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        need(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args) need(`${type.name}.${field.name}(${arg.name})`, arg.description);
      }
    }
    if (graphql.isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        need(`${type.name}.${field.name}`, field.description);
    }
    if (graphql.isEnumType(type)) {
      for (const value of type.getValues()) need(`${type.name}.${value.name}`, value.description);
    }
  }
  return missing;
}

describe('the schema documents itself', () => {
  it('has a description on every type, field, argument, input field and enum value', () => {
    expect(undescribed()).toEqual([]);
  });
});
