// The registration form's rules in the browser (client/account/rules.ts) agree with the server's
// (validateRegistration) on a table of inputs: the same fields are refused, and the same ones pass.
import { describe, expect, it } from 'vitest';
import { formField, toFormError } from '../../../client/account/errors.ts';
import {
  EMPTY_FORM,
  organisationInput,
  organisationProblems,
  websiteToSend,
  type OrganisationForm,
} from '../../../client/account/rules.ts';
import { AtlasRequestError } from '../../../client/api/graphqlRequest.ts';
import { InvalidInputError } from '../../../server/common/errors.ts';
import { validateRegistration } from '../../../server/domain/curation/organisationInput.ts';

const ok: OrganisationForm = { ...EMPTY_FORM, name: 'Open Data Leeds', sector: 'CIVIC_INNOVATOR' };

const TABLE: [string, Partial<OrganisationForm>][] = [
  ['a valid minimal form', {}],
  [
    'a full valid form',
    {
      kind: 'civic tech group',
      description: 'Volunteers\nopening up data.',
      website: 'https://opendataleeds.example.org/about',
      country: 'United Kingdom',
      region: 'England',
      city: 'Leeds',
      themes: 'Open data, Digital inclusion',
      identifiers: 'GB-CHC:1234567, gb-coh:01234567',
    },
  ],
  ['an empty name', { name: '   ' }],
  ['a one-letter name', { name: 'A' }],
  ['a 10,000-character name', { name: 'x'.repeat(10_000) }],
  ['a name with a line break', { name: 'Open\nData' }],
  ['a name with a direction override', { name: 'Open \u202EData' }],
  ['a name with a zero-width space', { name: 'Open\u200BData' }],
  ['no sector', { sector: '' }],
  ['a kind of 101 characters', { kind: 'k'.repeat(101) }],
  ['a description of 5001 characters', { description: 'd'.repeat(5001) }],
  ['a description with a tab', { description: 'a\tb' }],
  ['a description with a NUL', { description: 'a\u0000b' }],
  ['a javascript: website', { website: 'javascript:alert(1)' }],
  ['a data: website', { website: 'data:text/html,hello' }],
  ['a file: website', { website: 'file:///etc/passwd' }],
  ['a bare domain (the form sends it with https://)', { website: 'codigosp.org.br' }],
  ['a website without a scheme that is no domain', { website: 'example' }],
  ['a localhost website without a scheme', { website: 'localhost:3000' }],
  ['a localhost website', { website: 'http://localhost:3000' }],
  ['an IP website', { website: 'http://192.168.1.1/' }],
  ['a website with a password', { website: 'https://user:pass@example.org' }],
  ['a website of 501 characters', { website: `https://example.org/${'p'.repeat(490)}` }],
  ['an http website', { website: 'http://example.org' }],
  ['a region without a country', { region: 'England' }],
  ['a city without a country', { city: 'Leeds' }],
  ['a country of 101 characters', { country: 'c'.repeat(101) }],
  ['a one-letter theme', { themes: 'Open data, X' }],
  ['a theme of 61 characters', { themes: 't'.repeat(61) }],
  ['21 themes', { themes: Array.from({ length: 21 }, (_, i) => `Theme ${i}`).join(', ') }],
  ['an identifier without a colon', { identifiers: '1234567' }],
  ['an identifier without a value', { identifiers: 'GB-CHC:' }],
  ['an identifier with a bad scheme', { identifiers: '-GB:123' }],
  ['21 identifiers', { identifiers: Array.from({ length: 21 }, (_, i) => `X:${i}`).join(', ') }],
];

function serverFields(form: OrganisationForm): string[] {
  try {
    validateRegistration(organisationInput(form));
    return [];
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return [...new Set(error.problems.map((p) => formField(p.field ?? '')))].sort();
  }
}

describe('registration rules in the browser and on the server', () => {
  it.each(TABLE)('agree on %s', (_label, change) => {
    const form = { ...ok, ...change };
    const client = Object.keys(organisationProblems(form)).sort();
    expect(client).toEqual(serverFields(form));
  });

  it('the table refuses something in every row but the five valid ones', () => {
    const refused = TABLE.filter(([, change]) => serverFields({ ...ok, ...change }).length > 0);
    expect(refused.length).toBe(TABLE.length - 5);
  });
});

describe('a website typed without a scheme', () => {
  it.each([
    ['codigosp.org.br', 'https://codigosp.org.br'],
    ['  www.example.org/about?x=1 ', 'https://www.example.org/about?x=1'],
    ['example.org:8080/path', 'https://example.org:8080/path'],
    ['//example.org', 'https://example.org'],
    ['https://example.org', 'https://example.org'],
    ['HTTP://example.org', 'HTTP://example.org'],
    ['javascript:alert(1)', 'javascript:alert(1)'],
    ['mailto:ada@example.org', 'mailto:ada@example.org'],
    ['ada@example.org', 'ada@example.org'],
    ['localhost:3000', 'localhost:3000'],
    ['example', 'example'],
    ['', ''],
  ])('%j is sent as %j', (typed, sent) => {
    expect(websiteToSend(typed)).toBe(sent);
  });

  it('is sent with https:// in the registration input, which the server accepts', () => {
    const form = { ...ok, website: 'codigosp.org.br' };
    expect(organisationProblems(form)).toEqual({});
    expect(organisationInput(form).website).toBe('https://codigosp.org.br');
    expect(() => validateRegistration(organisationInput(form))).not.toThrow();
  });
});

describe('server refusals in a form', () => {
  it('puts each problem on its field (list items on the list) and says nothing else', () => {
    const error = new AtlasRequestError('Check input.name, input.themes.1.', 'BAD_USER_INPUT', 200, {
      problems: [
        { field: 'input.name', message: 'name needs at least 2 characters' },
        { field: 'input.themes.1', message: 'theme needs at least 2 characters' },
        { field: 'input.place.country', message: 'country is required' },
      ],
    });
    expect(toFormError(error)).toEqual({
      fields: {
        name: 'name needs at least 2 characters',
        themes: 'theme needs at least 2 characters',
        'place.country': 'country is required',
      },
      message: null,
      code: 'BAD_USER_INPUT',
    });
  });

  it('says clearly when a rate limit refuses, and for how long', () => {
    const error = new AtlasRequestError('Too many failed sign-ins.', 'RATE_LIMITED', 429, {
      retryAfterSeconds: 900,
    });
    expect(toFormError(error).message).toBe(
      'Too many attempts: the server is refusing for a while. Try again in 15 minutes.',
    );
  });
});
