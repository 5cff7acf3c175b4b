// Brings a Cytoscape instance to show given elements: a fresh layout on reset, otherwise only new nodes move.
// The one imperative module in client/graph: no React, no DOM, so it runs on a headless Cytoscape in unit tests.
import type cytoscape from 'cytoscape';
import { diffElements, isNode, type AtlasElement, type AtlasNode } from './elements.ts';
import {
  centroid,
  expansionLayout,
  fitViewport,
  fullLayout,
  seedPositions,
  type Position,
  type Size,
} from './layouts.ts';

export type SyncOutcome = 'reset' | 'expanded' | 'updated' | 'unchanged';

/**
 * `reset` replaces everything and lays the graph out from scratch (a new organisation was chosen).
 * Otherwise elements are added and removed by id; new nodes start around the node they were expanded from
 * and only they are moved by the layout, so what the user already looked at stays put.
 */
export function applyElements(
  cy: cytoscape.Core,
  next: readonly AtlasElement[],
  options: { reset: boolean; covered?: Size },
): SyncOutcome {
  const fit = () => fitToView(cy, options.covered);
  if (options.reset || cy.nodes().empty()) {
    cy.batch(() => {
      cy.elements().remove();
      cy.add([...next]);
    });
    if (cy.nodes().nonempty()) runLayout(cy, fullLayout(cy.nodes().length), fit);
    return 'reset';
  }

  const { added, removedIds } = diffElements(new Set(cy.elements().map((element) => element.id())), next);
  const changedData = updateNodeData(cy, next);
  if (added.length === 0 && removedIds.length === 0) return changedData ? 'updated' : 'unchanged';

  const addedNodes = added.filter(isNode);
  let fixed: { id: string; position: Position }[] = [];
  cy.batch(() => {
    for (const id of removedIds) cy.getElementById(id).remove();
    fixed = cy.nodes().map((node) => ({ id: node.id(), position: { ...node.position() } }));
    const seeds = seedsFor(cy, addedNodes, centroid(fixed.map((f) => f.position)));
    cy.add(
      added.map((element) =>
        isNode(element) ? { ...element, position: seeds.get(element.data.id) } : element,
      ),
    );
  });
  if (addedNodes.length === 0) return 'updated';

  const layout = expansionLayout(cy.nodes().length, fixed);
  if (layout) runLayout(cy, layout, fit);
  else fit();
  return 'expanded';
}

/** Shows the whole graph, clear of the part of the view covered by `covered` at the bottom left. */
export function fitToView(cy: cytoscape.Core, covered?: Size): void {
  if (cy.elements().empty()) return;
  const viewport = fitViewport(
    cy.elements().boundingBox(),
    { width: cy.width(), height: cy.height() },
    covered,
  );
  if (viewport) cy.viewport(viewport);
}

function runLayout(cy: cytoscape.Core, options: cytoscape.LayoutOptions, then: () => void): void {
  const layout = cy.layout(options);
  layout.one('layoutstop', then);
  layout.run();
}

function seedsFor(cy: cytoscape.Core, nodes: readonly AtlasNode[], centre: Position): Map<string, Position> {
  const byAnchor = new Map<string, AtlasNode[]>();
  for (const node of nodes) {
    const anchor = node.data.anchor ?? '';
    byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), node]);
  }
  const seeds = new Map<string, Position>();
  for (const [anchor, group] of byAnchor) {
    const anchorNode = anchor === '' ? cy.collection() : cy.getElementById(anchor);
    const from = anchorNode.nonempty() ? { ...anchorNode.position() } : centre;
    const positions = seedPositions(from, group.length, centre);
    group.forEach((node, i) => seeds.set(node.data.id, positions[i] ?? from));
  }
  return seeds;
}

/** Copies changed node data (a merge can shorten a distance) onto nodes already shown. */
function updateNodeData(cy: cytoscape.Core, next: readonly AtlasElement[]): boolean {
  let changed = false;
  for (const element of next) {
    if (!isNode(element)) continue;
    const node = cy.getElementById(element.data.id);
    if (node.nonempty() && node.data('distance') !== element.data.distance) {
      node.data('distance', element.data.distance);
      changed = true;
    }
  }
  return changed;
}
