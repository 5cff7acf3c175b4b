// The left panel: every organisation matching the search words and the filters ("69 organisations"), with
// the filter panel's counts, a page at a time; choosing one opens its network. An empty result says what to try.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { OrganisationListItem, OrganisationOrder, OrganisationSummary } from '../api/types.ts';
import { defaultOrder, useOrganisationList } from '../state/useOrganisationList.ts';
import { countFilters, NO_FILTER, type GraphFilter } from '../state/viewState.ts';
import { AddOrganisationHint } from './AddOrganisation.tsx';
import { ErrorDetails } from './ErrorDetails.tsx';
import { FacetPanel } from './FacetPanel.tsx';
import { formatPlaceShort } from './format.ts';
import { activeChips } from './SearchBox.tsx';
import { SectorBadge, SectorSwatch } from './Swatches.tsx';

interface ResultsPanelProps {
  query: string;
  filter: GraphFilter;
  activeId: string | null;
  onChoose: (organisation: OrganisationSummary) => void;
  onFilterChange: (filter: GraphFilter) => void;
  onQueryChange: (query: string) => void;
  onClose: () => void;
  phone: boolean;
  /** Told the list's total whenever it changes (null while counting). */
  onTotal?: (total: number | null) => void;
}

const ORDERS: { value: OrganisationOrder; label: string }[] = [
  { value: 'RELEVANCE', label: 'Best match' },
  { value: 'DEGREE_DESC', label: 'Most ties' },
  { value: 'NAME', label: 'Name, A–Z' },
];

