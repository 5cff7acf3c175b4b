// The API's limits, each refused before anything runs with a 400 and a message that names the limit and
// says how to stay within it (code LIMIT_EXCEEDED, extensions.limit = { name, max, found }):
// - cost: the whole request counts (aliases, fragments and nested lists included). A field costs 1, a
//   list costs its size times what each item selects; the size of a list is the `first` or `limit` it
//   is given (or that argument's default), inherited by the `nodes`/`edges` of a connection; a list
//   without either counts DEFAULT_LIST_SIZE items, or its known bound (BOUNDED_LISTS) when smaller.
// - depth: 10 levels of fields; introspection may go 16 deep (enough for the standard introspection
//   query, not for a query nesting `ofType` without end).
// - tokens: at most 2,500 lexical tokens per document: the parser stops there (Apollo's parseOptions),
//   and formatError says so as this limit.
// Aliases (15) and directives (50) are limited by graphql-armor (server/http/app.ts), which reports them
// through armorRejection as the limits above (armor's own error is a "Syntax Error" without a code).
import {
  GraphQLError,
  type DocumentNode,
  type GraphQLSchema,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';
import { RELATIONSHIP_KINDS, TRUST_STATES } from '../domain/model.ts';

// graphql's type predicates (isListType, getNamedType, valueFromAST…) check classes with instanceof,
// which fails when a test runner loads a second copy of graphql; types are read by their shape here.

export const LIMITS = {
  cost: 30_000,
  depth: 10,
  introspectionDepth: 16,
  tokens: 2_500,
  aliases: 15,
  directives: 50,
} as const;
/** The items a list without `first` or `limit` is assumed to hold. */
export const DEFAULT_LIST_SIZE = 10;
/**
 * Lists without `first` whose length the data model bounds (by `Type.field`): a stage history holds each
 * stage at most once, so never more than the five stages; relationship counts hold one entry per kind and
 * per trust state.
 */
export const BOUNDED_LISTS: Readonly<Record<string, number>> = {
  'Initiative.stageHistory': 5,
  'Pathway.stages': 5,
  'RelationshipCounts.byKind': RELATIONSHIP_KINDS.length,
  'RelationshipCounts.byTrust': TRUST_STATES.length,
};

export function limitError(
  name: string,
  max: number,
  found: number,
  advice: string,
  node?: FieldNode,
): GraphQLError {
  return new GraphQLError(
    `${name} limit exceeded: ${found.toLocaleString('en-GB')} where at most ${max.toLocaleString('en-GB')} is allowed. ${advice}`,
    {
      ...(node ? { nodes: [node] } : {}),
      extensions: { code: 'LIMIT_EXCEEDED', limit: { name, max, found }, http: { status: 400 } },
    },
  );
}

/** How to stay within graphql-armor's limits, by limit name. */
const ARMOR_ADVICE = {
  Alias:
    'Use fewer aliases per operation: ask for several organisations at once with a list field (e.g. neighbourhood(ids:) or organisations(filter:)), or send several requests.',
  Directive:
    'Use fewer directives (@include, @skip) per operation: split the operation or drop the directives.',
} as const;

/**
 * A graphql-armor onReject callback (with propagateOnRejection off) that reports the rejection as our
 * LIMIT_EXCEEDED error, with the numbers from armor's message ("Aliases limit of 15 exceeded, found 16.").
 */
export function armorRejection(
  name: keyof typeof ARMOR_ADVICE,
  max: number,
): (context: ValidationContext | null, error: GraphQLError) => void {
  return (context, error) => {
    const found = /found (\d+)/.exec(error.message);
    context?.reportError(limitError(name, max, found ? Number(found[1]) : max + 1, ARMOR_ADVICE[name]));
  };
}

function unwrap(type: GraphQLOutputType): { list: boolean; named: GraphQLNamedType } {
  let t: unknown = type;
  let list = false;
  while (t && typeof t === 'object' && 'ofType' in t) {
    if (Object.prototype.toString.call(t) === '[object GraphQLList]') list = true;
    t = (t as { ofType: unknown }).ofType;
  }
  return { list, named: t as GraphQLNamedType };
}

/** The fields of an object or interface type; null for other types. */
function outputFields(type: GraphQLNamedType): Record<string, GraphQLField<unknown, unknown>> | null {
  const tag = Object.prototype.toString.call(type);
  if (tag !== '[object GraphQLObjectType]' && tag !== '[object GraphQLInterfaceType]') return null;
  return (type as unknown as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields();
}

/** An Int argument's value: written in the document or given as a variable; undefined otherwise. */
function intValue(value: ValueNode, variables: Record<string, unknown>): unknown {
  if (value.kind === Kind.INT) return Number.parseInt(value.value, 10);
  if (value.kind === Kind.VARIABLE) return variables[value.name.value];
  return undefined;
}

/** The `first` or `limit` a field is given, its default when not given; null when it has neither. */
function sizeArgument(
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Record<string, unknown>,
): number | null {
  for (const name of ['first', 'limit']) {
    const argument = field.args.find((a) => a.name === name);
    if (!argument) continue;
    const given = node.arguments?.find((a) => a.name.value === name);
    const value = given ? intValue(given.value, variables) : argument.defaultValue;
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, value);
    // An invalid or missing value is refused by the field itself; count the default meanwhile.
    if (typeof argument.defaultValue === 'number') return argument.defaultValue;
  }
  return null;
}

/** The cost of a document with its variables, as described at the top of this file. */
export function documentCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
): number {
  return measureCost(schema, document, variables).cost;
}

