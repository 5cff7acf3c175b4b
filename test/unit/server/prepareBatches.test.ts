// prepareBatches turns a Dataset into the import queries' parameter rows: pure, checked without a database.
import { describe, expect, it } from 'vitest';
import { prepareBatches } from '../../../server/domain/import/prepare.ts';
import type { Dataset } from '../../../server/domain/model.ts';
import { org, rel } from '../../support/fixtures.ts';

const provenance = {
  sourceUrl: 'https://example.org/r/1',
  sourceDataset: 'test-set',
  sourceRecord: 'row-9',
  recordedBy: 'someone',
  recordedAt: '2024-05-06T07:08:09Z',
};

function dataset(): Dataset {
  return {
    organisations: [
      org('o1', 'One', 'NGO', {
        country: 'United Kingdom',
        region: 'England',
        city: 'Leeds',
        themes: ['Housing', 'Digital inclusion', 'housing'],
        identifiers: [{ scheme: 'GB-CHC', value: '123' }],
        provenance,
      }),
      org('o2', 'Two', 'COMPANY', { country: 'United Kingdom', city: 'Cardiff' }),
      org('o3', 'Three', 'ACADEMIC'),
    ],
    relationships: [
      rel('r1', 'o1', 'o2', 'FUNDING', { since: '2020-01-01', amount: 5, currency: 'GBP', provenance }),
    ],
    initiatives: [
      {
        id: 'i1',
        name: 'Pilot',
        stage: 'PILOT',
        startDate: '2021-02-03',
        endDate: null,
        themes: ['Open data', 'Housing'],
        description: null,
        website: null,
        provenance,
      },
    ],
    participations: [
      { initiative: 'i1', organisation: 'o1', role: 'LEAD', since: null, until: null, provenance },
    ],
    places: [
      { country: 'United Kingdom', region: 'England', city: 'Leeds', latitude: 53.8, longitude: -1.55 },
    ],
  };
}

describe('prepareBatches', () => {
  const batches = prepareBatches(dataset());

  it('names each theme once, by its slug, keeping the first spelling', () => {
    expect(batches.themes).toEqual([
      { id: 'housing', name: 'Housing' },
      { id: 'digital-inclusion', name: 'Digital inclusion' },
      { id: 'open-data', name: 'Open data' },
    ]);
  });

  it('builds the place hierarchy parents first, with coordinates where given', () => {
    expect(batches.places.map((p) => [p.id, p.level, p.parentId])).toEqual([
      ['country:united-kingdom', 'country', null],
      ['region:united-kingdom/england', 'region', 'country:united-kingdom'],
      ['city:united-kingdom/england/leeds', 'city', 'region:united-kingdom/england'],
      // A city without a region hangs on the country.
      ['city:united-kingdom//cardiff', 'city', 'country:united-kingdom'],
    ]);
    expect(batches.places.find((p) => p.level === 'city' && p.latitude !== null)).toMatchObject({
      latitude: 53.8,
      longitude: -1.55,
    });
  });

  it('gives each organisation its props, sorted unique theme ids and most specific place', () => {
    const [o1, o2, o3] = batches.organisations as Record<string, unknown>[];
    expect(o1).toMatchObject({
      id: 'o1',
      themeIds: ['digital-inclusion', 'housing'],
      placeId: 'city:united-kingdom/england/leeds',
      recordedBy: 'someone',
      recordedAt: '2024-05-06T07:08:09Z',
      props: {
        name: 'One',
        sector: 'NGO',
        status: 'PUBLISHED',
        identifiers: ['GB-CHC:123'],
        identifierText: 'GB-CHC 123',
        sourceUrl: 'https://example.org/r/1',
        sourceDataset: 'test-set',
        sourceRecord: 'row-9',
      },
    });
    expect(o2).toMatchObject({ placeId: 'city:united-kingdom//cardiff', themeIds: [] });
    expect(o3).toMatchObject({ placeId: null });
  });

  it('keeps relationship kind, ends, dates and amounts apart from the stored props', () => {
    expect(batches.relationships).toEqual([
      {
        id: 'r1',
        kind: 'FUNDING',
        source: 'o1',
        target: 'o2',
        since: '2020-01-01',
        until: null,
        props: {
          amount: 5,
          currency: 'GBP',
          trust: 'IMPORTED',
          description: null,
          sourceUrl: 'https://example.org/r/1',
          sourceDataset: 'test-set',
          sourceRecord: 'row-9',
        },
        recordedBy: 'someone',
        recordedAt: '2024-05-06T07:08:09Z',
      },
    ]);
  });

  it('prepares initiatives with sorted theme ids, and participations with their role', () => {
    expect(batches.initiatives[0]).toMatchObject({
      id: 'i1',
      startDate: '2021-02-03',
      themeIds: ['housing', 'open-data'],
    });
    expect(batches.participations[0]).toMatchObject({
      organisation: 'o1',
      initiative: 'i1',
      props: { role: 'LEAD' },
    });
  });
});
