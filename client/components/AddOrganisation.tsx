// "Add your organisation" (issue 9's explorer side): opens the registration form (client/account) over the
// explorer; the link's address (REGISTER_PATH) opens it too, e.g. in a new tab.
import type { MouseEvent } from 'react';
import { openAccountView, REGISTER_PATH } from '../account/accountView.ts';
import { isPlainClick } from './viewLink.ts';

/** Opens the form over the explorer (a plain or modified click still follows the link), with a name typed. */
function openRegistration(event: MouseEvent<HTMLAnchorElement>, name?: string) {
  if (!isPlainClick(event)) return;
  event.preventDefault();
  openAccountView({ view: 'register', ...(name ? { name } : {}) });
}

export function AddOrganisationLink({ className = 'header-link' }: { className?: string }) {
  return (
    <a className={className} href={REGISTER_PATH} data-testid="add-organisation" onClick={openRegistration}>
      Add your organisation
    </a>
  );
}

/** The sentence for an empty result: where a missing organisation can be added (the search words as its name). */
export function AddOrganisationHint({ name }: { name?: string }) {
  return (
    <p className="add-organisation-hint" data-testid="add-organisation-hint">
      Is your organisation missing?{' '}
      <a
        href={REGISTER_PATH}
        onClick={(event) => openRegistration(event, name?.trim())}
        data-testid="add-organisation-from-search"
      >
        Add your organisation
      </a>
    </p>
  );
}
