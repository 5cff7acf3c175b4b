// Writes test/bench/search-queries.json: the search benchmark's queries, frozen, so a change to search is
// measured on the same queries as before it. Run only when the generator changed (the benchmark stops
// and says so when the list no longer fits the data), and say so in the commit:
//
//   npx tsx test/bench/freezeSearchQueries.ts
import fs from 'node:fs';
import { generateSyntheticNetwork, SYNTHETIC_DEFAULTS } from '../../server/domain/generate/synthetic.ts';
import { D1_OPTIONS } from './d1.ts';
import { makeSearchCases, SEARCH_QUERIES_FILE, type DataKey } from './search.ts';

const DATA: { key: DataKey; command: string }[] = [
  {
    key: { organisations: 10_000, seed: 42, averageDegree: SYNTHETIC_DEFAULTS.averageDegree },
    command: 'npm run generate -- --organisations 10000 --seed 42 (npm run bench)',
  },
  {
    key: { ...D1_OPTIONS },
    command: `npm run generate -- --organisations ${D1_OPTIONS.organisations} --seed ${D1_OPTIONS.seed} --average-degree ${D1_OPTIONS.averageDegree} (D1)`,
  },
];

const lists = DATA.map(({ key, command }) => {
  const dataset = generateSyntheticNetwork(key);
  return { data: key, command, queries: makeSearchCases(dataset.organisations) };
});
const file = {
  about:
    'The queries of the search benchmark (test/bench/search.ts), frozen: 50 per dataset, made from the names of published organisations spread over the generated data, cycling through five variants. Do not edit by hand; see freezeSearchQueries.ts.',
  lists,
};
fs.writeFileSync(SEARCH_QUERIES_FILE, `${JSON.stringify(file, null, 2)}\n`);
console.log(`wrote ${lists.map((l) => `${l.queries.length} queries for ${l.command}`).join('; ')}`);
