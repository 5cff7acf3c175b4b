// Undo and redo are the browser's Back and Forward over the explorer's own entries: every change to the
// picture (choosing, expanding, collapsing, opening more, filtering, opening or closing a pathway) is a history entry, numbered here so
// the explorer knows whether there is anything of its own to undo or redo. The entry's URL holds the view
// and, in its fragment, the positions (graph/positions.ts), so undo and redo bring the picture back as it was.

interface AtlasHistoryState {
  atlasIndex: number;
}

const MAX_KEY = 'atlas:history-max';
const listeners = new Set<() => void>();
const beforeLeaving = new Set<() => void>();

function storedMax(): number {
  try {
    const value = Number(window.sessionStorage.getItem(MAX_KEY));
    return Number.isInteger(value) && value >= 0 ? value : 0;
  } catch {
    return 0;
  }
}

function storeMax(value: number): void {
  try {
    window.sessionStorage.setItem(MAX_KEY, String(value));
  } catch {
    // Storage can be unavailable (private modes): redo is then offered only within this page's life.
  }
  memoryMax = value;
}

let memoryMax = 0;

export function historyIndex(): number {
  const state = window.history.state as Partial<AtlasHistoryState> | null;
  return typeof state?.atlasIndex === 'number' ? state.atlasIndex : 0;
}

function maxIndex(): number {
  return Math.max(memoryMax, storedMax(), historyIndex());
}

/** Numbers the entry the explorer was opened on, unless it already has a number (a reload). */
export function initHistory(): void {
  const state = window.history.state as Partial<AtlasHistoryState> | null;
  if (typeof state?.atlasIndex !== 'number') {
    window.history.replaceState({ ...(state ?? {}), atlasIndex: 0 }, '', window.location.href);
    storeMax(0);
  }
}

/** Runs before the explorer leaves an entry, so the entry can be brought up to date (the picture's positions). */
export function onBeforeLeaving(callback: () => void): () => void {
  beforeLeaving.add(callback);
  return () => beforeLeaving.delete(callback);
}

export function leaveEntry(): void {
  for (const callback of beforeLeaving) callback();
}

/** Adds an entry (call leaveEntry first, so the entry left is up to date). */
export function pushEntry(url: string): void {
  const index = historyIndex() + 1;
  window.history.pushState({ atlasIndex: index }, '', url);
  // A new entry ends whatever could have been redone.
  storeMax(index);
  notify();
}

export function replaceEntry(url: string): void {
  window.history.replaceState(window.history.state ?? { atlasIndex: 0 }, '', url);
  notify();
}

export function canUndo(): boolean {
  return historyIndex() > 0;
}

export function canRedo(): boolean {
  return historyIndex() < maxIndex();
}

export function undo(): void {
  if (!canUndo()) return;
  leaveEntry();
  window.history.back();
}

export function redo(): void {
  if (!canRedo()) return;
  leaveEntry();
  window.history.forward();
}

export function subscribeHistory(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

function notify(): void {
  for (const listener of listeners) listener();
}

/** Rewrites the current entry's fragment (the picture) without a new entry and without a re-render. */
export function replaceFragment(fragment: string): void {
  const hash = fragment === '' ? '' : `#${fragment}`;
  if (hash === window.location.hash) return;
  const url = `${window.location.pathname}${window.location.search}${hash}`;
  window.history.replaceState(window.history.state ?? { atlasIndex: 0 }, '', url);
}
