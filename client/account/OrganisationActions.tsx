// On an organisation's details: "Propose a partnership" when the signed-in account may (a verified owner).
import { ORGANISATION_PERMISSIONS } from '../api/queries.ts';
import { useSession } from '../state/useSession.ts';
import { openAccountView } from './accountView.ts';
import { useAccountQuery } from './useAccountQuery.ts';

export function OrganisationActions({ organisationId, name }: { organisationId: string; name: string }) {
  const session = useSession();
  const query = useAccountQuery(ORGANISATION_PERMISSIONS, session.account ? { id: organisationId } : null);
  const can = session.account ? query.data?.organisationForEditing?.viewerCan : undefined;
  if (!can?.proposeRelationship) return null;
  return (
    <button
      type="button"
      className="button"
      data-testid="propose-partnership"
      onClick={() => openAccountView({ view: 'propose', organisationId, organisationName: name })}
    >
      Propose a partnership
    </button>
  );
}
