// Benchmark: full-text search (searchOrganisations: the organisation_search_text index with exact, prefix
// and fuzzy words, ranked by how well they match by name, answered from the network snapshot as for the
// explorer's search box; every field's path timed beside it) against a CONTAINS scan over every organisation name, on
// a FROZEN list of queries (search-queries.json), with how often each side finds the organisation a query
// was made from among the queries that can identify it.
import fs from 'node:fs';
import type { Driver } from 'neo4j-driver';
import type { QueryRunner } from '../../server/common/queryRunner.ts';
import { networkAccess, type NetworkCache } from '../../server/domain/network/cache.ts';
import { degreesIn } from '../../server/domain/network/degree.ts';
import { SEARCH_RANK_WINDOW, searchOrganisations } from '../../server/domain/organisations.ts';
import { runCypher } from '../support/cypher.ts';
import type { GraphData } from './graphData.ts';
import { percentile, sideBySide, Samples, type Comparison } from './measure.ts';

const QUERIES = 50;
const FIRST = 10;
/** A query is identifiable when at most this many organisations match it as well as its target does. */
export const IDENTIFIABLE_AT_MOST = 10;
/** Goal: the target in the top 10 for at least this share of the identifiable queries. */
const GOAL_SHARE = 0.9;

export const SEARCH_QUERIES_FILE = new URL('./search-queries.json', import.meta.url);

const BASELINE = `MATCH (o:Organisation) WHERE toLower(o.name) CONTAINS toLower($q) RETURN o.id AS id LIMIT 10`;

export const VARIANTS = [
  'prefix',
  'word + prefix',
  'swapped letters',
  'dropped letter',
  'full name',
] as const;

export interface SearchCase {
  /** The organisation whose name the query was made from, and that name. */
  target: string;
  name: string;
  variant: (typeof VARIANTS)[number];
  text: string;
}

/** The data a frozen list was made from: the options of `npm run generate`. */
export interface DataKey {
  organisations: number;
  seed: number;
  averageDegree: number;
}

