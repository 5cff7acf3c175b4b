// Owns the Cytoscape instance: creates it once, mirrors elements, filter and highlights into it, keeps the
// picture (positions, viewport) in the URL fragment, chooses which names to print, and reports what the user
// points at, taps and double-taps.
import cytoscape from 'cytoscape';
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { DECORATION_CLASSES, decorate, type DecorationInput } from '../graph/decorations.ts';
import type { AtlasElement, NodeInfo } from '../graph/elements.ts';
import { labelsPlacedForView, PLACE_AFTER_PAN_MAX, updateLabels } from '../graph/labelLayer.ts';
import { registerLayouts, type Size } from '../graph/layouts.ts';
import {
  decodePicture,
  encodePicture,
  panToViewport,
  withFallback,
  type Picture,
} from '../graph/positions.ts';
import { indexHitTests } from '../graph/hitTest.ts';
import { cytoscapeOptions } from '../graph/render.ts';
import { applyElements, fitToView } from '../graph/sync.ts';
import { onBeforeLeaving, replaceFragment } from '../state/history.ts';
import { exposeForTests } from '../src/testHooks.ts';
import { GraphTooltip, type TooltipTarget } from './GraphTooltip.tsx';

/** What the toolbar and downloads ask of the graph. */
export interface GraphHandle {
  fit: () => void;
  zoomBy: (factor: number) => void;
  /** The picture as PNG, white background, at twice the screen's resolution (capped for huge graphs). */
  png: () => Promise<Blob>;
  /** Ids of the organisations drawn (what the filter lets through). */
  drawnOrganisations: () => string[];
}

interface GraphViewProps {
  elements: readonly AtlasElement[];
  info: ReadonlyMap<string, NodeInfo>;
  decorations: Omit<DecorationInput, 'selectedId'>;
  /** The node selected, or the element id of the selected edge. */
  selectedId: string | null;
  selectedEdgeId: string | null;
  onSelect: (id: string | null) => void;
  onSelectEdge: (relationshipId: string) => void;
  /** A node was double-tapped (or Enter pressed on the graph). */
  onExpand: (id: string) => void;
  /** An "and N more" node was tapped. */
  onOpenMore: (organisationId: string) => void;
  /** The size of what covers the bottom-left corner now (the legend); fitting keeps the graph clear of it. */
  covered: () => Size;
  handleRef: RefObject<GraphHandle | null>;
}

/** Quiet time after the last pan or zoom before names are placed again and the picture is written. */
const SETTLE_MS = 180;

