// One test per problem code the CSV reader reports, asserting the code and where it points.
import { describe, expect, it } from 'vitest';
import { parseAtlasCsv } from '../../../server/domain/atlas/read.ts';
import { MAX_PROBLEMS } from '../../../server/domain/atlas/problemSink.ts';
import { HEADERS, ORG_A, ORG_B, csv, readCsv, where } from './helpers.ts';

const ORGS = 'organisations.csv';
const RELS = 'relationships.csv';

describe('parseAtlasCsv: files', () => {
  it('reports MISSING_FILE when organisations.csv is absent', () => {
    const result = parseAtlasCsv({ 'relationships.csv': csv(HEADERS.relationships) });
    expect(where(result.problems)).toEqual([
      { code: 'MISSING_FILE', file: ORGS, line: null, column: null, field: null },
    ]);
  });

  it('reports UNKNOWN_FILE for a file that is not an atlas file, suggesting the close name', () => {
    const result = readCsv({ 'organizations.csv': csv(HEADERS.organisations) });
    expect(where(result.problems)).toEqual([
      { code: 'UNKNOWN_FILE', file: 'organizations.csv', line: null, column: null, field: null },
    ]);
    expect(result.problems[0]?.message).toContain('organisations.csv?');
  });

  it('accepts a folder with only organisations.csv, and an organisations.csv with only a header', () => {
    expect(parseAtlasCsv({ [ORGS]: csv(HEADERS.organisations) }).problems).toEqual([]);
  });
});

describe('parseAtlasCsv: header', () => {
  it('reports MISSING_COLUMN on the header line, once per missing column, not per row', () => {
    const header = HEADERS.organisations.replace(',sector', '').replace(',themes', '');
    const result = parseAtlasCsv({ [ORGS]: csv(header, { id: 'org-a', name: 'A' }) });
    expect(where(result.problems)).toEqual([
      { code: 'MISSING_COLUMN', file: ORGS, line: 1, column: null, field: 'sector' },
      { code: 'MISSING_COLUMN', file: ORGS, line: 1, column: null, field: 'themes' },
    ]);
    expect(result.problems[0]?.message).toContain('id, name, sector');
  });

  it('reports UNKNOWN_COLUMN at the column position', () => {
    const result = parseAtlasCsv({ [ORGS]: csv(`${HEADERS.organisations},secter`, ORG_A) });
    expect(where(result.problems)).toEqual([
      { code: 'UNKNOWN_COLUMN', file: ORGS, line: 1, column: 12, field: 'secter' },
    ]);
  });

  it('reports DUPLICATE_COLUMN at the second occurrence', () => {
    const result = parseAtlasCsv({
      [ORGS]: `${HEADERS.organisations},name\n${'org-a,A,NGO,,,,,,,,,Other'}\n`,
    });
    expect(where(result.problems)).toEqual([
      { code: 'DUPLICATE_COLUMN', file: ORGS, line: 1, column: 12, field: 'name' },
    ]);
    // The first column wins.
    expect(result.dataset.organisations[0]?.name).toBe('A');
  });

  it('accepts columns in any order, optional columns, and a byte order mark', () => {
    const header = 'identifiers,themes,city,region,country,website,description,kind,sector,name,id,status';
    const result = parseAtlasCsv({ [ORGS]: `\uFEFF${header}\n,,,,,,,,ngo,A,org-a,pending\n` });
    expect(result.problems).toEqual([]);
    expect(result.dataset.organisations[0]).toMatchObject({ id: 'org-a', sector: 'NGO', status: 'PENDING' });
  });
});

