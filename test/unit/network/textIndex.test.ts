// The in-process text index of lists (server/domain/network/textIndex.ts) on texts whose matches and
// score order are known; test/integration/textIndex.test.ts checks it against Neo4j's full-text index.
import { describe, expect, it } from 'vitest';
import { matchText, TextIndexBuilder, type TextRow } from '../../../server/domain/network/textIndex.ts';
import { buildSearchQueries, wordsOfNames } from '../../../server/domain/search.ts';
import { tinySnapshot } from './helpers.ts';

type Texts = Partial<Omit<TextRow, 'id'>>;

/** The matches of `text` over organisations with these texts: ids with scores (best first), and the tier. */
function search(orgs: Record<string, Texts>, text: string) {
  const snapshot = tinySnapshot(
    Object.keys(orgs).map((id) => ({ id })),
    [],
  );
  const builder = new TextIndexBuilder(snapshot);
  const names: string[] = [];
  for (const [id, t] of Object.entries(orgs)) {
    builder.add({
      id,
      name: t.name ?? null,
      description: t.description ?? null,
      identifierText: t.identifierText ?? null,
      placeText: t.placeText ?? null,
      themeText: t.themeText ?? null,
      acronym: t.acronym ?? null,
    });
    if (t.name) names.push(t.name);
  }
  const found = matchText(builder.build(true), buildSearchQueries(text, wordsOfNames(names))!);
  const hits = Array.from(found.index, (i, k) => ({ id: snapshot.ids[i]!, score: found.score[k]! })).sort(
    (a, b) => b.score - a.score || (a.id < b.id ? -1 : 1),
  );
  return {
    ids: hits.map((h) => h.id),
    scores: Object.fromEntries(hits.map((h) => [h.id, h.score])),
    tier: found.tier,
  };
}

describe('matchText', () => {
  it('requires every word but joining words, each matching in any field', () => {
    const orgs = {
      a: { name: 'Alder Trust', placeText: 'Leeds England' },
      b: { name: 'Alder Homes', themeText: 'Housing' },
      c: { name: 'Birch Trust', placeText: 'Leeds' },
    };
    expect(search(orgs, 'alder leeds').ids).toEqual(['a']);
    expect(search(orgs, 'the alder of housing').ids).toEqual(['b']);
    expect(search(orgs, 'trust').ids.sort()).toEqual(['a', 'c']);
  });

  it('falls back to the organisations matching any word when none matches all (tier 1)', () => {
    const orgs = { a: { name: 'Alder Trust' }, b: { name: 'Birch Trust' }, c: { name: 'Cedar Lab' } };
    const { ids, tier } = search(orgs, 'alder birch');
    expect(ids.sort()).toEqual(['a', 'b']);
    expect(tier).toBe(1);
    expect(search(orgs, 'alder trust').tier).toBe(0);
  });

  it('matches words begun in every field but the acronym, and counts a word begun once per field', () => {
    const orgs = {
      a: { description: 'alpha alphabet alphanumeric' },
      b: { description: 'alpha' },
      c: { acronym: 'ALPS' },
      d: { identifierText: 'GB-CHC alp123' },
    };
    const { ids, scores } = search(orgs, 'alp');
    expect(ids.sort()).toEqual(['a', 'b', 'd']);
    // "alp" is no whole word of either description: each scores the constant of a word begun, once.
    expect(scores.a).toBe(scores.b);
  });

  it('scores a word higher in a shorter text, a rarer word higher, and a name above a description', () => {
    const short = search(
      { a: { description: 'river' }, b: { description: 'river and many other words of a long text' } },
      'river',
    );
    expect(short.ids).toEqual(['a', 'b']);
    expect(short.scores.a).toBeGreaterThan(short.scores.b!);

    const rare = search(
      {
        a: { description: 'kestrel' },
        b: { description: 'heron' },
        c: { description: 'heron' },
        d: { description: 'heron' },
      },
      'kestrel heron',
    );
    // Partial matches: a's rare word outscores the common one.
    expect(rare.ids[0]).toBe('a');

    const fields = search({ a: { description: 'Osprey' }, b: { name: 'Osprey' } }, 'osprey');
    expect(fields.ids).toEqual(['b', 'a']);
  });

  it('matches the words an abbreviation stands for in names only', () => {
    const orgs = {
      a: { name: 'Department for Transport' },
      b: { name: 'Transport Board', description: 'A department of the city' },
    };
    expect(search(orgs, 'dept transport').ids).toEqual(['a']);
  });

  it('matches typos on names only, and only of words no name contains', () => {
    const orgs = {
      a: { name: 'Harwick Homes' },
      b: { name: 'Other Homes', description: 'harwick' },
      c: { name: 'Harvik Trust' },
    };
    // "harwik" is in no name: its typo matches find both names a letter away, and no description.
    expect(search(orgs, 'harwik').ids.sort()).toEqual(['a', 'c']);
    // "harwick" is a name word: taken as meant, no typo variants (c's "harvik" is two edits away, as allowed).
    expect(search(orgs, 'harwick').ids.sort()).toEqual(['a', 'b']);
  });

  it('matches a whole acronym', () => {
    const orgs = { a: { name: 'Hadrian Borough Council', acronym: 'HBC' }, b: { name: 'Hbc Lab' } };
    expect(search(orgs, 'hbc').ids).toEqual(['b', 'a']);
  });
});
