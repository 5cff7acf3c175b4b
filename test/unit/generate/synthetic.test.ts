// The synthetic generator: deterministic, the requested size and mix, heavy-tailed, clustered, and valid atlas data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAtlasCsv, parseAtlasJson } from '../../../server/domain/atlas/read.ts';
import { toAtlasCsvFiles, toAtlasJson } from '../../../server/domain/atlas/write.ts';
import { generateSyntheticNetwork } from '../../../server/domain/generate/synthetic.ts';
import {
  INITIATIVE_STAGES,
  RELATIONSHIP_KINDS,
  SECTORS,
  TRUST_STATES,
  type Dataset,
  type OrganisationRecord,
} from '../../../server/domain/model.ts';
import { degrees, median, structuralViolations } from './helpers.ts';

const cache = new Map<string, Dataset>();
/** Generating is deterministic, so tests that only read a network share one copy. */
function network(organisations: number, seed: number): Dataset {
  const key = `${organisations}/${seed}`;
  let dataset = cache.get(key);
  if (!dataset) {
    dataset = generateSyntheticNetwork({ organisations, seed });
    cache.set(key, dataset);
  }
  return dataset;
}

/** The shape of a network without its seed: ids reduced to their position. */
function shape(dataset: Dataset): string[] {
  const position = (id: string): string => id.slice(id.lastIndexOf('-') + 1);
  return dataset.relationships.map((r) => `${position(r.source)}>${position(r.target)}:${r.kind}:${r.since}`);
}

describe('generateSyntheticNetwork: determinism', () => {
  it('gives a deep-equal dataset for the same seed', () => {
    expect(generateSyntheticNetwork({ organisations: 400, seed: 42 })).toEqual(
      generateSyntheticNetwork({ organisations: 400, seed: 42 }),
    );
  });

  it('gives a different network for a different seed, with no id in common', () => {
    const a = network(400, 42);
    const b = network(400, 43);
    expect(shape(a)).not.toEqual(shape(b));
    expect(a.organisations.map((o) => o.name)).not.toEqual(b.organisations.map((o) => o.name));
    const idsOf = (d: Dataset): string[] => [
      ...d.organisations.map((o) => o.id),
      ...d.relationships.map((r) => r.id),
      ...d.initiatives.map((i) => i.id),
    ];
    const seen = new Set(idsOf(a));
    expect(idsOf(b).filter((id) => seen.has(id))).toEqual([]);
  });

  it('tells apart seeds that agree in their low 32 bits', () => {
    expect(shape(generateSyntheticNetwork({ organisations: 100, seed: 1 }))).not.toEqual(
      shape(generateSyntheticNetwork({ organisations: 100, seed: 2 ** 32 + 1 })),
    );
  });
});

describe('generateSyntheticNetwork: size and mix', () => {
  it.each([1, 2, 3, 9, 57, 500])('makes exactly %i organisations with ids syn-<seed>-<n>', (n) => {
    const d = generateSyntheticNetwork({ organisations: n, seed: 7 });
    expect(d.organisations).toHaveLength(n);
    expect(d.organisations.map((o) => o.id)).toEqual(Array.from({ length: n }, (_, i) => `syn-7-${i}`));
  });

  it('keeps the default average degree between 3 and 4', () => {
    const d = network(2000, 1);
    const average = (2 * d.relationships.length) / d.organisations.length;
    expect(average).toBeGreaterThanOrEqual(3);
    expect(average).toBeLessThanOrEqual(4);
  });

  it('follows the sector proportions exactly (20/30/20/20/10 by default)', () => {
    const counts = Object.fromEntries(SECTORS.map((s) => [s, 0]));
    for (const o of network(1000, 5).organisations) counts[o.sector] = (counts[o.sector] ?? 0) + 1;
    expect(counts).toEqual({ GOVERNMENT: 200, NGO: 300, COMPANY: 200, CIVIC_INNOVATOR: 200, ACADEMIC: 100 });
  });

  it('honours a custom sector mix, average degree and initiative rate', () => {
    const d = generateSyntheticNetwork({
      organisations: 300,
      seed: 3,
      averageDegree: 6,
      initiativesPer100: 10,
      sectorMix: { GOVERNMENT: 1, NGO: 1, COMPANY: 0, CIVIC_INNOVATOR: 1, ACADEMIC: 0 },
    });
    expect(new Set(d.organisations.map((o) => o.sector))).toEqual(
      new Set(['GOVERNMENT', 'NGO', 'CIVIC_INNOVATOR']),
    );
    expect((2 * d.relationships.length) / 300).toBeGreaterThan(5);
    expect(d.initiatives).toHaveLength(30);
    expect(structuralViolations(d)).toEqual([]);
  });

  it.each([1, 2, 3, 4])('has every sector, relationship kind and trust state at N=500 (seed %i)', (seed) => {
    const d = network(500, seed);
    expect(new Set(d.organisations.map((o) => o.sector))).toEqual(new Set(SECTORS));
    expect(new Set(d.relationships.map((r) => r.kind))).toEqual(new Set(RELATIONSHIP_KINDS));
    expect(new Set(d.relationships.map((r) => r.trust))).toEqual(new Set(TRUST_STATES));
  });

  it('has every relationship kind and trust state at N=200', () => {
    const d = network(200, 11);
    expect(new Set(d.relationships.map((r) => r.kind))).toEqual(new Set(RELATIONSHIP_KINDS));
    expect(new Set(d.relationships.map((r) => r.trust))).toEqual(new Set(TRUST_STATES));
  });

  it('makes initiatives at every stage with places and themes', () => {
    const d = network(2000, 1);
    expect(d.initiatives).toHaveLength(80);
    expect(new Set(d.initiatives.map((i) => i.stage))).toEqual(new Set(INITIATIVE_STAGES));
    expect(d.places.length).toBeGreaterThan(5);
    const cities = new Set(d.places.map((p) => p.city));
    expect(d.organisations.every((o) => o.city !== null && cities.has(o.city))).toBe(true);
    expect(d.organisations.every((o) => o.themes.length >= 1 && o.themes.length <= 3)).toBe(true);
  });
});

