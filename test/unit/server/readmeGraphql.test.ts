// Every GraphQL example in the README is a valid operation of today's schema within the API's limits
// (depth, cost), and every query and mutation of the schema has at least one example, in the README or
// among the query editor's examples (client/editor/examples.graphql, which the README points to and
// test/integration/examples.test.ts runs).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { typeDefs } from '../../../server/graphql/schema.ts';
import { LIMITS, depthRule, documentCost } from '../../../server/graphql/limits.ts';
import { dateLiteralsRule } from '../../../server/graphql/validation.ts';

// The copy of graphql the server's schema helpers use under Vitest (see limits.ts).
const graphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');
const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../../README.md'), 'utf8');
const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => ({
  text: m[1]!,
  line: readme.slice(0, m.index).split('\n').length + 1,
}));
const editorExamples = fs.readFileSync(
  path.resolve(import.meta.dirname, '../../../client/editor/examples.graphql'),
  'utf8',
);
const schema = graphql.buildSchema(typeDefs);

/** The root fields an operation selects, through fragments too. */
function rootFields(document: import('graphql').DocumentNode): { type: string; field: string }[] {
  const fragments = new Map(
    document.definitions.flatMap((d) =>
      d.kind === graphql.Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [],
    ),
  );
  const found: { type: string; field: string }[] = [];
  const walk = (set: import('graphql').SelectionSetNode, type: string) => {
    for (const s of set.selections) {
      if (s.kind === graphql.Kind.FIELD) found.push({ type, field: s.name.value });
      else if (s.kind === graphql.Kind.INLINE_FRAGMENT) walk(s.selectionSet, type);
      else {
        const fragment = fragments.get(s.name.value);
        if (fragment) walk(fragment.selectionSet, type);
      }
    }
  };
  for (const d of document.definitions)
    if (d.kind === graphql.Kind.OPERATION_DEFINITION)
      walk(d.selectionSet, d.operation === 'mutation' ? 'Mutation' : 'Query');
  return found;
}

describe('README GraphQL examples', () => {
  it('has examples', () => {
    expect(blocks.length).toBeGreaterThan(10);
  });

  it.each(blocks.map((b) => [b.line, b.text] as const))(
    'the example at README line %i is valid and within the limits',
    (_, text) => {
      const document = graphql.parse(text);
      const errors = graphql.validate(schema, document, [
        ...graphql.specifiedRules,
        depthRule,
        dateLiteralsRule,
      ]);
      expect(errors.map((e) => e.message)).toEqual([]);
      expect(documentCost(schema, document)).toBeLessThanOrEqual(LIMITS.cost);
    },
  );

  it('show every query and mutation of the schema', () => {
    const shown = new Set(
      [...blocks.map((b) => b.text), editorExamples].flatMap((text) =>
        rootFields(graphql.parse(text)).map((f) => `${f.type}.${f.field}`),
      ),
    );
    const missing = [schema.getQueryType()!, schema.getMutationType()!].flatMap((type) =>
      Object.keys(type.getFields())
        .map((field) => `${type.name}.${field}`)
        .filter((name) => !shown.has(name)),
    );
    expect(missing, 'add an example of each to the README or the editor examples').toEqual([]);
  });
});
