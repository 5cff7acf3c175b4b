// The selected organisation's relationships — kind, other party, dates, amount, trust and source of each —
// sortable and filterable by kind, trust and words.
import { useId, useMemo, useState } from 'react';
import { RELATIONSHIP_KINDS, TRUST_STATES, type OrganisationDetails } from '../api/types.ts';
import { KIND_STYLES, TRUST_STYLES } from '../graph/style.ts';
import { describeRelationship, formatAmount, formatDateRange } from './format.ts';
import { ProvenanceNote } from './ProvenanceNote.tsx';
import {
  arrangeRelationships,
  DEFAULT_RELATIONSHIP_QUERY,
  RELATIONSHIP_SORTS,
  type RelationshipQuery,
  type RelationshipSort,
} from './relationships.ts';
import { EdgeSwatch, SectorSwatch } from './Swatches.tsx';

/** Below this many, sorting and filtering controls would only take room. */
const CONTROLS_FROM = 4;

export function RelationshipList({
  organisation,
  onSelect,
}: {
  organisation: OrganisationDetails;
  onSelect: (id: string) => void;
}) {
  const { relationships } = organisation;
  const [query, setQuery] = useState<RelationshipQuery>(DEFAULT_RELATIONSHIP_QUERY);
  const shown = useMemo(
    () => arrangeRelationships(relationships, organisation.id, query),
    [relationships, organisation.id, query],
  );
  const id = useId();
  const kinds = RELATIONSHIP_KINDS.filter((k) => relationships.some((r) => r.kind === k));
  const trusts = TRUST_STATES.filter((t) => relationships.some((r) => r.trust === t));
  const filtered = shown.length !== relationships.length;
  return (
    <section className="relationships" aria-label="Relationships">
      <h3>
        Relationships{' '}
        <span className="count" data-testid="relationship-count">
          {filtered ? `${shown.length} of ${relationships.length}` : relationships.length}
        </span>
      </h3>
      {relationships.length >= CONTROLS_FROM && (
        <div className="relationship-controls" data-testid="relationship-controls">
          <label htmlFor={`${id}-sort`}>Sort</label>
          <select
            id={`${id}-sort`}
            data-testid="relationship-sort"
            value={query.sort}
            onChange={(event) => setQuery({ ...query, sort: event.target.value as RelationshipSort })}
          >
            {RELATIONSHIP_SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select
            id={`${id}-kind`}
            data-testid="relationship-kind-filter"
            value={query.kind ?? ''}
            onChange={(event) =>
              setQuery({ ...query, kind: (event.target.value || null) as RelationshipQuery['kind'] })
            }
          >
            <option value="">All kinds</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {KIND_STYLES[k].label} ({relationships.filter((r) => r.kind === k).length})
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-trust`}>Trust</label>
          <select
            id={`${id}-trust`}
            data-testid="relationship-trust-filter"
            value={query.trust ?? ''}
            onChange={(event) =>
              setQuery({ ...query, trust: (event.target.value || null) as RelationshipQuery['trust'] })
            }
          >
            <option value="">Any trust</option>
            {trusts.map((t) => (
              <option key={t} value={t}>
                {TRUST_STYLES[t].label} ({relationships.filter((r) => r.trust === t).length})
              </option>
            ))}
          </select>
          <input
            type="search"
            className="relationship-search"
            data-testid="relationship-text-filter"
            aria-label="Filter relationships by name or description"
            placeholder="Filter by name…"
            value={query.text}
            onChange={(event) => setQuery({ ...query, text: event.target.value })}
          />
        </div>
      )}
      {relationships.length === 0 ? (
        <p className="muted">No relationships recorded yet.</p>
      ) : shown.length === 0 ? (
        <p className="muted">
          None match.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => setQuery({ ...DEFAULT_RELATIONSHIP_QUERY, sort: query.sort })}
          >
            Clear the filters
          </button>
        </p>
      ) : (
        <ul>
          {shown.map((relationship) => {
            const { other, phrase } = describeRelationship(relationship, organisation.id);
            const amount = formatAmount(relationship.amount, relationship.currency);
            const trust = TRUST_STYLES[relationship.trust];
            return (
              <li
                key={relationship.id}
                className="relationship"
                data-testid="relationship"
                data-id={relationship.id}
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