describe('parseAtlasCsv: values', () => {
  it('reports REQUIRED for an empty required value', () => {
    const result = parseAtlasCsv({
      [ORGS]: csv(HEADERS.organisations, ORG_A, { id: 'org-b', sector: 'NGO' }),
    });
    expect(where(result.problems)).toEqual([
      { code: 'REQUIRED', file: ORGS, line: 3, column: 2, field: 'name' },
    ]);
    expect(result.dataset.organisations.map((o) => o.id)).toEqual(['org-a']);
    expect(result.rejectedIds.organisations).toEqual(['org-b']);
  });

  it('reports UNKNOWN_VALUE for an unknown sector and suggests the closest value', () => {
    const result = parseAtlasCsv({ [ORGS]: csv(HEADERS.organisations, { ...ORG_A, sector: 'NGOO' }) });
    expect(where(result.problems)).toEqual([
      { code: 'UNKNOWN_VALUE', file: ORGS, line: 2, column: 3, field: 'sector' },
    ]);
    expect(result.problems[0]?.message).toMatch(/did you mean NGO\?/);
    expect(result.problems[0]?.message).toContain('GOVERNMENT, NGO, COMPANY, CIVIC_INNOVATOR, ACADEMIC');
  });

  it.each([
    [
      'relationships.csv',
      HEADERS.relationships,
      { source: 'org-a', target: 'org-b', kind: 'PARTNERSHIP', trust: 'sure' },
      'trust',
      8,
    ],
    [
      'relationships.csv',
      HEADERS.relationships,
      { source: 'org-a', target: 'org-b', kind: 'FRIENDSHIP' },
      'kind',
      3,
    ],
    ['initiatives.csv', HEADERS.initiatives, { id: 'i-1', name: 'I', stage: 'PILOTING' }, 'stage', 3],
    [
      'participations.csv',
      HEADERS.participations,
      { initiative: 'i-1', organisation: 'org-a', role: 'LEADER' },
      'role',
      3,
    ],
  ])('reports UNKNOWN_VALUE in %s for %o', (file, header, cells, field, column) => {
    const result = readCsv({ [file]: csv(header, cells) });
    expect(where(result.problems)).toEqual([{ code: 'UNKNOWN_VALUE', file, line: 2, column, field }]);
  });

  it('reports UNKNOWN_VALUE for an unknown organisation status', () => {
    const result = parseAtlasCsv({
      [ORGS]: csv(`${HEADERS.organisations},status`, { ...ORG_A, status: 'LIVE' }),
    });
    expect(where(result.problems)).toEqual([
      { code: 'UNKNOWN_VALUE', file: ORGS, line: 2, column: 12, field: 'status' },
    ]);
  });

  it('normalises lower- and mixed-case enumerated values to upper case', () => {
    const result = readCsv({
      [RELS]: csv(HEADERS.relationships, {
        source: 'org-a',
        target: 'org-b',
        kind: 'Data_Sharing',
        trust: 'confirmed',
      }),
    });
    expect(result.problems).toEqual([]);
    expect(result.dataset.relationships[0]).toMatchObject({ kind: 'DATA_SHARING', trust: 'CONFIRMED' });
  });

  it.each(['2023-02-30', '2023-13-01', '2023-2-1', '01/02/2023', '2023-02-29'])(
    'reports BAD_DATE for %s',
    (date) => {
      const result = readCsv({
        [RELS]: csv(HEADERS.relationships, {
          source: 'org-a',
          target: 'org-b',
          kind: 'PARTNERSHIP',
          since: date,
        }),
      });
      expect(where(result.problems)).toEqual([
        { code: 'BAD_DATE', file: RELS, line: 2, column: 4, field: 'since' },
      ]);
    },
  );

  it('accepts 29 February in a leap year', () => {
    const result = readCsv({
      [RELS]: csv(HEADERS.relationships, {
        source: 'org-a',
        target: 'org-b',
        kind: 'PARTNERSHIP',
        since: '2024-02-29',
      }),
    });
    expect(result.problems).toEqual([]);
  });

  it.each(['2024-03-01', '2024-03-01 12:00:00Z', '2024-03-01T12:00:00', '2024-03-01T25:00:00Z'])(
    'reports BAD_DATETIME for recorded_at %s',
    (value) => {
      const result = parseAtlasCsv({
        [ORGS]: csv(`${HEADERS.organisations},recorded_at`, { ...ORG_A, recorded_at: value }),
      });
      expect(where(result.problems)).toEqual([
        { code: 'BAD_DATETIME', file: ORGS, line: 2, column: 12, field: 'recorded_at' },
      ]);
    },
  );

  it('keeps a valid recorded_at exactly as written', () => {
    const result = parseAtlasCsv({
      [ORGS]: csv(`${HEADERS.organisations},recorded_at`, {
        ...ORG_A,
        recorded_at: '2024-03-01T12:00:00.5+01:00',
      }),
    });
    expect(result.problems).toEqual([]);
    expect(result.dataset.organisations[0]?.provenance.recordedAt).toBe('2024-03-01T12:00:00.5+01:00');
  });

  it.each([
    ['abc', 'amount', 6],
    ['"1,000"', 'amount', 6],
    ['-5', 'amount', 6],
  ])('reports BAD_NUMBER for amount %s', (amount, field, column) => {
    const result = readCsv({
      [RELS]: csv(HEADERS.relationships, {
        source: 'org-a',
        target: 'org-b',
        kind: 'FUNDING',
        amount,
        currency: 'GBP',
      }),
    });
    expect(where(result.problems)).toEqual([{ code: 'BAD_NUMBER', file: RELS, line: 2, column, field }]);
  });

  it.each([
    [{ latitude: '91' }, 'latitude', 4],
    [{ latitude: '-90.5' }, 'latitude', 4],
    [{ longitude: '180.1' }, 'longitude', 5],
    [{ longitude: 'east' }, 'longitude', 5],
  ])('reports BAD_NUMBER for place coordinates %o', (cells, field, column) => {
    const result = readCsv({ 'places.csv': csv(HEADERS.places, { country: 'France', ...cells }) });
    expect(where(result.problems)).toEqual([
      { code: 'BAD_NUMBER', file: 'places.csv', line: 2, column, field },
    ]);
  });

  it.each(['example.org', 'ftp://example.org', 'http:example.org', 'https://'])(
    'reports BAD_URL for website %s',
    (url) => {
      const result = parseAtlasCsv({ [ORGS]: csv(HEADERS.organisations, { ...ORG_A, website: url }) });
      expect(where(result.problems)).toEqual([
        { code: 'BAD_URL', file: ORGS, line: 2, column: 6, field: 'website' },
      ]);
    },
  );

  it('reports BAD_URL for source_url', () => {
    const result = readCsv({
      [RELS]: csv(HEADERS.relationships, {
        source: 'org-a',
        target: 'org-b',
        kind: 'FUNDING',
        source_url: 'www.x.org',
      }),
    });
    expect(where(result.problems)).toEqual([
      { code: 'BAD_URL', file: RELS, line: 2, column: 9, field: 'source_url' },
    ]);
  });

  it.each(['GB-CHC', ':123', 'GB-CHC: '])('reports BAD_IDENTIFIER for %j', (identifier) => {
    const result = parseAtlasCsv({
      [ORGS]: csv(HEADERS.organisations, { ...ORG_A, identifiers: `GOVUK:a;${identifier}` }),
    });
    expect(where(result.problems)).toEqual([
      { code: 'BAD_IDENTIFIER', file: ORGS, line: 2, column: 11, field: 'identifiers' },
    ]);
  });

  it.each([[{ amount: '10', currency: 'GB' }], [{ amount: '10', currency: 'GBPP' }], [{ amount: '10' }]])(
    'reports BAD_CURRENCY for %o',
    (cells) => {
      const result = readCsv({
        [RELS]: csv(HEADERS.relationships, { source: 'org-a', target: 'org-b', kind: 'FUNDING', ...cells }),
      });
      expect(where(result.problems)).toEqual([
        { code: 'BAD_CURRENCY', file: RELS, line: 2, column: 7, field: 'currency' },
      ]);
    },
  );

  it('accepts a lower-case currency and normalises it', () => {
    const result = readCsv({
      [RELS]: csv(HEADERS.relationships, {
        source: 'org-a',
        target: 'org-b',
        kind: 'FUNDING',
        amount: '12.5',
        currency: 'eur',
      }),
    });
    expect(result.problems).toEqual([]);
    expect(result.dataset.relationships[0]).toMatchObject({ amount: 12.5, currency: 'EUR' });
  });

  it.each([
    [
      RELS,
      HEADERS.relationships,
      { source: 'org-a', target: 'org-b', kind: 'FUNDING', since: '2021-01-01', until: '2020-12-31' },
      'until',
      5,
    ],
    [
      'initiatives.csv',
      HEADERS.initiatives,
      { id: 'i', name: 'I', stage: 'IDEA', start_date: '2021-01-01', end_date: '2020-01-01' },
      'end_date',
      5,
    ],
    [
      'participations.csv',
      HEADERS.participations,
      { initiative: 'i', organisation: 'org-a', role: 'LEAD', since: '2021-01-02', until: '2021-01-01' },
      'until',
      5,
    ],
  ])('reports DATE_ORDER in %s', (file, header, cells, field, column) => {
    const result = readCsv({ [file]: csv(header, cells) });
    expect(where(result.problems)).toEqual([{ code: 'DATE_ORDER', file, line: 2, column, field }]);
  });

  it('reports SELF_RELATIONSHIP on the target', () => {
    const result = readCsv({
      [RELS]: csv(HEADERS.relationships, { source: 'org-a', target: 'org-a', kind: 'PARTNERSHIP' }),
    });
    expect(where(result.problems)).toEqual([
      { code: 'SELF_RELATIONSHIP', file: RELS, line: 2, column: 2, field: 'target' },
    ]);
    expect(result.dataset.relationships).toEqual([]);
  });

  it.each([
    [{ region: 'England' }, 'region', 8],
    [{ city: 'Leeds' }, 'city', 9],
  ])('reports PLACE_HIERARCHY for %o without a country', (cells, field, column) => {
    const result = parseAtlasCsv({ [ORGS]: csv(HEADERS.organisations, { ...ORG_A, ...cells }) });
    expect(where(result.problems)).toEqual([{ code: 'PLACE_HIERARCHY', file: ORGS, line: 2, column, field }]);
  });

  it('reports REQUIRED for a place without a country', () => {
    const result = readCsv({ 'places.csv': csv(HEADERS.places, { region: 'England', latitude: '52' }) });
    expect(where(result.problems)).toEqual([
      { code: 'REQUIRED', file: 'places.csv', line: 2, column: 1, field: 'country' },
    ]);
  });
});

