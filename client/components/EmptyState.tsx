// What the explorer shows before any search: what to do, and a few real organisations to start from.
import { useExamples } from '../state/useExamples.ts';
import type { OrganisationSummary } from '../api/types.ts';
import { StatusMessage } from './StatusMessage.tsx';
import { SectorSwatch } from './Swatches.tsx';

export function EmptyState({ onChoose }: { onChoose: (organisation: OrganisationSummary) => void }) {
  const examples = useExamples();
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
