// The curators' review queue (pending registrations, claims, proposed relationships, disputes, and
// possible duplicates), and the decisions on requests: approve, or reject with a reason the submitter sees.
import { z } from 'zod';
import { ConflictError, NotFoundError } from '../../common/errors.ts';
import type { QueryRunner, QueryTx } from '../../common/queryRunner.ts';
import type { AccountActor, Actor } from '../access/actor.ts';
import { authorise, reasonRequired } from '../access/policy.ts';
import {
  REVIEW_KINDS,
  type MergeCandidateStatus,
  type ReviewKind,
  type ReviewStatus,
  type TrustState,
} from '../model.ts';
import { requireRange } from '../organisations.ts';
import { connection, pageStart, PAGE_LIMITS, type Connection } from '../pagination.ts';
import { optional, paragraph, TEXT_LIMITS } from '../validation/fields.ts';
import { fieldProblem, invalid, validate } from '../validation/problems.ts';
import { recordChanges, type ChangeRecord, type Contributor } from './history.ts';
import { lockRelationship, relationshipChange, setConsent } from './relationships.ts';
import { nextTrust } from './trustStates.ts';

export interface ReviewRequest {
  id: string;
  kind: ReviewKind;
  status: ReviewStatus;
  /** The submitter's reason (disputes). */
  reason: string | null;
  /** The submitter's evidence (claims). */
  evidence: string | null;
  /** Why it was approved or rejected. */
  decisionReason: string | null;
  createdAt: string;
  decidedAt: string | null;
  submittedBy: Contributor | null;
  organisationIds: string[];
  relationshipId: string | null;
}

export interface MergeCandidate {
  id: string;
  rule: string;
  evidence: string;
  score: number | null;
  status: MergeCandidateStatus;
  createdAt: string | null;
  importRunId: string | null;
  organisationIds: string[];
}

export interface ReviewItem {
  id: string;
  kind: ReviewKind;
  createdAt: string | null;
  request: ReviewRequest | null;
  mergeCandidate: MergeCandidate | null;
}

interface RequestRow {
  request: Omit<ReviewRequest, 'submittedBy' | 'organisationIds'>;
  submittedBy: Contributor | null;
  organisationIds: string[];
}

const requestOf = (row: RequestRow): ReviewRequest => ({
  ...row.request,
  reason: row.request.reason ?? null,
  evidence: row.request.evidence ?? null,
  decisionReason: row.request.decisionReason ?? null,
  decidedAt: row.request.decidedAt ?? null,
  relationshipId: row.request.relationshipId ?? null,
  submittedBy: row.submittedBy,
  organisationIds: row.organisationIds,
});

export async function requestsByIds(runner: QueryRunner, ids: string[]): Promise<ReviewRequest[]> {
  if (ids.length === 0) return [];
  return (await runner.read<RequestRow>('requestsByIds', { ids })).map(requestOf);
}

/** What an account submitted, newest first, with its status and any curator's reason. */
export async function requestsOfAccount(
  runner: QueryRunner,
  actor: Actor,
  first = 50,
): Promise<ReviewRequest[]> {
  const account = authorise(actor, 'account.self');
  requireRange(first, 'first', 1, 200);
  return (await runner.read<RequestRow>('requestsOfAccount', { accountId: account.id, first })).map(
    requestOf,
  );
}

export async function mergeCandidatesByIds(runner: QueryRunner, ids: string[]): Promise<MergeCandidate[]> {
  if (ids.length === 0) return [];
  const rows = await runner.read<{ candidate: Record<string, unknown>; organisationIds: string[] }>(
    'mergeCandidatesByIds',
    { ids },
  );
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return rows.map(({ candidate: c, organisationIds }) => ({
    id: String(c.id),
    rule: text(c.rule) ?? '',
    evidence: typeof c.evidence === 'string' ? c.evidence : JSON.stringify(c.evidence ?? null),
    score: typeof c.score === 'number' ? c.score : null,
    status: c.status as MergeCandidateStatus,
    createdAt: text(c.createdAt),
    importRunId: text(c.importRunId),
    organisationIds,
  }));
}

