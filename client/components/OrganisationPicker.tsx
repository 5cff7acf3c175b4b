// A small combobox to pick an organisation by name (the other end of "How are we connected?").
import { useId, useState, type KeyboardEvent } from 'react';
import type { OrganisationSummary } from '../api/types.ts';
import { useSearch } from '../state/useSearch.ts';
import { formatPlaceShort } from './format.ts';
import { SectorSwatch } from './Swatches.tsx';

export function OrganisationPicker({
  label,
  placeholder,
  onPick,
  exclude,
}: {
  label: string;
  placeholder: string;
  onPick: (organisation: OrganisationSummary) => void;
  exclude?: string;
}) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const search = useSearch(text);
  const options = search.results.filter((o) => o.id !== exclude);
  const id = useId();
  const expanded = open && text.trim() !== '' && options.length > 0;
  const current = Math.min(active, options.length - 1);

  function pick(organisation: OrganisationSummary) {
    setText('');
    setOpen(false);
    onPick(organisation);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + options.length) % Math.max(1, options.length));
    } else if (event.key === 'Enter' && expanded && options[current]) {
      event.preventDefault();
      pick(options[current]);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  }

  return (
    <div className="picker">
      <label htmlFor={`${id}-input`} className="picker-label">
        {label}
      </label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        data-testid="connect-input"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-activedescendant={expanded ? `${id}-${current}` : undefined}
        placeholder={placeholder}
        autoComplete="off"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {expanded && (
        <ul id={`${id}-list`} role="listbox" className="picker-list card" aria-label={label}>
          {options.map((o, index) => (
            <li
              key={o.id}
              id={`${id}-${index}`}
              role="option"
              aria-selected={index === current}
              className="search-option"
              data-testid="connect-option"
              data-id={o.id}
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => setActive(index)}
              onClick={() => pick(o)}
            >
              <SectorSwatch sector={o.sector} size={14} />
              <span className="search-option-text">
                <span className="search-option-name">{o.name}</span>
                {o.place && <span className="search-option-meta">{formatPlaceShort(o.place)}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
