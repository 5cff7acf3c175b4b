// Benchmark 2: full-text search (searchOrganisations: fuzzy + prefix over the Lucene index, then the
// details of each hit) against a CONTAINS scan over every organisation name.
import type { Driver } from 'neo4j-driver';
import { runCypher } from '../support/cypher.ts';
import type { DbRunner as QueryRunner } from '../../server/db/runner.ts';
import type { Dataset } from '../../server/domain/model.ts';
import { searchOrganisations } from '../../server/domain/organisations.ts';
import { sideBySide, Samples, type Comparison } from './measure.ts';

const QUERIES = 50;
const FIRST = 10;

const BASELINE = `MATCH (o:Organisation) WHERE toLower(o.name) CONTAINS toLower($q) RETURN o.id AS id LIMIT 10`;

const VARIANTS = ['prefix', 'word + prefix', 'swapped letters', 'dropped letter', 'full name'] as const;

export interface SearchCase {
  /** The organisation whose name the query was made from. */
  target: string;
  text: string;
  variant: (typeof VARIANTS)[number];
}

function longestWord(words: string[]): string {
  return words.reduce((best, w) => (w.length > best.length ? w : best), '');
}

function queryText(name: string, variant: SearchCase['variant']): string {
  const words = name.split(/\s+/).filter((w) => w !== '');
  const main = longestWord(words);
  switch (variant) {
    case 'prefix':
      return main.slice(0, Math.max(3, Math.ceil(main.length / 2)));
    case 'word + prefix':
      return words.length > 1 ? `${words[0]} ${(words[1] ?? '').slice(0, 3)}` : main.slice(0, 4);
    case 'swapped letters': {
      if (main.length < 4) return main;
      const i = main.length - 3;
      return `${main.slice(0, i)}${main[i + 1]}${main[i]}${main.slice(i + 2)}`;
    }
    case 'dropped letter': {
      if (main.length < 5) return main;
      const i = Math.floor(main.length / 2);
      return `${main.slice(0, i)}${main.slice(i + 1)}`;
    }
    case 'full name':
      return name;
  }
}

/** QUERIES queries from published organisations spread evenly over the dataset, cycling through the variants. */
export function searchCases(dataset: Dataset): SearchCase[] {
  const published = dataset.organisations.filter((o) => o.status === 'PUBLISHED');
  return Array.from({ length: Math.min(QUERIES, published.length) }, (_, k) => {
    const org = published[Math.floor(((k + 0.5) * published.length) / QUERIES)];
    const variant = VARIANTS[k % VARIANTS.length] as SearchCase['variant'];
    return org ? { target: org.id, text: queryText(org.name, variant), variant } : undefined;
  }).filter((c) => c !== undefined);
}

export async function benchSearch(
  { runner, driver }: { runner: QueryRunner; driver: Driver },
  dataset: Dataset,
  rounds: number,
  log: (line: string) => void,
): Promise<Comparison> {
  const cases = searchCases(dataset);
  const samples = new Samples();
  const quality = { ours: { any: 0, target: 0 }, baseline: { any: 0, target: 0 } };
  for (let round = 0; round <= rounds; round++) {
    log(`search: ${round === 0 ? 'warm-up' : `round ${round}/${rounds}`}`);
    for (const [i, c] of cases.entries()) {
      const pair = await sideBySide(
        (round + i) % 2 === 0,
        async () => (await searchOrganisations(runner, c.text, FIRST)).map((o) => o.id),
        async () => (await runCypher(driver, BASELINE, { q: c.text })).map((r) => String(r.id)),
      );
      if (round > 0) {
        samples.add(pair);
        continue;
      }
      // The warm-up round also records what each side finds (the same every round).
      for (const [side, ids] of [
        ['ours', pair.ours.value],
        ['baseline', pair.baseline.value],
      ] as const) {
        if (ids.length > 0) quality[side].any++;
        if (ids.includes(c.target)) quality[side].target++;
      }
    }
  }
  const n = cases.length;
  return samples.compare('search', [
    `${n} queries (${VARIANTS.join(', ')}; from generated names) × ${rounds} round(s), first ${FIRST}`,
    `ours: ${quality.ours.any}/${n} queries found something, ${quality.ours.target}/${n} found the organisation the query was made from`,
    `baseline: ${quality.baseline.any}/${n} found something, ${quality.baseline.target}/${n} found that organisation`,
    'ours makes two round trips (index hits, then details with places, themes and degree); the baseline returns ids only',
  ]);
}
