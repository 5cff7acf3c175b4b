// Search phrases: words of a search that name a sector, a kind of organisation, a place or a theme become
// filters ("NGOs in Manchester digital inclusion" → sector NGO, place Manchester, theme Digital
// inclusion, no text left), so a question asked in words gives the filtered list. Longest names win
// ("Greater Manchester" before "Manchester"); kinds are recognised in the plural only ("foundations",
// "local authorities"), since singular kinds are so often part of names. The explorer shows each as a
// removable chip. Names are compared folded (case, accents, ß), so "Brasilia" names Brasília. A search
// that is an organisation's whole name ("Wiltshire Community Foundation", "Code for Ghana") stays a text
// search: its place word is part of the name, not a filter that would leave the organisation out.
import { normaliseName } from '../identity/normalise.ts';
import type { SearchChipKind } from '../generated/vocabulary.ts';
import type { Sector } from '../model.ts';
import type { NetworkAccess } from './cache.ts';
import type { NetworkSnapshot } from './snapshot.ts';

/** Words that name a sector. Singular "council" or "company" stay name words. */
export const SECTOR_WORDS: Readonly<Record<string, Sector>> = {
  ngo: 'NGO',
  ngos: 'NGO',
  charities: 'NGO',
  nonprofits: 'NGO',
  'non profits': 'NGO',
  'non-profits': 'NGO',
  'voluntary sector': 'NGO',
  companies: 'COMPANY',
  businesses: 'COMPANY',
  firms: 'COMPANY',
  'private sector': 'COMPANY',
  government: 'GOVERNMENT',
  governments: 'GOVERNMENT',
  'public bodies': 'GOVERNMENT',
  'public sector': 'GOVERNMENT',
  councils: 'GOVERNMENT',
  'local authorities': 'GOVERNMENT',
  'civic innovators': 'CIVIC_INNOVATOR',
  'civic tech': 'CIVIC_INNOVATOR',
  'civic innovation': 'CIVIC_INNOVATOR',
  universities: 'ACADEMIC',
  academic: 'ACADEMIC',
  academics: 'ACADEMIC',
  researchers: 'ACADEMIC',
};

/** Words that only join the others: dropped from the text left over. */
const FILLER = new Set([
  'in',
  'of',
  'on',
  'at',
  'for',
  'and',
  'or',
  'the',
  'a',
  'an',
  'around',
  'near',
  'with',
  'that',
  'who',
  'which',
  'working',
  'work',
  'works',
  'based',
  'from',
  'about',
  '&',
]);

export interface PhraseChip {
  kind: (typeof SearchChipKind)[keyof typeof SearchChipKind];
  /** The filter value: a Sector, a kind (lower case), or the name of a place or theme (a name matches
   * every place or theme so called). */
  value: string;
  /** What to show on the chip. */
  label: string;
  /** The words of the search it came from. */
  matched: string;
}

export interface Interpretation {
  /** The words that named nothing, or null when every word became a filter. */
  query: string | null;
  chips: PhraseChip[];
}

function plural(word: string): string[] {
  if (word.endsWith('y') && !/[aeiou]y$/.test(word)) return [`${word.slice(0, -1)}ies`];
  if (/(s|x|ch|sh)$/.test(word)) return [`${word}es`];
  return [`${word}s`];
}

/** Folded name (foldName) → chips it stands for, built once per snapshot. */
export type PhraseDictionary = Map<string, PhraseChip[]>;

/** A name as the dictionary keys it: lower case, without accents, ß as ss ("Gießen" → "giessen"). */
export function foldName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss').trim();
}

export function buildPhraseDictionary(s: NetworkSnapshot): PhraseDictionary {
  const dictionary: PhraseDictionary = new Map();
  const add = (name: string, chip: Omit<PhraseChip, 'matched'>) => {
    const key = foldName(name);
    if (key === '' || FILLER.has(key)) return;
    const list = dictionary.get(key) ?? [];
    if (!list.some((c) => c.kind === chip.kind && c.value === chip.value))
      list.push({ ...chip, matched: '' });
    dictionary.set(key, list);
  };
  for (const [word, sector] of Object.entries(SECTOR_WORDS))
    add(word, { kind: 'SECTOR', value: sector, label: sector });
  // A kind only where no sector word is: kinds are free text per source ("university" in one, "higher
  // education institution" in another), so "universities" beside the sector ACADEMIC would leave out those
  // another source names otherwise. The filter panel's kind facet still narrows to a kind.
  const sectorWord = (key: string) => dictionary.get(foldName(key))?.some((c) => c.kind === 'SECTOR');
  s.kindNames.forEach((kind) => {
    const words = kind.split(' ');
    const last = words.at(-1)!;
    for (const p of plural(last)) {
      const phrase = [...words.slice(0, -1), p].join(' ');
      if (!sectorWord(phrase)) add(phrase, { kind: 'KIND', value: kind, label: kind });
    }
  });
  s.places.forEach((place) => add(place.name, { kind: 'PLACE', value: place.name, label: place.name }));
  s.themes.forEach((theme) => add(theme.name, { kind: 'THEME', value: theme.name, label: theme.name }));
  return dictionary;
}

const MAX_NAME_WORDS = 5;

/**
 * `names`: the published organisations' names as nameKey gives them; a search that is one of them stays
 * text unless every word of it names a filter.
 */
export function interpret(
  text: string,
  dictionary: PhraseDictionary,
  names: ReadonlySet<string> = new Set(),
): Interpretation {
  const words = text
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  const chips: PhraseChip[] = [];
  const left: string[] = [];
  let k = 0;
  while (k < words.length) {
    let matched = 0;
    for (let n = Math.min(MAX_NAME_WORDS, words.length - k); n >= 1 && matched === 0; n--) {
      const phrase = words.slice(k, k + n).join(' ');
      const key = foldName(phrase.replace(/[,.;:!?]+$/, ''));
      const found = dictionary.get(key);
      if (found) {
        for (const chip of found)
          if (!chips.some((c) => c.kind === chip.kind && c.value === chip.value))
            chips.push({ ...chip, matched: phrase });
        matched = n;
      }
    }
    if (matched > 0) k += matched;
    else left.push(words[k++]!);
  }
  const meaningful = left.filter((w) => !FILLER.has(w.toLowerCase()));
  // Nothing recognised: the whole text stays a text search.
  if (chips.length === 0) return { query: text.trim() === '' ? null : text.trim(), chips };
  // An organisation's whole name whose words only partly name filters ("Wiltshire Community Foundation")
  // stays text; a search every word of which names a filter ("Foundations") stays a filter.
  if (meaningful.length > 0 && names.has(nameKey(text))) return { query: text.trim(), chips: [] };
  return { query: meaningful.length > 0 ? meaningful.join(' ') : null, chips };
}

/** An organisation's name as `interpret` compares it with a search: normaliseName, folded as foldName. */
export function nameKey(name: string): string {
  return normaliseName(foldName(name));
}

export async function interpretSearch(net: NetworkAccess, text: string): Promise<Interpretation> {
  const s = await net.snapshot();
  const dictionary = await net.derived(s, 'phraseDictionary', () => buildPhraseDictionary(s));
  const names = await net.derived(s, 'phraseNames', () => new Set(s.names.map(nameKey)));
  return interpret(text.slice(0, 200), dictionary, names);
}
