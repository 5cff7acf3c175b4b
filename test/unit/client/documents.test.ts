// The client's GraphQL documents are valid against the schema the server implements: a broken query or
// example fails here (and in the codegen step), not in a user's browser.
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate, Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { REVIEW_PAGE } from '../../../client/account/reviewQueuePage.ts';
import { typeDefs } from '../../../server/graphql/schema.ts';
import { documentCost, LIMITS } from '../../../server/graphql/limits.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const schema = buildSchema(typeDefs);
const dir = path.join(ROOT, 'client/api/operations');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.graphql'));
// All files form one document: fragments may be shared between them.
const document = parse(files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n'));
const operations = document.definitions.flatMap((d) =>
  d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : [],
);

describe('client/editor/examples.graphql', () => {
  it('validates against the schema', () => {
    const examples = parse(fs.readFileSync(path.join(ROOT, 'client/editor/examples.graphql'), 'utf8'));
    expect(validate(schema, examples).map((e) => e.message)).toEqual([]);
  });
});

describe('client/api/operations', () => {
  it('has operations', () => {
    expect(operations.length).toBeGreaterThan(3);
  });

  it('validates against the schema in server/graphql/schema', () => {
    expect(validate(schema, document).map((e) => e.message)).toEqual([]);
  });

  it.each(operations)('%s passes the cost limit with its default page sizes', (name) => {
    const only = {
      ...document,
      definitions: document.definitions.filter(
        (d) => d.kind !== Kind.OPERATION_DEFINITION || d.name?.value === name,
      ),
    };
    expect(documentCost(schema, only)).toBeLessThanOrEqual(LIMITS.cost);
  });

  it.each(operations)('%s is used by the client', (name) => {
    const queries = fs.readFileSync(path.join(ROOT, 'client/api/queries.ts'), 'utf8');
    expect(queries).toContain(`${name}Document`);
  });
});

describe('the review queue', () => {
  it('asks for a page of items, each with its organisations whole, within the cost limit', () => {
    const queue = parse(
      fs.readFileSync(path.join(dir, 'accounts.graphql'), 'utf8') +
        '\n' +
        fs.readFileSync(path.join(dir, 'explorer.graphql'), 'utf8'),
    );
    const only = {
      ...queue,
      definitions: queue.definitions.filter(
        (d) => d.kind !== Kind.OPERATION_DEFINITION || d.name?.value === 'ReviewQueueItems',
      ),
    };
    const cost = documentCost(schema, only, { first: REVIEW_PAGE });
    expect(cost).toBeLessThanOrEqual(LIMITS.cost);
  });
});
