// Decides which message, if any, sits over the graph: empty, loading, expanding, not found or error.
import type { OrganisationSummary } from '../api/types.ts';
import type { NeighbourhoodState } from '../state/useNeighbourhood.ts';
import { EmptyState, type ResultsList } from './EmptyState.tsx';
import { ErrorDetails } from './ErrorDetails.tsx';
import { StatusMessage } from './StatusMessage.tsx';

interface GraphStatusProps {
  rootId: string | null;
  graph: NeighbourhoodState;
  onChoose: (organisation: OrganisationSummary) => void;
  /** The results list of an active search or filters, null when neither is set. */
  results: ResultsList | null;
  /** A pathway card is open over the graph: with no organisation open it is what there is to see. */
  pathwayOpen: boolean;
}

export function GraphStatus({ rootId, graph, onChoose, results, pathwayOpen }: GraphStatusProps) {
  if (rootId === null) return pathwayOpen ? null : <EmptyState onChoose={onChoose} results={results} />;
  const first = graph.shown.length === 0;
  if (graph.failed) {
    return (
      <StatusMessage
        state="error"
        title={first ? 'The network could not be loaded' : 'The neighbours could not be added'}
        placement={first ? 'center' : 'toast'}
      >
        <ErrorDetails error={graph.failed.error} onRetry={graph.retry} />
      </StatusMessage>
    );
  }
  if (graph.pending !== null) {
    return first ? (
      <StatusMessage state="loading" title="Loading the network…" />
    ) : (
      <StatusMessage state="expanding" title="Adding neighbours…" placement="toast" />
    );
  }
  if (!graph.elements.some((element) => element.group === 'nodes')) {
    return (
      <StatusMessage state="not-found" title="Organisation not found">
        <p className="status-hint">
          No published organisation has the id <code>{rootId}</code>. Search for it by name above.
        </p>
      </StatusMessage>
    );
  }
  return null;
}

/** Quieter facts about the graph shown: no ties at all, or cut short by the node limit. */
export function GraphNotice({ graph }: { graph: NeighbourhoodState }) {
  const nodes = graph.elements.filter((element) => element.group === 'nodes').length;
  let text: string | null = null;
  if (graph.truncated)
    text = 'Only part of this neighbourhood is shown: it has more organisations than the view allows.';
  else if (nodes === 1 && graph.pending === null)
    text = 'No relationships are recorded for this organisation yet.';
  if (text === null) return null;
  return (
    <p className="graph-notice card" data-testid="graph-notice" role="note">
      {text}
    </p>
  );
}
