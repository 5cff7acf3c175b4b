// Relationships with two-sided consent: an owner of one end proposes one (CLAIMED, public at once), an
// owner of the other end confirms it (CONFIRMED), either side or a curator disputes it (DISPUTED) or
// ends it; a curator verifies its source from the review queue (SOURCED, see review.ts).
import { z } from 'zod';
import { ConflictError, NotFoundError } from '../../common/errors.ts';
import type { QueryRunner, QueryTx } from '../../common/queryRunner.ts';
import type { AccountActor, Actor } from '../access/actor.ts';
import { allowed, authorise, type Ownership, type RelationshipFacts } from '../access/policy.ts';
import { newId } from '../accounts/secrets.ts';
import { RELATIONSHIP_KINDS, type RelationshipKind, type TrustState } from '../model.ts';
import type { Relationship } from '../organisations.ts';
import { isCalendarDate } from '../values.ts';
import { optional, paragraph, line, TEXT_LIMITS, webUrl } from '../validation/fields.ts';
import { fieldProblem, invalid, validate } from '../validation/problems.ts';
import { recordChanges, type ChangeRecord } from './history.ts';
import { nextTrust } from './trustStates.ts';
import type { FieldChange } from './organisationInput.ts';
import {
  organisationAccess,
  relationshipRecordOf,
  relationshipsByIds,
  type RelationshipByIdRow,
  type RelationshipRecord,
} from './reads.ts';

const code = (c: string) => ({ params: { code: c } });

const date = (what: string) =>
  z.string({ error: `${what} must be a date` }).refine(isCalendarDate, {
    error: `${what} must be a calendar day written YYYY-MM-DD, such as 2024-03-31`,
    ...code('BAD_DATE'),
  });

const proposal = z
  .object({
    source: line('source', TEXT_LIMITS.name),
    target: line('target', TEXT_LIMITS.name),
    kind: z.enum(RELATIONSHIP_KINDS as [RelationshipKind, ...RelationshipKind[]], {
      error: (i) => `unknown kind ${JSON.stringify(i.input)}: use one of ${RELATIONSHIP_KINDS.join(', ')}`,
    }),
    since: optional(date('since')),
    until: optional(date('until')),
    amount: z
      .number({ error: 'amount must be a number' })
      .finite({ error: 'amount must be a finite number' })
      .min(0, { error: 'amount cannot be negative' })
      .nullable()
      .optional(),
    currency: optional(
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{3}$/, { error: 'currency is a three-letter ISO 4217 code such as GBP or EUR' }),
    ),
    description: optional(paragraph('description', TEXT_LIMITS.description)),
    sourceUrl: optional(webUrl('sourceUrl')),
  })
  .superRefine((v, ctx) => {
    if (v.source === v.target)
      ctx.addIssue({
        code: 'custom',
        path: ['target'],
        message: 'a relationship joins two different organisations',
        params: { code: 'SELF_RELATIONSHIP' },
      });
    if (v.since && v.until && v.until < v.since)
      ctx.addIssue({
        code: 'custom',
        path: ['until'],
        message: 'until cannot be before since',
        params: { code: 'DATE_ORDER' },
      });
    if (v.amount !== null && v.amount !== undefined && !v.currency)
      ctx.addIssue({
        code: 'custom',
        path: ['currency'],
        message: 'give the currency of the amount, such as GBP',
        params: { code: 'BAD_CURRENCY' },
      });
  });

export type ProposalInput = z.input<typeof proposal>;

