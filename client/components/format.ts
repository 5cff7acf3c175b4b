// Pure text formatting for the UI: places, dates, amounts and how a relationship reads from one side.
import type { PlaceRef, RelationshipDetails, RelationshipKind } from '../api/types.ts';

/** "Leeds, West Yorkshire, United Kingdom": the place and its enclosing places, innermost first. */
export function formatPlace(place: PlaceRef | null | undefined): string {
  const names: string[] = [];
  for (let p = place; p; p = p.parent) names.push(p.name);
  return names.join(', ');
}

/** "Leeds, United Kingdom": the place and its outermost enclosing place, for compact lists. */
export function formatPlaceShort(place: PlaceRef | null | undefined): string {
  if (!place) return '';
  let outer = place;
  while (outer.parent) outer = outer.parent;
  return outer === place ? place.name : `${place.name}, ${outer.name}`;
}

/** "2019-04-01 – 2021-03-31", "since …", "until …" or "dates unknown"; each day written by `day` (as stored by default). */
export function formatDateRange(
  since: string | null,
  until: string | null,
  day: (date: string) => string = (date) => date,
): string {
  if (since && until) return `${day(since)} – ${day(until)}`;
  if (since) return `since ${day(since)}`;
  if (until) return `until ${day(until)}`;
  return 'dates unknown';
}

export function formatAmount(amount: number | null, currency: string | null): string | null {
  if (amount === null) return null;
  if (currency) {
    try {
      return new Intl.NumberFormat('en-GB', { style: 'currency', currency, maximumFractionDigits: 0 }).format(
        amount,
      );
    } catch {
      // An unknown currency code: fall through to the plain number with the code.
    }
  }
  const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(amount);
  return currency ? `${number} ${currency}` : number;
}

const PHRASES: Record<RelationshipKind, { outgoing: string; incoming: string }> = {
  PARTNERSHIP: { outgoing: 'Partner of', incoming: 'Partner of' },
  FUNDING: { outgoing: 'Funds', incoming: 'Funded by' },
  MEMBERSHIP: { outgoing: 'Member of', incoming: 'Has member' },
  PART_OF: { outgoing: 'Part of', incoming: 'Includes' },
  INVESTMENT: { outgoing: 'Invests in', incoming: 'Investment from' },
  DATA_SHARING: { outgoing: 'Shares data with', incoming: 'Shares data with' },
  ADOPTION: { outgoing: 'Adopted', incoming: 'Adopted by' },
};

/** The relationship as seen from `selfId`: the other party and a phrase that reads "<phrase> <other party>". */
export function describeRelationship(relationship: RelationshipDetails, selfId: string) {
  const outgoing = relationship.source.id === selfId;
  const other = outgoing ? relationship.target : relationship.source;
  const phrases = PHRASES[relationship.kind];
  return { other, phrase: outgoing ? phrases.outgoing : phrases.incoming };
}

/** Only http(s) links are rendered as links: data is user-contributed. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** "example.org/path" from "https://www.example.org/path/": short link text. */
export function displayUrl(url: string): string {
  return url.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '');
}
