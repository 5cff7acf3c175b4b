// The explorer's view as URL query parameters, so reloading or sharing a link restores it:
//   ?q=<search text>&sector=NGO&kind=…&theme=…&place=…&rel=FUNDING&trust=CONFIRMED      (the filters)
//    &org=<chosen>&sel=<selected>&edge=<relationship>&expand=<id>…&more=<id>…&tab=partners&to=<id>
//    &pathway=<initiative>                                        (its timeline beside the graph)
// Positions of the picture travel in the fragment (see graph/positions.ts), never in the query.
import {
  RELATIONSHIP_KINDS,
  SECTORS,
  TRUST_STATES,
  type OrganisationFilter,
  type SearchChip,
} from '../api/types.ts';
import type { GraphFilter } from '../graph/visibility.ts';

export type { GraphFilter };

export type FilterField = keyof GraphFilter;
export const FILTER_FIELDS: readonly FilterField[] = [
  'sectors',
  'kinds',
  'themes',
  'places',
  'relationshipKinds',
  'trustStates',
];

export const NO_FILTER: GraphFilter = {
  sectors: [],
  kinds: [],
  themes: [],
  places: [],
  relationshipKinds: [],
  trustStates: [],
};

/** The panels of the selected organisation. */
export type DetailsTab = 'overview' | 'partners' | 'connect';
const TABS: readonly DetailsTab[] = ['overview', 'partners', 'connect'];

export interface ViewState {
  /** The search text of the result list ('' for none). */
  query: string;
  filter: GraphFilter;
  /** The organisation the view was opened on (from search, the list or a shared link). */
  org: string | null;
  /** The node whose details are shown; null means the chosen organisation. */
  selected: string | null;
  /** The relationship whose details are shown (an edge was chosen); it takes the place of `selected`. */
  edge: string | null;
  /** Nodes whose neighbours were added, in the order they were expanded. */
  expanded: string[];
  /** How many more batches of neighbours were opened per node ("and 120 more"). */
  more: Record<string, number>;
  tab: DetailsTab;
  /** "How are we connected?": the other end of the paths (with tab 'connect'). */
  to: string | null;
  /** The initiative whose innovation pathway is shown beside the graph (with or without an organisation). */
  pathway: string | null;
}

export const EMPTY_VIEW: ViewState = {
  query: '',
  filter: NO_FILTER,
  org: null,
  selected: null,
  edge: null,
  expanded: [],
  more: {},
  tab: 'overview',
  to: null,
  pathway: null,
};

/** URL parameter of each filter field. */
const FILTER_PARAMS: Record<FilterField, string> = {
  sectors: 'sector',
  kinds: 'kind',
  themes: 'theme',
  places: 'place',
  relationshipKinds: 'rel',
  trustStates: 'trust',
};

export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const filter: GraphFilter = {
    sectors: oneOf(params.getAll('sector'), SECTORS),
    kinds: texts(params.getAll('kind')),
    themes: texts(params.getAll('theme')),
    places: texts(params.getAll('place')),
    relationshipKinds: oneOf(params.getAll('rel'), RELATIONSHIP_KINDS),
    trustStates: oneOf(params.getAll('trust'), TRUST_STATES),
  };
  const more: Record<string, number> = {};
  for (const id of params.getAll('more')) if (id.trim() !== '') more[id] = (more[id] ?? 0) + 1;
  const tab = params.get('tab');
  return normalise({
    query: (params.get('q') ?? '').trim(),
    filter,
    org: nonEmpty(params.get('org')),
    selected: nonEmpty(params.get('sel')),
    edge: nonEmpty(params.get('edge')),
    expanded: params.getAll('expand'),
    more,
    tab: TABS.includes(tab as DetailsTab) ? (tab as DetailsTab) : 'overview',
    to: nonEmpty(params.get('to')),
    pathway: nonEmpty(params.get('pathway')),
  });
}

