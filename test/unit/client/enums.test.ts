// The client's enum lists must match the GraphQL schema the server implements, so new values can't go unstyled.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RELATIONSHIP_KINDS, SECTORS, TRUST_STATES } from '../../../client/api/types.ts';

const schema = readFileSync(new URL('../../../server/graphql/schema.graphql', import.meta.url), 'utf8');

/** The values of `enum <name> { ... }`, ignoring descriptions ("..." and """...""") and comments. */
function enumValues(name: string): string[] {
  const body = new RegExp(`enum\\s+${name}\\s*\\{([^}]*)\\}`).exec(schema)?.[1];
  if (body === undefined) throw new Error(`enum ${name} not found in schema.graphql`);
  return body
    .replace(/"""[\s\S]*?"""/g, '')
    .replace(/"[^"\n]*"/g, '')
    .replace(/#.*$/gm, '')
    .split(/\s+/)
    .filter((token) => /^[A-Z_][A-Z0-9_]*$/.test(token));
}

describe('client enums follow schema.graphql', () => {
  it.each([
    ['Sector', SECTORS],
    ['RelationshipKind', RELATIONSHIP_KINDS],
    ['TrustState', TRUST_STATES],
  ])('%s', (name, values) => {
    expect([...values]).toEqual(enumValues(name));
  });
});
