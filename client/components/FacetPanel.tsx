// The filter panel: per sector, theme, place, kind, relationship kind and trust state, how many
// organisations each value would give ("NGO (14)"); ticking values narrows the result list and the graph.
import { useState } from 'react';
import type { Sector } from '../api/types.ts';
import type { Facets } from '../state/useOrganisationList.ts';
import { FILTER_FIELDS, toggleFilterValue, type FilterField, type GraphFilter } from '../state/viewState.ts';
import { FIELD_LABELS, filterValueLabel } from './filterLabels.ts';
import { EdgeSwatch, SectorSwatch } from './Swatches.tsx';

interface FacetValue {
  value: string;
  label: string;
  count: number | null;
  detail?: string;
}

/** A facet's values, most frequent first, with the chosen ones the counts leave out added (count unknown). */
export function facetValues(field: FilterField, facets: Facets | null, filter: GraphFilter): FacetValue[] {
  const values: FacetValue[] = [];
  switch (field) {
    case 'sectors':
      for (const f of facets?.sectors ?? [])
        values.push({ value: f.sector, label: filterValueLabel(field, f.sector), count: f.count });
      break;
    case 'themes':
      for (const f of facets?.themes ?? [])
        values.push({ value: f.theme.name, label: f.theme.name, count: f.count });
      break;
    case 'places':
      for (const f of facets?.places ?? [])
        values.push({ value: f.place.id, label: f.place.name, count: f.count, detail: f.place.level });
      break;
    case 'kinds':
      for (const f of facets?.kinds ?? [])
        values.push({ value: f.kind, label: filterValueLabel(field, f.kind), count: f.count });
      break;
    case 'relationshipKinds':
      for (const f of facets?.relationshipKinds ?? [])
        values.push({ value: f.kind, label: filterValueLabel(field, f.kind), count: f.count });
      break;
    case 'trustStates':
      for (const f of facets?.trustStates ?? [])
        values.push({ value: f.trust, label: filterValueLabel(field, f.trust), count: f.count });
      break;
  }
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  for (const chosen of filter[field] as string[]) {
    if (!values.some((v) => same(v.value, chosen) || same(v.label, chosen))) {
      values.unshift({ value: chosen, label: filterValueLabel(field, chosen), count: null });
    }
  }
  return values;
}

const SHOWN = 6;

export function FacetPanel({
  facets,
  filter,
  onFilterChange,
}: {
  facets: Facets | null;
  filter: GraphFilter;
  onFilterChange: (filter: GraphFilter) => void;
}) {
  return (
    <div className="facets" data-testid="facets">
      {FILTER_FIELDS.map((field) => (
        <FacetGroup
          key={field}
          field={field}
          facets={facets}
          filter={filter}
          onFilterChange={onFilterChange}
        />
      ))}
    </div>
  );
}

function FacetGroup({
  field,
  facets,
  filter,
  onFilterChange,
}: {
  field: FilterField;
  facets: Facets | null;
  filter: GraphFilter;
  onFilterChange: (filter: GraphFilter) => void;
}) {
  const chosen = filter[field] as string[];
  const [open, setOpen] = useState(field === 'sectors' || chosen.length > 0);
  // A value chosen elsewhere (a search phrase's chip, a legend entry) opens the facet, to show it ticked.
  const [hadChoice, setHadChoice] = useState(chosen.length > 0);
  if (hadChoice !== chosen.length > 0) {
    setHadChoice(chosen.length > 0);
    if (chosen.length > 0) setOpen(true);
  }
  const [all, setAll] = useState(false);
  const values = facetValues(field, facets, filter);
  const isChosen = (v: FacetValue) =>
    chosen.some(
      (c) => c.toLowerCase() === v.value.toLowerCase() || c.toLowerCase() === v.label.toLowerCase(),
    );
  // The most frequent values, and every chosen one wherever it ranks (so it can be unticked here).
  const shown = all ? values : values.filter((v, k) => k < SHOWN || isChosen(v));
  const id = `facet-${field}`;
  return (
    <section className="facet" data-testid="facet" data-field={field}>
      <h3>
        <button
          type="button"
          className="facet-toggle"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true" className="facet-caret">
            {open ? '▾' : '▸'}
          </span>
          {FIELD_LABELS[field]}
          {chosen.length > 0 && <span className="facet-chosen">{chosen.length}</span>}
        </button>
      </h3>
      {open && (
        <div id={id}>
          {values.length === 0 ? (
            <p className="facet-empty muted">{facets ? 'None in these results' : 'Counting…'}</p>
          ) : (
            <ul className="facet-values">
              {shown.map((v) => (
                <li key={v.value}>
                  <label className="facet-value" data-testid="facet-value" data-value={v.value}>
                    <input
                      type="checkbox"
                      checked={isChosen(v)}
                      onChange={() => {
                        const existing = chosen.find(
                          (c) =>
                            c.toLowerCase() === v.value.toLowerCase() ||
                            c.toLowerCase() === v.label.toLowerCase(),
                        );
                        onFilterChange(toggleFilterValue(filter, field, (existing ?? v.value) as never));
                      }}
                    />
                    {field === 'sectors' && <SectorSwatch sector={v.value as Sector} size={12} />}
                    {field === 'relationshipKinds' && <EdgeSwatch kind={v.value as never} />}
                    <span className="facet-label">
                      {v.label}
                      {v.detail && <span className="facet-detail"> {v.detail}</span>}
                    </span>
                    <span
                      className="facet-count"
                      aria-label={v.count === null ? 'count unknown' : `${v.count} organisations`}
                    >
                      {v.count === null ? '–' : v.count.toLocaleString('en-GB')}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          {chosen.length > 0 && values.length > 1 && (
            <p className="facet-note muted" data-testid="facet-note">
              Each count is for that value alone, with your other filters.
            </p>
          )}
          {values.length > shown.length || all ? (
            <button type="button" className="link-button facet-more" onClick={() => setAll(!all)}>
              {all ? 'Show fewer' : `Show all ${values.length}`}
            </button>
          ) : null}
        </div>
      )}
    </section>
  );
}