interface Measured {
  cost: number;
  /** The list asking for the most items (by response path), to name it in the error. */
  largest: { path: string; size: number } | null;
}

/**
 * Costs already measured, by schema and document (Apollo hands the same parsed document to every
 * request with the same text, so a repeated query is not walked again), then by the values of the
 * variables given as `first` or `limit` (the only variables the cost reads; usually none). Bounded per
 * document, so that a client varying `first` cannot grow it without end.
 */
const measured = new WeakMap<
  GraphQLSchema,
  WeakMap<DocumentNode, { sizeVariables: string[]; byValues: Map<string, Measured> }>
>();
const MEASURED_PER_DOCUMENT = 64;

/** The variables a document passes as `first` or `limit` anywhere (fragments included). */
function sizeVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  const walk = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD)
        for (const argument of selection.arguments ?? [])
          if (
            (argument.name.value === 'first' || argument.name.value === 'limit') &&
            argument.value.kind === Kind.VARIABLE
          )
            names.add(argument.value.name.value);
      if (selection.kind !== Kind.FRAGMENT_SPREAD) walk(selection.selectionSet);
    }
  };
  for (const d of document.definitions)
    if (d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION) walk(d.selectionSet);
  return [...names];
}

/** measureCost, remembered per document and the values of its size variables. */
function cachedCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
): Measured {
  let documents = measured.get(schema);
  if (!documents) measured.set(schema, (documents = new WeakMap()));
  let entry = documents.get(document);
  if (!entry)
    documents.set(document, (entry = { sizeVariables: sizeVariables(document), byValues: new Map() }));
  // JSON keeps numbers and strings apart; a missing value and null both count the default.
  const key = JSON.stringify(entry.sizeVariables.map((name) => variables[name] ?? null));
  let result = entry.byValues.get(key);
  if (!result) {
    result = measureCost(schema, document, variables);
    if (entry.byValues.size >= MEASURED_PER_DOCUMENT) entry.byValues.clear();
    entry.byValues.set(key, result);
  }
  return result;
}

