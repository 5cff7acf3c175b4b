// The explorer's view as URL query parameters: ?org=<chosen>&sel=<selected>&expand=<id>&expand=<id>.

export interface ViewState {
  /** The organisation the view was opened on (from search or a shared link). */
  org: string | null;
  /** The node whose details are shown; null means the chosen organisation. */
  selected: string | null;
  /** Nodes whose neighbours were added, in the order they were expanded. */
  expanded: string[];
}

export const EMPTY_VIEW: ViewState = { org: null, selected: null, expanded: [] };

export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const org = nonEmpty(params.get('org'));
  if (org === null) return EMPTY_VIEW;
  return normalise({ org, selected: nonEmpty(params.get('sel')), expanded: params.getAll('expand') });
}

/** The query string for a view, '' for the empty view; parameters in a fixed order so links are stable. */
export function formatViewState(state: ViewState): string {
  const view = normalise(state);
  if (view.org === null) return '';
  const params = new URLSearchParams({ org: view.org });
  if (view.selected !== null) params.set('sel', view.selected);
  for (const id of view.expanded) params.append('expand', id);
  return `?${params.toString()}`;
}

/** The node whose details are shown. */
export function selectedId(state: ViewState): string | null {
  return state.selected ?? state.org;
}

function normalise(state: ViewState): ViewState {
  if (state.org === null) return EMPTY_VIEW;
  const expanded: string[] = [];
  for (const id of state.expanded) {
    if (id !== '' && id !== state.org && !expanded.includes(id)) expanded.push(id);
  }
  return { org: state.org, selected: state.selected === state.org ? null : state.selected, expanded };
}

function nonEmpty(value: string | null): string | null {
  return value === null || value.trim() === '' ? null : value;
}
