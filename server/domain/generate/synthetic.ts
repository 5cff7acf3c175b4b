// generateSyntheticNetwork: a deterministic, valid atlas Dataset of any size for tests and benchmarks.
import type { Dataset, PlaceRecord, Provenance } from '../model.ts';
import { attach } from './attachment.ts';
import { makeInitiatives } from './initiatives.ts';
import { resolveSyntheticOptions, type SyntheticOptions } from './options.ts';
import { makePopulation, type Population } from './population.ts';
import { Random } from './random.ts';
import { makeRelationships } from './relationships.ts';

export { MAX_ORGANISATIONS, SYNTHETIC_DEFAULTS, resolveSyntheticOptions } from './options.ts';
export type { ResolvedSyntheticOptions, SyntheticOptions } from './options.ts';

/** Who recorded synthetic facts; their dataset is `synthetic-<seed>`, so one generated set can be found and removed. */
export const SYNTHETIC_RECORDED_BY = 'atlas-generate';
const RECORDED_AT = '2025-01-01T00:00:00Z';

function placesOf(population: Population): PlaceRecord[] {
  const used = new Set<number>(population.communityOf);
  const seen = new Set<string>();
  const places: PlaceRecord[] = [];
  for (const c of [...used].sort((a, b) => a - b)) {
    const place = population.communities[c]?.place;
    if (!place || seen.has(place.city)) continue;
    seen.add(place.city);
    const { country, region, city, latitude, longitude } = place;
    places.push({ country, region, city, latitude, longitude });
  }
  return places;
}

/**
 * Organisations grow into a network by preferential attachment within communities (a city and two focus themes),
 * so degrees are heavy-tailed and clusters dense, with `bridgeShare` of the links between clusters. Each link gets
 * a kind that fits its sector pair (funders fund, agencies are PART_OF ministries, governments adopt civic
 * innovations…). Ids are `syn-<seed>-<n>` (organisations), `syn-<seed>-r<n>` and `syn-<seed>-i<n>`, so sets made
 * with different seeds never collide. Same options, same Dataset. Every relationship kind and trust state appears
 * whenever the size and sector mix allow it (always with the defaults and N ≥ 200). Throws InvalidInputError on
 * bad options.
 *
 * Every record shares one frozen provenance object (a million copies would cost memory for nothing).
 */
export function generateSyntheticNetwork(options: SyntheticOptions): Dataset {
  const resolved = resolveSyntheticOptions(options);
  const random = new Random(resolved.seed);
  const provenance: Provenance = Object.freeze({
    sourceUrl: null,
    sourceDataset: `synthetic-${resolved.seed}`,
    sourceRecord: null,
    recordedBy: SYNTHETIC_RECORDED_BY,
    recordedAt: RECORDED_AT,
  });
  const population = makePopulation(resolved, random, provenance);
  const { ends, pairs } = attach(
    {
      n: resolved.organisations,
      communityOf: population.communityOf,
      communityCount: population.communities.length,
      attractiveness: (i) => population.profiles[i]?.attractiveness ?? 1,
      averageDegree: resolved.averageDegree,
      bridgeShare: resolved.bridgeShare,
    },
    random,
  );
  const context = { seed: resolved.seed, population, provenance, random };
  const relationships = makeRelationships(context, ends, pairs);
  const initiativeCount = Math.round((resolved.organisations * resolved.initiativesPer100) / 100);
  const { initiatives, participations } = makeInitiatives(context, initiativeCount);
  return {
    organisations: population.organisations,
    relationships,
    initiatives,
    participations,
    places: placesOf(population),
  };
}