describe('parseAtlasCsv: duplicates', () => {
  it('reports DUPLICATE_ID for an organisation id used twice, naming the first line', () => {
    const result = parseAtlasCsv({
      [ORGS]: csv(HEADERS.organisations, ORG_A, ORG_B, { ...ORG_A, name: 'Again' }),
    });
    expect(where(result.problems)).toEqual([
      { code: 'DUPLICATE_ID', file: ORGS, line: 4, column: 1, field: 'id' },
    ]);
    expect(result.problems[0]?.message).toContain('line 2');
    expect(result.dataset.organisations.map((o) => o.name)).toEqual(['A', 'B']);
  });

  it('reports DUPLICATE_ID for an initiative id used twice', () => {
    const file = 'initiatives.csv';
    const initiative = { id: 'i-1', name: 'I', stage: 'IDEA' };
    const result = readCsv({ [file]: csv(HEADERS.initiatives, initiative, initiative) });
    expect(where(result.problems)).toEqual([{ code: 'DUPLICATE_ID', file, line: 3, column: 1, field: 'id' }]);
    expect(result.problems[0]?.message).toContain('line 2');
  });

  it('reports DUPLICATE_ID for a relationship id used twice', () => {
    const header = `${HEADERS.relationships},id`;
    const result = readCsv({
      [RELS]: csv(
        header,
        { id: 'r-1', source: 'org-a', target: 'org-b', kind: 'PARTNERSHIP' },
        { id: 'r-1', source: 'org-b', target: 'org-a', kind: 'FUNDING' },
      ),
    });
    expect(where(result.problems)).toEqual([
      { code: 'DUPLICATE_ID', file: RELS, line: 3, column: 11, field: 'id' },
    ]);
  });

  it('reports DUPLICATE_ID for two rows deriving the same relationship id', () => {
    const cells = { source: 'org-a', target: 'org-b', kind: 'PARTNERSHIP', since: '2020-01-01' };
    const result = readCsv({ [RELS]: csv(HEADERS.relationships, cells, { ...cells, kind: 'partnership' }) });
    expect(where(result.problems)).toEqual([
      { code: 'DUPLICATE_ID', file: RELS, line: 3, column: null, field: 'id' },
    ]);
    expect(result.problems[0]?.message).toContain('line 2');
  });

  it('does not report rows that differ in since as duplicates', () => {
    const cells = { source: 'org-a', target: 'org-b', kind: 'PARTNERSHIP' };
    const result = readCsv({ [RELS]: csv(HEADERS.relationships, cells, { ...cells, since: '2020-01-01' }) });
    expect(result.problems).toEqual([]);
    expect(result.dataset.relationships).toHaveLength(2);
  });

  it('reports DUPLICATE_ID for an (initiative, organisation) pair given twice', () => {
    const file = 'participations.csv';
    const result = readCsv({
      [file]: csv(
        HEADERS.participations,
        { initiative: 'i-1', organisation: 'org-a', role: 'LEAD' },
        { initiative: 'i-1', organisation: 'org-b', role: 'LEAD' },
        { initiative: 'i-1', organisation: 'org-a', role: 'FUNDER' },
      ),
    });
    expect(where(result.problems)).toEqual([
      { code: 'DUPLICATE_ID', file, line: 4, column: 2, field: 'organisation' },
    ]);
    expect(result.problems[0]?.message).toContain('line 2');
  });

  it('reports DUPLICATE_ID for a place given twice', () => {
    const place = { country: 'United Kingdom', region: 'England', latitude: '52' };
    const result = readCsv({ 'places.csv': csv(HEADERS.places, place, { ...place, city: 'Leeds' }, place) });
    expect(where(result.problems)).toEqual([
      { code: 'DUPLICATE_ID', file: 'places.csv', line: 4, column: 1, field: 'country' },
    ]);
  });
});

