// The text of a list filter (organisations(filter: {query}), and what the same filter selects for exports
// and network figures), matched in the process: an inverted index of the published organisations'
// searchable texts (the fields of the full-text index organisation_search_text), kept with the network
// snapshot. A text that names a place or a theme matches thousands of organisations, and asking Neo4j's
// full-text procedure for all of them cost 20–45 ms at D1 (2–3 µs per hit yielded, then sending them);
// here it costs a few ms and no round trip. The words and what each may match are the search's own
// (search.ts: WORD_CLAUSES, EXPANSION_CLAUSES, typo matches on names), scored as Lucene scores them
// (BM25 for a word and its typo variants, a constant for a word begun), so a list ranks its matches as
// the search box does. The search box, registration's likely matches and the importer keep using Lucene.
//
// Why not a library: MiniSearch 7.2 (the well-kept in-process full-text engine for Node) was measured on
// D1's 100,000 organisations: 5.9 s to build, 152 MB of heap, and 40–300 ms for one text naming a place
// or a theme (README, "Speed"). The list needs typed arrays and one pass per posting.
import type { QueryRunner } from '../../common/queryRunner.ts';
import {
  editDistance,
  expansionsOf,
  EXPANSION_CLAUSES,
  textTokens,
  typoEdits,
  WORD_CLAUSES,
  type SearchField,
  type SearchQueries,
  type WordClause,
} from '../search.ts';
import type { NetworkAccess } from './cache.ts';
import type { NetworkSnapshot } from './snapshot.ts';

const FIELDS: readonly SearchField[] = [
  'name',
  'description',
  'identifierText',
  'placeText',
  'themeText',
  'acronym',
];

/** Lucene's BM25 parameters (BM25Similarity's defaults, which Neo4j's full-text indexes use). */
const K1 = 1.2;
const B = 0.75;
/** Lucene's FuzzyQuery keeps at most this many terms of a typo match (maxExpansions). */
const MAX_TYPO_TERMS = 50;

/** One field's postings: for each term (sorted), the organisations (snapshot indexes) that have it. */
interface FieldIndex {
  /** The field's terms in code-unit order, so the terms a word begins are one run. */
  terms: string[];
  termIndex: Map<string, number>;
  /** Postings of term t: docs[start[t]] … docs[start[t + 1] - 1], with how often the term occurs. */
  start: Int32Array;
  docs: Int32Array;
  freqs: Uint16Array;
  /** Tokens of the field per organisation (0: the organisation has no such text). */
  lengths: Uint16Array;
  /** Organisations with the field, and their mean length (BM25's N and avgdl). */
  docCount: number;
  meanLength: number;
}

export interface TextIndex {
  /** Organisations indexed: the snapshot's. */
  size: number;
  fields: Readonly<Record<SearchField, FieldIndex>>;
  /** Whether every page of texts was read at the snapshot's data version. */
  atSnapshot: boolean;
}

/** An organisation's searchable texts, as stored on its node (what the full-text index reads). */
export type TextRow = { id: string } & Record<SearchField, string | null>;

/** Builds a TextIndex from rows of published organisations (any order; rows of unknown ids are left out). */
export class TextIndexBuilder {
  private readonly postings = new Map<SearchField, { terms: Map<string, number[]>; lengths: Uint16Array }>();

  constructor(private readonly snapshot: NetworkSnapshot) {
    for (const field of FIELDS)
      this.postings.set(field, { terms: new Map(), lengths: new Uint16Array(snapshot.ids.length) });
  }

  add(row: TextRow): void {
    const i = this.snapshot.index.get(row.id);
    if (i === undefined) return;
    for (const field of FIELDS) {
      const text = row[field];
      if (text === null || text === '') continue;
      const { terms, lengths } = this.postings.get(field)!;
      const tokens = textTokens(text);
      lengths[i] = Math.min(tokens.length, 65_535);
      for (const token of tokens) {
        let list = terms.get(token);
        if (list === undefined) terms.set(token, (list = []));
        // Pairs (organisation, frequency): a repeat within the same text counts up the last pair.
        if (list.length > 0 && list[list.length - 2] === i) list[list.length - 1]! += 1;
        else list.push(i, 1);
      }
    }
  }

