// The explorer: wires the URL state and data hooks to the header, graph, legend and details panel.
import { useCallback, useMemo, useRef } from 'react';
import type { OrganisationSummary } from '../api/types.ts';
import { useElementSize } from '../state/useElementSize.ts';
import { useNeighbourhood } from '../state/useNeighbourhood.ts';
import { useOrganisation } from '../state/useOrganisation.ts';
import { useViewState } from '../state/useViewState.ts';
import { selectedId } from '../state/viewState.ts';
import { DetailsPanel } from './DetailsPanel.tsx';
import { GraphNotice, GraphStatus } from './GraphStatus.tsx';
import { GraphView } from './GraphView.tsx';
import { Header } from './Header.tsx';
import { Legend } from './Legend.tsx';
import { PathwayTimeline } from './PathwayTimeline.tsx';
import { pathwayFromUrl } from './pathwayFormat.ts';

const LEGEND_MARGIN = 16;

export function App() {
  const [view, navigate] = useViewState();
  const graph = useNeighbourhood(view.org, view.expanded);
  const selected = selectedId(view);
  const details = useOrganisation(selected);
  const pathway = pathwayFromUrl();
  const legendRef = useRef<HTMLElement>(null);
  const legendSize = useElementSize(legendRef);
  // The legend sits LEGEND_MARGIN px from the corner; the graph keeps clear of that margin too.
  const covered = useMemo(
    () => ({ width: legendSize.width + LEGEND_MARGIN, height: legendSize.height + LEGEND_MARGIN }),
    [legendSize],
  );

  // A new organisation is a new history entry, so Back returns to the previous one.
  const choose = useCallback(
    (organisation: Pick<OrganisationSummary, 'id'>) =>
      navigate({ org: organisation.id, selected: null, expanded: [] }, 'push'),
    [navigate],
  );
  const select = useCallback(
    (id: string | null) => navigate({ ...view, selected: id }, 'replace'),
    [navigate, view],
  );
  // Expanding is a history entry too: Back undoes it.
  const expand = useCallback(
    (id: string) => {
      if (id === view.org || view.expanded.includes(id)) return;
      navigate({ ...view, selected: id, expanded: [...view.expanded, id] }, 'push');
    },
    [navigate, view],
  );
  const focus = useCallback((id: string) => choose({ id }), [choose]);
  const back = useCallback(() => select(null), [select]);

  return (
    <div className={`app${view.org ? ' has-details' : ''}`}>
      <Header onChoose={choose} />
      <main className="workspace">
        <section className="graph-area" aria-label="Network">
          <GraphView
            elements={graph.elements}
            rootId={view.org}
            selectedId={selected}
            onSelect={select}
            onExpand={expand}
            covered={covered}
          />
          <GraphStatus rootId={view.org} graph={graph} onChoose={choose} />
          <GraphNotice graph={graph} />
          <Legend ref={legendRef} />
          {pathway !== null && <PathwayTimeline initiativeId={pathway} />}
        </section>
        {selected !== null && (
          <DetailsPanel
            id={selected}
            query={details}
            expanded={selected === view.org || view.expanded.includes(selected)}
            isRoot={selected === view.org}
            onExpand={expand}
            onSelect={select}
            onFocus={focus}
            onBack={back}
          />
        )}
      </main>
    </div>
  );
}
