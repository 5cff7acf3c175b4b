// Links to another view of the explorer: a real address (it opens in a new tab and can be copied), followed
// inside the page on a plain click, as a new history entry that keeps the picture, rather than by loading
// the page again.
import type { MouseEvent, SyntheticEvent } from 'react';
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
function followInPage(go: () => void) {
  return (event: MouseEvent) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    go();
  };
}

/**
 * Brings the picture (the fragment) in a view link's address up to date: the picture is written to the
 * address bar without a render (history.ts replaceFragment), so the address drawn may carry an older one.
 */
function withCurrentPicture(event: SyntheticEvent<HTMLAnchorElement>): void {
  event.currentTarget.hash = window.location.hash;
}

/**
 * The props of a link to another view: its address, whose picture is brought up to date whenever the link
 * may be followed another way (pressed, focused, its context menu opened: a new tab gets the picture as it
 * is, not as it was when the link was drawn), and followed inside the page on a plain click.
 */
export function viewLinkProps(href: string, go: () => void) {
  return {
    href,
    onClick: followInPage(go),
    onPointerDown: withCurrentPicture,
    onFocus: withCurrentPicture,
    onContextMenu: withCurrentPicture,
  };
}
