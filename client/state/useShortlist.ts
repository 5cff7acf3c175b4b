// The shortlist of possible partners, kept in this browser (localStorage) across visits, with why each was
// suggested, so it can be downloaded as CSV with the reasons as notes.
import { useCallback, useSyncExternalStore } from 'react';
import type { PartnerSuggestion, Sector } from '../api/types.ts';

export interface ShortlistEntry {
  id: string;
  name: string;
  sector: Sector;
  /** The organisation it was suggested for. */
  forId: string;
  forName: string;
  /** Why it is on the list: the suggestion's score, reasons and broker in words. */
  notes: string;
}

/** Where the shortlist is kept in localStorage (browser tests and the README's screenshots set it too). */
export const SHORTLIST_KEY = 'atlas:shortlist';
const listeners = new Set<() => void>();
let cache: { text: string | null; entries: ShortlistEntry[] } = { text: null, entries: [] };

function read(): ShortlistEntry[] {
  let text: string | null;
  try {
    text = window.localStorage.getItem(SHORTLIST_KEY);
  } catch {
    text = null;
  }
  if (text === cache.text) return cache.entries;
  let entries: ShortlistEntry[] = [];
  try {
    const parsed: unknown = text === null ? [] : JSON.parse(text);
    if (Array.isArray(parsed)) entries = parsed.filter(isEntry);
  } catch {
    entries = [];
  }
  cache = { text, entries };
  return entries;
}

function isEntry(value: unknown): value is ShortlistEntry {
  const v = value as Partial<ShortlistEntry> | null;
  return typeof v?.id === 'string' && typeof v.name === 'string' && typeof v.notes === 'string';
}

function write(entries: ShortlistEntry[]): void {
  try {
    window.localStorage.setItem(SHORTLIST_KEY, JSON.stringify(entries));
  } catch {
    // Storage full or unavailable: the list lives until the page closes.
    cache = { text: JSON.stringify(entries), entries };
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === SHORTLIST_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The note that goes into the CSV: score, reasons and broker, in words. */
export function suggestionNotes(suggestion: PartnerSuggestion, forName: string): string {
  const reasons = suggestion.reasons.map((r) => r.text).join('; ');
  const broker = suggestion.broker ? `; could be introduced by ${suggestion.broker.name}` : '';
  return `Suggested for ${forName} (score ${suggestion.score.toFixed(1)}): ${reasons}${broker}`;
}

export interface Shortlist {
  entries: ShortlistEntry[];
  has: (id: string) => boolean;
  toggle: (entry: ShortlistEntry) => void;
  remove: (id: string) => void;
  clear: () => void;
}

export function useShortlist(): Shortlist {
  const entries = useSyncExternalStore(subscribe, read);
  const has = useCallback((id: string) => entries.some((e) => e.id === id), [entries]);
  const toggle = useCallback((entry: ShortlistEntry) => {
    const current = read();
    write(
      current.some((e) => e.id === entry.id) ? current.filter((e) => e.id !== entry.id) : [...current, entry],
    );
  }, []);
  const remove = useCallback((id: string) => write(read().filter((e) => e.id !== id)), []);
  const clear = useCallback(() => write([]), []);
  return { entries, has, toggle, remove, clear };
}
