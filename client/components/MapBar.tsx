// Top left of the graph: the button that shows the result list and filters, and what the filter hides of
// the map ("Showing 12 of 40 organisations").
import type { Visibility } from '../graph/visibility.ts';
import { countFilters, NO_FILTER, type GraphFilter } from '../state/viewState.ts';

interface MapBarProps {
  listOpen: boolean;
  onToggleList: () => void;
  filter: GraphFilter;
  onFilterChange: (filter: GraphFilter) => void;
  visibility: Visibility | null;
}

export function MapBar({ listOpen, onToggleList, filter, onFilterChange, visibility }: MapBarProps) {
  const filters = countFilters(filter);
  const hidden = visibility?.hiddenOrganisations ?? 0;
  return (
    <div className="map-bar" data-over-graph="top">
      <button
        type="button"
        className={`button map-button${listOpen ? ' pressed' : ''}`}
        aria-pressed={listOpen}
        onClick={onToggleList}
        data-testid="toggle-list"
      >
        <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
          <path
            d="M3 5h14l-5.5 6.5V16l-3 1.5v-6z"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.7"
            strokeLinejoin="round"
          />
        </svg>
        {listOpen ? 'Hide list' : 'List & filters'}
        {filters > 0 && <span className="badge">{filters}</span>}
      </button>
      {visibility && hidden > 0 && (
        <p className="map-summary card" data-testid="map-summary" role="status">
          Showing {visibility.organisations - hidden} of {visibility.organisations} organisations on the map
          <button type="button" className="link-button" onClick={() => onFilterChange(NO_FILTER)}>
            Show all
          </button>
        </p>
      )}
    </div>
  );
}
