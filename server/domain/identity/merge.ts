// Merging two organisations that are the same (identity model of ../shared/API-CONTRACT.md): the kept
// one receives the merged one's relationships (same ids, trust and provenance), participations,
// identifiers, themes, websites, owners, requests and history; the merged id becomes an Alias of the kept
// one; merge candidates between them are MERGED. One transaction, recorded in the history.
import { z } from 'zod';
import { ConflictError, NotFoundError } from '../../common/errors.ts';
import type { QueryRunner } from '../../common/queryRunner.ts';
import type { Actor } from '../access/actor.ts';
import { authorise } from '../access/policy.ts';
import { recordChanges, type ChangeRecord } from '../curation/history.ts';
import { anyOrganisationsByIds } from '../curation/reads.ts';
import { mergeCandidatesByIds, type MergeCandidate } from '../curation/review.ts';
import type { Organisation } from '../organisations.ts';
import { identifierKey } from './normalise.ts';
import { line, paragraph, TEXT_LIMITS } from '../validation/fields.ts';
import { fieldProblem, invalid, validate } from '../validation/problems.ts';

type Props = Record<string, unknown> & { id: string; name: string };

interface MovedRelationship {
  id: string;
  kind: string;
  outgoing: boolean;
  otherId: string;
  outcome: 'moved' | 'removed';
  trust: string | null;
}

/**
 * The merge rules: the kept organisation is PUBLISHED, and the merged one too. An archived organisation
 * (a rejected registration, a closed listing) is never merged either way. A pending registration is never
 * merged: its data and history were not reviewed, and merging would publish them; the curator rejects it
 * (the registrant can then claim the listed one) or approves it first.
 */
export function refuseUnmergeable(keep: Props, merge: Props): void {
  const named = (o: Props) => `"${o.name}" (${o.id})`;
  if (keep.status === 'ARCHIVED' || merge.status === 'ARCHIVED') {
    const archived = keep.status === 'ARCHIVED' ? keep : merge;
    throw new ConflictError(
      `${named(archived)} is archived (a rejected registration or a closed listing): archived organisations are never merged. Merge two published organisations.`,
    );
  }
  if (keep.status !== 'PUBLISHED') {
    throw new ConflictError(
      `keep: ${named(keep)} is a registration waiting for review: only a published organisation can be kept. Approve it first, or keep the published one and reject this registration.`,
    );
  }
  if (merge.status !== 'PUBLISHED') {
    throw new ConflictError(
      `merge: ${named(merge)} is a registration waiting for review, and merging would publish its unreviewed data and history. Reject it in the review queue, saying it is already listed as ${named(keep)} (its registrant can claim that one), or approve it first and then merge.`,
    );
  }
}

const fields = z.object({
  keep: line('keep', TEXT_LIMITS.name),
  merge: line('merge', TEXT_LIMITS.name),
  reason: paragraph('reason', TEXT_LIMITS.reason, 3),
});