interface FrozenFile {
  about: string;
  lists: { data: DataKey; command: string; queries: SearchCase[] }[];
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

/**
 * QUERIES queries from published organisations spread evenly over `organisations` (in the order given: the
 * generator's), cycling through the variants. Used to make the frozen lists, and for data without one.
 */
export function makeSearchCases(
  organisations: readonly { id: string; name: string; status?: string }[],
): SearchCase[] {
  const published = organisations.filter((o) => (o.status ?? 'PUBLISHED') === 'PUBLISHED');
  return Array.from({ length: Math.min(QUERIES, published.length) }, (_, k) => {
    const org = published[Math.floor(((k + 0.5) * published.length) / QUERIES)];
    const variant = VARIANTS[k % VARIANTS.length] as SearchCase['variant'];
    return org ? { target: org.id, name: org.name, variant, text: queryText(org.name, variant) } : undefined;
  }).filter((c) => c !== undefined);
}

export function readFrozenLists(): FrozenFile {
  return JSON.parse(fs.readFileSync(SEARCH_QUERIES_FILE, 'utf8')) as FrozenFile;
}

/**
 * The frozen list for this data, checked against it (every target published with the recorded name); for
 * data without a frozen list, queries made from it (ordered by id) and said so.
 */
export function searchCasesFor(key: DataKey, g: GraphData): { cases: SearchCase[]; frozen: boolean } {
  const list = readFrozenLists().lists.find(
    (l) =>
      l.data.organisations === key.organisations &&
      l.data.seed === key.seed &&
      l.data.averageDegree === key.averageDegree,
  );
  if (!list)
    return { cases: makeSearchCases(g.ids.map((id, i) => ({ id, name: g.names[i]! }))), frozen: false };
  const wrong = list.queries.filter((c) => g.names[g.index.get(c.target) ?? -1] !== c.name);
  if (wrong.length > 0) {
    throw new Error(
      `the frozen search queries (test/bench/search-queries.json, ${list.command}) do not fit this data: ${wrong.length} target(s) missing or renamed, e.g. ${wrong[0]!.target} "${wrong[0]!.name}". The generator changed: refreeze with \`npx tsx test/bench/freezeSearchQueries.ts\` and say so in the commit.`,
    );
  }
  return { cases: list.queries, frozen: true };
}

// --- How well a query matches a name, independently of the product's ranking -------------------------

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Optimal string alignment distance (Levenshtein with adjacent transpositions). */
export function osaDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * How well one typed word matches one word of a name: 3 the same word, 2 the start of it, 1 a typo of it
 * (one edit, or two for words of seven letters or more; none under four letters), 0 not at all.
 */
export function wordMatch(typed: string, word: string): number {
  if (typed === word) return 3;
  if (word.startsWith(typed)) return 2;
  if (typed.length < 4 || Math.abs(typed.length - word.length) > 2) return 0;
  return osaDistance(typed, word) <= (typed.length >= 7 ? 2 : 1) ? 1 : 0;
}

/**
 * For each query, how many organisations match it at least as well as its target does, by name: the sum
 * over the typed words of their best match in the name. A query is identifiable when that count is at most
 * IDENTIFIABLE_AT_MOST (the target included): a search can then be expected to show the target in its
 * first ten. Names repeat in generated data, so many queries cannot be.
 */
export function equallyGoodMatches(cases: readonly SearchCase[], names: readonly string[]): number[] {
  const nameWords = names.map((n) => [...new Set(words(n))]);
  const vocabulary = [...new Set(nameWords.flat())];
  return cases.map((c) => {
    const typed = [...new Set(words(c.text))];
    // Each typed word against each distinct word of the data once.
    const best = typed.map((t) => new Map(vocabulary.map((w) => [w, wordMatch(t, w)])));
    const score = (ws: string[]) =>
      best.reduce((sum, m) => sum + ws.reduce((top, w) => Math.max(top, m.get(w)!), 0), 0);
    const target = score(words(c.name));
    return nameWords.filter((ws) => score(ws) >= target).length;
  });
}

export async function benchSearch(
  runner: QueryRunner,
  driver: Driver,
  cache: NetworkCache,
  g: GraphData,
  key: DataKey,
  rounds: number,
  log: (line: string) => void,
): Promise<Comparison> {
  const { cases, frozen } = searchCasesFor(key, g);
  const equals = equallyGoodMatches(cases, g.names);
  const identifiable = cases.map((_, k) => equals[k]! <= IDENTIFIABLE_AT_MOST);
  const samples = new Samples();
  const found = { ours: cases.map(() => false), baseline: cases.map(() => false) };
  // Queries whose ten differ between summaries and every field (none should).
  const differing: string[] = [];
  const any = { ours: 0, baseline: 0 };
  // The warm-up round counts the queries that needed a second round trip (details read by id), with
  // the snapshot's summaries (the search box) and with every field.
  const secondTrips = { summaries: 0, details: 0 };
  const counting = (side: keyof typeof secondTrips): QueryRunner =>
    Object.assign(Object.create(runner) as QueryRunner, {
      read: ((name, params) => {
        if (name === 'organisationsByIds') secondTrips[side]++;
        return runner.read(name, params);
      }) as QueryRunner['read'],
    });
  // The same search asking for every field of each organisation (details read), timed after each pair.
  const everyField: number[] = [];
  for (let round = 0; round <= rounds; round++) {
    log(`search: ${round === 0 ? 'warm-up and quality' : `round ${round}/${rounds}`}`);
    for (const [i, c] of cases.entries()) {
      // As the server answers the explorer's search box (its fields are those of a snapshot summary):
      // from the newest snapshot the process holds, whose degrees break ties between equal names.
      const held = networkAccess(runner, cache).latest();
      const search = (on: QueryRunner, summaries: boolean) =>
        searchOrganisations(on, c.text, FIRST, {
          degrees: held ? degreesIn(held) : null,
          summariesFrom: summaries ? held : null,
        });
      const pair = await sideBySide(
        (round + i) % 2 === 0,
        async () => (await search(round === 0 ? counting('summaries') : runner, true)).map((o) => o.id),
        async () => (await runCypher(driver, BASELINE, { q: c.text })).map((r) => String(r.id)),
      );
      const started = performance.now();
      const detailed = (await search(round === 0 ? counting('details') : runner, false)).map((o) => o.id);
      if (round > 0) {
        everyField.push(performance.now() - started);
        samples.add(pair);
        continue;
      }
      if (detailed.join() !== pair.ours.value.join()) differing.push(c.text);
      // The warm-up round also records what each side finds (the same every round).
      for (const side of ['ours', 'baseline'] as const) {
        const ids = pair[side].value;
        if (ids.length > 0) any[side]++;
        found[side][i] = ids.includes(c.target);
      }
    }
  }
  const n = cases.length;
  const count = (xs: boolean[], where: (k: number) => boolean = () => true) =>
    xs.filter((x, k) => x && where(k)).length;
  const nIdentifiable = count(identifiable);
  const oursIdentified = count(found.ours, (k) => identifiable[k]!);
  const baselineOnly = cases.map((c, k) => ({ c, k })).filter(({ k }) => found.baseline[k] && !found.ours[k]);
  const missed = cases
    .map((c, k) => ({ c, k }))
    .filter(({ k }) => identifiable[k] && !found.ours[k])
    .map(({ c, k }) => `"${c.text}" (${c.variant}, ${equals[k]} as good)`);
  const share = nIdentifiable === 0 ? 1 : oursIdentified / nIdentifiable;
  const byVariant = VARIANTS.map((v) => {
    const ks = cases.map((c, k) => (c.variant === v ? k : -1)).filter((k) => k >= 0);
    return `${v} ${ks.filter((k) => identifiable[k]).length}/${ks.length}`;
  }).join(', ');
  const comparison = samples.compare('search', [
    `${n} queries (${VARIANTS.join(', ')}; ${frozen ? 'the frozen list in search-queries.json' : 'NOT frozen: made from this data, ordered by id'}) × ${rounds} round(s), first ${FIRST}`,
    `identifiable (at most ${IDENTIFIABLE_AT_MOST} organisations match the query, by name, as well as its target does): ${nIdentifiable}/${n} (by variant: ${byVariant}); the others have a median of ${median(equals.filter((e) => e > IDENTIFIABLE_AT_MOST))} equally good matches`,
    `ours: ${any.ours}/${n} queries found something, ${count(found.ours)}/${n} found their target; of the identifiable ones ${oursIdentified}/${nIdentifiable} (${(share * 100).toFixed(0)} %; goal ≥ ${GOAL_SHARE * 100} %: ${share >= GOAL_SHARE ? 'met' : 'NOT met'})`,
    `baseline: ${any.baseline}/${n} found something, ${count(found.baseline)}/${n} found their target; ours also finds every one of those: ${baselineOnly.length === 0 ? 'yes (goal met)' : `NO (goal not met), missed ${baselineOnly.map(({ c, k }) => `"${c.text}" (${c.variant}, ${equals[k]} as good${identifiable[k] ? ', identifiable' : ': which of them the baseline shows is its scan order'})`).join(', ')}`}`,
    missed.length > 0
      ? `identifiable targets ours misses: ${missed.join(', ')}`
      : 'ours finds every identifiable target',
    `ours, as the server answers the explorer's search box (id, name, sector, kind and place of each organisation: what the network snapshot holds): one round trip, the index's best ${SEARCH_RANK_WINDOW} hits with their names and the data version (one query, which adds typo matches only for words no published name contains, and the best partial matches when fewer than ${FIRST} hits match every word), ranked by how well they match by name, then (equal names) by degree from the newest network snapshot the process holds, the top ${FIRST} as that snapshot's summaries when it is at the version read (organisations read by id otherwise: ${secondTrips.summaries} of the ${n} queries in the warm-up round); the baseline returns ids only`,
    `ours asking for every field of each organisation (description, identifiers, provenance…; timed after each pair, not in the table): median ${fmt(percentile(everyField, 50))} / p95 ${fmt(percentile(everyField, 95))} ms; the same query then also returns the details of the hits an approximation of the ranking (name words, stored ties) puts in the top ${FIRST}, and a second query reads those of any other hit the full ranking puts there (${secondTrips.details} of the ${n} queries in the warm-up round); the same ${FIRST} in the same order as with summaries: ${differing.length === 0 ? `all ${n} queries` : `NOT for ${differing.map((t) => `"${t}"`).join(', ')}`}`,
  ]);
  const baselineFound = count(found.baseline);
  comparison.goals = [
    {
      what: `search: the target in the top ${FIRST} for ≥ ${GOAL_SHARE * 100} % of the identifiable queries`,
      measured: `${oursIdentified}/${nIdentifiable} (${(share * 100).toFixed(0)} %)`,
      met: share >= GOAL_SHARE,
    },
    {
      what: 'search: ours finds the target of every query where the baseline finds it',
      measured: `${baselineFound - baselineOnly.length}/${baselineFound}${baselineOnly.length > 0 ? ` (missed: ${baselineOnly.map(({ c, k }) => `"${c.text}"${identifiable[k] ? ' identifiable' : ` not identifiable, ${equals[k]} as good`}`).join(', ')})` : ''}`,
      met: baselineOnly.length === 0,
    },
  ];
  return comparison;
}

function fmt(ms: number): string {
  return ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
}

function median(values: readonly number[]): string {
  return values.length === 0 ? 'n/a' : String(percentile(values, 50));
}
