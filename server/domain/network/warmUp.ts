// What a server does right after it starts, before its first users would wait for it: load the network
// snapshot (tens of seconds at 100,000 organisations) with the orderings and the text index the lists keep
// with it, and run the search box's full-text queries and the filtered list on words of organisation
// names until they are hot. A freshly started Neo4j runs a query's expressions interpreted and its JVM has compiled little
// yet, so the first text queries after a start took twice as long as later ones (see README, "Speed").
// Every step reads; nothing is written. The words come from the organisations held, spread over the
// snapshot, so the warm-up fits the data it runs on and no text is fixed in code.
import type { QueryRunner } from '../../common/queryRunner.ts';
import { searchOrganisations } from '../organisations.ts';
import { networkAccess, type NetworkCache } from './cache.ts';
import { degreesIn } from './degree.ts';
import { listOrganisations, orderingsOf } from './organisationList.ts';
import type { NetworkSnapshot } from './snapshot.ts';
import { textIndexOf } from './textIndex.ts';

/**
 * How many words of organisation names the warm-up searches for, each once as a search and once as a list
 * filter: a Cypher query's expressions are compiled once it has run a few times, the JVM's compilers take
 * longer (measured at D1: README). Each a different word, since a list keeps the matches of a text it was
 * asked (TEXT_HITS_KEPT) and would not match it again.
 */
export const WARM_UP_WORDS = 32;

export interface WarmUpReport {
  organisations: number;
  /** Milliseconds to load (or find) the snapshot, its orderings and its text index. */
  snapshotMs: number;
  /** Milliseconds of the text queries. */
  searchMs: number;
  /** The words asked. */
  words: string[];
  /** The text queries run (searches and list filters). */
  queries: number;
  /** Whether it stopped early because `signal` was aborted. */
  stopped: boolean;
}

/**
 * Words of organisation names (3 letters or more, lower case, each once), from organisations spread
 * evenly over the snapshot: at most `count`.
 */
export function warmUpWords(snapshot: NetworkSnapshot, count = WARM_UP_WORDS): string[] {
  const words = new Set<string>();
  const n = snapshot.names.length;
  for (let k = 0; k < n && words.size < count; k++) {
    // A stride through the snapshot, so the words do not all come from its first organisations.
    const i = Math.floor(((k * 0.618034) % 1) * n);
    for (const word of snapshot.names[i]!.toLowerCase().split(/[^\p{L}\p{N}]+/u))
      if (word.length >= 3 && words.size < count) words.add(word);
  }
  return [...words];
}

/** Loads the snapshot and runs the text queries until hot; stops between two queries when `signal` aborts. */
export async function warmUp(
  runner: QueryRunner,
  cache: NetworkCache,
  { signal, words: count = WARM_UP_WORDS }: { signal?: AbortSignal; words?: number } = {},
): Promise<WarmUpReport> {
  const started = performance.now();
  const net = networkAccess(runner, cache);
  const snapshot = await net.snapshot();
  await orderingsOf(net, snapshot);
  await textIndexOf(runner, net, snapshot);
  const snapshotMs = performance.now() - started;
  const degrees = degreesIn(snapshot);
  let queries = 0;
  const words = warmUpWords(snapshot, count);
  for (const word of words) {
    if (signal?.aborted) return report(true);
    await searchOrganisations(runner, word, undefined, { degrees });
    // The list as the explorer's results panel asks it: the page's details and the facets.
    const page = await listOrganisations(runner, networkAccess(runner, cache), { filter: { query: word } });
    page.facets();
    queries += 2;
  }
  return report(false);

  function report(stopped: boolean): WarmUpReport {
    return {
      organisations: snapshot.ids.length,
      words,
      snapshotMs: Math.round(snapshotMs),
      searchMs: Math.round(performance.now() - started - snapshotMs),
      queries,
      stopped,
    };
  }
}
