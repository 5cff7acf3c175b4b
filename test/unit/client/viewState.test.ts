import { describe, expect, it } from 'vitest';
import {
  EMPTY_VIEW,
  formatViewState,
  parseViewState,
  selectedId,
  toggleLegendValue,
  type ViewState,
} from '../../../client/state/viewState.ts';

const view = (partial: Partial<ViewState>): ViewState => ({ ...EMPTY_VIEW, ...partial });

describe('view state in the URL', () => {
  it('round-trips the chosen, selected and expanded organisations', () => {
    const state = view({ org: 'gb-leeds', selected: 'ngo/1', expanded: ['ngo/1', 'co:2'] });
    const search = formatViewState(state);
    expect(search).toBe('?org=gb-leeds&sel=ngo%2F1&expand=ngo%2F1&expand=co%3A2');
    expect(parseViewState(search)).toEqual(state);
  });

  it('round-trips the search text, filters, edge, opened groups, tab and path end', () => {
    const state = view({
      query: 'digital inclusion',
      filter: { ...EMPTY_VIEW.filter, sectors: ['NGO', 'COMPANY'], places: ['Manchester'] },
      org: 'a',
      expanded: ['b'],
      more: { a: 2, b: 1 },
      tab: 'connect',
      to: 'z',
    });
    const search = formatViewState(state);
    expect(search).toBe(
      '?q=digital+inclusion&sector=NGO&sector=COMPANY&place=Manchester&org=a&expand=b&more=a&more=a&more=b&tab=connect&to=z',
    );
    expect(parseViewState(search)).toEqual(state);
  });

  it('keeps the pathway shown beside the graph, with an organisation or without, and ignores a blank one', () => {
    const state = view({ org: 'a', selected: 'b', pathway: 'ini/x' });
    const search = formatViewState(state);
    expect(search).toBe('?org=a&sel=b&pathway=ini%2Fx');
    expect(parseViewState(search)).toEqual(state);
    expect(parseViewState('?pathway=ini-x')).toEqual(view({ pathway: 'ini-x' }));
    expect(formatViewState(view({ query: 'x', pathway: 'ini-x' }))).toBe('?q=x&pathway=ini-x');
    expect(parseViewState('?org=a&pathway=%20')).toEqual(view({ org: 'a' }));
    expect(formatViewState(view({ pathway: ' ' }))).toBe('');
  });

  it('reads ?org=<id> alone as that organisation, selected', () => {
    const state = parseViewState('?org=abc');
    expect(state).toEqual(view({ org: 'abc' }));
    expect(selectedId(state)).toBe('abc');
  });

  it('shows no organisation while a relationship is selected', () => {
    const state = parseViewState('?org=a&sel=b&edge=r1');
    expect(state).toMatchObject({ org: 'a', selected: null, edge: 'r1' });
    expect(selectedId(state)).toBeNull();
  });

  it('ignores selection and expansions without an organisation, unknown enum values and empty values', () => {
    expect(parseViewState('?sel=a&expand=b')).toEqual(EMPTY_VIEW);
    expect(parseViewState('?org=')).toEqual(EMPTY_VIEW);
    expect(parseViewState('?sector=WIZARDS').filter.sectors).toEqual([]);
    expect(formatViewState(EMPTY_VIEW)).toBe('');
  });

  it('drops duplicate expansions, the organisation itself, and a selection equal to it', () => {
    expect(formatViewState(view({ org: 'a', selected: 'a', expanded: ['a', 'b', 'b', ''] }))).toBe(
      '?org=a&expand=b',
    );
  });
});

describe('legend toggles', () => {
  const all = ['GOVERNMENT', 'NGO', 'COMPANY'] as const;
  it('hides one value, shows it again, and drops the restriction when everything is shown', () => {
    const hidden = toggleLegendValue(EMPTY_VIEW.filter, 'sectors', ['NGO'], all);
    expect(hidden.sectors).toEqual(['GOVERNMENT', 'COMPANY']);
    expect(toggleLegendValue(hidden, 'sectors', ['NGO'], all).sectors).toEqual([]);
  });
});
