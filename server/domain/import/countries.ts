// Country names in one spelling (English, as ICU names them): "UK", "GB", "UNITED KINGDOM" and
// "Great Britain" are all "United Kingdom". Used to read locations and to repair a lone location value
// that names a country.
const displayNames = new Intl.DisplayNames(['en'], { type: 'region' });

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** ISO 3166-1 alpha-2 codes that ICU names, and the name it gives each. */
function isoCountries(): Map<string, string> {
  const result = new Map<string, string>();
  for (const a of LETTERS) {
    for (const b of LETTERS) {
      const code = `${a}${b}`;
      let name: string | undefined;
      try {
        name = displayNames.of(code);
      } catch {
        name = undefined;
      }
      if (name !== undefined && name !== code && !/unknown/i.test(name)) result.set(code, name);
    }
  }
  return result;
}

const BY_CODE = isoCountries();

/** Spellings seen in real files, beyond ICU's names. */
const ALIASES: Record<string, string> = {
  uk: 'United Kingdom',
  'great britain': 'United Kingdom',
  britain: 'United Kingdom',
  'united kingdom of great britain and northern ireland': 'United Kingdom',
  usa: 'United States',
  us: 'United States',
  'u s a': 'United States',
  'united states of america': 'United States',
  america: 'United States',
  'the netherlands': 'Netherlands',
  holland: 'Netherlands',
  'republic of ireland': 'Ireland',
  'czech republic': 'Czechia',
  korea: 'South Korea',
  'republic of korea': 'South Korea',
  'ivory coast': 'Côte d’Ivoire',
  'cote divoire': 'Côte d’Ivoire',
  russia: 'Russia',
  'russian federation': 'Russia',
  'viet nam': 'Vietnam',
  tanzania: 'Tanzania',
  'united republic of tanzania': 'Tanzania',
};

/** UK nations are regions of the United Kingdom in this model. */
export const UK_NATIONS: Readonly<Record<string, string>> = {
  england: 'England',
  scotland: 'Scotland',
  wales: 'Wales',
  'northern ireland': 'Northern Ireland',
};

/** A place name compared without accents, case, apostrophes, dots and punctuation ("Côte d’Ivoire" = "cote divoire"). */
export function nameKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`.]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const BY_NAME = new Map<string, string>();
for (const name of BY_CODE.values()) BY_NAME.set(nameKey(name), name);
for (const [alias, name] of Object.entries(ALIASES)) BY_NAME.set(alias, name);

/** The country a text names ("UK", "UNITED KINGDOM", "Kenya"), or null. Two-letter codes only when `codes`. */
export function countryName(text: string, options: { codes?: boolean } = {}): string | null {
  const k = nameKey(text);
  if (k === '') return null;
  const byName = BY_NAME.get(k);
  if (byName !== undefined) return byName;
  if (options.codes && /^[a-z]{2}$/.test(k)) return countryFromCode(k);
  return null;
}

/** ISO 3166-1 alpha-2, plus the EU's own EL (Greece) and UK (United Kingdom). */
export function countryFromCode(code: string): string | null {
  const upper = code.toUpperCase();
  const iso = upper === 'EL' ? 'GR' : upper === 'UK' ? 'GB' : upper;
  return BY_CODE.get(iso) ?? null;
}
