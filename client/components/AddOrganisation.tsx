// PLACEHOLDER for registration (issue 9's explorer side): "add your organisation". Until the form exists
// (FEATURES.registration), this says that registration is coming instead of linking to a missing page.
import { FEATURES, REGISTER_PATH } from '../src/features.ts';

export function AddOrganisationLink({ className = 'header-link' }: { className?: string }) {
  if (!FEATURES.registration) return null;
  return (
    <a className={className} href={REGISTER_PATH} data-testid="add-organisation">
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
        <a href={REGISTER_PATH}>Add your organisation</a>
      ) : (
        <span>
          Registration for organisations opens soon: you will be able to add yours and its partnerships.
        </span>
      )}
    </p>
  );
}