/** The open items, oldest first, as a connection (first 1–100, default 20; after: a cursor of this list). */
export async function reviewQueue(
  runner: QueryRunner,
  actor: Actor,
  kinds: readonly ReviewKind[] | null | undefined,
  first: number = PAGE_LIMITS.defaultFirst,
  after?: string | null,
): Promise<Connection<ReviewItem>> {
  authorise(actor, 'review.read');
  const wanted = kinds && kinds.length > 0 ? [...new Set(kinds)] : [...REVIEW_KINDS];
  const list = `reviewQueue:${[...wanted].sort().join(',')}`;
  const start = pageStart(list, first, after);
  const [row] = await runner.read<{
    totalCount: number;
    page: { id: string; kind: ReviewKind; at: number | null }[];
  }>('reviewQueue', {
    kinds: wanted,
    afterAt: start.after ? (start.after.key[0] ?? null) : null,
    afterId: start.after?.id ?? null,
    limit: first + 1,
  });
  const page = row?.page ?? [];
  const [requests, candidates] = await Promise.all([
    requestsByIds(
      runner,
      page.filter((p) => p.kind !== 'MERGE_CANDIDATE').map((p) => p.id),
    ),
    mergeCandidatesByIds(
      runner,
      page.filter((p) => p.kind === 'MERGE_CANDIDATE').map((p) => p.id),
    ),
  ]);
  const items: (ReviewItem & { at: number | null })[] = page.map((p) => {
    const request = requests.find((r) => r.id === p.id) ?? null;
    const mergeCandidate = candidates.find((c) => c.id === p.id) ?? null;
    return {
      id: p.id,
      kind: p.kind,
      at: p.at,
      createdAt: request?.createdAt ?? mergeCandidate?.createdAt ?? null,
      request,
      mergeCandidate,
    };
  });
  const conn = connection(list, items, first, row?.totalCount ?? 0, (item) => ({
    key: [item.at],
    id: item.id,
  }));
  const strip = ({ at: _at, ...item }: ReviewItem & { at: number | null }): ReviewItem => item;
  return {
    ...conn,
    nodes: conn.nodes.map(strip),
    edges: conn.edges.map((e) => ({ cursor: e.cursor, node: strip(e.node) })),
  };
}

const approveFields = z.object({ reason: optional(paragraph('reason', TEXT_LIMITS.reason, 3)) });
const rejectFields = z.object({ reason: paragraph('reason', TEXT_LIMITS.reason, 3) });

interface Decision {
  tx: QueryTx;
  curator: AccountActor;
  request: ReviewRequest;
  approved: boolean;
  reason: string | null;
  now: string;
}

/** Approves a pending request: publishes a registration, makes a claimant an owner, verifies a proposal's source (SOURCED), upholds a dispute (the relationship is removed). */
export async function approveRequest(
  runner: QueryRunner,
  actor: Actor,
  id: string,
  reason?: string | null,
): Promise<ReviewRequest> {
  const curator = authorise(actor, 'review.decide');
  const v = validate(approveFields, { reason });
  await decide(runner, curator, id, true, v.reason ?? null);
  return (await requestsByIds(runner, [id]))[0]!;
}

/** Rejects a pending request with a reason the submitter sees: archives a registration, refuses a claim, disputes a proposal, settles a dispute in favour of the relationship. */
export async function rejectRequest(
  runner: QueryRunner,
  actor: Actor,
  id: string,
  reason: string,
): Promise<ReviewRequest> {
  const curator = authorise(actor, 'review.decide');
  const v = validate(rejectFields, { reason });
  await decide(runner, curator, id, false, v.reason);
  return (await requestsByIds(runner, [id]))[0]!;
}

async function decide(
  runner: QueryRunner,
  curator: AccountActor,
  id: string,
  approved: boolean,
  reason: string | null,
) {
  const now = new Date().toISOString();
  await runner.writeTransaction(async (tx) => {
    const [row] = await tx.run<RequestRow>('lockRequest', { id });
    if (!row) throw new NotFoundError(`No request has the id ${id}.`);
    const request = requestOf(row);
    if (request.status !== 'PENDING') {
      throw new ConflictError(
        `This request was already ${request.status === 'APPROVED' ? 'approved' : 'rejected'}.`,
      );
    }
    const d: Decision = { tx, curator, request, approved, reason, now };
    const changes = await HANDLERS[request.kind as Exclude<ReviewKind, 'MERGE_CANDIDATE'>](d);
    await recordChanges(tx, changes, now);
    await tx.run('decideRequest', {
      id,
      status: approved ? 'APPROVED' : 'REJECTED',
      reason,
      deciderId: curator.id,
      now,
    });
  });
}

const orgChange = (
  d: Decision,
  action: ChangeRecord['action'],
  changes: ChangeRecord['changes'],
): ChangeRecord => ({
  subjectKind: 'organisation',
  subjectId: d.request.organisationIds[0]!,
  action,
  actorId: d.curator.id,
  reason: d.reason,
  changes,
});