describe('parseAtlasCsv: CSV syntax', () => {
  it('reports BAD_CSV for a row with more fields than the header, and keeps reading', () => {
    const text = `${HEADERS.organisations}\norg-a,A,NGO,,,,,,,,,extra\norg-b,B,NGOO,,,,,,,,\n`;
    const result = parseAtlasCsv({ [ORGS]: text });
    expect(where(result.problems)).toEqual([
      { code: 'BAD_CSV', file: ORGS, line: 2, column: 12, field: null },
      { code: 'UNKNOWN_VALUE', file: ORGS, line: 3, column: 3, field: 'sector' },
    ]);
    // Ids of rows left out are known, so references to them are not reported as dangling too.
    expect(result.rejectedIds.organisations).toEqual(['org-a', 'org-b']);
  });

  it('reports BAD_CSV for a row with fewer fields than the header', () => {
    const result = parseAtlasCsv({ [ORGS]: `${HEADERS.organisations}\norg-a,A,NGO\n` });
    expect(where(result.problems)).toEqual([
      { code: 'BAD_CSV', file: ORGS, line: 2, column: 4, field: null },
    ]);
  });

  it('reports BAD_CSV on the line where an unclosed quote opens', () => {
    const text = `${HEADERS.organisations}\norg-a,A,NGO,,,,,,,,\norg-b,"B,NGO,,,,,,,,\norg-c,C,NGO,,,,,,,,\n`;
    const result = parseAtlasCsv({ [ORGS]: text });
    expect(where(result.problems)).toEqual([
      { code: 'BAD_CSV', file: ORGS, line: 3, column: 2, field: null },
    ]);
    expect(result.dataset.organisations.map((o) => o.id)).toEqual(['org-a']);
  });

  it('reports BAD_CSV for a quote inside an unquoted field, and reads the rows after it', () => {
    const text = `${HEADERS.organisations}\norg-a,The "A" Trust,NGO,,,,,,,,\norg-b,B,NGOO,,,,,,,,\n`;
    const result = parseAtlasCsv({ [ORGS]: text });
    expect(where(result.problems)).toEqual([
      { code: 'BAD_CSV', file: ORGS, line: 2, column: 2, field: null },
      { code: 'UNKNOWN_VALUE', file: ORGS, line: 3, column: 3, field: 'sector' },
    ]);
  });

  it('reports BAD_CSV for an empty file', () => {
    const result = parseAtlasCsv({ [ORGS]: '' });
    expect(where(result.problems)).toEqual([
      { code: 'BAD_CSV', file: ORGS, line: 1, column: null, field: null },
    ]);
  });

  it('reports one BAD_CSV, not a column per field, for a file separated by semicolons', () => {
    const result = parseAtlasCsv({
      [ORGS]: `${HEADERS.organisations.replaceAll(',', ';')}\norg-a;A;NGO;;;;;;;;\n`,
    });
    expect(where(result.problems)).toEqual([
      { code: 'BAD_CSV', file: ORGS, line: 1, column: 1, field: null },
    ]);
  });

  it('skips blank and whitespace-only lines', () => {
    const text = `${HEADERS.organisations}\n\norg-a,A,NGO,,,,,,,,\n   \n,,,,,,,,,,\norg-b,B,NGOO,,,,,,,,\n`;
    const result = parseAtlasCsv({ [ORGS]: text });
    expect(where(result.problems)).toEqual([
      { code: 'UNKNOWN_VALUE', file: ORGS, line: 6, column: 3, field: 'sector' },
    ]);
  });
});