describe('generateSyntheticNetwork: structure', () => {
  it.each([
    [500, 1],
    [500, 2],
    [5000, 3],
  ])('has heavy-tailed degrees at N=%i (seed %i): max at least 5 × median', (n, seed) => {
    const sorted = degrees(network(n, seed));
    expect(sorted[sorted.length - 1]).toBeGreaterThanOrEqual(5 * median(sorted));
  });

  it('keeps most relationships inside a city, with some bridges', () => {
    const d = network(2000, 1);
    const city = new Map(d.organisations.map((o) => [o.id, o.city]));
    const local = d.relationships.filter((r) => city.get(r.source) === city.get(r.target)).length;
    expect(local / d.relationships.length).toBeGreaterThan(0.7);
    expect(local / d.relationships.length).toBeLessThan(0.98);
  });

  it('gives each kind a direction that fits the sectors (funders fund, governments adopt, agencies are PART_OF)', () => {
    const d = network(2000, 2);
    const org = new Map<string, OrganisationRecord>(d.organisations.map((o) => [o.id, o]));
    const parents = new Map<string, number>();
    for (const r of d.relationships) {
      const source = org.get(r.source) as OrganisationRecord;
      const target = org.get(r.target) as OrganisationRecord;
      if (r.kind === 'ADOPTION') expect(source.sector).toBe('GOVERNMENT');
      if (r.kind === 'PART_OF') {
        expect(source.sector).toBe(target.sector);
        expect(['GOVERNMENT', 'ACADEMIC']).toContain(source.sector);
        parents.set(source.id, (parents.get(source.id) ?? 0) + 1);
      }
      if (r.kind === 'INVESTMENT') expect(['COMPANY', 'CIVIC_INNOVATOR']).toContain(target.sector);
      if (r.kind === 'MEMBERSHIP') expect(['coalition', 'civic tech network']).toContain(target.kind);
      if (r.kind === 'FUNDING') expect(r.amount !== null && r.currency !== null).toBe(true);
    }
    expect(Math.max(...parents.values())).toBe(1);
  });

  it.each([
    [1, 1],
    [2, 9],
    [500, 4],
    [3000, -12],
  ])('breaks no structural rule at N=%i (seed %i)', (n, seed) => {
    expect(structuralViolations(generateSyntheticNetwork({ organisations: n, seed }))).toEqual([]);
  });
});

describe('generateSyntheticNetwork: valid atlas data', () => {
  it.each([
    [500, 42],
    [500, -7],
    [300, 2 ** 40 + 3],
  ])('reads back from CSV and JSON without problems at N=%i (seed %i)', (n, seed) => {
    const d = generateSyntheticNetwork({ organisations: n, seed });
    const csv = parseAtlasCsv(toAtlasCsvFiles(d));
    expect(csv.problems).toEqual([]);
    expect(csv.dataset.relationships).toHaveLength(d.relationships.length);
    expect(parseAtlasJson(toAtlasJson(d), 'synthetic.json').problems).toEqual([]);
  });

  it('is valid for any small size and seed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
        (n, seed) => {
          const d = generateSyntheticNetwork({ organisations: n, seed });
          expect(d.organisations).toHaveLength(n);
          expect(structuralViolations(d)).toEqual([]);
          expect(parseAtlasCsv(toAtlasCsvFiles(d)).problems).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});
