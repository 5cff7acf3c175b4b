// A selected tie: what kind, between whom (each a link to its organisation), since and until when, the
// amount, how far it can be trusted, and where it comes from.
import { RelationshipActions } from '../account/RelationshipActions.tsx';
import { KIND_STYLES, TRUST_STYLES } from '../graph/style.ts';
import { useRelationship } from '../state/useRelationship.ts';
import { ErrorDetails } from './ErrorDetails.tsx';
import { formatAmount, formatDateRange, safeHref } from './format.ts';
import { EdgeSwatch, SectorBadge } from './Swatches.tsx';

export function RelationshipPanel({
  relationshipId,
  ends,
  waiting,
  onSelect,
  onClose,
}: {
  relationshipId: string;
  ends: { source: string; target: string } | null;
  /** The map is still loading (the tie's ends are not known yet). */
  waiting: boolean;
  onSelect: (id: string) => void;
  onClose: () => void;
}) {
  const state = useRelationship(relationshipId, ends?.source ?? null, ends?.target ?? null);
  const back = (
    <button type="button" className="link-button back" onClick={onClose}>
      ← Back to the chosen organisation
    </button>
  );
  if (state.error) {
    return (
      <div className="details-message" role="alert">
        {back}
        <h2>The relationship could not be loaded</h2>
        <ErrorDetails error={state.error} onRetry={state.retry} />
      </div>
    );
  }
  if (ends === null && !waiting) {
    return (
      <div className="details-message" role="status">
        {back}
        <h2>Relationship not on the map</h2>
        <p>
          The relationship <code>{relationshipId}</code> is not among the ties drawn. Expand its organisations
          to see it.
        </p>
      </div>
    );
  }
  if (!state.done) {
    return (
      <div className="details-message" role="status" aria-busy="true">
        <span className="spinner" aria-hidden="true" /> Loading the relationship…
      </div>
    );
  }
  const r = state.relationship;
  if (!r) {
    return (
      <div className="details-message" role="status">
        {back}
        <h2>Relationship not found</h2>
        <p>
          No relationship <code>{relationshipId}</code> links organisations on the map. It may have ended or
          been removed.
        </p>
      </div>
    );
  }
  const kind = KIND_STYLES[r.kind];
  const trust = TRUST_STYLES[r.trust];
  const amount = formatAmount(r.amount, r.currency);
  const source = safeHref(r.provenance.sourceUrl);
  const directed = kind.arrow !== 'none';
  return (
    <article className="relationship-details" data-testid="relationship-details" data-id={r.id}>
      {back}
      <header className="organisation-header">
        <EdgeSwatch kind={r.kind} trust={r.trust} />
        <div>
          <h2 data-testid="details-title">{kind.label}</h2>
          <p className="organisation-subtitle">
            <span className={`trust trust-${r.trust.toLowerCase()}`} title={trust.description}>
              {trust.label}: {trust.description}
            </span>
          </p>
        </div>
      </header>
      <ol className="parties" aria-label={directed ? 'From, to' : 'Between'}>
        {[r.source, r.target].map((party, i) => (
          <li key={party.id}>
            <span className="party-role">{directed ? (i === 0 ? 'From' : 'To') : 'Between'}</span>
            <button type="button" className="link-button party" onClick={() => onSelect(party.id)}>
              {party.name}
            </button>
            <SectorBadge sector={party.sector} />
          </li>
        ))}
      </ol>
      <dl className="facts" data-testid="relationship-facts">
        <dt>Dates</dt>
        <dd>{formatDateRange(r.since, r.until)}</dd>
        {amount && (
          <>
            <dt>Amount</dt>
            <dd>{amount}</dd>
          </>
        )}
        <dt>Trust</dt>
        <dd>{trust.label}</dd>
        {r.description && (
          <>
            <dt>About</dt>
            <dd>{r.description}</dd>
          </>
        )}
      </dl>
      <RelationshipActions relationshipId={r.id} source={r.source.id} target={r.target.id} />
      <section aria-label="Source" className="provenance-block">
        <h3>Source</h3>
        <dl className="facts">
          <dt>Record</dt>
          <dd>
            {source ? (
              <a href={source} target="_blank" rel="noopener noreferrer">
                {source.replace(/^https?:\/\//, '')}
              </a>
            ) : (
              <span className="muted">no link recorded</span>
            )}
          </dd>
          {r.provenance.sourceDataset && (
            <>
              <dt>Dataset</dt>
              <dd>
                {r.provenance.sourceDataset}
                {r.provenance.sourceRecord ? ` · ${r.provenance.sourceRecord}` : ''}
              </dd>
            </>
          )}
          {r.provenance.licence && (
            <>
              <dt>Licence</dt>
              <dd>{r.provenance.licence}</dd>
            </>
          )}
          {(r.provenance.recordedBy || r.provenance.recordedAt) && (
            <>
              <dt>Recorded</dt>
              <dd>
                {[
                  r.provenance.recordedBy && `by ${r.provenance.recordedBy}`,
                  r.provenance.recordedAt && `on ${r.provenance.recordedAt.slice(0, 10)}`,
                ]
                  .filter(Boolean)
                  .join(' ')}
              </dd>
            </>
          )}
        </dl>
      </section>
    </article>
  );
}