  build(atSnapshot: boolean): TextIndex {
    const fields = {} as Record<SearchField, FieldIndex>;
    for (const field of FIELDS) {
      const { terms: byTerm, lengths } = this.postings.get(field)!;
      const terms = [...byTerm.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      let total = 0;
      for (const t of terms) total += byTerm.get(t)!.length / 2;
      const start = new Int32Array(terms.length + 1);
      const docs = new Int32Array(total);
      const freqs = new Uint16Array(total);
      let at = 0;
      terms.forEach((t, k) => {
        start[k] = at;
        const list = byTerm.get(t)!;
        for (let p = 0; p < list.length; p += 2) {
          docs[at] = list[p]!;
          freqs[at++] = Math.min(list[p + 1]!, 65_535);
        }
      });
      start[terms.length] = at;
      let docCount = 0;
      let tokens = 0;
      for (let i = 0; i < lengths.length; i++)
        if (lengths[i]! > 0) {
          docCount++;
          tokens += lengths[i]!;
        }
      fields[field] = {
        terms,
        termIndex: new Map(terms.map((t, k) => [t, k])),
        start,
        docs,
        freqs,
        lengths,
        docCount,
        meanLength: docCount === 0 ? 1 : tokens / docCount,
      };
    }
    return { size: this.snapshot.ids.length, fields, atSnapshot };
  }
}

const PAGE_SIZE = 10_000;

/** Reads the texts of the snapshot's organisations (in pages, by id) and indexes them. */
export async function loadTextIndex(runner: QueryRunner, snapshot: NetworkSnapshot): Promise<TextIndex> {
  const builder = new TextIndexBuilder(snapshot);
  let after = '';
  let atSnapshot = true;
  for (;;) {
    const [page] = await runner.read<{ rows: TextRow[]; last: string | null; dataVersion: number }>(
      'snapshotTexts',
      { after, pageSize: PAGE_SIZE },
    );
    if (!page) break;
    atSnapshot &&= page.dataVersion === snapshot.version;
    for (const row of page.rows) if (row.id !== null) builder.add(row);
    if (page.last === null || page.rows.length < PAGE_SIZE) break;
    after = page.last;
  }
  return builder.build(atSnapshot);
}

/** The key a snapshot's TextIndex is kept under (NetworkAccess.derived, kept). */
export const TEXT_INDEX = 'textIndex';

/** The snapshot's TextIndex, loaded once per snapshot (the first text list waits for it). */
export function textIndexOf(
  runner: QueryRunner,
  net: NetworkAccess,
  snapshot: NetworkSnapshot,
): Promise<TextIndex> {
  return net.derived(snapshot, TEXT_INDEX, () => loadTextIndex(runner, snapshot));
}

/** Organisations matching a text, with their scores, in snapshot order; `tier` 1 for matches of some words only. */
export interface TextMatches {
  index: Int32Array;
  score: Float64Array;
  tier: 0 | 1;
}

/** Lucene's BM25 idf for a term in `df` of `n` documents. */
const idf = (df: number, n: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

/** The first term of `terms` (sorted) not before `word`. */
function lowerBound(terms: readonly string[], word: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (terms[mid]! < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The name terms a typo match of `word` takes, as Lucene's FuzzyQuery picks them: within `edits` (swaps of
 * two neighbours count one), fewer edits than either word is long, the MAX_TYPO_TERMS closest (relative
 * to their length, then in term order), each weighted 1 − edits / the shorter length.
 */
function typoTerms(field: FieldIndex, word: string, edits: number): { term: number; weight: number }[] {
  const found: { term: number; weight: number }[] = [];
  const { terms } = field;
  for (let t = 0; t < terms.length; t++) {
    const term = terms[t]!;
    if (Math.abs(term.length - word.length) > edits) continue;
    const d = editDistance(word, term);
    const shorter = Math.min(term.length, word.length);
    if (d > edits || d >= shorter) continue;
    found.push({ term: t, weight: 1 - d / shorter });
  }
  return found.sort((a, b) => b.weight - a.weight || a.term - b.term).slice(0, MAX_TYPO_TERMS);
}

/**
 * The organisations matching the text of `queries` (buildSearchQueries, with the typo decisions of the
 * snapshot's name words): those matching every required word (tier 0); when none does, those matching
 * any word (tier 1). A word matches when any of its clauses does; an organisation's score adds up the
 * clauses every word matched, as the Lucene query of the same text scores it: a word (or one it stands
 * for) BM25 × its boost, a word begun its boost, typo variants BM25 × their weight with the idf of the
 * commonest of them (Lucene's blended rewrite).
 */
export function matchText(text: TextIndex, queries: SearchQueries): TextMatches {
  const n = text.size;
  const score = new Float64Array(n);
  // Bit k: word k matched (at most six words).
  const matched = new Uint8Array(n);
  // The clause that last counted each organisation (a word begun counts once, however many terms it begins).
  const stamp = new Int32Array(n).fill(-1);
  let clauseNo = 0;
  let required = 0;

  const addTerm = (f: FieldIndex, t: number, weight: number, df: number, bit: number) => {
    const w = weight * idf(df, f.docCount);
    for (let p = f.start[t]!; p < f.start[t + 1]!; p++) {
      const d = f.docs[p]!;
      const tf = f.freqs[p]!;
      score[d]! += (w * tf) / (tf + K1 * (1 - B + (B * f.lengths[d]!) / f.meanLength));
      matched[d]! |= bit;
    }
  };
  const addClause = ({ field, prefix, boost }: WordClause, word: string, bit: number) => {
    const f = text.fields[field];
    if (!prefix) {
      const t = f.termIndex.get(word);
      if (t !== undefined) addTerm(f, t, boost, f.start[t + 1]! - f.start[t]!, bit);
      return;
    }
    const clause = clauseNo++;
    for (let t = lowerBound(f.terms, word); t < f.terms.length && f.terms[t]!.startsWith(word); t++)
      for (let p = f.start[t]!; p < f.start[t + 1]!; p++) {
        const d = f.docs[p]!;
        if (stamp[d] === clause) continue;
        stamp[d] = clause;
        score[d]! += boost;
        matched[d]! |= bit;
      }
  };

  queries.typed.forEach((word, k) => {
    const part = queries.words[k]!;
    const bit = 1 << k;
    if (part.required) required |= bit;
    for (const clause of WORD_CLAUSES) addClause(clause, word, bit);
    for (const x of expansionsOf(word)) for (const clause of EXPANSION_CLAUSES) addClause(clause, x, bit);
    // Typo matches on names: only for the words queries gave them to (those no name contains).
    if (part.typo !== null) {
      const names = text.fields.name;
      const variants = typoTerms(names, word, typoEdits(word));
      let df = 0;
      for (const { term } of variants) df = Math.max(df, names.start[term + 1]! - names.start[term]!);
      for (const { term, weight } of variants) addTerm(names, term, weight, df, bit);
    }
  });

  const collect = (accept: (m: number) => boolean, tier: 0 | 1): TextMatches => {
    let count = 0;
    for (let d = 0; d < n; d++) if (matched[d] !== 0 && accept(matched[d]!)) count++;
    const index = new Int32Array(count);
    const scores = new Float64Array(count);
    let k = 0;
    for (let d = 0; d < n; d++)
      if (matched[d] !== 0 && accept(matched[d]!)) {
        index[k] = d;
        scores[k++] = score[d]!;
      }
    return { index, score: scores, tier };
  };
  const strict = collect((m) => (m & required) === required, 0);
  if (strict.index.length > 0 || queries.partialSameAsStrict) return strict;
  return collect(() => true, 1);
}
