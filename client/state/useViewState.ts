// The view state read from and written to the URL, so reloading or sharing a link restores the view, and
// Back/Forward (or undo/redo) step through it.
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import {
  canRedo,
  canUndo,
  leaveEntry,
  pushEntry,
  redo,
  replaceEntry,
  subscribeHistory,
  undo,
} from './history.ts';
import { formatViewState, parseViewState, type ViewState } from './viewState.ts';

function getSearch(): string {
  return window.location.search;
}

/**
 * 'push' adds a history entry (a change to the picture: undo returns to the previous one); 'replace' doesn't
 * (selection, tabs). `keepPicture: false` drops the positions in the fragment (a new organisation).
 */
export type NavigationMode = 'push' | 'replace';

export interface Navigate {
  (next: ViewState, mode: NavigationMode, options?: { keepPicture?: boolean }): void;
}

export interface UndoRedo {
  canUndo: boolean;
  canRedo: boolean;
  undo: () => void;
  redo: () => void;
}

const undoState = () => `${canUndo() ? 1 : 0}${canRedo() ? 1 : 0}`;

export function useViewState(): [ViewState, Navigate, UndoRedo] {
  const search = useSyncExternalStore(subscribeHistory, getSearch);
  const flags = useSyncExternalStore(subscribeHistory, undoState);
  const view = useMemo(() => parseViewState(search), [search]);
  const navigate = useCallback<Navigate>((next, mode, options = {}) => {
    const query = formatViewState(next);
    // The entry being left gets the picture's latest positions first; a new entry starts from them.
    if (mode === 'push') leaveEntry();
    const hash = options.keepPicture === false ? '' : window.location.hash;
    if (query === window.location.search && hash === window.location.hash) return;
    const url = `${window.location.pathname}${query}${hash}`;
    if (mode === 'push') pushEntry(url);
    else replaceEntry(url);
  }, []);
  const history = useMemo(
    () => ({ canUndo: flags[0] === '1', canRedo: flags[1] === '1', undo, redo }),
    [flags],
  );
  return [view, navigate, history];
}
