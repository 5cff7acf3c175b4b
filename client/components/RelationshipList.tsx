// The selected organisation's relationships — kind, other party, dates, amount, trust and source of each —
// a page at a time from the server ("Show more"), with the true totals in the header and in the kind and
// trust filters (which the server answers); the other sorts and the name filter work on the loaded ties
// and say so while some are not loaded.
import { useId, useMemo, useState } from 'react';
import { RELATIONSHIP_KINDS, TRUST_STATES, type OrganisationDetails } from '../api/types.ts';
import { KIND_STYLES, TRUST_STYLES } from '../graph/style.ts';
import {
  LOAD_ALL_UP_TO,
  useRelationshipList,
  type RelationshipListState,
} from '../state/useRelationshipList.ts';
import { ErrorDetails } from './ErrorDetails.tsx';
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
  const [query, setQuery] = useState<RelationshipQuery>(DEFAULT_RELATIONSHIP_QUERY);
  const list = useRelationshipList(organisation.id, query.kind, query.trust);
  const { items: relationships, counts } = list;
  // The server answers kind and trust; the sort and the words are applied here, to the loaded ties.
  const local = useMemo(() => ({ ...query, kind: null, trust: null }), [query]);
  const shown = useMemo(
    () => arrangeRelationships(relationships, organisation.id, local),
    [relationships, organisation.id, local],
  );
  const id = useId();
  /** Every tie of the organisation: the counts' sum; the organisation's degree until they came. */
  const all = counts?.all ?? organisation.degree;
  const kinds = RELATIONSHIP_KINDS.filter((k) => k === query.kind || (counts?.kinds[k] ?? 0) > 0);
  const trusts = TRUST_STATES.filter((t) => t === query.trust || (counts?.trustStates[t] ?? 0) > 0);
  const byServer = query.kind !== null || query.trust !== null;
  const byWords = query.text.trim() !== '';
  // The page and the counts together: the header, the filters' totals and the list agree.
  const loaded = list.totalCount !== null && !list.loading && counts !== null;
  const total = list.totalCount ?? all;
  const count = !loaded
    ? '…'
    : byWords
      ? `${shown.length} of ${list.hasMore ? `${relationships.length} loaded` : byServer ? total : all}`
      : byServer
        ? `${total} of ${all}`
        : String(total);
  const sorted = query.sort !== DEFAULT_RELATIONSHIP_QUERY.sort;
  return (
    <section className="relationships" aria-label="Relationships" aria-busy={list.loading}>
      <h3>
        Relationships{' '}
        <span className="count" data-testid="relationship-count">
          {count}
        </span>
      </h3>
      {all >= CONTROLS_FROM && (
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
                {KIND_STYLES[k].label}
                {counts ? ` (${counts.kinds[k]})` : ''}
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
                {TRUST_STYLES[t].label}
                {counts ? ` (${counts.trustStates[t]})` : ''}
              </option>
            ))}
          </select>
          <input
            type="search"
            className="relationship-search"
            data-testid="relationship-text-filter"
            aria-label="Filter relationships by name or description"
            placeholder={list.hasMore ? 'Filter the loaded ones by name…' : 'Filter by name…'}
            value={query.text}
            onChange={(event) => setQuery({ ...query, text: event.target.value })}
          />
          {loaded && list.hasMore && (sorted || byWords) && (
            <p className="relationship-scope" data-testid="relationship-scope" role="status">
              {scopeNote(sorted, byWords, relationships.length, total)}{' '}
              {total <= LOAD_ALL_UP_TO ? (
                <button
                  type="button"
                  className="link-button"
                  data-testid="relationships-load-all"
                  onClick={list.loadAll}
                  disabled={list.loadingMore}
                >
                  {list.loadingMore ? 'Loading…' : `Load all ${total}`}
                </button>
              ) : (
                'Show more to include the rest.'
              )}
            </p>
          )}
        </div>
      )}
      {list.error ? (
        <div role="alert">
          <ErrorDetails error={list.error} onRetry={list.retry} />
        </div>
      ) : !loaded ? (
        <p className="muted" role="status">
          <span className="spinner" aria-hidden="true" /> Loading relationships…
        </p>
      ) : all === 0 && !byServer ? (
        <p className="muted">No relationships recorded yet.</p>
      ) : shown.length === 0 ? (
        <p className="muted">
          {list.hasMore ? `None of the ${relationships.length} loaded match. ` : 'None match. '}
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
      {loaded && !list.error && <ShowMore list={list} total={total} />}
    </section>
  );
}

function ShowMore({ list, total }: { list: RelationshipListState; total: number }) {
  if (list.moreError) {
    return (
      <div role="alert">
        <ErrorDetails error={list.moreError} onRetry={list.loadMore} />
      </div>
    );
  }
  if (!list.hasMore) return null;
  return (
    <button
      type="button"
      className="button relationships-more"
      data-testid="relationships-more"
      onClick={list.loadMore}
      disabled={list.loadingMore}
    >
      {list.loadingMore ? 'Loading…' : `Show more (${list.items.length} of ${total})`}
    </button>
  );
}

/** What the sort and the name filter covered while only some of the ties are loaded. */
function scopeNote(sorted: boolean, byWords: boolean, loaded: number, total: number): string {
  const what = sorted && byWords ? 'Sorted and filtered by name' : sorted ? 'Sorted' : 'Filtered by name';
  return `${what} among the ${loaded} loaded of ${total}.`;
}
