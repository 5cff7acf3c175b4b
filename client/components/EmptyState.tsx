// What the explorer shows while no organisation is open: before any search, what to do and a few real
// organisations to start from; with a search or filters set, where their results are (the list).
import { useExamples } from '../state/useExamples.ts';
import type { OrganisationSummary } from '../api/types.ts';
import { StatusMessage } from './StatusMessage.tsx';
import { SectorSwatch } from './Swatches.tsx';

export interface ResultsList {
  open: boolean;
  onShow: () => void;
  /** The list is open and found nothing. */
  empty?: boolean;
}

export function EmptyState({
  onChoose,
  results,
}: {
  onChoose: (organisation: OrganisationSummary) => void;
  /** Set when a search or filters are active: their results are in the list, not on the map yet. */
  results: ResultsList | null;
}) {
  const examples = useExamples();
  if (results?.empty)
    return (
      <StatusMessage state="empty" title="Nothing matches your search and filters">
        <p className="status-hint">
          The list says what to try: remove a filter, use fewer or other words, or check the spelling.
        </p>
      </StatusMessage>
    );
  if (results !== null)
    return (
      <StatusMessage state="empty" title="Choose an organisation from the list to see its network">
        <p className="status-hint">
          {results.open
            ? 'Your search and filters found the organisations in the list. Click one to draw its network here.'
            : 'Your search and filters found a list of organisations. Open it and click one to draw its network here.'}
        </p>
        {!results.open && (
          <div className="examples">
            <button type="button" className="chip" data-testid="show-results" onClick={results.onShow}>
              Show the list
            </button>
          </div>
        )}
      </StatusMessage>
    );
  return (
    <StatusMessage state="empty" title="Search for an organisation to see its network">
      <p className="status-hint">
        Type a name above (press <kbd>/</kbd> to jump there): a council, a foundation, a company, a civic-tech
        group or a university. Then click a node for its details, double-click to expand it.
      </p>
      {examples.length > 0 && (
        <div className="examples">
          <span className="examples-label">Try</span>
          {examples.map((organisation) => (
            <button
              key={organisation.id}
              type="button"
              className="chip"
              data-testid="example"
              onClick={() => onChoose(organisation)}
            >
              <SectorSwatch sector={organisation.sector} size={12} />
              {organisation.name}
            </button>
          ))}
        </div>
      )}
    </StatusMessage>
  );
}
