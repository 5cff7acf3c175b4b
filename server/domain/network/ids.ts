// Ids named in arguments (`filter.organisations`, `neighbourhood(ids)`, `filter.participants`,
// `filter.initiatives`, an export's `ids`) resolved against the network snapshot. An id that names nothing
// is a BAD_USER_INPUT error naming the argument, as an unknown theme or place is (filter.ts), and as
// `shortestPaths` answers an unknown end: never an empty answer a researcher would read as "no ties".
// A merged record's id (an alias) finds the organisation it was merged into; an organisation that is not
// published is not in the snapshot, so its id names no published organisation.
import { InvalidInputError } from '../../common/errors.ts';
import type { Problem } from '../../common/problems.ts';
import { suggest } from '../didYouMean.ts';
import type { NetworkSnapshot } from './snapshot.ts';

/** How many unknown ids an error lists one by one; the others are counted. */
export const MAX_LISTED_UNKNOWN_IDS = 5;

/** A mistyped id is one or two characters off; further, another id is not what was meant. */
const MAX_ID_TYPO = 2;

/**
 * "Did you mean" compares an unknown id with each known one of about its length (a few µs each): only
 * when there are at most this many, so a mistyped id costs a large network no noticeable time.
 */
const MAX_SUGGESTION_CANDIDATES = 5_000;

/** A known id at most MAX_ID_TYPO edits from `id`, when one is and few enough are worth comparing. */
function closeId(id: string, ids: readonly string[]): string | undefined {
  const near = ids.filter((known) => Math.abs(known.length - id.length) <= MAX_ID_TYPO);
  return near.length <= MAX_SUGGESTION_CANDIDATES ? suggest(id, near, MAX_ID_TYPO) : undefined;
}

interface IdSpace {
  /** What an unknown id is not: 'published organisation'. */
  known: string;
  index: ReadonlyMap<string, number>;
  /** The ids a suggestion may come from. */
  ids: readonly string[];
}

function resolveIds(space: IdSpace, ids: readonly string[], field: string, file: string): number[] {
  const found: number[] = [];
  const seen = new Set<number>();
  const unknown = new Set<string>();
  for (const id of ids) {
    const i = space.index.get(id);
    if (i === undefined) unknown.add(id);
    else if (!seen.has(i)) {
      seen.add(i);
      found.push(i);
    }
  }
  if (unknown.size === 0) return found;
  const problem = (message: string): Problem => ({
    file,
    line: null,
    column: null,
    field,
    code: 'NOT_FOUND',
    message,
  });
  const problems = [...unknown].slice(0, MAX_LISTED_UNKNOWN_IDS).map((id) => {
    const hint = closeId(id, space.ids);
    return problem(
      `no ${space.known} has the id ${JSON.stringify(id)}${hint ? ` (did you mean ${JSON.stringify(hint)}?)` : ''}`,
    );
  });
  const more = unknown.size - MAX_LISTED_UNKNOWN_IDS;
  if (more > 0)
    problems.push(problem(`and ${more} more id${more === 1 ? '' : 's'} that name no ${space.known}`));
  throw new InvalidInputError(`${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}.`, problems);
}

/**
 * The snapshot indexes of the published organisations `ids` name (ids or merged ids), each once, in the
 * order first named; any id that names none is a BAD_USER_INPUT error naming `field` (e.g.
 * `filter.organisations`), listing up to MAX_LISTED_UNKNOWN_IDS of them, each a NOT_FOUND problem.
 */
export function resolveOrganisationIds(
  s: NetworkSnapshot,
  ids: readonly string[],
  field: string,
  file = 'arguments',
): number[] {
  return resolveIds({ known: 'published organisation', index: s.index, ids: s.ids }, ids, field, file);
}

/** As resolveOrganisationIds, for initiative ids: indexes into the snapshot's initiatives. */
export function resolveInitiativeIds(
  s: NetworkSnapshot,
  ids: readonly string[],
  field: string,
  file = 'arguments',
): number[] {
  return resolveIds(
    { known: 'initiative', index: s.initiativeIndex, ids: s.initiativeIds },
    ids,
    field,
    file,
  );
}
