// "Add your organisation" (issue 9's explorer side): opens the registration form (client/account) over the
// explorer; the link's address (REGISTER_PATH) opens it too, e.g. in a new tab.
import type { MouseEvent } from 'react';
import { openAccountView } from '../account/accountView.ts';
import { FEATURES, REGISTER_PATH } from '../src/features.ts';

function openRegistration(event: MouseEvent<HTMLAnchorElement>) {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  openAccountView({ view: 'register' });
}

export function AddOrganisationLink({ className = 'header-link' }: { className?: string }) {
  if (!FEATURES.registration) return null;
  return (
    <a className={className} href={REGISTER_PATH} data-testid="add-organisation" onClick={openRegistration}>
      Add your organisation
    </a>
  );
}

/** The sentence for an empty result: where a missing organisation can be added. */
export function AddOrganisationHint() {
  return (
    <p className="add-organisation-hint" data-testid="add-organisation-hint">
      Is your organisation missing?{' '}
      {FEATURES.registration ? (
        <a href={REGISTER_PATH} onClick={openRegistration} data-testid="add-organisation-from-search">
          Add your organisation
        </a>
      ) : (
        <span>
          Registration for organisations opens soon: you will be able to add yours and its partnerships.
        </span>
      )}
    </p>
  );
}
