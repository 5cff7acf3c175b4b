import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  acronymOf,
  buildSearchQueries,
  escapeLucene,
  nameMatchScore,
  searchWords,
  wordMatchInName,
} from '../../../server/domain/search.ts';

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

describe('buildSearchQueries', () => {
  it('returns null when the text has no word', () => {
    for (const text of ['', '   ', '"', '*', '\\', '/', ' ( ) " *']) {
      expect(buildSearchQueries(text)).toBeNull();
    }
  });

  it('requires every word in the strict query and none in the partial one', () => {
    const q = buildSearchQueries('Digital inc')!;
    expect(q.strict.match(/\+\(/g)).toHaveLength(2);
    expect(q.partial).not.toContain('+(');
    // exact, prefix and typo matches on names; places, themes, identifiers, acronyms and descriptions too
    expect(q.strict).toContain('name:digital^4 OR name:digital*^2');
    expect(q.strict).toContain('name:digital~2');
    expect(q.strict).toContain('acronym:digital^3');
    expect(q.strict).toContain('placeText:digital^2');
    expect(q.strict).toContain('themeText:inc*');
    expect(q.strict).not.toContain('inc~');
    expect(q.partialSameAsStrict).toBe(false);
  });

  it('says when the partial query would only find the hits of the strict one again (one word)', () => {
    expect(buildSearchQueries('Kirkmouth')!.partialSameAsStrict).toBe(true);
    expect(buildSearchQueries('  kirkmouth ')!.partialSameAsStrict).toBe(true);
    // A joining word makes the partial query differ (it may match by "and" alone).
    expect(buildSearchQueries('Smith and')!.partialSameAsStrict).toBe(false);
  });

  it('expands common abbreviations to the words names use', () => {
    const q = buildSearchQueries('dept health')!;
    expect(q.strict).toContain('name:department^3');
    expect(buildSearchQueries('univ')!.strict).toContain('name:university^3');
    expect(buildSearchQueries('govt')!.strict).toContain('name:government^3');
  });

  it('never requires joining words such as "and" or "of"', () => {
    const q = buildSearchQueries('Smith and Jones')!;
    expect(q.strict.match(/\+\(/g)).toHaveLength(2);
    expect(q.strict).toContain(' (name:and^4');
  });

  it('keeps Lucene syntax typed by users from being interpreted', () => {
    const q = buildSearchQueries('housing AND ( "trust* \\ /x')!;
    for (const query of [q.strict, q.partial]) {
      expect(query).not.toMatch(/[^\\]"/);
      expect(query).toContain('name:housing^4');
      expect(query).toContain('name:trust^4');
    }
  });

  it('only ever emits words, escapes and its own syntax', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const q = buildSearchQueries(text);
        if (q === null) return;
        for (const query of [q.strict, q.partial]) {
          // Remove our own syntax: fields, boosts, wildcards, fuzziness, OR, required groups, parentheses.
          const residue = query
            .replace(/\b(name|acronym|placeText|themeText|identifierText|description):/g, '')
            .replace(/\^\d+(\.\d+)?|~\d|\*| OR |\+\(|[()]|\s/g, '');
          expect(residue).toMatch(/^[\p{L}\p{N}'’_.]*$/u);
        }
        expect(q.strict.split('+(').length - 1).toBeLessThanOrEqual(6);
      }),
    );
  });

  it('gives each word an exact form, and a typo form with a probe when it could be a typo', () => {
    const [digital, inc] = buildSearchQueries('Digital inc')!.words;
    expect(digital).toMatchObject({ required: true, probe: 'name:digital' });
    expect(digital!.exact).not.toContain('~');
    expect(digital!.typo).toBe(digital!.exact.replace(/\)$/, ' OR name:digital~2)'));
    // Under four letters, and numbers: no typo form, nothing to probe.
    expect(inc).toMatchObject({ typo: null, probe: null });
    expect(buildSearchQueries('1234567')!.words[0]).toMatchObject({ typo: null, probe: null });
    expect(buildSearchQueries("o'neill")!.words[0]!.probe).toBe("name:o'neill");
    // strict and partial are the parts with every typo form used
    const q = buildSearchQueries('Smith and Jones')!;
    expect(q.words.map((w) => w.required)).toEqual([true, false, true]);
    expect(q.strict).toBe(q.words.map((w) => `${w.required ? '+' : ''}${w.typo ?? w.exact}`).join(' '));
  });

  it('makes acronyms of multi-word names', () => {
    expect(acronymOf('Hadrian Borough Council')).toBe('HBC');
    expect(acronymOf('Department for Science, Innovation and Technology')).toBe('DSIT');
    expect(acronymOf('Open Doors')).toBeNull();
    expect(acronymOf('Smith & Jones-Brown Associates')).toBe('SJBA');
  });

  it('keeps an opening abbreviation of two or three capitals whole', () => {
    expect(acronymOf('HM Revenue & Customs')).toBe('HMRC');
    expect(acronymOf('UK Research and Innovation')).toBe('UKRI');
    expect(acronymOf('HM Treasury')).toBe('HMT');
    expect(acronymOf('The NHS Confederation')).toBe('NHSC');
    // Not an abbreviation: longer, not opening the name, or a name in capitals throughout.
    expect(acronymOf('NCVO Trust Fund')).toBe('NTF');
    expect(acronymOf('Bristol Community CIC')).toBe('BCC');
    expect(acronymOf('UK RESEARCH AND INNOVATION')).toBe('URI');
  });

  it('splits words as the standard analyzer does', () => {
    expect(searchWords('GB-CHC:1234567 Café')).toEqual(['gb', 'chc', '1234567', 'café']);
    expect(searchWords("O'Brien open_data 3.5 end.")).toEqual(["o'brien", 'open_data', '3.5', 'end']);
  });
  it('keeps at most six words', () => {
    expect(searchWords('a b c d e f g h')).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
});

describe('wordMatchInName', () => {
  it('ranks the word itself over its start over a typo of it', () => {
    expect(wordMatchInName('finance', 'finance')).toBe(3);
    expect(wordMatchInName('fin', 'finance')).toBe(2);
    expect(wordMatchInName('finanec', 'finance')).toBe(1); // two letters swapped: one edit
    expect(wordMatchInName('fnance', 'finance')).toBe(1); // one letter dropped
    expect(wordMatchInName('partnrshp', 'partnership')).toBe(1); // two edits from seven typed letters
    expect(wordMatchInName('fnanec', 'finance')).toBe(0); // two edits, six typed letters
    expect(wordMatchInName('nance', 'finance')).toBe(0);
    expect(wordMatchInName('fin', 'fun')).toBe(0); // no typos under four letters
  });
  it('counts an abbreviation as the word it stands for', () => {
    expect(wordMatchInName('univ', 'university')).toBe(3);
    expect(wordMatchInName('dept', 'department')).toBe(3);
  });
});

describe('nameMatchScore', () => {
  it('adds up the best match of each typed word among the name’s words', () => {
    expect(nameMatchScore('Stanby Fin', 'Stanby Finance Trust')).toBe(5);
    // "fin" matches no word of this name: a theme or place match does not count here
    expect(nameMatchScore('Stanby Fin', 'Stanby Borough Council')).toBe(3);
    expect(nameMatchScore('stanby finance trust', 'Stanby Finance Trust')).toBe(9);
  });
  it('counts an acronym typed whole as a full match', () => {
    expect(nameMatchScore('HBC', 'Hadrian Borough Council')).toBe(3);
  });
});