const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** Identifiers of both, the kept one's first, without repeats (compared as identifierKey does). */
export function mergedIdentifiers(keep: Props, merge: Props): string[] {
  const seen = new Set<string>();
  return [...list(keep.identifiers), ...list(merge.identifiers)].filter((i) => {
    const key = identifierKey(i) ?? i;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every website either had (an organisation may own several), the kept one's first. */
export function mergedWebsites(keep: Props, merge: Props): string[] {
  const of = (p: Props) => [...(typeof p.website === 'string' ? [p.website] : []), ...list(p.websites)];
  return [...new Set([...of(keep), ...of(merge)])];
}

export async function mergeOrganisations(
  runner: QueryRunner,
  actor: Actor,
  input: { keep: string; merge: string; reason: string },
): Promise<Organisation> {
  const curator = authorise(actor, 'organisation.merge');
  const v = validate(fields, input);
  if (v.keep === v.merge)
    throw invalid([
      fieldProblem('merge', 'SAME_ORGANISATION', 'keep and merge must be two different organisations'),
    ]);
  const now = new Date().toISOString();
  await runner.writeTransaction(async (tx) => {
    const rows = await tx.run<{ organisation: Props }>('mergeLockPair', { keep: v.keep, merge: v.merge });
    const keep = rows.find((r) => r.organisation.id === v.keep)?.organisation;
    const merge = rows.find((r) => r.organisation.id === v.merge)?.organisation;
    for (const [found, id, field] of [
      [keep, v.keep, 'keep'],
      [merge, v.merge, 'merge'],
    ] as const) {
      if (!found)
        throw new NotFoundError(`${field}: no organisation has the id ${id} (was it merged already?).`);
    }
    refuseUnmergeable(keep!, merge!);
    const moved = await tx.run<MovedRelationship>('mergeMoveRelationships', { keep: v.keep, merge: v.merge });
    await tx.run('mergeMoveParticipations', { keep: v.keep, merge: v.merge });
    const identifiers = mergedIdentifiers(keep!, merge!);
    const websites = mergedWebsites(keep!, merge!);
    await tx.run('mergeOrganisationInto', {
      keep: v.keep,
      merge: v.merge,
      props: {
        identifiers,
        identifierText: identifiers.map((i) => i.replace(':', ' ')).join(' '),
        websites,
        website: typeof keep!.website === 'string' ? keep!.website : (websites[0] ?? null),
      },
      claimReason: `Merged into "${keep!.name}" (${v.keep}), which you had already claimed or own.`,
      curatorId: curator.id,
      now,
    });
    const show = (xs: string[]) => (xs.length > 0 ? xs.join('; ') : null);
    const before = list(keep!.identifiers);
    const history: ChangeRecord[] = [
      {
        subjectKind: 'organisation',
        subjectId: v.keep,
        action: 'MERGED',
        actorId: curator.id,
        reason: v.reason,
        changes: [
          { field: 'merged', from: null, to: `${merge!.name} (${v.merge})` },
          ...(show(before) !== show(identifiers)
            ? [{ field: 'identifiers', from: show(before), to: show(identifiers) }]
            : []),
        ],
      },
      ...moved.map((r): ChangeRecord => ({
        subjectKind: 'relationship',
        subjectId: r.id,
        action: r.outcome === 'moved' ? 'MERGED' : 'REMOVED',
        actorId: curator.id,
        reason:
          r.outcome === 'moved'
            ? v.reason
            : `Both ends were merged into one organisation (${v.keep}). ${v.reason}`,
        changes:
          r.outcome === 'moved'
            ? [{ field: r.outgoing ? 'source' : 'target', from: v.merge, to: v.keep }]
            : [{ field: 'trust', from: r.trust, to: null }],
      })),
    ];
    await recordChanges(tx, history, now);
    await tx.run('bumpDataVersion', { now });
  });
  const [kept] = await anyOrganisationsByIds(runner, [v.keep]);
  return kept!;
}

const dismissFields = z.object({
  id: line('id', TEXT_LIMITS.name),
  reason: paragraph('reason', TEXT_LIMITS.reason, 3),
});

/** A curator decides that a merge candidate's two organisations are different: DISMISSED. */
export async function dismissMergeCandidate(
  runner: QueryRunner,
  actor: Actor,
  id: string,
  reason: string,
): Promise<MergeCandidate> {
  const curator = authorise(actor, 'review.decide');
  const v = validate(dismissFields, { id, reason });
  const [row] = await runner.write<{ before: string }>('dismissMergeCandidate', {
    id: v.id,
    curatorId: curator.id,
    reason: v.reason,
    now: new Date().toISOString(),
  });
  if (!row) throw new NotFoundError(`No merge candidate has the id ${id}.`);
  if (row.before !== 'OPEN') throw new ConflictError(`This merge candidate is already ${row.before}.`);
  return (await mergeCandidatesByIds(runner, [v.id]))[0]!;
}
