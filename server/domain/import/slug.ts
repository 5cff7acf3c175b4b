// Stable ids for themes and places, derived from their names.

export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

export function themeId(name: string): string {
  return slugify(name);
}

/** country:slug, region:country/region, city:country/region/city (region empty when unknown). */
export function placeIds(country: string, region: string | null, city: string | null) {
  const c = slugify(country);
  const r = region === null ? null : `${c}/${slugify(region)}`;
  return {
    country: `country:${c}`,
    region: r === null ? null : `region:${r}`,
    city: city === null ? null : `city:${r ?? `${c}/`}/${slugify(city)}`,
  };
}
