// Turns free user text into safe Lucene queries for the organisation full-text index
// (`organisation_search_text`: name, description, identifiers, place names, theme names, acronym).
// Typo-tolerant (fuzzy on names), prefix-as-you-type, common abbreviations expanded (dept → department),
// acronyms of multi-word names ("MCC"). Lucene syntax typed by users is never interpreted: words are
// extracted, then escaped. Two queries: `strict` needs every word; `partial` any of them, for graceful
// near misses ranked after the strict hits.

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
const OPERATORS = new Set(['AND', 'OR', 'NOT', 'TO']);

/** Escapes every Lucene special character and defuses bare AND/OR/NOT/TO. */
export function escapeLucene(text: string): string {
  const escaped = text.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
  return OPERATORS.has(escaped) ? escaped.toLowerCase() : escaped;
}

/** Runs of letters and digits, kept whole across ' ’ _ . between them, as the standard analyzer keeps them. */
const WORD = /[\p{L}\p{N}]+(?:['’_.][\p{L}\p{N}]+)*/gu;

/**
 * Every word of a text as the index's standard analyzer sees it, lower-cased, in order and repeated as
 * often as it occurs: O'Brien, open_data and 3.5 are single tokens in the index, as here. The in-process
 * text index (network/textIndex.ts) reads organisations' texts with it.
 */
export function textTokens(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/**
 * The words of a search (textTokens, each once). At most six words, to stay well within Lucene's limit
 * of 1024 clauses once fuzzy terms are expanded.
 */
export function searchWords(text: string, maxWords = 6): string[] {
  return [...new Set(textTokens(text))].slice(0, maxWords);
}

/** Abbreviations people type, and what they stand for in names. */
export const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  dept: ['department'],
  dep: ['department'],
  govt: ['government'],
  gov: ['government'],
  intl: ['international'],
  int: ['international'],
  univ: ['university'],
  uni: ['university'],
  assoc: ['association'],
  assn: ['association'],
  co: ['company', 'council'],
  ltd: ['limited'],
  natl: ['national'],
  nat: ['national'],
  org: ['organisation', 'organization'],
  orgs: ['organisations', 'organizations'],
  inst: ['institute'],
  fdn: ['foundation'],
  found: ['foundation'],
  ctr: ['centre', 'center'],
  ctre: ['centre'],
  coll: ['college'],
  cllr: ['council'],
  cncl: ['council'],
  cc: ['city', 'county'],
  boro: ['borough'],
  dist: ['district'],
  mgmt: ['management'],
  dev: ['development'],
  tech: ['technology', 'technologies'],
  st: ['saint', 'street'],
  comm: ['community', 'commission'],
  soc: ['society'],
  svc: ['services'],
  svcs: ['services'],
  hq: ['headquarters'],
};

/** Words that join names rather than name anything: never required, they only add to a match. */
const JOINING_WORDS = new Set([
  'and',
  'of',
  'the',
  'for',
  'in',
  'on',
  'at',
  'de',
  'la',
  'le',
  'du',
  'des',
  'und',
]);

/**
 * One typed word's part of a query. A word that could be a typo of a name word has two forms: `exact`
 * (exact, prefix and abbreviation matches) and `typo` (the same plus fuzzy matches on names). Which one a
 * search uses is decided against the index when it runs (`probe`): a word spelled exactly as a word of a
 * published organisation's name is taken as meant and does not fan out into typo variants ("Stanley"
 * does not also find "Stanely"); a word no name contains gets typo matches ("Stanely" finds "Stanley").
 * This is a spell-checker's "suggest only for missing words", and it keeps Lucene from building fuzzy
 * automata and scoring their terms for words that need none (most of the time of a multi-word search).
 */
export interface SearchWordPart {
  /** Required in the strict query (joining words never are, unless the text has only those). */
  required: boolean;
  /** The word's clauses without typo matches: `(… OR …)`. */
  exact: string;
  /** The word's clauses with typo matches on names, or null when it has none (short words, numbers). */
  typo: string | null;
  /** A Lucene query matching organisations whose name contains the word itself (null with `typo`). */
  probe: string | null;
}

export interface SearchQueries {
  /** Every word must match (joining words excepted), each with its typo matches (see buildSearchQueries). */
  strict: string;
  /** Any word may match: the best partial matches, ranked after the strict ones. */
  partial: string;
  /**
   * The text has one word: `partial` then matches exactly what `strict` does, with the same scores, so a
   * fallback to it would only run the same index search again.
   */
  partialSameAsStrict: boolean;
  /**
   * The words' parts, in order, for a query that decides per word whether to add typo matches
   * (searchOrganisations.cypher): `strict` and `partial` are these with every `typo` form used.
   */
  words: SearchWordPart[];
  /** The text's words as typed (searchWords), which the query ranks names against. */
  typed: string[];
}

/** The fields of the organisation full-text index (cypher/migrations/0005_search_text.cypher). */
export type SearchField = 'name' | 'description' | 'identifierText' | 'placeText' | 'themeText' | 'acronym';

/** What one typed word matches in one field (the word itself, or any word it begins) and how much that weighs. */
export interface WordClause {
  field: SearchField;
  prefix: boolean;
  boost: number;
}

/**
 * The clauses of every typed word: a word matches an organisation when one of them does, and its score
 * adds up all that do. Names and acronyms weigh most, descriptions least. Both the Lucene queries below
 * and the in-process text index of lists (network/textIndex.ts) are built from these.
 */
export const WORD_CLAUSES: readonly WordClause[] = [
  { field: 'name', prefix: false, boost: 4 },
  { field: 'name', prefix: true, boost: 2 },
  { field: 'acronym', prefix: false, boost: 3 },
  { field: 'placeText', prefix: false, boost: 2 },
  { field: 'placeText', prefix: true, boost: 1 },
  { field: 'themeText', prefix: false, boost: 2 },
  { field: 'themeText', prefix: true, boost: 1 },
  { field: 'identifierText', prefix: false, boost: 2 },
  { field: 'identifierText', prefix: true, boost: 1 },
  { field: 'description', prefix: false, boost: 0.5 },
  { field: 'description', prefix: true, boost: 0.3 },
];

/** The clauses of each word an abbreviation stands for (dept → department), on names. */
export const EXPANSION_CLAUSES: readonly WordClause[] = [
  { field: 'name', prefix: false, boost: 3 },
  { field: 'name', prefix: true, boost: 1.5 },
];

/** The words a typed word stands for (ABBREVIATIONS), those the index can match as one word. */
export function expansionsOf(word: string): string[] {
  return (ABBREVIATIONS[word] ?? []).filter((x) => /^[\p{L}\p{N}]+$/u.test(x));
}

/**
 * The edits a typo match of `word` on names may make: two from seven letters, one from four, none for a
 * shorter word or a number.
 */
export function typoEdits(word: string): 0 | 1 | 2 {
  if (/^\d+$/.test(word)) return 0;
  return word.length >= 7 ? 2 : word.length >= 4 ? 1 : 0;
}

/** A clause as Lucene query text (`name:word*^2`); `e` is the escaped word. */
function luceneClause({ field, prefix, boost }: WordClause, e: string): string {
  return `${field}:${e}${prefix ? '*' : ''}${boost === 1 ? '' : `^${boost}`}`;
}

/** The clauses for one word: exact (boosted), prefix and typo matches per field, plus its expansions. */
function wordPart(word: string, required: boolean): SearchWordPart {
  const e = escapeLucene(word);
  const clauses = WORD_CLAUSES.map((c) => luceneClause(c, e)).join(' OR ');
  const expansions = expansionsOf(word)
    .map((x) => ` OR ${EXPANSION_CLAUSES.map((c) => luceneClause(c, escapeLucene(x))).join(' OR ')}`)
    .join('');
  const edits = typoEdits(word);
  const typo = edits === 0 ? '' : ` OR name:${e}~${edits}`;
  return {
    required,
    exact: `(${clauses}${expansions})`,
    typo: typo === '' ? null : `(${clauses}${typo}${expansions})`,
    probe: typo === '' ? null : `name:${e}`,
  };
}

/** The words of published organisations' names (searchWords of each name), as a caller holds them. */
export interface NameWords {
  has(word: string): boolean;
}

/** Every word of the names, as searchWords reads them, for buildSearchQueries. */
export function wordsOfNames(names: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const name of names) for (const word of searchWords(name, Number.POSITIVE_INFINITY)) words.add(word);
  return words;
}

/**
 * The Lucene queries for `text`, or null when it has no searchable word (then nothing matches). With
 * `nameWords`, the caller decides which words get typo matches instead of the index (SearchWordPart): a
 * word some name contains gets none (its `typo` is null), any other word gets them; no part has a probe,
 * so `strict` and `partial` are the whole query.
 */
export function buildSearchQueries(text: string, nameWords?: NameWords): SearchQueries | null {
  const words = searchWords(text);
  if (words.length === 0) return null;
  const required = words.filter((w) => !JOINING_WORDS.has(w));
  // A text of joining words only ("the") still searches for them.
  const strictWords = required.length > 0 ? new Set(required) : new Set(words);
  const parts = words.map((w) => {
    const part = wordPart(w, strictWords.has(w));
    if (!nameWords) return part;
    return { ...part, typo: nameWords.has(w) ? null : part.typo, probe: null };
  });
  const group = (p: SearchWordPart) => p.typo ?? p.exact;
  const strict = parts.map((p) => (p.required ? `+${group(p)}` : group(p))).join(' ');
  const partial = parts.map(group).join(' ');
  return { strict, partial, partialSameAsStrict: parts.length === 1, words: parts, typed: words };
}

/**
 * What the full-text index reads besides name, description and identifiers: the names of the place
 * chain, the theme names and the acronym. Every writer of organisations stores these (imports and
 * registrations), so search finds an organisation by its place and themes whoever recorded it.
 */
export function searchTextOf(o: {
  name: string;
  city: string | null;
  region: string | null;
  country: string | null;
  themes: readonly string[];
}): { placeText: string | null; themeText: string | null; acronym: string | null } {
  return {
    placeText: [o.city, o.region, o.country].filter((x) => x !== null && x !== '').join(' ') || null,
    themeText: o.themes.join(' ') || null,
    acronym: acronymOf(o.name),
  };
}

/**
 * The acronym of a multi-word name, as indexed ("Hadrian Borough Council" → "HBC"); null when shorter
 * than 3. A name that opens with an abbreviation of two or three capitals, in a name that is not all
 * capitals, keeps it whole: "HM Revenue & Customs" → "HMRC", "UK Research and Innovation" → "UKRI",
 * "NHS Digital" → "NHSD" (cypher/migrations/0008_acronym_abbreviations.cypher applies the same rule).
 */
export function acronymOf(name: string): string | null {
  const words = name
    .split(/[\s\-&/]+/)
    .filter((w) => /^\p{L}/u.test(w) && !JOINING_WORDS.has(w.toLowerCase()));
  const whole = /\p{Ll}/u.test(name) && /^\p{Lu}{2,3}$/u.test(words[0] ?? '');
  const letters = words.map((w, k) => (k === 0 && whole ? w : w[0]!.toUpperCase())).join('');
  return letters.length >= 3 ? letters : null;
}

/** Optimal string alignment distance (Levenshtein with adjacent swaps), as Lucene's fuzzy terms count edits. */
export function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      let best = Math.min(
        previous[j]! + 1,
        row[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, before[j - 2]! + 1);
      row.push(best);
    }
    before = previous;
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * How well one typed word matches one word of a name: 3 the word itself (or what its abbreviation stands
 * for), 2 the start of it, 1 a typo of it (the edits the index's fuzzy terms allow: one from four letters,
 * two from seven), 0 not at all.
 */
export function wordMatchInName(typed: string, word: string): number {
  if (typed === word || (ABBREVIATIONS[typed] ?? []).includes(word)) return 3;
  if (word.startsWith(typed)) return 2;
  const allowed = typoEdits(typed);
  if (allowed === 0) return 0;
  if (Math.abs(typed.length - word.length) > allowed) return 0;
  return editDistance(typed, word) <= allowed ? 1 : 0;
}

/**
 * How well `text` matches an organisation's NAME, for ranking hits: the sum over the typed words of their
 * best match among the name's words (wordMatchInName), an acronym typed whole counting as the words
 * themselves. A word found only in a place, theme, identifier or description adds nothing here: those
 * hits keep their place after the name matches.
 */
export function nameMatchScore(text: string, name: string): number {
  const nameWords = searchWords(name, Number.POSITIVE_INFINITY);
  const acronym = acronymOf(name)?.toLowerCase() ?? null;
  return searchWords(text).reduce((sum, typed) => {
    if (typed === acronym) return sum + 3;
    return sum + nameWords.reduce((best, word) => Math.max(best, wordMatchInName(typed, word)), 0);
  }, 0);
}
