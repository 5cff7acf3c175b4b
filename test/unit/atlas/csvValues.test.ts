// How cells become Dataset values: trimming, empty cells, lists, identifiers, defaults and derived ids.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NO_PROVENANCE } from '../../../server/domain/model.ts';
import { parseAtlasCsv } from '../../../server/domain/atlas/read.ts';
import { HEADERS, csv, readCsv } from './helpers.ts';

const PROVENANCE_HEADER = 'source_dataset,source_record,recorded_by,recorded_at';

describe('parseAtlasCsv: organisation values', () => {
  const result = parseAtlasCsv({
    'organisations.csv': csv(`${HEADERS.organisations},status`, {
      id: '  org-a ',
      name: ' "Leeds, City Council" ',
      sector: ' government ',
      kind: '',
      description: '"He said ""hi"""',
      website: 'https://leeds.gov.uk/about',
      country: 'United Kingdom',
      region: 'England',
      city: 'Leeds',
      themes: ' Housing ; ;Digital inclusion;Housing; ',
      identifiers: 'GOVUK: leeds ;360G:GB-CHC-1:x;GOVUK:leeds',
      status: '',
    }),
  });

  it('has no problems', () => {
    expect(result.problems).toEqual([]);
  });

  it('trims cells, reads empty cells as null and defaults status to PUBLISHED', () => {
    expect(result.dataset.organisations).toEqual([
      {
        id: 'org-a',
        name: 'Leeds, City Council',
        sector: 'GOVERNMENT',
        kind: null,
        description: 'He said "hi"',
        website: 'https://leeds.gov.uk/about',
        country: 'United Kingdom',
        region: 'England',
        city: 'Leeds',
        themes: ['Housing', 'Digital inclusion'],
        identifiers: [
          { scheme: 'GOVUK', value: 'leeds' },
          { scheme: '360G', value: 'GB-CHC-1:x' },
        ],
        status: 'PUBLISHED',
        provenance: NO_PROVENANCE,
      },
    ]);
  });
});

describe('parseAtlasCsv: relationship values', () => {
  it('defaults trust to IMPORTED, parses amount and keeps provenance as written', () => {
    const header = `${HEADERS.relationships},id,${PROVENANCE_HEADER}`;
    const result = readCsv({
      'relationships.csv': csv(header, {
        id: 'r-1',
        source: 'org-a',
        target: 'org-b',
        kind: 'FUNDING',
        since: '2020-04-01',
        amount: '1250.50',
        currency: 'GBP',
        source_url: 'http://grants.example.org/1?x=1',
        source_dataset: '360giving',
        source_record: ' 360G-abc ',
        recorded_by: 'Importer Bot',
        recorded_at: '2024-03-01T12:00:00Z',
      }),
    });
    expect(result.problems).toEqual([]);
    expect(result.dataset.relationships).toEqual([
      {
        id: 'r-1',
        source: 'org-a',
        target: 'org-b',
        kind: 'FUNDING',
        since: '2020-04-01',
        until: null,
        amount: 1250.5,
        currency: 'GBP',
        trust: 'IMPORTED',
        description: null,
        provenance: {
          sourceUrl: 'http://grants.example.org/1?x=1',
          sourceDataset: '360giving',
          sourceRecord: '360G-abc',
          recordedBy: 'Importer Bot',
          recordedAt: '2024-03-01T12:00:00Z',
        },
      },
    ]);
  });

  it('derives rel- + 16 hex of sha256(source|target|kind|since) when there is no id, and the same for an empty id', () => {
    const expected = (since: string) =>
      `rel-${createHash('sha256').update(`org-a|org-b|PARTNERSHIP|${since}`).digest('hex').slice(0, 16)}`;
    const cells = { source: 'org-a', target: 'org-b', kind: 'partnership' };
    const withoutColumn = readCsv({
      'relationships.csv': csv(HEADERS.relationships, cells, { ...cells, since: '2021-04-01' }),
    });
    const emptyId = readCsv({
      'relationships.csv': csv(`${HEADERS.relationships},id`, { ...cells, id: ' ' }),
    });
    expect(withoutColumn.dataset.relationships.map((r) => r.id)).toEqual([
      expected(''),
      expected('2021-04-01'),
    ]);
    expect(emptyId.dataset.relationships.map((r) => r.id)).toEqual([expected('')]);
  });
});

describe('parseAtlasCsv: the other files', () => {
  it('reads initiatives, participations and places', () => {
    const result = readCsv({
      'initiatives.csv': csv(HEADERS.initiatives, {
        id: 'i-1',
        name: 'Open Data Leeds',
        stage: 'pilot',
        start_date: '2020-01-01',
        end_date: '2020-01-01',
        themes: 'Open data',
      }),
      'participations.csv': csv(HEADERS.participations, {
        initiative: 'i-1',
        organisation: 'org-a',
        role: 'lead',
      }),
      'places.csv': csv(HEADERS.places, {
        country: 'United Kingdom',
        city: 'Leeds',
        latitude: '53.8',
        longitude: '-1.55',
      }),
    });
    expect(result.problems).toEqual([]);
    expect(result.dataset.initiatives).toEqual([
      {
        id: 'i-1',
        name: 'Open Data Leeds',
        stage: 'PILOT',
        startDate: '2020-01-01',
        endDate: '2020-01-01',
        themes: ['Open data'],
        description: null,
        website: null,
        provenance: NO_PROVENANCE,
      },
    ]);
    expect(result.dataset.participations).toEqual([
      {
        initiative: 'i-1',
        organisation: 'org-a',
        role: 'LEAD',
        since: null,
        until: null,
        provenance: NO_PROVENANCE,
      },
    ]);
    expect(result.dataset.places).toEqual([
      { country: 'United Kingdom', region: null, city: 'Leeds', latitude: 53.8, longitude: -1.55 },
    ]);
  });
});
