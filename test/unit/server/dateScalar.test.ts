// The Date scalar: real calendar days only; a wrong one names its argument (or input field).
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { DateScalar } from '../../../server/graphql/scalars.ts';
import { dateLiteralsRule } from '../../../server/graphql/validation.ts';

// graphql's CommonJS entry, as the server loads it (see errors.test.ts).
const { buildSchema, parse, validate, specifiedRules } = createRequire(import.meta.url)(
  'graphql',
) as typeof import('graphql');

const schema = buildSchema(`
  scalar Date
  input Window { activeOn: Date, days: [Date!] }
  type Query { x(asOf: Date, window: Window): Int }
`);

function errors(query: string) {
  return validate(schema, parse(query), [...specifiedRules, dateLiteralsRule]).map((e) => ({
    message: e.message,
    code: e.extensions.code,
    field: (e.extensions.problems as { field: string }[] | undefined)?.[0]?.field,
  }));
}

describe('Date literals', () => {
  it('accepts real days', () => {
    expect(
      errors('{ x(asOf: "2024-02-29", window: { activeOn: "1999-12-31", days: ["2020-01-01"] }) }'),
    ).toEqual([]);
  });

  it.each([
    ['{ x(asOf: "2023-02-29") }', 'asOf'],
    ['{ x(asOf: "2024-13-01") }', 'asOf'],
    ['{ x(asOf: "yesterday") }', 'asOf'],
    ['{ x(asOf: 20240101) }', 'asOf'],
    ['{ x(window: { activeOn: "2024-1-1" }) }', 'window.activeOn'],
    ['{ x(window: { days: ["2024-01-01", "2024-01-32"] }) }', 'window.days'],
  ])('refuses %s, naming %s', (query, field) => {
    expect(errors(query)).toEqual([
      {
        message: expect.stringContaining(`${field}: a Date is a calendar day written YYYY-MM-DD`),
        code: 'BAD_USER_INPUT',
        field,
      },
    ]);
  });
});

describe('Date variables and results', () => {
  it('parses and serialises real days, and refuses others', () => {
    expect(DateScalar.parseValue('2024-02-29')).toBe('2024-02-29');
    expect(() => DateScalar.parseValue('2024-02-30')).toThrow(/calendar day/);
    expect(() => DateScalar.parseValue(5)).toThrow(/calendar day/);
    expect(DateScalar.serialize('2021-04-01')).toBe('2021-04-01');
  });
});