/** The cost and the list asking for the most items (by response path), to name it in the error. */
function measureCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
): Measured {
  let largest: { path: string; size: number } | null = null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  const selectionCost = (
    set: SelectionSetNode | undefined,
    parent: GraphQLNamedType,
    inherited: number | null,
    seen: Set<string>,
    path: string,
  ): number => {
    if (!set) return 0;
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        const on = schema.getType(fragment.typeCondition.name.value) ?? parent;
        total += selectionCost(
          fragment.selectionSet,
          on,
          inherited,
          new Set([...seen, fragment.name.value]),
          path,
        );
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition
          ? (schema.getType(selection.typeCondition.name.value) ?? parent)
          : parent;
        total += selectionCost(selection.selectionSet, on, inherited, seen, path);
      } else {
        total += fieldCost(selection, parent, inherited, seen, path);
      }
    }
    return total;
  };

  const fieldCost = (
    node: FieldNode,
    parent: GraphQLNamedType,
    inherited: number | null,
    seen: Set<string>,
    parentPath: string,
  ): number => {
    const path = `${parentPath}${parentPath ? '.' : ''}${node.alias?.value ?? node.name.value}`;
    const field = outputFields(parent)?.[node.name.value];
    if (!field) return 1; // __typename and the like
    const { list, named } = unwrap(field.type);
    const own = sizeArgument(field, node, variables);
    // A connection's size is inherited by its `nodes` and `edges`.
    const children = selectionCost(node.selectionSet, named, list ? null : own, seen, path);
    if (!list) return 1 + children;
    const size = own ?? inherited ?? BOUNDED_LISTS[`${parent.name}.${node.name.value}`] ?? DEFAULT_LIST_SIZE;
    if (!largest || size > largest.size) largest = { path, size };
    return 1 + size * Math.max(1, children);
  };

  let total = 0;
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const root =
      d.operation === 'query'
        ? schema.getQueryType()
        : d.operation === 'mutation'
          ? schema.getMutationType()
          : schema.getSubscriptionType();
    if (root) total += selectionCost(d.selectionSet, root, null, new Set(), '');
  }
  return { cost: total, largest };
}

/** Refuses a request whose cost is above LIMITS.cost (with its variables: run once the operation is known). */
export function checkCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
): void {
  const { cost, largest } = cachedCost(schema, document, variables ?? {});
  if (cost > LIMITS.cost) {
    const biggest = largest
      ? ` The largest list, ${largest.path}, asks for ${largest.size.toLocaleString('en-GB')} items.`
      : '';
    throw limitError(
      'Cost',
      LIMITS.cost,
      cost,
      `Ask for fewer items per list (first, limit, perNode), fewer nested lists or fewer aliases, and read long lists page by page with first/after.${biggest}`,
    );
  }
}

/** Refuses selections nested deeper than LIMITS.depth (introspection: LIMITS.introspectionDepth). */
export function depthRule(context: ValidationContext): ASTVisitor {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of context.getDocument().definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const depthOf = (
    set: SelectionSetNode | undefined,
    seen: Set<string>,
  ): { depth: number; introspection: boolean } => {
    if (!set) return { depth: 0, introspection: false };
    let depth = 0;
    let introspection = false;
    for (const s of set.selections) {
      let inner: { depth: number; introspection: boolean };
      if (s.kind === Kind.FIELD) {
        const below = depthOf(s.selectionSet, seen);
        inner = {
          depth: 1 + below.depth,
          introspection: below.introspection || s.name.value.startsWith('__'),
        };
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        inner = depthOf(s.selectionSet, seen);
      } else {
        const fragment = fragments.get(s.name.value);
        inner =
          fragment && !seen.has(s.name.value)
            ? depthOf(fragment.selectionSet, new Set([...seen, s.name.value]))
            : { depth: 0, introspection: false };
      }
      depth = Math.max(depth, inner.depth);
      introspection ||= inner.introspection;
    }
    return { depth, introspection };
  };
  return {
    OperationDefinition(node) {
      for (const selection of node.selectionSet.selections) {
        const found = depthOf({ kind: Kind.SELECTION_SET, selections: [selection] }, new Set());
        const max = found.introspection ? LIMITS.introspectionDepth : LIMITS.depth;
        if (found.depth > max) {
          context.reportError(
            limitError(
              'Depth',
              max,
              found.depth,
              'Nest fewer levels: ask for the deeper part in a second query, starting from the ids the first one returns.',
            ),
          );
          return;
        }
      }
    },
  };
}
