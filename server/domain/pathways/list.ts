// innovationPathways(filter, asOf, first, after): a connection over the pathways (by name, then id) with
// the summary of all of them. The list for one filter and day is computed once per data version.
import { InvalidInputError } from '../../common/errors.ts';
import type { QueryRunner } from '../../common/queryRunner.ts';
import { connection, pageStart, PAGE_LIMITS, type Connection } from '../pagination.ts';
import type { NetworkAccess } from '../network/cache.ts';
import { pathwayData } from './load.ts';
import { computePathways, type Pathway, type PathwayFilterInput, type PathwaySummary } from './pathways.ts';

export interface PathwayPage extends Connection<Pathway> {
  summary: PathwaySummary;
}

export interface PathwayArgs {
  filter?: PathwayFilterInput | null;
  asOf?: string | null;
  first?: number | null;
  after?: string | null;
}

const LIST = 'innovationPathways';
const sortKey = (p: Pathway) => p.name.toLowerCase();

export async function innovationPathways(
  runner: QueryRunner,
  net: NetworkAccess,
  args: PathwayArgs,
): Promise<PathwayPage> {
  const start = pageStart(LIST, args.first ?? PAGE_LIMITS.defaultFirst, args.after);
  const snapshot = await net.snapshot();
  const data = await pathwayData(runner, net);
  const key = `pathways:${JSON.stringify(args.filter ?? {})}:${args.asOf ?? ''}`;
  const { pathways, summary } = await net.derived(snapshot, key, () =>
    computePathways(snapshot, data, args.filter, args.asOf),
  );
  let from = 0;
  if (start.after) {
    const [name] = start.after.key;
    if (typeof name !== 'string') {
      throw new InvalidInputError(
        'after: not a cursor of this list. Pass the endCursor of a page of pathways.',
        [
          {
            file: 'arguments',
            line: null,
            column: null,
            field: 'after',
            code: 'BAD_CURSOR',
            message: 'not a cursor of this list',
          },
        ],
      );
    }
    const id = start.after.id;
    while (from < pathways.length) {
      const p = pathways[from]!;
      const k = sortKey(p);
      if (k > name || (k === name && p.initiativeId > id)) break;
      from += 1;
    }
  }
  const page = connection(
    LIST,
    pathways.slice(from, from + start.first + 1),
    start.first,
    pathways.length,
    (p) => ({
      key: [sortKey(p)],
      id: p.initiativeId,
    }),
  );
  return { ...page, summary };
}
