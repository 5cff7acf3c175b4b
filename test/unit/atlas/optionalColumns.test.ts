// The optional columns a file may lack (licence, other_websites, sector_rule, closed_on, aliases): absent,
// the record does not say (undefined: a stored value stays); empty, no value; each value checked per field.
import { describe, expect, it } from 'vitest';
import { parseAtlasCsv, parseAtlasJson } from '../../../server/domain/atlas/read.ts';
import { HEADERS, ORG_A, csv, where } from './helpers.ts';

const ORGS = 'organisations.csv';
const FULL = `${HEADERS.organisations},licence,other_websites,sector_rule,closed_on,aliases`;

describe('optional organisation columns', () => {
  it('are undefined when the file lacks the column', () => {
    const { problems, dataset } = parseAtlasCsv({ [ORGS]: csv(HEADERS.organisations, ORG_A) });
    expect(problems).toEqual([]);
    const [o] = dataset.organisations;
    expect(o).not.toHaveProperty('sectorRule');
    expect(o).not.toHaveProperty('closedOn');
    expect(o).not.toHaveProperty('aliases');
    expect(o).not.toHaveProperty('otherWebsites');
    expect(o?.provenance).not.toHaveProperty('licence');
  });

  it('are null (or empty lists) for an empty cell, and the values for a filled one', () => {
    const { problems, dataset } = parseAtlasCsv({
      [ORGS]: csv(FULL, ORG_A, {
        id: 'org-b',
        name: 'B',
        sector: 'NGO',
        licence: 'CC BY 4.0',
        other_websites: 'https://b.example/about;https://b.example/news',
        sector_rule: 'identifier:charity',
        closed_on: '2016-07-15',
        aliases: 'old-b;GB-CHC-1',
      }),
    });
    expect(problems).toEqual([]);
    expect(dataset.organisations[0]).toMatchObject({
      sectorRule: null,
      closedOn: null,
      aliases: [],
      otherWebsites: [],
      provenance: { licence: null },
    });
    expect(dataset.organisations[1]).toMatchObject({
      sectorRule: 'identifier:charity',
      closedOn: '2016-07-15',
      aliases: ['old-b', 'GB-CHC-1'],
      otherWebsites: ['https://b.example/about', 'https://b.example/news'],
      provenance: { licence: 'CC BY 4.0' },
    });
  });

  it('report a bad closing day, a website that is not a URL and an alias that is the own id, per field', () => {
    const result = parseAtlasCsv({
      [ORGS]: csv(FULL, {
        ...ORG_A,
        closed_on: '2016-02-30',
        other_websites: 'https://a.example;not a url',
        aliases: 'old-a;org-a',
      }),
    });
    expect(where(result.problems)).toEqual([
      { code: 'BAD_URL', file: ORGS, line: 2, column: 13, field: 'other_websites' },
      { code: 'BAD_DATE', file: ORGS, line: 2, column: 15, field: 'closed_on' },
      { code: 'ALIAS_CONFLICT', file: ORGS, line: 2, column: 16, field: 'aliases' },
    ]);
    expect(result.problems[2]?.message).toContain('own id');
  });

  it('in JSON: a left-out key does not say, null means none', () => {
    const { problems, dataset } = parseAtlasJson(
      JSON.stringify({
        format: 'atlas',
        version: 1,
        organisations: [
          { id: 'a', name: 'A', sector: 'NGO' },
          { id: 'b', name: 'B', sector: 'NGO', licence: null, sector_rule: null, closed_on: null },
        ],
        relationships: [{ source: 'a', target: 'b', kind: 'PARTNERSHIP', licence: 'MIT' }],
      }),
      'atlas.json',
    );
    expect(problems).toEqual([]);
    expect(dataset.organisations[0]).not.toHaveProperty('sectorRule');
    expect(dataset.organisations[0]?.provenance).not.toHaveProperty('licence');
    expect(dataset.organisations[1]).toMatchObject({ sectorRule: null, closedOn: null });
    expect(dataset.organisations[1]?.provenance.licence).toBeNull();
    expect(dataset.relationships[0]?.provenance.licence).toBe('MIT');
  });
});
