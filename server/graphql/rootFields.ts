// The root fields an operation runs, through named and inline fragments: what the rate limits count and
// the audit log names. `mutation { ...F } fragment F on Mutation { signIn(…) }` runs signIn as surely as
// `mutation { signIn(…) }`. Read from the AST alone (no schema objects, so no instanceof checks that a
// second copy of graphql under a test runner would fail; see limits.ts).
import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

export interface RootField {
  /** The key in the response (the alias, or the field's name). */
  responseKey: string;
  /** The schema field, e.g. `signIn`. */
  name: string;
}

/**
 * Every root field of `operation`, once per response key (as graphql's collectFields merges them), in
 * document order; `__typename` and the like are left out. Fragments are followed once each.
 */
export function rootFields(operation: OperationDefinitionNode, document?: DocumentNode): RootField[] {
  const fragments = new Map<string, SelectionSetNode>();
  for (const d of document?.definitions ?? [])
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet);
  const found = new Map<string, RootField>();
  const visited = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        const name = s.name.value;
        const responseKey = s.alias?.value ?? name;
        if (!name.startsWith('__') && !found.has(responseKey)) found.set(responseKey, { responseKey, name });
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        walk(s.selectionSet);
      } else if (!visited.has(s.name.value)) {
        visited.add(s.name.value);
        const fragment = fragments.get(s.name.value);
        if (fragment) walk(fragment);
      }
    }
  };
  walk(operation.selectionSet);
  return [...found.values()];
}
