// What a request selects below the field being resolved, so a resolver can read only what is asked for
// (e.g. a list page answered from the network snapshot when only the fields the snapshot holds are selected).
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The names of the fields selected at `path` below the field being resolved (e.g. `['edges', 'node']`),
 * across aliases, fragments and inline fragments. Conservative: a field under @skip or @include counts as
 * selected, so the answer may name more fields than will be resolved, never fewer.
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[] = []): Set<string> {
  let sets: SelectionSetNode[] = info.fieldNodes.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
  for (const name of path) {
    const next: SelectionSetNode[] = [];
    for (const set of sets)
      visit(info, set, (field) => {
        if (field.name.value === name && field.selectionSet) next.push(field.selectionSet);
      });
    sets = next;
  }
  const names = new Set<string>();
  for (const set of sets) visit(info, set, (field) => names.add(field.name.value));
  return names;
}

function visit(
  info: GraphQLResolveInfo,
  set: SelectionSetNode,
  onField: (field: FieldNode) => void,
  seen: Set<string> = new Set(),
): void {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) onField(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) visit(info, selection.selectionSet, onField, seen);
    else {
      const name = selection.name.value;
      const fragment = info.fragments[name];
      if (fragment && !seen.has(name)) {
        seen.add(name);
        visit(info, fragment.selectionSet, onField, seen);
      }
    }
  }
}
