// Validation rules of our own, run with GraphQL's: errors that name the argument at fault.
import { GraphQLError, Kind, print, type ASTVisitor, type ValidationContext, type ValueNode } from 'graphql';
import { dateProblem } from './scalars.ts';

/**
 * Every Date written in the document must be a real calendar day. Reported as BAD_USER_INPUT with a
 * problem naming the argument (and the input field, e.g. `filter.activeOn`); formatError keeps that code.
 */
export function dateLiteralsRule(context: ValidationContext): ASTVisitor {
  const path: string[] = [];
  const check = (node: ValueNode) => {
    // Unwrapped by hand: graphql's getNamedType checks classes with instanceof, which fails when a test
    // runner loads a second copy of graphql.
    let type: unknown = context.getInputType();
    while (type && typeof type === 'object' && 'ofType' in type) type = (type as { ofType: unknown }).ofType;
    if (!type || (type as { name?: string }).name !== 'Date') return;
    if (node.kind === Kind.LIST || node.kind === Kind.VARIABLE || node.kind === Kind.NULL) return;
    const value = node.kind === Kind.STRING ? node.value : print(node);
    const problem = dateProblem(value);
    if (problem === null) return;
    const field = path.join('.');
    context.reportError(
      new GraphQLError(`${field}: ${problem}`, {
        nodes: [node],
        extensions: {
          code: 'BAD_USER_INPUT',
          problems: [
            { file: 'arguments', line: null, column: null, field, code: 'BAD_DATE', message: problem },
          ],
        },
      }),
    );
  };
  return {
    Argument: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
    ObjectField: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
    StringValue: check,
    IntValue: check,
    FloatValue: check,
    BooleanValue: check,
    EnumValue: check,
  };
}
