// Cursor pagination for connections (../shared/API-CONTRACT.md): `first` 1–100 (default 20), `after` an
// opaque cursor. A cursor carries the list it belongs to and the sort key of its item (keyset
// pagination), so it stays valid while the data does not change and cannot be used on another list.
import { InvalidInputError } from '../common/errors.ts';
import { requireRange } from './organisations.ts';

export const PAGE_LIMITS = { defaultFirst: 20, maxFirst: 100 } as const;

/** Where a page starts: after the item with this sort key (values, then id), or at the beginning. */
export interface PageStart {
  first: number;
  after: { key: (string | number | null)[]; id: string } | null;
}

interface CursorBody {
  /** The list: e.g. `organisations:NAME`. */
  l: string;
  k: (string | number | null)[];
  i: string;
}

export function encodeCursor(list: string, key: (string | number | null)[], id: string): string {
  const body: CursorBody = { l: list, k: key, i: id };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

function badCursor(list: string, why: string): InvalidInputError {
  return new InvalidInputError(
    `after: ${why}. Pass the endCursor of a page of this same list, or leave after out.`,
    [
      {
        file: 'arguments',
        line: null,
        column: null,
        field: 'after',
        code: 'BAD_CURSOR',
        message: `${why} (this list is ${list})`,
      },
    ],
  );
}

/** Checks `first` and decodes `after` for the list `list`; throws BAD_USER_INPUT naming the argument. */
export function pageStart(list: string, first: number, after: string | null | undefined): PageStart {
  requireRange(first, 'first', 1, PAGE_LIMITS.maxFirst);
  if (after === null || after === undefined || after === '') return { first, after: null };
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    throw badCursor(list, 'not a cursor of this API');
  }
  const b = body as Partial<CursorBody> | null;
  if (!b || typeof b.l !== 'string' || !Array.isArray(b.k) || typeof b.i !== 'string') {
    throw badCursor(list, 'not a cursor of this API');
  }
  if (b.l !== list) throw badCursor(list, `a cursor of another list (${b.l})`);
  return { first, after: { key: b.k, id: b.i } };
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/**
 * A page from rows sorted by (key, id), fetched with one row more than `first` to learn whether another
 * page follows.
 */
export function connection<T>(
  list: string,
  rows: T[],
  first: number,
  totalCount: number,
  cursorOf: (row: T) => { key: (string | number | null)[]; id: string },
): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => {
    const c = cursorOf(node);
    return { cursor: encodeCursor(list, c.key, c.id), node };
  });
  return {
    edges,
    nodes: page,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}
