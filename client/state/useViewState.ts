// The view state read from and written to the URL, so reloading or sharing a link restores the view.
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { formatViewState, parseViewState, type ViewState } from './viewState.ts';

const URL_CHANGED = 'atlas:urlchange';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(URL_CHANGED, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(URL_CHANGED, onChange);
  };
}

function getSearch(): string {
  return window.location.search;
}

/** 'push' adds a history entry (a new organisation: Back returns to the previous one); 'replace' doesn't. */
export type NavigationMode = 'push' | 'replace';

export function useViewState(): [ViewState, (next: ViewState, mode: NavigationMode) => void] {
  const search = useSyncExternalStore(subscribe, getSearch);
  const view = useMemo(() => parseViewState(search), [search]);
  const navigate = useCallback((next: ViewState, mode: NavigationMode) => {
    const query = formatViewState(next);
    if (query === window.location.search) return;
    const url = `${window.location.pathname}${query}${window.location.hash}`;
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    window.dispatchEvent(new Event(URL_CHANGED));
  }, []);
  return [view, navigate];
}
