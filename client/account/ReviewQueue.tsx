// The curators' review queue: pending registrations, claims, proposed partnerships, disputes and possible
// duplicates, oldest first. Each decision needs a reason (the submitter sees it in their items).
import { useState, type FormEvent } from 'react';
import type { ReviewKind, ReviewQueueItemsQuery } from '../api/generated/graphql.ts';
import { graphqlRequest } from '../api/graphqlRequest.ts';
import {
  APPROVE,
  DISMISS_MERGE_CANDIDATE,
  MERGE_ORGANISATIONS,
  REJECT,
  REVIEW_QUEUE_ITEMS,
} from '../api/queries.ts';
import { ErrorDetails } from '../components/ErrorDetails.tsx';
import { formatAmount, formatDateRange, formatPlace, safeHref } from '../components/format.ts';
import { SectorBadge } from '../components/Swatches.tsx';
import { TRUST_STYLES } from '../graph/style.ts';
import { mutate, useSession } from '../state/useSession.ts';
import { isCurator } from './AccountMenu.tsx';
import { toFormError, type FormError } from './errors.ts';
import { Field, FormMessage } from './Field.tsx';
import { REQUEST_LABELS, requestSubject } from './MyItems.tsx';
import { REVIEW_PAGE } from './reviewQueuePage.ts';
import { LIMITS, paragraphProblem } from './rules.ts';
import { useAccountQuery } from './useAccountQuery.ts';

type Item = ReviewQueueItemsQuery['reviewQueue']['nodes'][number];
type Reviewed = NonNullable<Item['request']>['organisations'][number];

const KINDS: ReviewKind[] = ['REGISTRATION', 'CLAIM', 'PROPOSED_RELATIONSHIP', 'DISPUTE', 'MERGE_CANDIDATE'];

