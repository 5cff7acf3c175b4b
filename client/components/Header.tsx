// The fixed bar: product name and the search box.
import type { OrganisationSummary } from '../api/types.ts';
import { SearchBox } from './SearchBox.tsx';

export function Header({ onChoose }: { onChoose: (organisation: OrganisationSummary) => void }) {
  return (
    <header className="app-header">
      <a className="brand" href="./" aria-label="Partnership Atlas, start again">
        <svg viewBox="0 0 28 28" width="26" height="26" aria-hidden="true">
          <path d="M7 8L20 6M7 8L13 20M20 6L13 20M20 6L23 17" stroke="#9AA4B2" strokeWidth="1.6" />
          <circle cx="7" cy="8" r="4" fill="#0072B2" />
          <rect x="16.5" y="2.5" width="7" height="7" rx="1.5" fill="#009E73" />
          <path d="M13 15.5l4.5 4.5-4.5 4.5-4.5-4.5z" fill="#E69F00" />
          <circle cx="23" cy="17" r="2.8" fill="#CC79A7" />
        </svg>
        <span>Partnership Atlas</span>
      </a>
      <SearchBox onChoose={onChoose} />
    </header>
  );
}
