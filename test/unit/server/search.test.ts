import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildSearchQuery, escapeLucene, searchWords } from '../../../server/domain/search.ts';

describe('escapeLucene', () => {
  it('escapes every Lucene special character', () => {
    expect(escapeLucene('a+b-c&&d||e!(f){g}[h]^"i"~j*k?l:m\\n/o')).toBe(
      'a\\+b\\-c\\&\\&d\\|\\|e\\!\\(f\\)\\{g\\}\\[h\\]\\^\\"i\\"\\~j\\*k\\?l\\:m\\\\n\\/o',
    );
  });
  it('defuses bare boolean operators', () => {
    expect(escapeLucene('AND')).toBe('and');
    expect(escapeLucene('NOT')).toBe('not');
    expect(escapeLucene('ANDROID')).toBe('ANDROID');
  });
});

describe('buildSearchQuery', () => {
  it('returns null when the text has no word', () => {
    for (const text of ['', '   ', '"', '*', '\\', '/', 'AND ( ) " *'.replace(/AND/, '')]) {
      expect(buildSearchQuery(text)).toBeNull();
    }
  });
  it('requires every word, each as exact, prefix and fuzzy match', () => {
    expect(buildSearchQuery('Digital inc')).toBe(
      '(digital^4 OR digital*^2 OR digital~2) AND (inc^4 OR inc*^2)',
    );
  });
  it('keeps Lucene syntax typed by users from being interpreted', () => {
    const q = buildSearchQuery('housing AND ( "trust* \\ /x');
    expect(q).toBe(
      '(housing^4 OR housing*^2 OR housing~2) AND (and^4 OR and*^2) AND (trust^4 OR trust*^2 OR trust~1) AND (x^4 OR x*^2)',
    );
  });
  it('only ever emits words, escapes and its own operators', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const q = buildSearchQuery(text);
        if (q === null) return;
        // Outside our own parentheses, ORs, ANDs, ^n, * and ~n, only words remain (letters and digits,
        // joined by ' ’ _ . which Lucene's syntax does not use).
        const residue = q.replace(/\^\d|~\d|\*| OR | AND |[()]/g, '');
        expect(residue).toMatch(/^[\p{L}\p{N}'’_.]+$/u);
        expect(q.split(' AND ').length).toBeLessThanOrEqual(6);
      }),
    );
  });
  it('splits words as the standard analyzer does', () => {
    expect(searchWords('GB-CHC:1234567 Café')).toEqual(['gb', 'chc', '1234567', 'café']);
    expect(searchWords("O'Brien open_data 3.5 end.")).toEqual(["o'brien", 'open_data', '3.5', 'end']);
  });
  it('keeps at most six words', () => {
    expect(searchWords('a b c d e f g h')).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
});
