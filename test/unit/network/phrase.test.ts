// Search phrases over a tiny snapshot: places named with or without their accents, and a search that is an
// organisation's whole name kept as text.
import { describe, expect, it } from 'vitest';
import { buildPhraseDictionary, interpret, nameKey } from '../../../server/domain/network/phrase.ts';
import { tinySnapshot } from './helpers.ts';

const snapshot = tinySnapshot(
  [
    { id: 'a', place: 'Brasília', themes: ['Digital inclusion'] },
    { id: 'b', place: 'Gießen' },
    { id: 'c', place: 'Wiltshire' },
    { id: 'd', sector: 'ACADEMIC', kind: 'University' },
    { id: 'e', sector: 'NGO', kind: 'Community foundation' },
  ],
  [],
);
const dictionary = buildPhraseDictionary(snapshot);

describe('search phrases', () => {
  it('recognises a place typed without its accents or with ss for ß, and keeps its real name', () => {
    for (const typed of ['NGOs in Brasilia', 'ngos in BRASÍLIA', 'NGOs in brasília']) {
      expect(interpret(typed, dictionary).chips.map((c) => [c.kind, c.value])).toEqual([
        ['SECTOR', 'NGO'],
        ['PLACE', 'Brasília'],
      ]);
    }
    expect(interpret('Giessen digital inclusion', dictionary)).toMatchObject({
      query: null,
      chips: [
        { kind: 'PLACE', value: 'Gießen', matched: 'Giessen' },
        { kind: 'THEME', value: 'Digital inclusion' },
      ],
    });
  });

  it("keeps a search that is an organisation's whole name as text, place words and all", () => {
    const names = new Set(
      ['Wiltshire Community Foundation', 'The Code for Brasília Trust', 'Gießen Stiftung', 'Wiltshire'].map(
        nameKey,
      ),
    );
    expect(interpret('Wiltshire Community Foundation', dictionary, names)).toEqual({
      query: 'Wiltshire Community Foundation',
      chips: [],
    });
    // Case, accents, punctuation and a leading "The" do not matter to the name.
    expect(interpret('code for brasilia trust.', dictionary, names).chips).toEqual([]);
    expect(interpret('Giessen Stiftung', dictionary, names).chips).toEqual([]);
    // A name every word of which names a filter stays a filter (a place called as an organisation is).
    expect(interpret('Wiltshire', dictionary, names)).toMatchObject({
      query: null,
      chips: [{ kind: 'PLACE', value: 'Wiltshire' }],
    });
    // A search that is only part of the name is still read as a phrase.
    expect(interpret('Wiltshire Community', dictionary, names)).toMatchObject({
      query: 'Community',
      chips: [{ kind: 'PLACE', value: 'Wiltshire' }],
    });
  });

  it('reads a word that names a sector as the sector alone, not also as a kind some source spells so', () => {
    // Kinds are free text per source ("university" here, "higher education institution" in CORDIS): a kind
    // chip beside the sector's would leave out every university another source names otherwise.
    expect(interpret('universities in Wiltshire', dictionary).chips.map((c) => [c.kind, c.value])).toEqual([
      ['SECTOR', 'ACADEMIC'],
      ['PLACE', 'Wiltshire'],
    ]);
    // A kind no sector word names is still a kind.
    expect(interpret('community foundations', dictionary).chips.map((c) => [c.kind, c.value])).toEqual([
      ['KIND', 'community foundation'],
    ]);
  });
});