/** An owner of one end proposes a relationship: CLAIMED and public at once; the other side answers it. */
export async function proposeRelationship(
  runner: QueryRunner,
  actor: Actor,
  input: unknown,
): Promise<Relationship> {
  const account = authorise(actor, 'account.self');
  const v = validate(proposal, input, 'input');
  const [source, target] = await organisationAccess(runner, actor, [v.source, v.target]);
  for (const [end, id, field] of [
    [source, v.source, 'source'],
    [target, v.target, 'target'],
  ] as const) {
    if (!end || end.status !== 'PUBLISHED')
      throw new NotFoundError(`${field}: no published organisation has the id ${id}.`);
  }
  const proposing = source!.owner === 'verified' ? source! : target!.owner === 'verified' ? target! : source!;
  authorise(actor, 'relationship.propose', proposing);
  const id = newId('rel');
  const now = new Date().toISOString();
  await runner.writeTransaction(async (tx) => {
    await tx.run('createProposedRelationship', {
      relationship: {
        id,
        kind: v.kind,
        source: v.source,
        target: v.target,
        since: v.since ?? null,
        until: v.until ?? null,
        props: {
          amount: v.amount ?? null,
          currency: v.currency ?? null,
          description: v.description ?? null,
          sourceUrl: v.sourceUrl ?? null,
          recordedBy: account.name,
          proposedBy: account.id,
          proposingOrganisationId: proposing.id,
        },
      },
      now,
    });
    await tx.run('createRequest', {
      accountId: account.id,
      request: {
        id: newId('req'),
        kind: 'PROPOSED_RELATIONSHIP',
        openKey: `PROPOSAL|${id}`,
        evidence: null,
        reason: null,
        relationshipId: id,
      },
      organisationIds: [v.source, v.target],
      now,
    });
    const show = (x: unknown) => (x === null || x === undefined ? null : String(x));
    const changes: FieldChange[] = [
      { field: 'kind', from: null, to: v.kind },
      { field: 'source', from: null, to: v.source },
      { field: 'target', from: null, to: v.target },
      ...(['since', 'until', 'amount', 'currency', 'description', 'sourceUrl'] as const)
        .filter((k) => v[k] !== null && v[k] !== undefined)
        .map((k) => ({ field: k, from: null, to: show(v[k]) })),
      { field: 'trust', from: null, to: nextTrust(null, 'propose') },
    ];
    await recordChanges(tx, [relationshipChange(id, 'CREATED', account, null, changes)], now);
    await tx.run('bumpDataVersion', { now });
  });
  return relationshipNow(runner, id);
}

/** The relationship as it is after a change. */
async function relationshipNow(runner: QueryRunner, id: string): Promise<Relationship> {
  const [record] = await relationshipsByIds(runner, [id]);
  if (!record) throw new NotFoundError(`No relationship has the id ${id}.`);
  return record.relationship;
}

export function relationshipChange(
  id: string,
  action: ChangeRecord['action'],
  actor: AccountActor,
  reason: string | null,
  changes: FieldChange[],
): ChangeRecord {
  return { subjectKind: 'relationship', subjectId: id, action, actorId: actor.id, reason, changes };
}

/** Locks a relationship in the transaction; relationships with an unpublished end exist only for curators. */
export async function lockRelationship(tx: QueryTx, actor: Actor, id: string): Promise<RelationshipRecord> {
  const [row] = await tx.run<RelationshipByIdRow>('relationshipForUpdate', { id });
  const record = row ? relationshipRecordOf(row) : undefined;
  const visible =
    record &&
    ((record.sourceStatus === 'PUBLISHED' && record.targetStatus === 'PUBLISHED') ||
      allowed(actor, 'relationship.viewPrivate'));
  if (!record || !visible) throw new NotFoundError(`No relationship has the id ${id}.`);
  return record;
}

/** The facts the policy needs about a relationship: the actor's ownership of each end, and who proposed it. */
export async function relationshipFacts(
  tx: QueryTx,
  actor: Actor,
  record: RelationshipRecord,
): Promise<RelationshipFacts> {
  const r = record.relationship;
  const rows = await tx.run<{ id: string; verified: boolean | null }>('organisationAccess', {
    ids: [r.sourceId, r.targetId],
    accountId: actor.kind === 'account' ? actor.id : null,
  });
  const owner = (id: string): Ownership => {
    const v = rows.find((x) => x.id === id)?.verified;
    return v === null || v === undefined ? null : v ? 'verified' : 'unverified';
  };
  return {
    sourceId: r.sourceId,
    targetId: r.targetId,
    sourceOwner: owner(r.sourceId),
    targetOwner: owner(r.targetId),
    proposingOrganisationId: record.consent.proposingOrganisationId,
    proposedBy: record.consent.proposedBy?.id ?? null,
  };
}

export async function setConsent(
  tx: QueryTx,
  record: RelationshipRecord,
  props: Record<string, unknown>,
  until?: string | null,
): Promise<void> {
  await tx.run('setRelationshipConsent', {
    id: record.relationship.id,
    kind: record.relationship.kind,
    props,
    setUntil: until !== undefined,
    until: until ?? null,
  });
}

/** Closes the open request with this key (a proposal answered by the other side), if there is one. */
export async function closeOpenRequest(
  tx: QueryTx,
  openKey: string,
  status: 'APPROVED' | 'REJECTED',
  reason: string | null,
  decider: AccountActor,
  now: string,
): Promise<void> {
  await tx.run('closeRequestByKey', { openKey, status, reason, deciderId: decider.id, now });
}