export function GraphView(props: GraphViewProps) {
  const { elements, info, decorations, selectedId, selectedEdgeId, covered, handleRef } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const shownRootRef = useRef<string | null | undefined>(undefined);
  /** The URL query whose elements the graph shows; the picture is only written for it. */
  const syncedSearchRef = useRef<string | null>(null);
  /**
   * The picture the URL came with, kept while its view loads in parts (the chosen organisation's neighbours,
   * then each expansion): once the first part is drawn the fragment holds only its nodes, and the parts after
   * it must still go where the link had them.
   */
  const arrivedRef = useRef<{ search: string; picture: Picture } | null>(null);
  const [tooltip, setTooltip] = useState<{ cy: cytoscape.Core; target: TooltipTarget } | null>(null);
  const [ready, setReady] = useState(0);
  // Asked when a layout finishes or the graph fits itself; a change alone doesn't move the graph under the
  // user's hands.
  const coveredRef = useRef(covered);
  useEffect(() => {
    coveredRef.current = covered;
  }, [covered]);
  const callbacks = useRef(props);
  useEffect(() => {
    callbacks.current = props;
  });

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    registerLayouts(cytoscape);
    const cy = cytoscape(cytoscapeOptions(container));
    // Pointer hit tests look only near the pointer (a hover over thousands of ties cost tens of ms).
    indexHitTests(cy);
    cyRef.current = cy;
    const hideFromTests = exposeForTests(cy);
    const resize = new ResizeObserver(() => cy.resize());
    resize.observe(container);

    const writePicture = () => {
      if (syncedSearchRef.current !== window.location.search || cy.nodes().empty()) return;
      const nodes = cy.nodes().map((node) => ({ id: node.id(), position: node.position() }));
      replaceFragment(encodePicture(nodes, panToViewport(cy.zoom(), cy.pan(), cy.width(), cy.height())));
    };
    let lastZoom = cy.zoom();
    let lastPan = { ...cy.pan() };
    let settle: number | undefined;
    const settled = () => {
      settle = undefined;
      const pan = cy.pan();
      const panned = pan.x !== lastPan.x || pan.y !== lastPan.y;
      if (cy.zoom() !== lastZoom || (panned && cy.nodes().length <= PLACE_AFTER_PAN_MAX)) {
        lastZoom = cy.zoom();
        lastPan = { ...pan };
        // A fit places the names for the view it moves to: not again once that view settles.
        if (!labelsPlacedForView(cy)) updateLabels(cy);
      }
      writePicture();
    };
    const onViewport = () => {
      window.clearTimeout(settle);
      settle = window.setTimeout(settled, SETTLE_MS);
      setTooltip(null);
    };
    const onDragFree = () => {
      updateLabels(cy);
      writePicture();
    };
    cy.on('viewport', onViewport);
    cy.on('dragfree', 'node', onDragFree);
    const stopListening = onBeforeLeaving(() => {
      window.clearTimeout(settle);
      writePicture();
    });

    handleRef.current = {
      fit: () => fitToView(cy, coveredRef.current()),
      zoomBy: (factor) =>
        cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }),
      png: () => {
        const big = cy.nodes().length > 1500;
        return cy.png({
          output: 'blob-promise',
          full: true,
          bg: '#ffffff',
          scale: big ? 1 : 2,
          maxWidth: 8000,
          maxHeight: 8000,
        });
      },
      drawnOrganisations: () =>
        cy
          .nodes('[role = "organisation"]')
          .filter((node) => !node.hasClass('filtered'))
          .map((node) => node.id()),
    };
    setReady((n) => n + 1);
    return () => {
      window.clearTimeout(settle);
      stopListening();
      resize.disconnect();
      hideFromTests();
      handleRef.current = null;
      cyRef.current = null;
      shownRootRef.current = undefined;
      cy.destroy();
    };
  }, [handleRef]);

  // Taps, double-taps and pointing, read through a ref so the handlers are bound once.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const onTap = (event: cytoscape.EventObject) => {
      const target = event.target as cytoscape.SingularElementArgument | cytoscape.Core;
      if (target === cy) callbacks.current.onSelect(null);
      else if ((target as cytoscape.SingularElementArgument).isNode()) {
        const node = target as cytoscape.NodeSingular;
        if (node.data('role') === 'more') callbacks.current.onOpenMore(String(node.data('moreOf')));
        else callbacks.current.onSelect(node.id());
      } else {
        const edge = target as cytoscape.EdgeSingular;
        if (edge.data('role') !== 'more') callbacks.current.onSelectEdge(String(edge.data('relationshipId')));
      }
    };
    const onDoubleTap = (event: cytoscape.EventObject) => {
      const node = event.target as cytoscape.NodeSingular;
      if (node.data('role') === 'organisation') callbacks.current.onExpand(node.id());
    };
    const container = cy.container();
    const onOver = (event: cytoscape.EventObject) => {
      container?.classList.add('over-element');
      const element = event.target as cytoscape.SingularElementArgument;
      const point = event.renderedPosition ?? { x: 0, y: 0 };
      setTooltip({
        cy,
        target: { id: element.id(), group: element.isNode() ? 'nodes' : 'edges', x: point.x, y: point.y },
      });
    };
    const onOut = () => {
      container?.classList.remove('over-element');
      setTooltip(null);
    };
    cy.on('tap', onTap);
    cy.on('dbltap', 'node', onDoubleTap);
    cy.on('mouseover', 'node, edge', onOver);
    cy.on('mouseout', 'node, edge', onOut);
    cy.on('tapstart', onOut);
    return () => {
      cy.off('tap', onTap);
      cy.off('dbltap', 'node', onDoubleTap);
      cy.off('mouseover', 'node, edge', onOver);
      cy.off('mouseout', 'node, edge', onOut);
      cy.off('tapstart', onOut);
    };
  }, [ready]);

  const decorationsRef = useRef({ decorations, selectedId, selectedEdgeId });
  useEffect(() => {
    decorationsRef.current = { decorations, selectedId, selectedEdgeId };
  });

  // Elements: added, removed, laid out or put back where the picture had them.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const rootId = decorationsRef.current.decorations.rootId;
    const reset = shownRootRef.current !== rootId;
    shownRootRef.current = rootId;
    const search = window.location.search;
    const picture = decodePicture(window.location.hash);
    if (arrivedRef.current?.search !== search) arrivedRef.current = { search, picture };
    applyElements(cy, elements, {
      reset,
      covered: coveredRef.current(),
      picture: withFallback(picture, arrivedRef.current.picture),
      done: (_outcome, fitting) => {
        syncedSearchRef.current = search;
        const { decorations: d, selectedId: s, selectedEdgeId: e } = decorationsRef.current;
        applyDecorations(cy, elements, { ...d, selectedId: s }, s, e);
        // A fit places the names for the view it chooses (placing them for this one first would be wasted).
        if (!fitting) updateLabels(cy);
      },
    });
  }, [elements, ready]);

  // Filter, highlights and selection; names are placed again since importance changed.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    applyDecorations(cy, elements, { ...decorations, selectedId }, selectedId, selectedEdgeId);
    updateLabels(cy);
  }, [elements, decorations, selectedId, selectedEdgeId, ready]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const cy = cyRef.current;
    if (!cy) return;
    const step = 80;
    const keys: Record<string, () => void> = {
      ArrowLeft: () => cy.panBy({ x: step, y: 0 }),
      ArrowRight: () => cy.panBy({ x: -step, y: 0 }),
      ArrowUp: () => cy.panBy({ x: 0, y: step }),
      ArrowDown: () => cy.panBy({ x: 0, y: -step }),
      '+': () => handleRef.current?.zoomBy(1.25),
      '=': () => handleRef.current?.zoomBy(1.25),
      '-': () => handleRef.current?.zoomBy(0.8),
      '0': () => handleRef.current?.fit(),
      Enter: () => {
        if (selectedId !== null) props.onExpand(selectedId);
      },
    };
    const action = keys[event.key];
    if (action && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      action();
    }
  }

  return (
    <>
      <div
        ref={containerRef}
        className="graph"
        data-testid="graph"
        role="application"
        tabIndex={0}
        aria-roledescription="network graph"
        aria-label="Network of organisations. Click a node or a tie for its details, double-click a node to add its neighbours. Keys: arrows pan, + and − zoom, 0 fits, Enter expands the selected organisation."
        onKeyDown={onKeyDown}
      />
      {tooltip && !tooltip.cy.destroyed() && (
        <GraphTooltip cy={tooltip.cy} target={tooltip.target} info={info} />
      )}
    </>
  );
}

function applyDecorations(
  cy: cytoscape.Core,
  elements: readonly AtlasElement[],
  input: DecorationInput,
  selectedId: string | null,
  selectedEdgeId: string | null,
): void {
  const classes = decorate(elements, input);
  const all = DECORATION_CLASSES.join(' ');
  cy.batch(() => {
    cy.elements().forEach((element) => {
      const wanted = classes.get(element.id());
      const current = DECORATION_CLASSES.filter((c) => element.hasClass(c));
      const same = wanted
        ? wanted.length === current.length && wanted.every((c) => current.includes(c))
        : current.length === 0;
      if (same) return;
      element.removeClass(all);
      if (wanted) element.addClass(wanted.join(' '));
    });
    const selected = selectedEdgeId ?? selectedId;
    cy.elements(':selected')
      .filter((element) => element.id() !== selected)
      .unselect();
    if (selected !== null) {
      const element = cy.getElementById(selected);
      if (element.nonempty() && !element.selected()) element.select();
    }
  });
}
