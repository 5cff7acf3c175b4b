// The writer's output shape: all five files, every column, `;` lists and scheme:value identifiers; JSON keys.
import { describe, expect, it } from 'vitest';
import { FILE_SPECS } from '../../../server/domain/atlas/columns.ts';
import { toAtlasCsvFiles, toAtlasJson } from '../../../server/domain/atlas/write.ts';
import { NO_PROVENANCE, emptyDataset, type Dataset } from '../../../server/domain/model.ts';

function sample(): Dataset {
  const dataset = emptyDataset();
  dataset.organisations.push({
    id: 'org-a',
    name: 'Leeds, "City" Council',
    sector: 'GOVERNMENT',
    kind: null,
    description: 'two\nlines',
    website: null,
    country: 'United Kingdom',
    region: null,
    city: null,
    themes: ['Housing', 'Digital inclusion'],
    identifiers: [
      { scheme: 'GOVUK', value: 'leeds' },
      { scheme: '360G', value: 'GB:1' },
    ],
    status: 'PUBLISHED',
    provenance: { ...NO_PROVENANCE, recordedAt: '2024-03-01T12:00:00Z' },
  });
  return dataset;
}

describe('toAtlasCsvFiles', () => {
  it('writes all six files with every column in the header, even when empty', () => {
    const files = toAtlasCsvFiles(emptyDataset());
    expect(Object.keys(files).sort()).toEqual([
      'initiative_stages.csv',
      'initiatives.csv',
      'organisations.csv',
      'participations.csv',
      'places.csv',
      'relationships.csv',
    ]);
    expect(files['places.csv']).toBe('country,region,city,latitude,longitude\n');
    expect(files['initiative_stages.csv']).toBe(
      'initiative,stage,date,source_url,source_dataset,source_record,recorded_by,recorded_at\n',
    );
    expect(files['organisations.csv']).toBe(
      `${FILE_SPECS.organisations.columns.map((column) => column.name).join(',')}\n`,
    );
    expect(files['relationships.csv']?.split('\n')[0]?.split(',')).toContain('recorded_by');
  });

  it('quotes what needs quoting, joins lists with ; and writes identifiers as scheme:value', () => {
    const organisations = toAtlasCsvFiles(sample())['organisations.csv'] ?? '';
    expect(organisations.split('\n').slice(1).join('\n')).toBe(
      'org-a,"Leeds, ""City"" Council",GOVERNMENT,,"two\nlines",,United Kingdom,,,Housing;Digital inclusion,' +
        'GOVUK:leeds;360G:GB:1,PUBLISHED,,,,,,,,,2024-03-01T12:00:00Z,\n',
    );
  });
});

describe('toAtlasJson', () => {
  it('writes format, version and every key with snake_case names, lists as arrays', () => {
    const document = JSON.parse(toAtlasJson(sample())) as Record<string, unknown>;
    expect(document).toMatchObject({ format: 'atlas', version: 1, relationships: [], places: [] });
    expect((document.organisations as unknown[])[0]).toMatchObject({
      identifiers: ['GOVUK:leeds', '360G:GB:1'],
      themes: ['Housing', 'Digital inclusion'],
      recorded_at: '2024-03-01T12:00:00Z',
      website: null,
    });
  });
});
