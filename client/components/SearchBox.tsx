// The header's search: an ARIA 1.2 combobox. The active filters sit in it as removable chips; as you type,
// the words that name a sector, kind, place or theme are shown as the chips they would become, with the
// best matches of those chips below (state/useSearchPreview.ts). Enter (or "See all results") turns the search into the filtered result list; choosing
// a match opens its network.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { describeError } from '../api/graphqlRequest.ts';
import {
  RELATIONSHIP_KINDS,
  SECTORS,
  TRUST_STATES,
  type OrganisationSummary,
  type Sector,
} from '../api/types.ts';
import { useSearchPreview, type SearchPreview } from '../state/useSearchPreview.ts';
import {
  CHIP_FIELDS,
  FILTER_FIELDS,
  toggleFilterValue,
  withChips,
  type FilterField,
  type GraphFilter,
} from '../state/viewState.ts';
import { filterValueLabel, FIELD_LABELS } from './filterLabels.ts';
import { formatPlaceShort } from './format.ts';
import { SectorBadge, SectorSwatch } from './Swatches.tsx';

interface SearchBoxProps {
  filter: GraphFilter;
  onChoose: (organisation: OrganisationSummary) => void;
  /** Show the result list for this text (the words left after the chips) and filter. */
  onSearch: (query: string, filter: GraphFilter) => void;
  onFilterChange: (filter: GraphFilter) => void;
}

