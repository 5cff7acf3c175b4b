// Cursors: opaque, tied to their list, refused with BAD_USER_INPUT when malformed or foreign.
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../server/common/errors.ts';
import { connection, encodeCursor, pageStart } from '../../../server/domain/pagination.ts';

describe('pageStart', () => {
  it('reads back what encodeCursor wrote', () => {
    const cursor = encodeCursor('organisations:NAME', ['acme', 3], 'org-1');
    expect(pageStart('organisations:NAME', 20, cursor)).toEqual({
      first: 20,
      after: { key: ['acme', 3], id: 'org-1' },
    });
    expect(pageStart('organisations:NAME', 5, null)).toEqual({ first: 5, after: null });
  });

  it.each([
    ['not base64 JSON', 'definitely not a cursor'],
    ['JSON of the wrong shape', Buffer.from('{"x":1}').toString('base64url')],
    ['from another list', encodeCursor('relationships', [1], 'r1')],
    ['from the same list in another order', encodeCursor('organisations:DEGREE_DESC', [1], 'o1')],
  ])('refuses a cursor %s with BAD_USER_INPUT naming `after`', (_, cursor) => {
    const error = (() => {
      try {
        pageStart('organisations:NAME', 20, cursor);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).problems[0]).toMatchObject({ field: 'after', code: 'BAD_CURSOR' });
  });

  it.each([0, 101, 1.5, 100000])('refuses first = %s', (first) => {
    expect(() => pageStart('x', first, null)).toThrow(InvalidInputError);
  });
});

describe('connection', () => {
  const rows = ['a', 'b', 'c'].map((id, i) => ({ id, n: i }));
  it('returns `first` items, says whether more follow, and ends on the last cursor', () => {
    const page = connection('l', rows, 2, 10, (r) => ({ key: [r.n], id: r.id }));
    expect(page.nodes.map((r) => r.id)).toEqual(['a', 'b']);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.pageInfo.endCursor).toBe(page.edges[1]!.cursor);
    expect(pageStart('l', 2, page.pageInfo.endCursor)).toMatchObject({ after: { key: [1], id: 'b' } });
    expect(page.totalCount).toBe(10);
    const last = connection('l', rows.slice(0, 1), 2, 1, (r) => ({ key: [r.n], id: r.id }));
    expect(last.pageInfo).toEqual({ hasNextPage: false, endCursor: last.edges[0]!.cursor });
    expect(connection('l', [], 2, 0, () => ({ key: [], id: '' })).pageInfo).toEqual({
      hasNextPage: false,
      endCursor: null,
    });
  });
});
