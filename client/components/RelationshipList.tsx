// The selected organisation's relationships: kind, other party, dates, trust and source of each.
import type { OrganisationDetails } from '../api/types.ts';
import { KIND_STYLES, TRUST_STYLES } from '../graph/style.ts';
import { describeRelationship, formatAmount, formatDateRange } from './format.ts';
import { ProvenanceNote } from './ProvenanceNote.tsx';
import { EdgeSwatch, SectorSwatch } from './Swatches.tsx';

export function RelationshipList({
  organisation,
  onSelect,
}: {
  organisation: OrganisationDetails;
  onSelect: (id: string) => void;
}) {
  const { relationships } = organisation;
  return (
    <section className="relationships" aria-label="Relationships">
      <h3>
        Relationships <span className="count">{relationships.length}</span>
      </h3>
      {relationships.length === 0 ? (
        <p className="muted">No relationships recorded yet.</p>
      ) : (
        <ul>
          {relationships.map((relationship) => {
            const { other, phrase } = describeRelationship(relationship, organisation.id);
            const amount = formatAmount(relationship.amount, relationship.currency);
            const trust = TRUST_STYLES[relationship.trust];
            return (
              <li
                key={relationship.id}
                className="relationship"
                data-testid="relationship"
                data-kind={relationship.kind}
                data-trust={relationship.trust}
              >
                <div className="relationship-head">
                  <EdgeSwatch kind={relationship.kind} trust={relationship.trust} />
                  <span className="relationship-kind">{KIND_STYLES[relationship.kind].label}</span>
                  <span
                    className={`trust trust-${relationship.trust.toLowerCase()}`}
                    title={trust.description}
                  >
                    {trust.label}
                  </span>
                </div>
                <p className="relationship-party">
                  {phrase}{' '}
                  <button type="button" className="link-button party" onClick={() => onSelect(other.id)}>
                    <SectorSwatch sector={other.sector} size={11} />
                    {other.name}
                  </button>
                </p>
                <p className="relationship-meta">
                  <span>{formatDateRange(relationship.since, relationship.until)}</span>
                  {amount && <span>{amount}</span>}
                </p>
                {relationship.description && (
                  <p className="relationship-description">{relationship.description}</p>
                )}
                <p className="relationship-source">
                  <ProvenanceNote provenance={relationship.provenance} />
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