const trustChange = (from: TrustState, to: TrustState): FieldChange => ({ field: 'trust', from, to });

/** The owner of the other side confirms a proposed relationship: CONFIRMED. */
export async function confirmRelationship(
  runner: QueryRunner,
  actor: Actor,
  id: string,
): Promise<Relationship> {
  const account = authorise(actor, 'account.self');
  const now = new Date().toISOString();
  await runner.writeTransaction(async (tx) => {
    const record = await lockRelationship(tx, actor, id);
    authorise(actor, 'relationship.confirm', await relationshipFacts(tx, actor, record));
    const trust = record.relationship.trust;
    const next = nextTrust(trust, 'confirm')!;
    await setConsent(tx, record, { trust: next, confirmedBy: account.id, confirmedAt: now });
    await closeOpenRequest(tx, `PROPOSAL|${id}`, 'APPROVED', 'Confirmed by the other side.', account, now);
    await recordChanges(
      tx,
      [relationshipChange(id, 'CONFIRMED', account, null, [trustChange(trust, next)])],
      now,
    );
    await tx.run('bumpDataVersion', { now });
  });
  return relationshipNow(runner, id);
}

const reasonField = (min = 3) => z.object({ reason: paragraph('reason', TEXT_LIMITS.reason, min) });

/** Either side (or a curator) disputes a relationship, with a reason: DISPUTED, and a dispute for the queue. */
export async function disputeRelationship(
  runner: QueryRunner,
  actor: Actor,
  id: string,
  reason: string,
): Promise<Relationship> {
  const account = authorise(actor, 'account.self');
  const v = validate(reasonField(), { reason });
  const now = new Date().toISOString();
  await runner.writeTransaction(async (tx) => {
    const record = await lockRelationship(tx, actor, id);
    authorise(actor, 'relationship.dispute', await relationshipFacts(tx, actor, record));
    const trust = record.relationship.trust;
    const next = nextTrust(trust, 'dispute')!;
    await setConsent(tx, record, {
      trust: next,
      previousTrust: trust,
      disputeReason: v.reason,
      disputedBy: account.id,
      disputedAt: now,
    });
    await closeOpenRequest(tx, `PROPOSAL|${id}`, 'REJECTED', v.reason, account, now);
    const r = record.relationship;
    await tx.run('createRequest', {
      accountId: account.id,
      request: {
        id: newId('req'),
        kind: 'DISPUTE',
        openKey: `DISPUTE|${id}`,
        evidence: null,
        reason: v.reason,
        relationshipId: id,
      },
      organisationIds: [r.sourceId, r.targetId],
      now,
    });
    await recordChanges(
      tx,
      [relationshipChange(id, 'DISPUTED', account, v.reason, [trustChange(trust, next)])],
      now,
    );
    await tx.run('bumpDataVersion', { now });
  });
  return relationshipNow(runner, id);
}

const endFields = z.object({
  until: optional(date('until')),
  reason: optional(paragraph('reason', TEXT_LIMITS.reason, 3)),
});

/** Either side (or a curator) ends a relationship: its until date (today unless given). */
export async function endRelationship(
  runner: QueryRunner,
  actor: Actor,
  id: string,
  rawUntil: string | null | undefined,
  rawReason: string | null | undefined,
): Promise<Relationship> {
  const account = authorise(actor, 'account.self');
  const v = validate(endFields, { until: rawUntil, reason: rawReason });
  const today = new Date().toISOString().slice(0, 10);
  const until = v.until ?? today;
  const now = new Date().toISOString();
  await runner.writeTransaction(async (tx) => {
    const record = await lockRelationship(tx, actor, id);
    authorise(actor, 'relationship.end', await relationshipFacts(tx, actor, record));
    const r = record.relationship;
    if (r.until !== null && r.until <= today)
      throw new ConflictError(`This relationship already ended on ${r.until}.`);
    if (r.since !== null && until < r.since) {
      throw invalid([
        fieldProblem('until', 'DATE_ORDER', `until cannot be before the relationship started (${r.since})`),
      ]);
    }
    await setConsent(tx, record, {}, until);
    await recordChanges(
      tx,
      [
        relationshipChange(id, 'ENDED', account, v.reason ?? null, [
          { field: 'until', from: r.until, to: until },
        ]),
      ],
      now,
    );
    await tx.run('bumpDataVersion', { now });
  });
  return relationshipNow(runner, id);
}
