// organisations(filter) with its facets (the product: the filtered set from the network snapshot, the page
// read by id, the facet counts of the whole set) against one hand-written Cypher query that filters in the
// database and counts the same facets, on filters the explorer sends.
import type { Driver } from 'neo4j-driver';
import type { QueryRunner } from '../../server/common/queryRunner.ts';
import { RELATIONSHIP_KINDS } from '../../server/domain/model.ts';
import { networkAccess, type NetworkCache } from '../../server/domain/network/cache.ts';
import type { OrganisationFilterInput } from '../../server/domain/network/filter.ts';
import { listOrganisations } from '../../server/domain/network/organisationList.ts';
import { runCypher } from '../support/cypher.ts';
import type { GraphData } from './graphData.ts';
import { sideBySide, Samples, summarise, type Comparison } from './measure.ts';

const FIRST = 20;

export interface ListCase {
  label: string;
  filter: OrganisationFilterInput;
  /**
   * For a text filter, the filter of each measured round: the same kind of text, one not asked before
   * (round r asks texts[r - 1]), since a text's matches are kept with the snapshot once asked
   * (TEXT_HITS_KEPT) and a repeat would measure only the next page of a list.
   */
  texts?: OrganisationFilterInput[];
}

function mostCommon(values: Iterable<string>, skip = 0): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return ranked[Math.min(skip, ranked.length - 1)]![0];
}

/** Text filters the rounds can ask, each a text not asked before (see ListCase.texts). */
const TEXT_ROUNDS = 10;

/** The values ranked `from` to `from + count - 1` by frequency (most common first; fewer if there are fewer). */
function ranked(values: Iterable<string>, from: number, count: number): string[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(from, from + count)
    .map(([v]) => v);
}

/** Filters as the explorer sends them, with values taken from the data (the most common ones). */
export function listCases(g: GraphData): ListCase[] {
  const placeName = (id: string) => g.placeNames.get(id)!;
  const theme = mostCommon(g.themes.flat());
  const theme2 = mostCommon(g.themes.flat(), 3);
  const region = placeName(mostCommon(g.places.flatMap((p) => (p.region ? [p.region] : []))));
  const city = placeName(
    mostCommon(
      g.places.flatMap((p) => (p.city ? [p.city] : [])),
      1,
    ),
  );
  const country = placeName(mostCommon(g.places.flatMap((p) => (p.country ? [p.country] : []))));
  const kind = mostCommon(
    g.kinds.flatMap((k) => (k ? [k.trim().toLowerCase()] : [])),
    2,
  );
  return [
    { label: 'no filter (every organisation)', filter: {} },
    { label: 'sector', filter: { sectors: ['NGO'] } },
    { label: 'theme', filter: { themes: [theme] } },
    { label: 'region (places inside it too)', filter: { places: [region] } },
    { label: 'sector and city', filter: { sectors: ['COMPANY'], places: [city] } },
    { label: 'kind', filter: { kinds: [kind] } },
    {
      label: 'relationship kind and trust',
      filter: { relationshipKinds: ['FUNDING'], trustStates: ['IMPORTED'] },
    },
    {
      label: 'two sectors, theme, country',
      filter: { sectors: ['NGO', 'CIVIC_INNOVATOR'], themes: [theme2], places: [country] },
    },
    {
      label: 'text (a theme name)',
      filter: { query: theme },
      texts: ranked(g.themes.flat(), 1, TEXT_ROUNDS).map((t) => ({ query: t })),
    },
    {
      label: 'text (a place name) and sector',
      filter: { query: city, sectors: ['NGO'] },
      texts: ranked(
        g.places.flatMap((p) => (p.city ? [p.city] : [])),
        2,
        TEXT_ROUNDS,
      ).map((c) => ({ query: placeName(c), sectors: ['NGO'] })),
    },
  ];
}

const KINDS = RELATIONSHIP_KINDS.join('|');

/**
 * The baseline: filter in Cypher (the text by the full-text index with the words as typed), then count
 * the whole set, read the first page by name and count every facet (sectors, the 50 most frequent themes,
 * places with their enclosing places, kinds, relationship kinds, trust states) in the same query.
 */
