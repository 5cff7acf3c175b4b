// Owns the Cytoscape instance: creates it once, mirrors the elements and the selection into it, reports taps.
import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'react';
import type { AtlasElement } from '../graph/elements.ts';
import { MAX_ZOOM, MIN_ZOOM, registerLayouts, type Size } from '../graph/layouts.ts';
import { buildStylesheet } from '../graph/style.ts';
import { applyElements, fitToView } from '../graph/sync.ts';
import { exposeForTests } from '../src/testHooks.ts';

interface GraphViewProps {
  elements: readonly AtlasElement[];
  /** The organisation the view was opened on; a change means a fresh layout. */
  rootId: string | null;
  selectedId: string | null;
  /** A node was tapped, or the background (null). */
  onSelect: (id: string | null) => void;
  /** A node was double-tapped. */
  onExpand: (id: string) => void;
  /** The size of what covers the bottom-left corner (the legend); fitting keeps the graph clear of it. */
  covered: Size;
}

export function GraphView({ elements, rootId, selectedId, onSelect, onExpand, covered }: GraphViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const shownRootRef = useRef<string | null>(null);
  // Read when a layout finishes; a change alone doesn't move the graph under the user's hands.
  const coveredRef = useRef(covered);
  useEffect(() => {
    coveredRef.current = covered;
  }, [covered]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    registerLayouts(cytoscape);
    const cy = cytoscape({
      container,
      // The stylesheet uses properties @types/cytoscape doesn't list yet (underlay-*); a unit test checks
      // that Cytoscape itself accepts every one of them.
      style: buildStylesheet() as unknown as cytoscape.StylesheetStyle[],
      minZoom: MIN_ZOOM,
      maxZoom: MAX_ZOOM,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    cyRef.current = cy;
    const hideFromTests = exposeForTests(cy);
    const resize = new ResizeObserver(() => cy.resize());
    resize.observe(container);
    return () => {
      resize.disconnect();
      hideFromTests();
      cyRef.current = null;
      shownRootRef.current = null;
      cy.destroy();
    };
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const onTap = (event: cytoscape.EventObject) => {
      if (event.target === cy) onSelect(null);
      else if (event.target.isNode?.()) onSelect(event.target.id());
    };
    const onDoubleTap = (event: cytoscape.EventObject) => onExpand(event.target.id());
    const container = cy.container();
    const pointer = () => container?.classList.add('over-node');
    const noPointer = () => container?.classList.remove('over-node');
    cy.on('tap', onTap);
    cy.on('dbltap', 'node', onDoubleTap);
    cy.on('mouseover', 'node', pointer);
    cy.on('mouseout', 'node', noPointer);
    return () => {
      cy.off('tap', onTap);
      cy.off('dbltap', 'node', onDoubleTap);
      cy.off('mouseover', 'node', pointer);
      cy.off('mouseout', 'node', noPointer);
    };
  }, [onSelect, onExpand]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const reset = shownRootRef.current !== rootId;
    shownRootRef.current = rootId;
    applyElements(cy, elements, { reset, covered: coveredRef.current });
  }, [elements, rootId]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.nodes('.root').removeClass('root');
      cy.edges('.incident').removeClass('incident');
      cy.nodes(':selected').unselect();
      if (rootId !== null) cy.getElementById(rootId).addClass('root');
      if (selectedId !== null) {
        const selected = cy.getElementById(selectedId);
        selected.select();
        selected.connectedEdges().addClass('incident');
      }
    });
  }, [elements, rootId, selectedId]);

  return (
    <>
      <div
        ref={containerRef}
        className="graph"
        data-testid="graph"
        role="img"
        aria-label="Network of organisations: click a node for details, double-click to expand its neighbours"
      />
      {elements.length > 0 && (
        <button
          type="button"
          className="button graph-fit"
          onClick={() => cyRef.current && fitToView(cyRef.current, coveredRef.current)}
          title="Zoom to show the whole network"
        >
          Fit to view
        </button>
      )}
    </>
  );
}
