// The change history of organisations and relationships: every change by an account is one entry
// (who, when, which fields from → to, and why). Imports are recorded as runs, not here.
import { InvalidInputError } from '../../common/errors.ts';
import type { QueryRunner, QueryTx } from '../../common/queryRunner.ts';
import type { Actor } from '../access/actor.ts';
import { authorise } from '../access/policy.ts';
import { newId } from '../accounts/secrets.ts';
import type { HistoryAction } from '../model.ts';
import { requireRange } from '../organisations.ts';
import { organisationAccess, relationshipsByIds } from './reads.ts';
import type { FieldChange } from './organisationInput.ts';

export type SubjectKind = 'organisation' | 'relationship';

export interface Contributor {
  id: string;
  name: string;
}

export interface HistoryEntry {
  id: string;
  at: string;
  action: HistoryAction;
  by: Contributor | null;
  reason: string | null;
  changes: FieldChange[];
}

export interface ChangeRecord {
  subjectKind: SubjectKind;
  subjectId: string;
  action: HistoryAction;
  actorId: string | null;
  reason: string | null;
  changes: FieldChange[];
}

export const HISTORY_LIMITS = { defaultFirst: 50, maxFirst: 200 } as const;

/** Appends entries in the caller's transaction, so a change and its history commit together. */
export async function recordChanges(tx: QueryTx, records: ChangeRecord[], now: string): Promise<void> {
  if (records.length === 0) return;
  await tx.run('recordChanges', {
    now,
    entries: records.map((r, seq) => ({
      id: newId('chg'),
      seq,
      subjectKind: r.subjectKind,
      subjectId: r.subjectId,
      action: r.action,
      actorId: r.actorId,
      reason: r.reason,
      changes: JSON.stringify(r.changes),
    })),
  });
}

interface HistoryRow {
  entry: { id: string; at: string; action: HistoryAction; reason: string | null; changes: string };
  by: Contributor | null;
}

/**
 * The history of one organisation or one relationship, newest first. Public for a published
 * organisation and for a relationship between published ones; otherwise for owners and curators only.
 */
export async function readHistory(
  runner: QueryRunner,
  actor: Actor,
  subject: { organisation?: string | null; relationship?: string | null },
  first: number = HISTORY_LIMITS.defaultFirst,
): Promise<HistoryEntry[]> {
  requireRange(first, 'first', 1, HISTORY_LIMITS.maxFirst);
  const { organisation, relationship } = subject;
  if ((organisation ? 1 : 0) + (relationship ? 1 : 0) !== 1) {
    throw new InvalidInputError('Give either organisation or relationship (one id).', [
      {
        file: 'arguments',
        line: null,
        column: null,
        field: organisation ? 'relationship' : 'organisation',
        code: 'ONE_OF',
        message: 'give exactly one of organisation and relationship',
      },
    ]);
  }
  let kind: SubjectKind;
  let id: string;
  if (organisation) {
    kind = 'organisation';
    id = organisation;
    const [access] = await organisationAccess(runner, actor, [id]);
    if (access && access.status !== 'PUBLISHED') authorise(actor, 'organisation.viewPrivate', access);
  } else {
    kind = 'relationship';
    id = relationship!;
    const [found] = await relationshipsByIds(runner, [id]);
    const published = found && found.sourceStatus === 'PUBLISHED' && found.targetStatus === 'PUBLISHED';
    if (!published) authorise(actor, 'relationship.viewPrivate');
  }
  const rows = await runner.read<HistoryRow>('historyOf', { subjectKind: kind, subjectId: id, first });
  return rows.map((r) => ({
    id: r.entry.id,
    at: r.entry.at,
    action: r.entry.action,
    by: r.by,
    reason: r.entry.reason,
    changes: JSON.parse(r.entry.changes) as FieldChange[],
  }));
}
