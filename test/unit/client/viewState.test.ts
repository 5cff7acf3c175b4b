import { describe, expect, it } from 'vitest';
import { EMPTY_VIEW, formatViewState, parseViewState, selectedId } from '../../../client/state/viewState.ts';

describe('view state in the URL', () => {
  it('round-trips the chosen, selected and expanded organisations', () => {
    const view = { org: 'gb-leeds', selected: 'ngo/1', expanded: ['ngo/1', 'co:2'] };
    const search = formatViewState(view);
    expect(search).toBe('?org=gb-leeds&sel=ngo%2F1&expand=ngo%2F1&expand=co%3A2');
    expect(parseViewState(search)).toEqual(view);
  });

  it('reads ?org=<id> alone as that organisation, selected', () => {
    const view = parseViewState('?org=abc');
    expect(view).toEqual({ org: 'abc', selected: null, expanded: [] });
    expect(selectedId(view)).toBe('abc');
  });

  it('ignores selection and expansions without an organisation, and empty values', () => {
    expect(parseViewState('?sel=a&expand=b')).toEqual(EMPTY_VIEW);
    expect(parseViewState('?org=')).toEqual(EMPTY_VIEW);
    expect(formatViewState(EMPTY_VIEW)).toBe('');
  });

  it('drops duplicate expansions, the organisation itself, and a selection equal to it', () => {
    expect(formatViewState({ org: 'a', selected: 'a', expanded: ['a', 'b', 'b', ''] })).toBe(
      '?org=a&expand=b',
    );
  });
});