export function SearchBox({ filter, onChoose, onSearch, onFilterChange }: SearchBoxProps) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const search = useSearchPreview(text, filter);
  const id = useId();
  const listId = `${id}-results`;
  const results = search.results;
  const trimmed = text.trim();
  // Option 0 is "See all results"; the matches follow.
  const count = trimmed === '' ? 0 : results.length + 1;
  const activeIndex = active < count ? active : -1;
  const expanded = open && trimmed !== '';
  useSlashToFocus(inputRef);

  const chips = activeChips(filter);

  function reset() {
    setText('');
    setOpen(false);
    setActive(-1);
  }

  function choose(organisation: OrganisationSummary) {
    reset();
    onChoose(organisation);
  }

  function submit() {
    const interpretation = search.interpretation;
    const chipsFound = interpretation?.chips ?? [];
    const query = interpretation ? (interpretation.query ?? '') : trimmed;
    reset();
    onSearch(query, withChips(filter, chipsFound));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        setActive(count === 0 ? -1 : (activeIndex + 1) % count);
        break;
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        setActive(activeIndex <= 0 ? count - 1 : activeIndex - 1);
        break;
      case 'Enter': {
        if (trimmed === '') break;
        event.preventDefault();
        const chosen = activeIndex > 0 ? results[activeIndex - 1] : undefined;
        if (chosen) choose(chosen);
        else submit();
        break;
      }
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          setOpen(false);
        } else if (text !== '') {
          event.preventDefault();
          setText('');
        }
        setActive(-1);
        break;
      case 'Backspace': {
        const last = chips[chips.length - 1];
        if (text === '' && last) {
          event.preventDefault();
          onFilterChange(last.without(filter));
        }
        break;
      }
    }
  }

  const preview = search.interpretation?.chips ?? [];
  return (
    <div className="search" role="search">
      <div className="search-field" onClick={() => inputRef.current?.focus()}>
        <svg className="search-icon" viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
          <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M13 13l4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        {chips.length > 0 && (
          <ul className="search-chips" aria-label="Active filters" data-testid="search-chips">
            {chips.map((chip) => (
              <li
                key={`${chip.field}:${chip.value}`}
                className={`chip filter-chip chip-${chip.field}`}
                data-testid="search-chip"
                data-field={chip.field}
                data-value={chip.value}
              >
                <span className="chip-label" title={`${FIELD_LABELS[chip.field]}: ${chip.label}`}>
                  {chip.field === 'sectors' && chip.value !== '*' && (
                    <SectorSwatch sector={chip.value as Sector} size={11} />
                  )}
                  {chip.label}
                </span>
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={`Remove filter ${FIELD_LABELS[chip.field]}: ${chip.label}`}
                  onClick={(event) => {
                    event.stopPropagation();
                    onFilterChange(chip.without(filter));
                  }}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          ref={inputRef}
          data-testid="search-input"
          type="search"
          role="combobox"
          aria-label="Search organisations, places and themes"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && activeIndex >= 0 ? `${listId}-${activeIndex}` : undefined}
          placeholder={chips.length > 0 ? 'Add words…' : 'Search, e.g. NGOs in Manchester digital inclusion'}
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
      </div>
      {expanded && (
        <div className="search-dropdown card">
          <ul id={listId} role="listbox" aria-label="Search" data-testid="search-results">
            <li
              id={`${listId}-0`}
              role="option"
              aria-selected={activeIndex === 0}
              className="search-option search-all"
              data-testid="search-all"
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => setActive(0)}
              onClick={submit}
            >
              <span className="search-all-text">
                See all results for <strong>“{trimmed}”</strong>
              </span>
              {preview.length > 0 && (
                <span className="search-all-chips" data-testid="search-preview-chips">
                  as filters:
                  {preview.map((chip) => (
                    <span
                      key={`${chip.kind}:${chip.value}`}
                      className={`chip filter-chip small chip-${CHIP_FIELDS[chip.kind]}`}
                    >
                      {filterValueLabel(CHIP_FIELDS[chip.kind], chip.value)}
                    </span>
                  ))}
                  {search.interpretation?.query && (
                    <span className="muted">+ “{search.interpretation.query}”</span>
                  )}
                </span>
              )}
              <kbd className="search-all-key" aria-hidden="true">
                Enter
              </kbd>
            </li>
            {results.map((organisation, index) => (
              <li
                key={organisation.id}
                id={`${listId}-${index + 1}`}
                role="option"
                aria-selected={index + 1 === activeIndex}
                data-testid="search-result"
                data-id={organisation.id}
                className="search-option"
                // Keep focus in the input so the combobox stays open and keyboard-driven.
                onMouseDown={(event) => event.preventDefault()}
                onMouseEnter={() => setActive(index + 1)}
                onClick={() => choose(organisation)}
              >
                <SectorSwatch sector={organisation.sector} size={16} />
                <span className="search-option-text">
                  <span className="search-option-name">{organisation.name}</span>
                  <span className="search-option-meta">
                    <SectorBadge sector={organisation.sector} />
                    {organisation.place && <span>{formatPlaceShort(organisation.place)}</span>}
                  </span>
                </span>
              </li>
            ))}
          </ul>
          <SearchMessage search={search} text={trimmed} filtered={chips.length > 0} />
        </div>
      )}
    </div>
  );
}

interface ActiveChip {
  field: FilterField;
  /** The value, or "*" for a chip standing for most of a closed list ("all but Funding"). */
  value: string;
  label: string;
  /** The filter without what the chip stands for. */
  without: (filter: GraphFilter) => GraphFilter;
}

/** The fields whose values are a closed list: choosing most of it reads better as "all but …". */
const CLOSED_LISTS: Partial<Record<FilterField, readonly string[]>> = {
  sectors: SECTORS,
  relationshipKinds: RELATIONSHIP_KINDS,
  trustStates: TRUST_STATES,
};

/**
 * The filter as chips: one per value, except that more than half of a closed list (at least three, as a
 * legend entry switched off leaves) is one chip, "all but Funding", removed as a whole.
 */
export function activeChips(filter: GraphFilter): ActiveChip[] {
  return FILTER_FIELDS.flatMap((field): ActiveChip[] => {
    const chosen = filter[field] as string[];
    const list = CLOSED_LISTS[field];
    if (list && chosen.length >= 3 && chosen.length * 2 > list.length) {
      const left = list.filter((v) => !chosen.includes(v));
      return [
        {
          field,
          value: '*',
          label:
            left.length === 0
              ? `any ${FIELD_LABELS[field].toLowerCase()}`
              : `all but ${left.map((v) => filterValueLabel(field, v)).join(', ')}`,
          without: (f) => ({ ...f, [field]: [] }),
        },
      ];
    }
    return chosen.map((value) => ({
      field,
      value,
      label: filterValueLabel(field, value),
      without: (f) => toggleFilterValue(f, field, value as never),
    }));
  });
}

function SearchMessage({
  search,
  text,
  filtered,
}: {
  search: SearchPreview;
  text: string;
  filtered: boolean;
}) {
  let message: string | null = null;
  if (search.error) message = `Search failed: ${describeError(search.error).message}`;
  else if (search.loading && search.results.length === 0) message = 'Searching…';
  else if (!search.loading && search.results.length === 0) {
    message = filtered
      ? `Nothing matches “${text}” within the filters: remove a filter chip, or check the spelling.`
      : `Nothing matches “${text}”: check the spelling, or try fewer or other words.`;
  }
  return (
    <p className="search-message" role="status" aria-live="polite">
      {message}
      {search.error ? (
        <button
          type="button"
          className="link-button"
          onMouseDown={(event) => event.preventDefault()}
          onClick={search.retry}
        >
          Try again
        </button>
      ) : null}
    </p>
  );
}

/** "/" anywhere outside a text field jumps to the search box, as on many sites. */
function useSlashToFocus(inputRef: RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    function onKey(event: globalThis.KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, select, [contenteditable="true"]');
      if (event.key === '/' && !typing && !event.metaKey && !event.ctrlKey && !event.altKey) {
        event.preventDefault();
        inputRef.current?.focus();
      }
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [inputRef]);
}
