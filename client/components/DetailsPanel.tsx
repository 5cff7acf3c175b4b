// The details of what is selected: a relationship (an edge), or an organisation with three tabs — its
// facts and ties, partners to suggest, and how it connects to another. On the right of the graph on wide
// screens; a bottom sheet on phones (a peek of the name and actions, opened to the whole).
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { NodeInfo } from '../graph/elements.ts';
import type { MapModel, Pointer } from '../state/useMapModel.ts';
import type { NeighbourhoodState } from '../state/useNeighbourhood.ts';
import { useOrganisation } from '../state/useOrganisation.ts';
import type { PartnersState } from '../state/usePartners.ts';
import type { PartnerScope } from '../state/partnerScope.ts';
import { drawnPathEnd, type PathOptions, type PathsState } from '../state/usePaths.ts';
import type { DetailsTab, ViewState } from '../state/viewState.ts';
import { ConnectPanel } from './ConnectPanel.tsx';
import { ErrorDetails } from './ErrorDetails.tsx';
import { OrganisationDetails, OrganisationHeader } from './OrganisationDetails.tsx';
import { PartnersPanel } from './PartnersPanel.tsx';
import { RelationshipPanel } from './RelationshipPanel.tsx';
import type { ToastApi } from './Toasts.tsx';
import { viewHref } from './viewLink.ts';

export interface DetailsActions {
  onExpand: (id: string) => void;
  onCollapse: (id: string) => void;
  onSelect: (id: string | null) => void;
  /** Open the view on this organisation instead. */
  onFocus: (id: string) => void;
  onTab: (tab: DetailsTab) => void;
  onConnectTo: (id: string | null) => void;
  /** Back to the organisation the view was opened on. */
  onBack: () => void;
  /** Show this initiative's innovation pathway beside the graph. */
  onPathway: (initiativeId: string) => void;
}

interface DetailsPanelProps {
  view: ViewState;
  selectedId: string | null;
  phone: boolean;
  graph: NeighbourhoodState;
  model: MapModel;
  infoOf: (id: string) => NodeInfo | undefined;
  partners: PartnersState;
  partnerScope: PartnerScope;
  onPartnerScope: (scope: PartnerScope) => void;
  paths: PathsState;
  pathOptions: PathOptions;
  onPathOptions: (options: PathOptions) => void;
  pointer: Pointer | null;
  onHover: (pointer: Pointer | null) => void;
  onChoosePointer: (pointer: Pointer | null) => void;
  toasts: ToastApi;
  actions: DetailsActions;
}

const TABS: { id: DetailsTab; label: string }[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'partners', label: 'Find partners' },
  { id: 'connect', label: 'How connected?' },
];

export function DetailsPanel(props: DetailsPanelProps) {
  const { view, phone, paths } = props;
  const key = view.edge ?? props.selectedId ?? '';
  const [sheet, setSheet] = useState<{ key: string; mode: SheetMode }>({ key, mode: 'peek' });
  // A new selection shows the sheet's peek again.
  const mode = sheet.key === key ? sheet.mode : 'peek';
  const setMode = (value: SheetMode) => setSheet({ key, mode: value });
  // A path drawn to a new organisation: the sheet goes half-way, its path over the graph's lower half and the
  // graph fitted above it (App refits it, graph/sync.ts keeps it clear of the sheet), so both can be seen.
  const drawnTo = drawnPathEnd(view, paths);
  const [pathFor, setPathFor] = useState(drawnTo);
  if (pathFor !== drawnTo) {
    setPathFor(drawnTo);
    if (drawnTo !== null) setSheet({ key, mode: 'half' });
  }
  const title = view.edge !== null ? 'Relationship details' : 'Organisation details';

  const content =
    view.edge !== null ? (
      <RelationshipPanel
        relationshipId={view.edge}
        ends={props.model.endsOf(view.edge)}
        waiting={props.graph.pending !== null}
        onSelect={(id) => props.actions.onSelect(id)}
        onClose={props.actions.onBack}
      />
    ) : props.selectedId !== null ? (
      <OrganisationPanel {...props} selectedId={props.selectedId} onTabChosen={() => setMode('open')} />
    ) : null;

  if (!phone) {
    return (
      <aside className="details" data-testid="details-panel" aria-label={title}>
        {content}
      </aside>
    );
  }
  return (
    <BottomSheet mode={mode} onModeChange={setMode} label={title}>
      {content}
    </BottomSheet>
  );
}

