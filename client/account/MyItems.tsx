// "My items": the organisations the account owns (pending or published), and what it submitted for
// review — registrations, claims, proposals, disputes — with their status and any curator's reason.
import type { MyItemsQuery } from '../api/generated/graphql.ts';
import { MY_ITEMS } from '../api/queries.ts';
import { KIND_STYLES } from '../graph/style.ts';
import { ErrorDetails } from '../components/ErrorDetails.tsx';
import { openAccountView } from './accountView.ts';
import { useAccountQuery } from './useAccountQuery.ts';

export const REQUEST_LABELS: Record<string, string> = {
  REGISTRATION: 'Registration',
  CLAIM: 'Claim',
  PROPOSED_RELATIONSHIP: 'Proposed partnership',
  DISPUTE: 'Dispute',
  MERGE_CANDIDATE: 'Possible duplicate',
};

type Request = NonNullable<MyItemsQuery['me']>['requests'][number];

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className="status-badge" data-status={status} data-testid="status-badge">
      {status.charAt(0) + status.slice(1).toLowerCase()}
    </span>
  );
}

/** What a request is about, in a few words. */
export function requestSubject(request: Pick<Request, 'organisations' | 'relationship'>): string {
  const r = request.relationship;
  if (r) return `${KIND_STYLES[r.kind].label}: ${r.source.name} → ${r.target.name}`;
  return request.organisations.map((o) => o.name).join(', ');
}

export function MyItems() {
  const query = useAccountQuery(MY_ITEMS, {});
  const me = query.data?.me;
  return (
    <div className="account-view" data-testid="my-items-view">
      <h2 id="account-dialog-title">My items</h2>
      {query.error !== undefined && query.error !== null && (
        <ErrorDetails error={query.error} onRetry={query.reload} />
      )}
      {!query.data && query.loading && <p role="status">Loading…</p>}
      {query.data && !me && (
        <p>
          You are signed out.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => openAccountView({ view: 'sign-in', then: { view: 'mine' } })}
          >
            Sign in
          </button>{' '}
          to see your items.
        </p>
      )}
      {me && (
        <>
          <section aria-labelledby="my-organisations">
            <h3 id="my-organisations">Organisations</h3>
            {me.organisations.length === 0 ? (
              <p className="muted">
                None yet.{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => openAccountView({ view: 'register' })}
                >
                  Add your organisation
                </button>
              </p>
            ) : (
              <ul className="item-list">
                {me.organisations.map((o) => (
                  <li key={o.organisation.id} data-testid="my-organisation" data-id={o.organisation.id}>
                    <span className="item-title">{o.organisation.name}</span>
                    <StatusBadge status={o.organisation.status} />
                    <span className="muted">
                      {o.verified ? 'verified owner' : 'owner, waiting for approval'}
                    </span>
                    {o.organisation.status === 'PUBLISHED' && (
                      <a className="link-button" href={`/?org=${encodeURIComponent(o.organisation.id)}`}>
                        Show on the map
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="my-requests">
            <h3 id="my-requests">Requests</h3>
            {me.requests.length === 0 ? (
              <p className="muted">Nothing submitted yet.</p>
            ) : (
              <ul className="item-list">
                {me.requests.map((r) => (
                  <li key={r.id} data-testid="my-request" data-kind={r.kind} data-status={r.status}>
                    <span className="item-kind">{REQUEST_LABELS[r.kind] ?? r.kind}</span>
                    <span className="item-title">{requestSubject(r)}</span>
                    <StatusBadge status={r.status} />
                    <span className="muted">{r.createdAt.slice(0, 10)}</span>
                    {r.decisionReason && (
                      <p className="decision-reason" data-testid="decision-reason">
                        {r.status === 'REJECTED' ? 'Rejected: ' : 'Curator: '}
                        {r.decisionReason}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
