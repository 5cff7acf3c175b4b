// The fixed bar: product name, the search box with its filter chips, the query editor, "Add your
// organisation" and the account entry (sign in, or the account menu). On phones the links fold into a menu.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { AccountDialogHost } from '../account/AccountDialog.tsx';
import { AccountMenu } from '../account/AccountMenu.tsx';
import type { OrganisationSummary } from '../api/types.ts';
import type { GraphFilter } from '../state/viewState.ts';
import { AddOrganisationLink } from './AddOrganisation.tsx';
import { SearchBox } from './SearchBox.tsx';

interface HeaderProps {
  filter: GraphFilter;
  onChoose: (organisation: OrganisationSummary) => void;
  onSearch: (query: string, filter: GraphFilter) => void;
  onFilterChange: (filter: GraphFilter) => void;
  phone: boolean;
}

export function Header({ filter, onChoose, onSearch, onFilterChange, phone }: HeaderProps) {
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
        <span className="brand-name">Partnership Atlas</span>
      </a>
      <SearchBox filter={filter} onChoose={onChoose} onSearch={onSearch} onFilterChange={onFilterChange} />
      {phone ? <HeaderMenu /> : <HeaderLinks />}
      <AccountDialogHost />
    </header>
  );
}

function HeaderLinks() {
  return (
    <nav className="header-nav" aria-label="Site">
      <a className="header-link" href="/graphql" data-testid="api-link">
        Query editor / API
      </a>
      <AddOrganisationLink />
      <AccountSlot />
    </nav>
  );
}

/** Sign in, or the signed-in account's menu (client/account). */
function AccountSlot() {
  return (
    <div className="account-slot" data-testid="account-slot">
      <AccountMenu />
    </div>
  );
}

/** Escape or a press outside `ref` closes what is open. */
function useDismiss(open: boolean, ref: RefObject<HTMLElement | null>, close: () => void) {
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    const onDown = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) close();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onDown);
    };
  }, [open, ref, close]);
}

function HeaderMenu() {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, ref, close);
  return (
    <div className="header-menu" ref={ref}>
      <button
        type="button"
        className="icon-button"
        aria-label="Menu"
        aria-expanded={open}
        aria-haspopup="true"
        onClick={() => setOpen(!open)}
      >
        <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
          <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </button>
      {open && (
        <div className="header-menu-list card">
          <HeaderLinks />
        </div>
      )}
    </div>
  );
}