const HANDLERS: Record<Exclude<ReviewKind, 'MERGE_CANDIDATE'>, (d: Decision) => Promise<ChangeRecord[]>> = {
  async REGISTRATION(d) {
    const organisationId = d.request.organisationIds[0];
    if (!organisationId)
      throw new ConflictError('The organisation of this registration no longer exists (merged?).');
    if (d.approved) {
      await d.tx.run('publishRegistration', {
        organisationId,
        accountId: d.request.submittedBy?.id ?? null,
        now: d.now,
      });
      // Published: now in the public network.
      await d.tx.run('bumpDataVersion', { now: d.now });
    } else {
      // Pending to archived: never public, so the network (and its snapshot) does not change.
      await d.tx.run('archiveRegistration', { organisationId, now: d.now });
    }
    const to = d.approved ? 'PUBLISHED' : 'ARCHIVED';
    return [orgChange(d, d.approved ? 'APPROVED' : 'REJECTED', [{ field: 'status', from: 'PENDING', to }])];
  },

  async CLAIM(d) {
    const organisationId = d.request.organisationIds[0];
    if (!d.approved) return [];
    if (!organisationId || !d.request.submittedBy)
      throw new ConflictError('The organisation of this claim no longer exists.');
    await d.tx.run('verifyOwner', { organisationId, accountId: d.request.submittedBy.id, now: d.now });
    return [orgChange(d, 'OWNER_ADDED', [{ field: 'owners', from: null, to: d.request.submittedBy.name }])];
  },

  async PROPOSED_RELATIONSHIP(d) {
    const record = await lockRelationship(d.tx, d.curator, d.request.relationshipId ?? '');
    const r = record.relationship;
    const trust: TrustState = r.trust;
    if (d.approved) {
      if (d.reason === null && reasonRequired(d.curator, { action: 'review.verifySource' })) {
        throw invalid([
          fieldProblem(
            'reason',
            'REQUIRED',
            'say how you verified the source (what it shows), 3–1000 characters: it is kept in the history',
          ),
        ]);
      }
      if (r.provenance.sourceUrl === null) {
        throw invalid([
          fieldProblem(
            'id',
            'NO_SOURCE',
            'this proposal has no source URL to verify: reject it, or ask the proposer for a source',
          ),
        ]);
      }
      const next = nextTrust(trust, 'verifySource')!;
      await setConsent(d.tx, record, { trust: next, sourcedBy: d.curator.id, sourcedAt: d.now });
      await d.tx.run('bumpDataVersion', { now: d.now });
      return [
        relationshipChange(r.id, 'APPROVED', d.curator, d.reason, [
          { field: 'trust', from: trust, to: next },
        ]),
      ];
    }
    const disputed = nextTrust(trust, 'rejectProposal')!;
    await setConsent(d.tx, record, {
      trust: disputed,
      previousTrust: trust,
      disputeReason: d.reason,
      disputedBy: d.curator.id,
      disputedAt: d.now,
    });
    await d.tx.run('bumpDataVersion', { now: d.now });
    return [
      relationshipChange(r.id, 'REJECTED', d.curator, d.reason, [
        { field: 'trust', from: trust, to: disputed },
      ]),
    ];
  },

  async DISPUTE(d) {
    const record = await lockRelationship(d.tx, d.curator, d.request.relationshipId ?? '');
    const r = record.relationship;
    await d.tx.run('bumpDataVersion', { now: d.now });
    if (d.approved) {
      // The dispute is upheld: the relationship goes; its history stays readable by its id.
      nextTrust(r.trust, 'upholdDispute');
      await d.tx.run('deleteRelationshipsById', { relationships: [{ id: r.id, kind: r.kind }] });
      return [
        relationshipChange(r.id, 'REMOVED', d.curator, d.reason, [
          { field: 'trust', from: r.trust, to: null },
        ]),
      ];
    }
    const restored = nextTrust(
      r.trust,
      'settleDispute',
      (record.consent.previousTrust as TrustState | null) ?? null,
    )!;
    await setConsent(d.tx, record, {
      trust: restored,
      previousTrust: null,
      disputeReason: null,
      disputedBy: null,
      disputedAt: null,
    });
    return [
      relationshipChange(r.id, 'DISPUTE_SETTLED', d.curator, d.reason, [
        { field: 'trust', from: r.trust, to: restored },
      ]),
    ];
  },
};
