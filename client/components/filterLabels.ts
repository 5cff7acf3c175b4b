// How a filter value reads in chips and lists: sector and kind names from the style tables, places and
// themes as written (a place id such as city:united-kingdom/england/leeds reads "Leeds").
import type { RelationshipKind, Sector, TrustState } from '../api/types.ts';
import { KIND_STYLES, SECTOR_STYLES, TRUST_STYLES } from '../graph/style.ts';
import type { FilterField } from '../state/viewState.ts';

export const FIELD_LABELS: Record<FilterField, string> = {
  sectors: 'Sector',
  themes: 'Theme',
  places: 'Place',
  kinds: 'Kind',
  relationshipKinds: 'Relationship',
  trustStates: 'Trust',
};

/** "city:united-kingdom/england/newcastle-upon-tyne" → "Newcastle upon Tyne"; names stay as they are. */
export function placeName(value: string): string {
  const match = /^(?:city|region|country):(.+)$/.exec(value);
  if (!match) return value;
  const slug = match[1]!.split('/').pop() ?? match[1]!;
  const words = slug.split('-');
  const small = new Set(['upon', 'on', 'of', 'the', 'and', 'in', 'de', 'la']);
  return words.map((w, i) => (i > 0 && small.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1))).join(' ');
}

export function filterValueLabel(field: FilterField, value: string): string {
  switch (field) {
    case 'sectors':
      return SECTOR_STYLES[value as Sector]?.label ?? value;
    case 'relationshipKinds':
      return KIND_STYLES[value as RelationshipKind]?.label ?? value;
    case 'trustStates':
      return TRUST_STYLES[value as TrustState]?.label ?? value;
    case 'places':
      return placeName(value);
    case 'kinds':
      return value.charAt(0).toUpperCase() + value.slice(1);
    case 'themes':
      return value;
  }
}
