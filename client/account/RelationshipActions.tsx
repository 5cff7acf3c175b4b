// On a selected tie: how it was proposed, confirmed or disputed, and — for the other side's owner —
// Confirm, or Dispute with a reason. The map is redrawn from the server afterwards.
import { useState, type FormEvent } from 'react';
import { CONFIRM_RELATIONSHIP, DISPUTE_RELATIONSHIP, RELATIONSHIP_CONSENT } from '../api/queries.ts';
import { mutate } from '../state/useSession.ts';
import { toFormError, type FormError } from './errors.ts';
import { Field, FormMessage } from './Field.tsx';
import { LIMITS, paragraphProblem } from './rules.ts';
import { useAccountQuery } from './useAccountQuery.ts';

export function RelationshipActions({
  relationshipId,
  source,
  target,
}: {
  relationshipId: string;
  source: string;
  target: string;
}) {
  const query = useAccountQuery(RELATIONSHIP_CONSENT, { ids: [source, target] });
  const r = query.data?.relationshipsAmong.find((x) => x.id === relationshipId);
  const [disputing, setDisputing] = useState(false);
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  if (!r) return null;
  const c = r.consent;
  const local = paragraphProblem('reason', reason, LIMITS.reason, 3);
  const shown = error?.fields.reason ?? (submitted ? (local ?? undefined) : undefined);

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
      // The map's ties are cached; a reload draws them as they now are (the view is in the URL).
      window.location.reload();
    } catch (e) {
      setError(toFormError(e));
      setBusy(false);
    }
  }

  async function dispute(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (local) return;
    await run(() => mutate(DISPUTE_RELATIONSHIP, { id: relationshipId, reason: reason.trim() }));
  }

  return (
    <section className="consent" aria-label="Consent" data-testid="consent" data-trust={r.trust}>
      {c && (
        <dl className="facts">
          {c.proposedBy && (
            <>
              <dt>Proposed</dt>
              <dd>
                by {c.proposedBy.name}
                {c.proposedAt ? ` on ${c.proposedAt.slice(0, 10)}` : ''}
              </dd>
            </>
          )}
          {c.confirmedBy && (
            <>
              <dt>Confirmed</dt>
              <dd>
                by {c.confirmedBy.name}
                {c.confirmedAt ? ` on ${c.confirmedAt.slice(0, 10)}` : ''}
              </dd>
            </>
          )}
          {c.disputedBy && (
            <>
              <dt>Disputed</dt>
              <dd>
                by {c.disputedBy.name}
                {c.disputeReason ? `: ${c.disputeReason}` : ''}
              </dd>
            </>
          )}
        </dl>
      )}
      <FormMessage message={error?.message ?? null} />
      {(r.viewerCan.confirm || r.viewerCan.dispute) && !disputing && (
        <div className="form-actions">
          {r.viewerCan.confirm && (
            <button
              type="button"
              className="button primary"
              disabled={busy}
              data-testid="confirm-relationship"
              onClick={() => void run(() => mutate(CONFIRM_RELATIONSHIP, { id: relationshipId }))}
            >
              Confirm
            </button>
          )}
          {r.viewerCan.dispute && (
            <button
              type="button"
              className="button"
              data-testid="dispute-relationship"
              onClick={() => setDisputing(true)}
            >
              Dispute…
            </button>
          )}
        </div>
      )}
      {disputing && (
        <form onSubmit={dispute} noValidate className="dispute-form">
          <Field
            label="Why is it wrong?"
            required
            error={shown}
            hint="A curator reviews the dispute. 3–1000 characters."
          >
            {(a) => (
              <textarea
                {...a}
                rows={2}
                value={reason}
                autoFocus
                onChange={(e) => setReason(e.target.value)}
                data-testid="dispute-reason"
              />
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={busy} data-testid="dispute-submit">
              Dispute
            </button>
            <button type="button" className="button" onClick={() => setDisputing(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
