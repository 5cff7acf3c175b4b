// Links to another view of the explorer: a real address (it opens in a new tab and can be copied), followed
// inside the page on a plain click, as a new history entry that keeps the picture, rather than by loading
// the page again.
import type { MouseEvent } from 'react';
import { formatViewState, type ViewState } from '../state/viewState.ts';

/** Whether a click is a plain left click, not one that asks for a new tab or window. */
export function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/** The address of `view` changed by `change`, with the current picture (the fragment) kept. */
export function viewHref(
  view: ViewState,
  change: Partial<ViewState>,
  location: Location = window.location,
): string {
  const query = formatViewState({ ...view, ...change });
  return `${query === '' ? location.pathname : query}${location.hash}`;
}

/** A click handler that, on a plain click, calls `go` instead of following the link. */
export function followInPage(go: () => void) {
  return (event: MouseEvent) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    go();
  };
}