export const BASELINE = `
CALL (){
  CALL (){
    WITH $query AS q WHERE q IS NOT NULL
    CALL db.index.fulltext.queryNodes('organisation_search_text', q, {limit: 10000}) YIELD node
    RETURN node AS o
    UNION
    WITH $query AS q WHERE q IS NULL
    MATCH (o:Organisation)
    RETURN o
  }
  WITH o
  WHERE o.status = 'PUBLISHED'
    AND ($sectors IS NULL OR o.sector IN $sectors)
    AND ($kinds IS NULL OR toLower(trim(o.kind)) IN $kinds)
    AND ($themes IS NULL OR EXISTS { (o)-[:WORKS_ON]->(t:Theme) WHERE t.name IN $themes })
    AND ($places IS NULL OR EXISTS { (o)-[:LOCATED_IN]->(:Place)-[:IN*0..3]->(q:Place) WHERE q.name IN $places })
    AND ($tieKinds IS NULL OR EXISTS {
      (o)-[r:${KINDS}]-(m:Organisation)
      WHERE m.status = 'PUBLISHED' AND type(r) IN $tieKinds AND ($trust IS NULL OR coalesce(r.trust, 'IMPORTED') IN $trust)
    })
  RETURN collect(o) AS members
}
CALL (members) {
  UNWIND members AS o
  WITH o ORDER BY toLower(o.name), o.id LIMIT ${FIRST}
  RETURN collect(o.id) AS page
}
CALL (members) {
  UNWIND members AS o
  WITH o.sector AS k, count(*) AS c
  RETURN collect([k, c]) AS sectors
}
CALL (members) {
  UNWIND members AS o
  MATCH (o)-[:WORKS_ON]->(t:Theme)
  WITH t.name AS k, count(*) AS c ORDER BY c DESC, k LIMIT 50
  RETURN collect([k, c]) AS themes
}
CALL (members) {
  UNWIND members AS o
  MATCH (o)-[:LOCATED_IN]->(:Place)-[:IN*0..3]->(q:Place)
  WITH q.name AS k, count(*) AS c ORDER BY c DESC, k LIMIT 50
  RETURN collect([k, c]) AS places
}
CALL (members) {
  UNWIND members AS o
  WITH toLower(trim(o.kind)) AS k WHERE k IS NOT NULL
  WITH k, count(*) AS c ORDER BY c DESC, k LIMIT 50
  RETURN collect([k, c]) AS kinds
}
CALL (members) {
  UNWIND members AS o
  MATCH (o)-[r:${KINDS}]-(m:Organisation)
  WHERE m.status = 'PUBLISHED'
  WITH DISTINCT o, type(r) AS k
  WITH k, count(*) AS c
  RETURN collect([k, c]) AS relationshipKinds
}
CALL (members) {
  UNWIND members AS o
  MATCH (o)-[r:${KINDS}]-(m:Organisation)
  WHERE m.status = 'PUBLISHED'
  WITH DISTINCT o, coalesce(r.trust, 'IMPORTED') AS k
  WITH k, count(*) AS c
  RETURN collect([k, c]) AS trustStates
}
RETURN size(members) AS totalCount, page, sectors, themes, places, kinds, relationshipKinds, trustStates`;

interface BaselineList {
  totalCount: number;
  page: string[];
  sectors: [string, number][];
}

async function baselineList(driver: Driver, filter: OrganisationFilterInput): Promise<BaselineList> {
  const list = <T>(x: readonly T[] | null | undefined) => (x && x.length > 0 ? [...x] : null);
  const [row] = await runCypher(driver, BASELINE, {
    // The plain full-text query: the words as typed, Lucene syntax escaped.
    query: filter.query ? filter.query.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, (c) => `\\${c}`) : null,
    sectors: list(filter.sectors),
    kinds: list(filter.kinds),
    themes: list(filter.themes),
    places: list(filter.places),
    tieKinds: list(filter.relationshipKinds),
    trust: list(filter.trustStates),
  });
  return row as unknown as BaselineList;
}

