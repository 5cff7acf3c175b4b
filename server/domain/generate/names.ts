// Believable but invented names for synthetic organisations and initiatives, built from small word lists.
import type { Random } from './random.ts';

const STEM_START = [
  'Ash',
  'Bram',
  'Kestrel',
  'North',
  'Wen',
  'Thorn',
  'Hollin',
  'Mar',
  'Lang',
  'Elm',
  'Fern',
  'Oak',
];
const STEM_MORE = ['Stan', 'Brook', 'Cal', 'Hay', 'Kirk', 'Lin', 'Mill', 'Red', 'Sil', 'Whit', 'Yew', 'Hart'];
const STEM_END = [
  'moor',
  'field',
  'ton',
  'by',
  'worth',
  'ley',
  'bridge',
  'ford',
  'wick',
  'dale',
  'mouth',
  'stead',
];
const STEM_STARTS = [...STEM_START, ...STEM_MORE];
const SURNAMES = [
  'Larkin',
  'Ashworth',
  'Pennington',
  'Hale',
  'Mercer',
  'Quayle',
  'Fenwick',
  'Ridley',
  'Osei',
];
const MORE_SURNAMES = [
  'Nakamura',
  'Van Dijk',
  'Tamm',
  'Weber',
  'Okafor',
  'Rahman',
  'Callow',
  'Brennan',
  'Achterberg',
];
const ALL_SURNAMES = [...SURNAMES, ...MORE_SURNAMES];
const BRAND_START = [
  'Bright',
  'Civic',
  'Kin',
  'Loop',
  'Tide',
  'Spark',
  'Cobalt',
  'Pebble',
  'Lumen',
  'Nimbus',
  'Harbor',
];
const BRAND_END = [
  'ly',
  'base',
  'works',
  'hub',
  'path',
  'wise',
  'grid',
  'stack',
  'lane',
  'point',
  'labs',
  'flow',
];

/** Title-case form of a theme for use inside names ("Digital inclusion" → "Digital Inclusion"). */
export function themeTitle(theme: string): string {
  return theme.replace(/\b\w/g, (c) => c.toUpperCase());
}

/** "a" or "an" before a word, by its first letter (good enough for our vocabulary). */
export function withArticle(phrase: string): string {
  return `${/^[aeiou]/i.test(phrase) ? 'an' : 'a'} ${phrase}`;
}

export function stem(random: Random): string {
  return random.pick(STEM_STARTS) + random.pick(STEM_END);
}

function brand(random: Random): string {
  return random.pick(BRAND_START) + random.pick(BRAND_END);
}

interface NameContext {
  kind: string;
  theme: string;
  uk: boolean;
  country: string;
}

type NameMaker = (random: Random, c: NameContext) => string;

const T = (c: NameContext): string => themeTitle(c.theme);

const MAKERS: Record<string, NameMaker> = {
  ministry: (_r, c) => (c.uk ? `Department for ${T(c)}` : `Ministry of ${T(c)}`),
  'executive agency': (r, c) =>
    `${r.chance(0.5) ? 'National ' : ''}${T(c)} ${r.pick(['Agency', 'Office', 'Unit'])}`,
  'local authority': (r, c) =>
    c.uk
      ? `${stem(r)} ${r.pick(['City Council', 'Borough Council', 'District Council', 'County Council'])}`
      : c.country === 'United States'
        ? `City of ${stem(r)}`
        : `${stem(r)} Municipality`,
  'combined authority': (r, c) =>
    c.uk ? `Greater ${stem(r)} Combined Authority` : `${stem(r)} Regional Authority`,
  'health board': (r) => `${stem(r)} Health Board`,
  'library service': (r) => `${stem(r)} Libraries`,
  foundation: (r) =>
    r.pick([
      `${r.pick(ALL_SURNAMES)} Foundation`,
      `${r.pick(ALL_SURNAMES)} Trust`,
      `${stem(r)} Community Foundation`,
    ]),
  charity: (r, c) => `${stem(r)} ${T(c)} ${r.pick(['Trust', 'Project', 'Action', 'Centre', 'Partnership'])}`,
  coalition: (r, c) => `${stem(r)} ${T(c)} ${r.pick(['Alliance', 'Coalition', 'Forum'])}`,
  'housing association': (r) => `${stem(r)} Homes`,
  'community group': (r) => r.pick([`Friends of ${stem(r)} Park`, `${stem(r)} Residents' Association`]),
  'credit union': (r) => `${stem(r)} Credit Union`,
  startup: (r) => brand(r),
  consultancy: (r) => `${r.pick(ALL_SURNAMES)} ${r.pick(['Consulting', 'Partners', '& Co'])}`,
  'IT supplier': (r) => `${brand(r)} Systems`,
  'data company': (r) => `${brand(r)} Data`,
  'impact investor': (r) => r.pick([`${brand(r)} Impact Ventures`, `${stem(r)} Social Investment`]),
  bank: (r) => `${stem(r)} Bank`,
  'civic tech group': (r) =>
    r.pick([`${stem(r)} Civic Tech`, `Code for ${stem(r)}`, `${stem(r)} Civic Hackers`]),
  'social enterprise': (r, c) => `${brand(r)}${c.uk ? ' CIC' : ''}`,
  'civic startup': (r) => brand(r),
  'civic tech network': (r) => r.pick([`${stem(r)} Civic Tech Network`, `Civic Tech ${stem(r)}`]),
  'data cooperative': (r) => `${stem(r)} Data Cooperative`,
  university: (r) => r.pick([`University of ${stem(r)}`, `${stem(r)} University`]),
  'research institute': (r, c) =>
    r.pick([`Institute for ${T(c)} Research`, `${stem(r)} Institute of ${T(c)}`]),
  'research centre': (_r, c) => `Centre for ${T(c)} Studies`,
  'further education college': (r) => `${stem(r)} College`,
};

export function organisationName(random: Random, context: NameContext): string {
  const maker = MAKERS[context.kind];
  return maker ? maker(random, context) : `${stem(random)} ${themeTitle(context.kind)}`;
}

export function initiativeName(random: Random, theme: string): string {
  const noun = random.pick(['Pilot', 'Programme', 'Partnership', 'Project', 'Lab', 'Challenge', 'Network']);
  return `${stem(random)} ${themeTitle(theme)} ${noun}`;
}