/** The query string for a view, '' for the empty view; parameters in a fixed order so links are stable. */
export function formatViewState(state: ViewState): string {
  const view = normalise(state);
  const params = new URLSearchParams();
  if (view.query !== '') params.set('q', view.query);
  for (const field of FILTER_FIELDS) {
    for (const value of view.filter[field]) params.append(FILTER_PARAMS[field], value);
  }
  if (view.org !== null) {
    params.set('org', view.org);
    if (view.selected !== null) params.set('sel', view.selected);
    if (view.edge !== null) params.set('edge', view.edge);
    for (const id of view.expanded) params.append('expand', id);
    for (const [id, count] of Object.entries(view.more)) {
      for (let i = 0; i < count; i++) params.append('more', id);
    }
    if (view.tab !== 'overview') params.set('tab', view.tab);
    if (view.to !== null) params.set('to', view.to);
  }
  if (view.pathway !== null) params.set('pathway', view.pathway);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The organisation whose details are shown (none while a relationship is). */
export function selectedId(state: ViewState): string | null {
  if (state.edge !== null) return null;
  return state.selected ?? state.org;
}

export function hasFilter(filter: GraphFilter): boolean {
  return FILTER_FIELDS.some((field) => filter[field].length > 0);
}

export function countFilters(filter: GraphFilter): number {
  return FILTER_FIELDS.reduce((sum, field) => sum + filter[field].length, 0);
}

/** The API's OrganisationFilter for a view's filter (and search text); null fields are left out. */
export function toOrganisationFilter(filter: GraphFilter, query = ''): OrganisationFilter {
  const input: OrganisationFilter = {};
  if (query !== '') input.query = query;
  for (const field of FILTER_FIELDS) {
    const values = filter[field];
    if (values.length > 0) (input as Record<FilterField, unknown[]>)[field] = [...values];
  }
  return input;
}

/** The filter with `value` added to or removed from `field`. */
export function toggleFilterValue<F extends FilterField>(
  filter: GraphFilter,
  field: F,
  value: GraphFilter[F][number],
): GraphFilter {
  const values = filter[field] as string[];
  const same = (v: string) => v.toLowerCase() === String(value).toLowerCase();
  const next = values.some(same) ? values.filter((v) => !same(v)) : [...values, value];
  return { ...filter, [field]: next };
}

/** The filter field each kind of search chip (interpretSearch) sets. */
export const CHIP_FIELDS: Record<SearchChip['kind'], FilterField> = {
  SECTOR: 'sectors',
  KIND: 'kinds',
  PLACE: 'places',
  THEME: 'themes',
};

/** The filter with the chips of a search's interpretation added (those it has already stay once). */
export function withChips(filter: GraphFilter, chips: readonly SearchChip[]): GraphFilter {
  let next = filter;
  for (const chip of chips) {
    const field = CHIP_FIELDS[chip.kind];
    const present = (next[field] as string[]).some((v) => v.toLowerCase() === chip.value.toLowerCase());
    if (!present) next = toggleFilterValue(next, field, chip.value as never);
  }
  return next;
}

/**
 * A legend entry hides or shows what it names: with no restriction on `field`, clicking one value keeps all
 * the others; clicking a hidden value shows it again, and when every value is shown the restriction goes.
 */
export function toggleLegendValue<F extends 'sectors' | 'relationshipKinds' | 'trustStates'>(
  filter: GraphFilter,
  field: F,
  values: readonly GraphFilter[F][number][],
  all: readonly GraphFilter[F][number][],
): GraphFilter {
  const current = filter[field] as string[];
  const shown = current.length === 0 ? [...all] : all.filter((v) => current.includes(v));
  const allShown = values.every((v) => shown.includes(v));
  const next = allShown ? shown.filter((v) => !values.includes(v as never)) : [...shown, ...values];
  const ordered = all.filter((v) => next.includes(v));
  return { ...filter, [field]: ordered.length === all.length ? [] : ordered };
}

/** Whether a legend value is shown under `filter` (everything is shown when the field is unrestricted). */
export function isShown(values: readonly string[], value: string): boolean {
  return values.length === 0 || values.includes(value);
}

function normalise(state: ViewState): ViewState {
  const filter: GraphFilter = { ...NO_FILTER };
  for (const field of FILTER_FIELDS) {
    const seen = new Set<string>();
    (filter as Record<FilterField, string[]>)[field] = (state.filter[field] as string[]).filter((value) => {
      const key = value.toLowerCase();
      if (value.trim() === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  const base = { query: state.query.trim(), filter, pathway: nonEmpty(state.pathway) };
  if (state.org === null) return { ...EMPTY_VIEW, ...base };
  const expanded: string[] = [];
  for (const id of state.expanded) {
    if (id !== '' && id !== state.org && !expanded.includes(id)) expanded.push(id);
  }
  const more: Record<string, number> = {};
  for (const [id, count] of Object.entries(state.more)) {
    if ((id === state.org || expanded.includes(id)) && count > 0) more[id] = Math.min(count, 40);
  }
  const tab = state.edge !== null ? 'overview' : state.tab;
  return {
    ...base,
    org: state.org,
    selected: state.edge !== null || state.selected === state.org ? null : state.selected,
    edge: state.edge,
    expanded,
    more,
    tab,
    to: tab === 'connect' ? state.to : null,
  };
}

function oneOf<T extends string>(values: string[], allowed: readonly T[]): T[] {
  return values.map((v) => v.trim().toUpperCase()).filter((v): v is T => allowed.includes(v as T));
}

function texts(values: string[]): string[] {
  return values.map((v) => v.trim()).filter((v) => v !== '' && v.length <= 200);
}

function nonEmpty(value: string | null): string | null {
  return value === null || value.trim() === '' ? null : value;
}