export async function benchOrganisationList(
  runner: QueryRunner,
  driver: Driver,
  cache: NetworkCache,
  cases: ListCase[],
  rounds: number,
  log: (line: string) => void,
): Promise<Comparison> {
  const samples = new Samples();
  const perCase = cases.map(() => [] as number[]);
  const checks: string[] = [];
  const totals: string[] = [];
  let repeatedTexts = false;
  for (let round = 0; round <= rounds; round++) {
    log(
      `organisations(filter) with facets: ${round === 0 ? 'warm-up and check' : `round ${round}/${rounds}`}`,
    );
    for (const [k, c] of cases.entries()) {
      const texts = c.texts ?? [];
      const filter = round > 0 && texts.length > 0 ? texts[(round - 1) % texts.length]! : c.filter;
      if (round > texts.length && texts.length > 0) repeatedTexts = true;
      const pair = await sideBySide(
        (round + k) % 2 === 0,
        async () => {
          const page = await listOrganisations(runner, networkAccess(runner, cache), {
            filter,
            first: FIRST,
          });
          return { page, facets: page.facets() };
        },
        () => baselineList(driver, filter),
      );
      if (round > 0) {
        samples.add(pair);
        perCase[k]!.push(pair.ours.ms);
        continue;
      }
      const ours = pair.ours.value;
      const base = pair.baseline.value;
      totals.push(`${c.label} ${ours.page.totalCount}`);
      // A text filter matches differently (ours: fuzzy, prefix, places, themes): only timed.
      if (c.filter.query) continue;
      const oursSectors = Object.fromEntries(ours.facets.sectors.map((f) => [f.sector, f.count]));
      const baseSectors = Object.fromEntries(base.sectors);
      const samePage = ours.page.nodes.map((o) => o.id).join() === base.page.join();
      if (
        ours.page.totalCount !== base.totalCount ||
        !samePage ||
        JSON.stringify(oursSectors, Object.keys(oursSectors).sort()) !==
          JSON.stringify(baseSectors, Object.keys(oursSectors).sort())
      )
        checks.push(
          `${c.label}: ours ${ours.page.totalCount}, baseline ${base.totalCount}${samePage ? '' : ', first pages differ'}`,
        );
    }
  }
  // A text asked again (its matches kept): the next page, or the same text with another facet ticked.
  const again: number[] = [];
  for (let round = 0; round < rounds; round++)
    for (const c of cases.filter((c) => c.filter.query)) {
      const started = performance.now();
      const page = await listOrganisations(runner, networkAccess(runner, cache), {
        filter: c.filter,
        first: FIRST,
      });
      page.facets();
      again.push(performance.now() - started);
    }
  const repeat = summarise(again);
  const perFilter = cases.map((c, k) => ({ label: c.label, ...summarise(perCase[k]!) }));
  const slowest = [...perFilter].sort((a, b) => b.p95 - a.p95)[0];
  const notes = [
    `${cases.length} filters × ${rounds} round(s), first ${FIRST}, facets computed; ours: listOrganisations over the snapshot + the page by id (a text filter matched by the text index kept with the snapshot, server/domain/network/textIndex.ts); baseline: one Cypher query (organisationList.ts) filtering, paging and counting every facet`,
    `matches: ${totals.join('; ')}`,
    `each measured round asks each text filter with a text not asked before (${cases
      .filter((c) => c.texts)
      .map(
        (c) =>
          `${c.label}: ${c
            .texts!.slice(0, rounds)
            .map((t) => JSON.stringify(t.query))
            .join(', ')}`,
      )
      .join(
        '; ',
      )}${repeatedTexts ? '; more rounds than texts, so some rounds repeat a text' : ''}), so the percentiles time a text's first ask; the same texts asked again, their matches kept with the snapshot (the next page, another facet): median ${repeat.median.toFixed(1)} / p95 ${repeat.p95.toFixed(1)} ms over ${again.length} asks (not in the percentiles)`,
    slowest ? `slowest filter for ours: ${slowest.label} (p95 ${slowest.p95.toFixed(1)} ms)` : '',
    `ours per filter (median / p95 of its ${rounds} sample${rounds === 1 ? '' : 's'}): ${perFilter
      .map((f) => `${f.label} ${f.median.toFixed(1)} / ${f.p95.toFixed(1)} ms`)
      .join('; ')}`,
    checks.length === 0
      ? `the same total, first page and sector counts for the ${cases.filter((c) => !c.filter.query).length} filters without text (text filters are only timed: ours also matches typos, prefixes, places and themes)`
      : `WARNING: differences: ${checks.join(' | ')}`,
  ].filter((n) => n !== '');
  return samples.compare('organisations(filter) with facets', notes);
}