export function ReviewQueue() {
  const session = useSession();
  const allowed = isCurator(session.account?.role);
  const [kind, setKind] = useState<ReviewKind | ''>('');
  const variables = allowed ? { first: REVIEW_PAGE, ...(kind ? { kinds: [kind] } : {}) } : null;
  const query = useAccountQuery(REVIEW_QUEUE_ITEMS, variables);
  const queue = query.data?.reviewQueue;
  // Further pages, appended by "Show more"; a new first page (after a decision) starts again.
  const [more, setMore] = useState<{
    of: unknown;
    items: Item[];
    endCursor: string | null;
    hasNext: boolean;
  }>({
    of: null,
    items: [],
    endCursor: null,
    hasNext: false,
  });
  const [loadingMore, setLoadingMore] = useState<unknown>(null);
  const extra = more.of === queue ? more : null;
  const items = [...(queue?.nodes ?? []), ...(extra?.items ?? [])];
  const hasNext = extra ? extra.hasNext : (queue?.pageInfo.hasNextPage ?? false);
  const endCursor = extra ? extra.endCursor : (queue?.pageInfo.endCursor ?? null);

  async function showMore() {
    if (!queue || !variables) return;
    setLoadingMore(null);
    try {
      const page = await graphqlRequest(REVIEW_QUEUE_ITEMS, { ...variables, after: endCursor });
      setMore({
        of: queue,
        items: [...(extra?.items ?? []), ...page.reviewQueue.nodes],
        endCursor: page.reviewQueue.pageInfo.endCursor ?? null,
        hasNext: page.reviewQueue.pageInfo.hasNextPage,
      });
    } catch (error) {
      setLoadingMore(error);
    }
  }

  return (
    <div className="account-view review-queue" data-testid="review-queue">
      <h2 id="account-dialog-title">Review queue</h2>
      {!allowed && <p>The review queue is for curators.</p>}
      {allowed && (
        <div className="field queue-filter">
          <label htmlFor="review-kind">Show</label>
          <select
            id="review-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as ReviewKind | '')}
            data-testid="review-kind"
          >
            <option value="">Everything waiting</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {REQUEST_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
      )}
      {query.error !== undefined && query.error !== null && (
        <ErrorDetails error={query.error} onRetry={query.reload} />
      )}
      {allowed && !queue && query.loading && <p role="status">Loading…</p>}
      {queue && (
        <>
          <p className="muted" role="status" data-testid="queue-status">
            {queue.totalCount === 0
              ? 'Nothing waits for a decision.'
              : `${queue.totalCount} waiting, oldest first${queue.totalCount > items.length ? ` (the first ${items.length} shown)` : ''}.`}
          </p>
          <ul className="item-list review-items">
            {items.map((item) => (
              <ReviewItemRow key={item.id} item={item} />
            ))}
          </ul>
          {loadingMore !== null && <ErrorDetails error={loadingMore} />}
          {hasNext && (
            <button
              type="button"
              className="button"
              onClick={() => void showMore()}
              data-testid="review-more"
            >
              Show more
            </button>
          )}
        </>
      )}
    </div>
  );
}

function OrganisationLink({ id, name, status }: { id: string; name: string; status: string }) {
  return status === 'PUBLISHED' ? (
    <a href={`/?org=${encodeURIComponent(id)}`} target="_blank" rel="noopener noreferrer">
      {name}
    </a>
  ) : (
    <span>
      {name} <span className="muted">({status.toLowerCase()})</span>
    </span>
  );
}

/** Registrations and claims are decided on an organisation's content: it is shown whole. */
const showsContent = (kind: ReviewKind) => kind === 'REGISTRATION' || kind === 'CLAIM';

const notGiven = <span className="muted">not given</span>;

/**
 * Everything a registration says (as it stands: a registrant's edits while it waits apply to it), or, for a
 * claim, the organisation claimed as it is listed: sector, kind, place, website, description, themes and
 * identifiers, each shown also when empty so that a missing one is seen.
 */
function OrganisationContent({ kind, organisation: o }: { kind: ReviewKind; organisation: Reviewed }) {
  const href = safeHref(o.website);
  return (
    <section
      className="review-content"
      aria-label={kind === 'CLAIM' ? `The organisation claimed: ${o.name}` : `What was registered: ${o.name}`}
      data-testid="review-organisation"
      data-id={o.id}
    >
      <h3 className="review-content-title">
        {kind === 'CLAIM' ? 'Claims ' : 'Registers '}
        <OrganisationLink {...o} />
      </h3>
      <dl className="facts">
        <dt>Sector</dt>
        <dd data-field="sector">
          <SectorBadge sector={o.sector} />
        </dd>
        <dt>Kind</dt>
        <dd data-field="kind">{o.kind ?? notGiven}</dd>
        <dt>Place</dt>
        <dd data-field="place">{o.place ? formatPlace(o.place) : notGiven}</dd>
        <dt>Website</dt>
        <dd data-field="website">
          {o.website === null ? (
            notGiven
          ) : href ? (
            <a href={href} target="_blank" rel="noopener noreferrer">
              {o.website}
            </a>
          ) : (
            o.website
          )}
        </dd>
        <dt>Description</dt>
        <dd data-field="description" className="review-description">
          {o.description ?? notGiven}
        </dd>
        <dt>Themes</dt>
        <dd data-field="themes">
          {o.themes.length === 0 ? notGiven : o.themes.map((t) => t.name).join(', ')}
        </dd>
        <dt>Identifiers</dt>
        <dd data-field="identifiers">
          {o.identifiers.length === 0 ? (
            notGiven
          ) : (
            <ul className="identifiers">
              {o.identifiers.map((identifier) => (
                <li key={`${identifier.scheme}:${identifier.value}`}>
                  <span className="identifier-scheme">{identifier.scheme}</span>{' '}
                  <code>{identifier.value}</code>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </section>
  );
}

/** A proposed or disputed partnership: its trust, dates, amount and what it is about. */
function RelationshipFacts({
  relationship: r,
}: {
  relationship: NonNullable<NonNullable<Item['request']>['relationship']>;
}) {
  const amount = formatAmount(r.amount, r.currency);
  const dates = formatDateRange(r.since, r.until);
  return (
    <>
      <dt>Trust</dt>
      <dd data-field="trust">{TRUST_STYLES[r.trust].label}</dd>
      <dt>Dates</dt>
      <dd data-field="dates">{dates}</dd>
      {amount && (
        <>
          <dt>Amount</dt>
          <dd data-field="amount">{amount}</dd>
        </>
      )}
      <dt>About</dt>
      <dd data-field="description" className="review-description">
        {r.description ?? notGiven}
      </dd>
    </>
  );
}

function ReviewItemRow({ item }: { item: Item }) {
  const request = item.request;
  const candidate = item.mergeCandidate;
  const title = request
    ? requestSubject(request)
    : (candidate?.organisations.map((o) => o.name).join(' / ') ?? '');
  const headingId = `review-${item.id}`;
  return (
    <li
      className="review-item"
      data-testid="review-item"
      data-kind={item.kind}
      data-id={item.id}
      aria-labelledby={headingId}
    >
      <div className="item-head">
        <span className="item-kind">{REQUEST_LABELS[item.kind] ?? item.kind}</span>
        <strong id={headingId} className="item-title">
          {title}
        </strong>
        <span className="muted">{item.createdAt?.slice(0, 10)}</span>
      </div>
      <dl className="facts">
        {request?.submittedBy && (
          <>
            <dt>By</dt>
            <dd>{request.submittedBy.name}</dd>
          </>
        )}
        {request && request.organisations.length > 0 && !showsContent(item.kind) && (
          <>
            <dt>Organisations</dt>
            <dd>
              {request.organisations.map((o, i) => (
                <span key={o.id}>
                  {i > 0 && ', '}
                  <OrganisationLink {...o} />
                </span>
              ))}
            </dd>
          </>
        )}
        {request?.evidence && (
          <>
            <dt>Evidence</dt>
            <dd>{request.evidence}</dd>
          </>
        )}
        {request?.reason && (
          <>
            <dt>Reason</dt>
            <dd>{request.reason}</dd>
          </>
        )}
        {request?.relationship && <RelationshipFacts relationship={request.relationship} />}
        {request?.relationship?.provenance.sourceUrl && (
          <>
            <dt>Source</dt>
            <dd>
              {safeHref(request.relationship.provenance.sourceUrl) ? (
                <a
                  href={safeHref(request.relationship.provenance.sourceUrl)!}
                  target="_blank"
                  rel="noopener noreferrer"
                >
                  {request.relationship.provenance.sourceUrl}
                </a>
              ) : (
                request.relationship.provenance.sourceUrl
              )}
            </dd>
          </>
        )}
        {candidate && (
          <>
            <dt>Found by</dt>
            <dd>
              {candidate.rule}
              {candidate.score !== null && candidate.score !== undefined
                ? ` (${Math.round(candidate.score * 100)}%)`
                : ''}
            </dd>
            <dt>Organisations</dt>
            <dd>
              {candidate.organisations.map((o, i) => (
                <span key={o.id}>
                  {i > 0 && ' / '}
                  <OrganisationLink {...o} />
                </span>
              ))}
            </dd>
          </>
        )}
      </dl>
      {request &&
        showsContent(item.kind) &&
        request.organisations.map((o) => (
          <OrganisationContent key={o.id} kind={item.kind} organisation={o} />
        ))}
      <Decision item={item} />
    </li>
  );
}

type Action =
  | { kind: 'approve' }
  | { kind: 'reject' }
  | { kind: 'merge'; keep: string; merge: string; label: string }
  | { kind: 'dismiss' };

function Decision({ item }: { item: Item }) {
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const local = paragraphProblem('reason', reason, LIMITS.reason, 3);
  const shown = error?.fields.reason ?? (submitted ? (local ?? undefined) : undefined);
  const candidate = item.mergeCandidate;
  const [a, b] = candidate?.organisations ?? [];
  const actions: Action[] = candidate
    ? [
        ...(a && b
          ? [
              { kind: 'merge' as const, keep: a.id, merge: b.id, label: `Merge, keep ${a.name}` },
              { kind: 'merge' as const, keep: b.id, merge: a.id, label: `Merge, keep ${b.name}` },
            ]
          : []),
        { kind: 'dismiss' },
      ]
    : [{ kind: 'approve' }, { kind: 'reject' }];

  async function decide(action: Action, event?: FormEvent) {
    event?.preventDefault();
    setSubmitted(true);
    if (local) return;
    setBusy(true);
    setError(null);
    const why = reason.trim();
    try {
      if (action.kind === 'approve') await mutate(APPROVE, { id: item.id, reason: why });
      else if (action.kind === 'reject') await mutate(REJECT, { id: item.id, reason: why });
      else if (action.kind === 'merge')
        await mutate(MERGE_ORGANISATIONS, { keep: action.keep, merge: action.merge, reason: why });
      else await mutate(DISMISS_MERGE_CANDIDATE, { id: item.id, reason: why });
    } catch (e) {
      setError(toFormError(e));
    } finally {
      setBusy(false);
    }
  }

  const label = (action: Action) =>
    action.kind === 'approve'
      ? 'Approve'
      : action.kind === 'reject'
        ? 'Reject'
        : action.kind === 'dismiss'
          ? 'Not the same: dismiss'
          : action.label;

  return (
    <form className="decision" onSubmit={(e) => void decide(actions[0]!, e)} noValidate>
      <FormMessage message={error?.message ?? null} />
      <Field label="Reason" required error={shown} hint="The submitter sees it. 3–1000 characters.">
        {(attrs) => (
          <textarea
            {...attrs}
            rows={2}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              if (error) setError(null);
            }}
            data-testid="review-reason"
          />
        )}
      </Field>
      <div className="form-actions">
        {actions.map((action, i) => (
          <button
            key={i}
            type="button"
            className={`button small${action.kind === 'approve' || action.kind === 'merge' ? ' primary' : ''}`}
            disabled={busy}
            onClick={() => void decide(action)}
            data-testid={`review-${action.kind}`}
          >
            {label(action)}
          </button>
        ))}
      </div>
    </form>
  );
}