export function ResultsPanel(props: ResultsPanelProps) {
  const { query, filter, activeId, onChoose, onFilterChange, onQueryChange, onClose, phone, onTotal } = props;
  const [order, setOrder] = useState<OrganisationOrder | null>(null);
  // On phones the results come first; the facets open on demand.
  const [facetsOpen, setFacetsOpen] = useState(false);
  const orderBy = order ?? defaultOrder(query);
  const list = useOrganisationList(query, filter, orderBy);
  useEffect(() => onTotal?.(list.totalCount), [list.totalCount, onTotal]);
  const filters = countFilters(filter);
  const title =
    query !== '' ? `Results for “${query}”` : filters > 0 ? 'Filtered organisations' : 'All organisations';

  return (
    <aside
      className={`results-panel${phone ? ' sheet-full' : ''}`}
      aria-label="Find organisations"
      aria-busy={list.loading}
      data-testid="results-panel"
    >
      <header className="panel-header">
        <div>
          <h2>{title}</h2>
          <p className="results-count" data-testid="results-count" aria-live="polite">
            {list.totalCount === null
              ? 'Counting…'
              : `${list.totalCount.toLocaleString('en-GB')} ${list.totalCount === 1 ? 'organisation' : 'organisations'}`}
            {query !== '' && (
              <button type="button" className="link-button" onClick={() => onQueryChange('')}>
                clear words
              </button>
            )}
            {filters > 0 && (
              <button type="button" className="link-button" onClick={() => onFilterChange(NO_FILTER)}>
                clear filters
              </button>
            )}
          </p>
        </div>
        <button
          type="button"
          className="icon-button"
          aria-label="Close the list"
          onClick={onClose}
          data-testid="results-close"
        >
          ×
        </button>
      </header>
      <div className="panel-body">
        {phone && (
          <button
            type="button"
            className="button facets-toggle"
            aria-expanded={facetsOpen}
            onClick={() => setFacetsOpen(!facetsOpen)}
            data-testid="facets-toggle"
          >
            <span>Filters {filters > 0 && <span className="badge">{filters}</span>}</span>
            <span aria-hidden="true">{facetsOpen ? '▾' : '▸'}</span>
          </button>
        )}
        {(!phone || facetsOpen) && (
          <FacetPanel facets={list.facets} filter={filter} onFilterChange={onFilterChange} />
        )}
        <div className="results-order">
          <label>
            Order
            <select value={orderBy} onChange={(event) => setOrder(event.target.value as OrganisationOrder)}>
              {ORDERS.filter((o) => o.value !== 'RELEVANCE' || query !== '').map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        </div>
        {list.error ? (
          <div className="results-message" role="alert">
            <ErrorDetails error={list.error} onRetry={list.retry} />
          </div>
        ) : list.totalCount === 0 ? (
          <EmptyResults
            query={query}
            filter={filter}
            onFilterChange={onFilterChange}
            onQueryChange={onQueryChange}
          />
        ) : (
          <ResultList items={list.items} activeId={activeId} onChoose={onChoose} />
        )}
        {list.hasMore && (
          <button
            type="button"
            className="button results-more"
            onClick={list.loadMore}
            disabled={list.loadingMore}
          >
            {list.loadingMore ? 'Loading…' : `Show more (${list.items.length} of ${list.totalCount ?? '?'})`}
          </button>
        )}
      </div>
    </aside>
  );
}

function ResultList({
  items,
  activeId,
  onChoose,
}: {
  items: OrganisationListItem[];
  activeId: string | null;
  onChoose: (organisation: OrganisationSummary) => void;
}) {
  const listRef = useRef<HTMLUListElement>(null);
  const [focus, setFocus] = useState(0);
  const current = Math.min(focus, items.length - 1);

  function move(event: KeyboardEvent<HTMLUListElement>) {
    const keys: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, Home: -Infinity, End: Infinity };
    const step = keys[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = Math.max(
      0,
      Math.min(
        items.length - 1,
        step === -Infinity ? 0 : step === Infinity ? items.length - 1 : current + step,
      ),
    );
    setFocus(next);
    listRef.current?.querySelectorAll<HTMLElement>('[role="option"]')[next]?.focus();
  }

  return (
    <ul
      ref={listRef}
      className="result-list"
      role="listbox"
      aria-label="Organisations"
      data-testid="result-list"
      onKeyDown={move}
    >
      {items.map((organisation, index) => (
        <li
          key={organisation.id}
          role="option"
          aria-selected={organisation.id === activeId}
          tabIndex={index === current ? 0 : -1}
          className="result-item"
          data-testid="result-item"
          data-id={organisation.id}
          onFocus={() => setFocus(index)}
          onClick={() => onChoose(organisation)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              onChoose(organisation);
            }
          }}
        >
          <SectorSwatch sector={organisation.sector} size={16} />
          <div className="result-text">
            <span className="result-name">{organisation.name}</span>
            <span className="result-meta">
              <SectorBadge sector={organisation.sector} />
              {organisation.place && <span>{formatPlaceShort(organisation.place)}</span>}
              <span>
                {organisation.degree} {organisation.degree === 1 ? 'tie' : 'ties'}
              </span>
            </span>
            {organisation.description && (
              <span className="result-description">{organisation.description}</span>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** What to try when nothing matches: drop a filter, drop the words, broaden, and where to add one. */
function EmptyResults({
  query,
  filter,
  onFilterChange,
  onQueryChange,
}: {
  query: string;
  filter: GraphFilter;
  onFilterChange: (filter: GraphFilter) => void;
  onQueryChange: (query: string) => void;
}) {
  const chips = activeChips(filter);
  return (
    <div className="empty-results" data-testid="empty-results" role="status">
      <p className="empty-title">
        No organisation matches {query !== '' ? `“${query}”` : 'these filters'}
        {query !== '' && chips.length > 0 ? ' with these filters' : ''}.
      </p>
      <ul className="empty-tips">
        {chips.map((chip) => (
          <li key={`${chip.field}:${chip.value}`}>
            <button
              type="button"
              className="link-button"
              onClick={() => onFilterChange(chip.without(filter))}
            >
              Remove the filter “{chip.label}”
            </button>
          </li>
        ))}
        {query !== '' && chips.length > 0 && (
          <li>
            <button type="button" className="link-button" onClick={() => onFilterChange(NO_FILTER)}>
              Search “{query}” without filters
            </button>
          </li>
        )}
        {query !== '' && (
          <li>
            <button type="button" className="link-button" onClick={() => onQueryChange('')}>
              Show everything within the filters, without the words
            </button>
          </li>
        )}
        <li>Check the spelling, use fewer words, or a wider place (a region instead of a city).</li>
        <li>Search by what they work on, e.g. “housing” or “digital inclusion”.</li>
      </ul>
      <AddOrganisationHint name={query} />
    </div>
  );
}
