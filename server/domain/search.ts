// Turns free user text into a safe Lucene query for the organisation full-text index:
// typo-tolerant (fuzzy), prefix-as-you-type, every word required. Lucene syntax typed by users is
// never interpreted: words are extracted, then escaped.

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
const OPERATORS = new Set(['AND', 'OR', 'NOT', 'TO']);

/** Escapes every Lucene special character and defuses bare AND/OR/NOT/TO. */
export function escapeLucene(text: string): string {
  const escaped = text.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
  return OPERATORS.has(escaped) ? escaped.toLowerCase() : escaped;
}

/**
 * Words as the index's standard analyzer sees them, lower-cased: runs of letters and digits, kept whole
 * across ' ’ _ . between them (O'Brien, open_data, 3.5 are single tokens in the index). At most six
 * words: each expands to about 150 clauses (3 fields × fuzzy variants) within Lucene's limit of 1024.
 */
export function searchWords(text: string, maxWords = 6): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’_.][\p{L}\p{N}]+)*/gu) ?? [];
  return [...new Set(words)].slice(0, maxWords);
}

/**
 * The Lucene query for `text`, or null when it has no searchable word (the caller returns no results).
 * Each word matches exactly (boosted), as a prefix, or within 1–2 edits when long enough.
 */
export function buildSearchQuery(text: string): string | null {
  const words = searchWords(text);
  if (words.length === 0) return null;
  return words
    .map((word) => {
      const w = escapeLucene(word);
      const variants = [`${w}^4`, `${w}*^2`];
      if (word.length >= 7) variants.push(`${w}~2`);
      else if (word.length >= 4) variants.push(`${w}~1`);
      return `(${variants.join(' OR ')})`;
    })
    .join(' AND ');
}