function OrganisationPanel(props: DetailsPanelProps & { selectedId: string; onTabChosen: () => void }) {
  const { view, selectedId, actions } = props;
  const query = useOrganisation(selectedId);
  const organisation = query.data?.organisation;
  const isRoot = selectedId === view.org;
  const expanded = isRoot || view.expanded.includes(selectedId);

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
      <div className="details-message" role="status" aria-busy="true">
        <span className="spinner" aria-hidden="true" /> Loading details…
      </div>
    );
  }
  if (!organisation) {
    return (
      <div className="details-message" role="status">
        <h2>Organisation not found</h2>
        <p>
          No published organisation has the id <code>{selectedId}</code>. It may have been archived or merged.
        </p>
      </div>
    );
  }
  return (
    <article className="organisation" data-id={organisation.id} data-testid="organisation-details">
      {!isRoot && (
        <button type="button" className="link-button back" onClick={actions.onBack}>
          ← Back to the chosen organisation
        </button>
      )}
      <OrganisationHeader
        organisation={organisation}
        isRoot={isRoot}
        expanded={expanded}
        canCollapse={!isRoot && view.expanded.includes(selectedId)}
        actions={actions}
      />
      <Tabs
        active={view.tab}
        onChange={(tab) => {
          actions.onTab(tab);
          props.onTabChosen();
        }}
      />
      <div
        role="tabpanel"
        id={`tab-${view.tab}`}
        aria-labelledby={`tab-button-${view.tab}`}
        className="tab-panel"
      >
        {view.tab === 'overview' && (
          <OrganisationDetails
            organisation={organisation}
            onSelect={(id) => actions.onSelect(id)}
            pathway={{ href: (id) => viewHref(view, { pathway: id }), onOpen: actions.onPathway }}
          />
        )}
        {view.tab === 'partners' && (
          <PartnersPanel
            organisation={organisation}
            partners={props.partners}
            scope={props.partnerScope}
            onScope={props.onPartnerScope}
            pointer={props.pointer}
            onHover={props.onHover}
            onChoose={props.onChoosePointer}
            onFocus={actions.onFocus}
            toasts={props.toasts}
          />
        )}
        {view.tab === 'connect' && (
          <ConnectPanel
            organisation={organisation}
            to={view.to}
            drawnTo={drawnPathEnd(view, props.paths)}
            onTo={actions.onConnectTo}
            paths={props.paths}
            options={props.pathOptions}
            onOptions={props.onPathOptions}
            pointer={props.pointer}
            onHover={props.onHover}
            onChoose={props.onChoosePointer}
            onSelect={(id) => actions.onSelect(id)}
          />
        )}
      </div>
    </article>
  );
}

function Tabs({ active, onChange }: { active: DetailsTab; onChange: (tab: DetailsTab) => void }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const at = TABS.findIndex((t) => t.id === active);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(at + step + TABS.length) % TABS.length]!;
    onChange(next.id);
    refs.current[TABS.indexOf(next)]?.focus();
  }
  return (
    <div className="tabs" role="tablist" aria-label="About this organisation" onKeyDown={onKeyDown}>
      {TABS.map((tab, index) => (
        <button
          key={tab.id}
          ref={(element) => {
            refs.current[index] = element;
          }}
          type="button"
          role="tab"
          id={`tab-button-${tab.id}`}
          aria-selected={tab.id === active}
          aria-controls={`tab-${tab.id}`}
          tabIndex={tab.id === active ? 0 : -1}
          className="tab"
          data-testid={`tab-${tab.id}`}
          onClick={() => onChange(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

/**
 * How much of a phone's screen the details sheet takes: a peek of the name and actions below the graph, half
 * of it drawn over the graph's lower part (a path shown above it), or most of it.
 */
export type SheetMode = 'peek' | 'half' | 'open';

/** The phone's bottom sheet: a peek below the graph, half over it, or opened to most of the screen. */
function BottomSheet({
  mode,
  onModeChange,
  label,
  children,
}: {
  mode: SheetMode;
  onModeChange: (mode: SheetMode) => void;
  label: string;
  children: ReactNode;
}) {
  useEffect(() => {
    if (mode === 'peek') return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape') onModeChange('peek');
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [mode, onModeChange]);
  const open = mode === 'open';
  return (
    <aside
      className={`details sheet sheet-${mode}`}
      data-testid="details-panel"
      data-sheet={mode}
      // Half-way, it is drawn over the graph: fitting keeps the graph above it (graph/sync.ts, coveredBottom).
      data-over-graph="bottom"
      aria-label={label}
    >
      <button
        type="button"
        className="sheet-handle"
        aria-expanded={open}
        aria-label={open ? 'Show less' : 'Show all details'}
        data-testid="sheet-handle"
        onClick={() => onModeChange(open ? 'peek' : 'open')}
      >
        <span className="sheet-grip" aria-hidden="true" />
      </button>
      <div className="sheet-body">{children}</div>
    </aside>
  );
}
