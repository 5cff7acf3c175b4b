// The right-hand panel: the selected organisation's details, or why they can't be shown.
import type { OrganisationResult } from '../api/types.ts';
import type { QueryState } from '../state/useGraphQL.ts';
import { ErrorDetails } from './ErrorDetails.tsx';
import { OrganisationDetails, type OrganisationActions } from './OrganisationDetails.tsx';

interface DetailsPanelProps extends OrganisationActions {
  id: string;
  query: QueryState<OrganisationResult>;
}

export function DetailsPanel({ id, query, ...actions }: DetailsPanelProps) {
  return (
    <aside
      className="details"
      data-testid="details-panel"
      aria-label="Organisation details"
      aria-busy={query.loading}
    >
      <DetailsContent id={id} query={query} actions={actions} />
    </aside>
  );
}

function DetailsContent({
  id,
  query,
  actions,
}: {
  id: string;
  query: QueryState<OrganisationResult>;
  actions: OrganisationActions;
}) {
  if (query.error) {
    return (
      <div className="details-message" role="alert">
        <h2>Details could not be loaded</h2>
        <ErrorDetails error={query.error} onRetry={query.retry} />
      </div>
    );
  }
  if (query.loading || !query.data) {
    return (
      <div className="details-message" role="status">
        <span className="spinner" aria-hidden="true" /> Loading details…
      </div>
    );
  }
  const organisation = query.data.organisation;
  if (!organisation) {
    return (
      <div className="details-message" role="status">
        <h2>Organisation not found</h2>
        <p>
          No published organisation has the id <code>{id}</code>. It may have been archived or merged.
        </p>
      </div>
    );
  }
  return <OrganisationDetails organisation={organisation} {...actions} />;
}
