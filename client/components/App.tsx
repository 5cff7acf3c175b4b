// The explorer: wires the URL state and data hooks to the header, the result list, the graph with its
// toolbar and legend, and the details panel (a bottom sheet on phones).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { OrganisationSummary } from '../api/types.ts';
import type { NodeInfo } from '../graph/elements.ts';
import type { Size } from '../graph/layouts.ts';
import { useMapModel, type Pointer } from '../state/useMapModel.ts';
import { useMediaQuery } from '../state/useMediaQuery.ts';
import { useNeighbourhood } from '../state/useNeighbourhood.ts';
import { usePartners } from '../state/usePartners.ts';
import { DEFAULT_PATH_OPTIONS, drawnPathEnd, usePaths, type PathOptions } from '../state/usePaths.ts';
import { useViewState } from '../state/useViewState.ts';
import {
  hasFilter,
  selectedId as selectedOf,
  type DetailsTab,
  type GraphFilter,
  type ViewState,
} from '../state/viewState.ts';
import { DetailsPanel } from './DetailsPanel.tsx';
import { GraphNotice, GraphStatus } from './GraphStatus.tsx';
import { GraphToolbar } from './GraphToolbar.tsx';
import { GraphView, type GraphHandle } from './GraphView.tsx';
import { Header } from './Header.tsx';
import { Legend } from './Legend.tsx';
import { PathwayTimeline } from './PathwayTimeline.tsx';
import { MapBar } from './MapBar.tsx';
import { partnerFilter, type PartnerScope } from '../state/partnerScope.ts';
import { ResultsPanel } from './ResultsPanel.tsx';
import { Toasts, useToasts } from './Toasts.tsx';
import { viewHref } from './viewLink.ts';

const LEGEND_MARGIN = 16;
const NO_SIZE: Size = { width: 0, height: 0 };
export const PHONE_QUERY = '(max-width: 720px)';

