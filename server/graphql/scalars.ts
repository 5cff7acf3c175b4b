// Custom scalars. Date: an ISO 8601 calendar date (YYYY-MM-DD, a real day). Variables are checked here;
// values written in the document are checked by dateLiteralsRule (validation.ts), which knows the
// argument's name. Either way a wrong date is a BAD_USER_INPUT error naming the argument.
import { GraphQLError, GraphQLScalarType, Kind, print } from 'graphql';
import { isCalendarDate } from '../domain/values.ts';

export function dateProblem(value: unknown): string | null {
  return typeof value === 'string' && isCalendarDate(value)
    ? null
    : `a Date is a calendar day written YYYY-MM-DD, such as 2024-03-31; got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`;
}

function checkDate(value: unknown): string {
  const problem = dateProblem(value);
  if (problem !== null) throw new GraphQLError(problem, { extensions: { code: 'BAD_USER_INPUT' } });
  return value as string;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'An ISO 8601 calendar date, YYYY-MM-DD.',
  serialize: (value) => checkDate(value),
  parseValue: (value) => checkDate(value),
  // Checked (with the argument's name) by dateLiteralsRule during validation, before execution.
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? ast.value : print(ast)),
});
