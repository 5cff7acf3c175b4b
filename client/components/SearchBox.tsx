// The header's search: an ARIA 1.2 combobox with a listbox of matches, driven by useSearch.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { describeError } from '../api/graphqlRequest.ts';
import type { OrganisationSummary } from '../api/types.ts';
import { useSearch } from '../state/useSearch.ts';
import { formatPlaceShort } from './format.ts';
import { SectorBadge, SectorSwatch } from './Swatches.tsx';

export function SearchBox({ onChoose }: { onChoose: (organisation: OrganisationSummary) => void }) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const search = useSearch(text);
  const id = useId();
  const listId = `${id}-results`;
  const options = search.results;
  const activeIndex = active < options.length ? active : -1;
  const expanded = open && text.trim() !== '';
  useSlashToFocus(inputRef);

  function choose(organisation: OrganisationSummary) {
    setText('');
    setOpen(false);
    setActive(-1);
    onChoose(organisation);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        setActive(options.length === 0 ? -1 : (activeIndex + 1) % options.length);
        break;
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        setActive(activeIndex <= 0 ? options.length - 1 : activeIndex - 1);
        break;
      case 'Enter': {
        const chosen = options[activeIndex >= 0 ? activeIndex : 0];
        if (expanded && chosen) {
          event.preventDefault();
          choose(chosen);
        }
        break;
      }
      case 'Escape':
        event.preventDefault();
        if (expanded) setOpen(false);
        else setText('');
        setActive(-1);
        break;
    }
  }

  return (
    <div className="search">
      <svg className="search-icon" viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
        <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M13 13l4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <input
        ref={inputRef}
        data-testid="search-input"
        type="search"
        role="combobox"
        aria-label="Search organisations"
        aria-autocomplete="list"
        aria-expanded={expanded && options.length > 0}
        aria-controls={listId}
        aria-activedescendant={expanded && activeIndex >= 0 ? `${listId}-${activeIndex}` : undefined}
        placeholder="Search organisations, e.g. a council or a foundation"
        autoComplete="off"
        spellCheck={false}
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
      {expanded && (
        <div className="search-dropdown card">
          <ul
            id={listId}
            role="listbox"
            aria-label="Matching organisations"
            data-testid="search-results"
            hidden={options.length === 0}
          >
            {options.map((organisation, index) => (
              <li
                key={organisation.id}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === activeIndex}
                data-testid="search-result"
                data-id={organisation.id}
                className="search-option"
                // Keep focus in the input so the combobox stays open and keyboard-driven.
                onMouseDown={(event) => event.preventDefault()}
                onMouseEnter={() => setActive(index)}
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
          <SearchMessage search={search} text={text.trim()} />
        </div>
      )}
    </div>
  );
}

function SearchMessage({ search, text }: { search: ReturnType<typeof useSearch>; text: string }) {
  let message: string | null = null;
  if (search.error) message = `Search failed: ${describeError(search.error).message}`;
  else if (search.loading && search.results.length === 0) message = 'Searching…';
  else if (!search.loading && search.results.length === 0) message = `No organisations match “${text}”.`;
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