export function App() {
  const [view, navigate, history] = useViewState();
  const phone = useMediaQuery(PHONE_QUERY);
  const toasts = useToasts();
  const graph = useNeighbourhood(view.org, view.expanded, view.more);
  const selected = selectedOf(view);

  const [listOpen, setListOpen] = useState(
    () => !phone && (view.org === null || view.query !== '' || hasFilter(view.filter)),
  );
  // The result list's total while it is open (null while counting): an empty one changes the map's message.
  const [listTotal, setListTotal] = useState<number | null>(null);
  const [partnerScope, setPartnerScope] = useState<PartnerScope>({ sectors: [], place: null });
  const [pathOptions, setPathOptions] = useState<PathOptions>(DEFAULT_PATH_OPTIONS);
  const [hovered, setHovered] = useState<Pointer | null>(null);
  const [chosen, setChosen] = useState<Pointer | null>(null);

  const partnersFor = view.tab === 'partners' ? selected : null;
  const scopeFilter = useMemo(() => partnerFilter(partnerScope), [partnerScope]);
  const partners = usePartners(partnersFor, scopeFilter);
  const paths = usePaths(view.tab === 'connect' ? selected : null, view.to, pathOptions);

  const model = useMapModel({
    rootId: view.org,
    selectedId: selected,
    filter: view.filter,
    graph,
    partners: partnersFor !== null ? partners : null,
    paths: view.tab === 'connect' && paths.done ? paths : null,
    pointer: hovered ?? chosen,
  });

  // A pointer belongs to the list it came from: a new organisation or tab forgets it.
  const pointerKey = `${selected}|${view.tab}|${view.to}`;
  const [pointerFor, setPointerFor] = useState(pointerKey);
  if (pointerFor !== pointerKey) {
    setPointerFor(pointerKey);
    setHovered(null);
    setChosen(null);
  }

  const legendRef = useRef<HTMLElement>(null);
  // The legend sits LEGEND_MARGIN px from the corner; the graph keeps clear of that margin too. Measured
  // when the graph fits itself, so a fit in the same commit as the legend folding sees it folded.
  const covered = useCallback((): Size => {
    const box = legendRef.current?.getBoundingClientRect();
    return box ? { width: box.width + LEGEND_MARGIN, height: box.height + LEGEND_MARGIN } : NO_SIZE;
  }, []);
  const graphRef = useRef<GraphHandle | null>(null);
  // The pathway card covers the top of the graph: the graph fits itself below it as it opens or grows, and
  // back into the whole view once it is closed.
  const refit = useCallback(() => graphRef.current?.fit(), []);
  // On phones a path drawn to a new organisation sends the details sheet half-way over the graph
  // (DetailsPanel): the graph fits itself above the sheet, so that the path shows.
  const pathShownTo = phone ? drawnPathEnd(view, paths) : null;
  useEffect(() => {
    if (pathShownTo !== null) refit();
  }, [pathShownTo, refit]);
  const hadPathway = useRef(view.pathway !== null);
  useEffect(() => {
    const had = hadPathway.current;
    hadPathway.current = view.pathway !== null;
    if (had && view.pathway === null) refit();
  }, [view.pathway, refit]);

  const update = useCallback(
    (change: Partial<ViewState>, mode: 'push' | 'replace') => navigate({ ...view, ...change }, mode),
    [navigate, view],
  );
  // A new organisation is a new history entry with a fresh picture; the list and filters stay.
  const choose = useCallback(
    (organisation: Pick<OrganisationSummary, 'id'>) => {
      navigate(
        {
          ...view,
          org: organisation.id,
          selected: null,
          edge: null,
          expanded: [],
          more: {},
          tab: 'overview',
          to: null,
        },
        'push',
        { keepPicture: false },
      );
      if (phone) setListOpen(false);
    },
    [navigate, view, phone],
  );
  const select = useCallback(
    (id: string | null) => update({ selected: id, edge: null }, 'replace'),
    [update],
  );
  const selectEdge = useCallback(
    (relationshipId: string) => update({ edge: relationshipId }, 'replace'),
    [update],
  );
  const expand = useCallback(
    (id: string) => {
      if (id === view.org || view.expanded.includes(id)) return;
      update({ selected: id, edge: null, expanded: [...view.expanded, id] }, 'push');
    },
    [update, view],
  );
  const collapse = useCallback(
    (id: string) => {
      const more = { ...view.more };
      delete more[id];
      update({ expanded: view.expanded.filter((e) => e !== id), more }, 'push');
    },
    [update, view],
  );
  const openMore = useCallback(
    (id: string) => update({ more: { ...view.more, [id]: (view.more[id] ?? 0) + 1 } }, 'push'),
    [update, view],
  );
  const setFilter = useCallback((filter: GraphFilter) => update({ filter }, 'push'), [update]);
  const setTab = useCallback(
    (tab: DetailsTab) => {
      update({ tab, edge: null }, 'replace');
    },
    [update],
  );
  const search = useCallback(
    (query: string, filter: GraphFilter) => {
      update({ query, filter }, 'push');
      setListOpen(true);
    },
    [update],
  );
  const connectTo = useCallback(
    (id: string | null) => update({ tab: 'connect', to: id }, id ? 'push' : 'replace'),
    [update],
  );

  // Escape closes the result list on phones (the sheet handles its own).
  useEffect(() => {
    if (!phone || !listOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setListOpen(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [phone, listOpen]);

  const details = view.edge !== null || selected !== null;
  const selectedEdgeId = view.edge === null ? null : model.edgeIdOf(view.edge);
  const infoOf = useCallback((id: string): NodeInfo | undefined => model.info.get(id), [model.info]);

  return (
    <div className={`app${phone ? ' phone' : ''}`}>
      <Header
        filter={view.filter}
        onChoose={choose}
        onSearch={search}
        onFilterChange={setFilter}
        phone={phone}
      />
      <main className={`workspace${listOpen ? ' has-list' : ''}${details ? ' has-details' : ''}`}>
        {listOpen && (
          <ResultsPanel
            query={view.query}
            filter={view.filter}
            activeId={view.org}
            onChoose={choose}
            onFilterChange={setFilter}
            onQueryChange={(query) => update({ query }, 'push')}
            onClose={() => setListOpen(false)}
            phone={phone}
            onTotal={setListTotal}
          />
        )}
        <section className="graph-area" aria-label="Network">
          <GraphView
            elements={model.elements}
            info={model.info}
            decorations={model.decorations}
            selectedId={view.edge === null ? selected : null}
            selectedEdgeId={selectedEdgeId}
            onSelect={select}
            onSelectEdge={selectEdge}
            onExpand={expand}
            onOpenMore={openMore}
            covered={covered}
            handleRef={graphRef}
          />
          <MapBar
            listOpen={listOpen}
            onToggleList={() => setListOpen((open) => !open)}
            filter={view.filter}
            onFilterChange={setFilter}
            visibility={view.org === null ? null : model.visibility}
          />
          {view.org !== null && (
            <GraphToolbar graph={graphRef} history={history} toasts={toasts} phone={phone} />
          )}
          <GraphStatus
            rootId={view.org}
            graph={graph}
            onChoose={choose}
            pathwayOpen={view.pathway !== null}
            results={
              view.query !== '' || hasFilter(view.filter)
                ? { open: listOpen, onShow: () => setListOpen(true), empty: listOpen && listTotal === 0 }
                : null
            }
          />
          <GraphNotice graph={graph} />
          <Legend
            ref={legendRef}
            filter={view.filter}
            onFilterChange={setFilter}
            phone={phone}
            crowded={view.pathway !== null}
          />
          {view.pathway !== null && (
            <PathwayTimeline
              initiativeId={view.pathway}
              closeHref={viewHref(view, { pathway: null })}
              onClose={() => update({ pathway: null }, 'push')}
              onResize={refit}
            />
          )}
        </section>
        {details && (
          <DetailsPanel
            view={view}
            selectedId={selected}
            phone={phone}
            graph={graph}
            model={model}
            infoOf={infoOf}
            partners={partners}
            partnerScope={partnerScope}
            onPartnerScope={setPartnerScope}
            paths={paths}
            pathOptions={pathOptions}
            onPathOptions={setPathOptions}
            pointer={chosen}
            onHover={setHovered}
            onChoosePointer={setChosen}
            toasts={toasts}
            actions={{
              onExpand: expand,
              onCollapse: collapse,
              onSelect: select,
              onFocus: (id) => choose({ id }),
              onTab: setTab,
              onConnectTo: connectTo,
              onBack: () => select(null),
              onPathway: (id) => update({ pathway: id }, 'push'),
            }}
          />
        )}
      </main>
      <Toasts toasts={toasts} />
    </div>
  );
}