describe('parseAtlasCsv: problem limit', () => {
  it(`lists the first ${MAX_PROBLEMS} problems, then one TOO_MANY_PROBLEMS`, () => {
    const rows = Array.from({ length: MAX_PROBLEMS + 5 }, (_, i) => ({
      id: `org-${i}`,
      name: 'X',
      sector: 'NOPE',
    }));
    const result = parseAtlasCsv({ [ORGS]: csv(HEADERS.organisations, ...rows) });
    expect(result.problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(result.problems[MAX_PROBLEMS - 1]).toMatchObject({
      code: 'UNKNOWN_VALUE',
      line: MAX_PROBLEMS + 1,
    });
    expect(result.problems[MAX_PROBLEMS]).toMatchObject({
      code: 'TOO_MANY_PROBLEMS',
      file: ORGS,
      line: null,
    });
    expect(result.problems[MAX_PROBLEMS]?.message).toMatch(/^5 more/);
  });
});

describe('parseAtlasCsv: duplicates of rejected records', () => {
  it('reports DUPLICATE_ID even when the first record with that id has another problem', () => {
    const result = parseAtlasCsv({
      'organisations.csv': csv(
        HEADERS.organisations,
        { ...ORG_A, sector: 'NGOO' },
        { ...ORG_A, name: 'Again' },
      ),
    });
    expect(where(result.problems)).toEqual([
      { code: 'UNKNOWN_VALUE', file: 'organisations.csv', line: 2, column: 3, field: 'sector' },
      { code: 'DUPLICATE_ID', file: 'organisations.csv', line: 3, column: 1, field: 'id' },
    ]);
  });
});

it('reports only BAD_CSV when the header itself is broken, after a row of empty cells', () => {
  const result = parseAtlasCsv({
    'organisations.csv': `,,\n${HEADERS.organisations},"note\norg-a,A,NGO,,,,,,,,\n`,
  });
  expect(where(result.problems)).toEqual([
    { code: 'BAD_CSV', file: 'organisations.csv', line: 2, column: 12, field: null },
  ]);
});
