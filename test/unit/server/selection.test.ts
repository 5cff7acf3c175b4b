// selectedFields: the fields a request selects below a field, across aliases, fragments and inline
// fragments (the organisations list reads the page's organisations only when it needs more than the
// snapshot holds).
import { buildSchema, execute, parse, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectedFields } from '../../../server/graphql/selection.ts';

const schema = buildSchema(`
  type Query { list: Page }
  type Page { total: Int nodes: [Item] edges: [Edge] }
  type Edge { node: Item }
  type Item { id: ID name: String detail: String }
`);

/** The info the `list` resolver receives for `document`. */
function infoFor(document: string, variables: Record<string, unknown> = {}): GraphQLResolveInfo {
  let info: GraphQLResolveInfo | undefined;
  const result = execute({
    schema,
    document: parse(document),
    variableValues: variables,
    rootValue: {
      list: (_: unknown, __: unknown, info_: GraphQLResolveInfo) => {
        info = info_;
        return null;
      },
    },
  });
  expect(result).toMatchObject({ data: { list: null } });
  return info!;
}

describe('selectedFields', () => {
  it('names the fields at a path, by field name whatever their aliases', () => {
    const info = infoFor('{ list { total nodes { id label: name } edges { node { id } } } }');
    expect([...selectedFields(info)].sort()).toEqual(['edges', 'nodes', 'total']);
    expect([...selectedFields(info, ['nodes'])].sort()).toEqual(['id', 'name']);
    expect([...selectedFields(info, ['edges', 'node'])]).toEqual(['id']);
    expect([...selectedFields(info, ['missing'])]).toEqual([]);
  });

  it('looks into fragment spreads, inline fragments and every occurrence of the field', () => {
    const info = infoFor(`
      { list { nodes { id ...More } } list { nodes { ... on Item { name } } } }
      fragment More on Item { ...Detail }
      fragment Detail on Item { detail }`);
    expect([...selectedFields(info, ['nodes'])].sort()).toEqual(['detail', 'id', 'name']);
  });

  it('counts a field under @skip or @include as selected (never fewer fields than resolved)', () => {
    const info = infoFor('query ($no: Boolean!) { list { nodes { id detail @include(if: $no) } } }', {
      no: false,
    });
    expect([...selectedFields(info, ['nodes'])].sort()).toEqual(['detail', 'id']);
  });
});
