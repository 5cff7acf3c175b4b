// Brings a Cytoscape instance to show given elements. Nodes whose position the picture knows (a shared link,
// Back, undo, redo) go exactly there; the others are laid out — from scratch for a new organisation,
// otherwise around the node they came from with everything already drawn held still.
// The one imperative module in client/graph with graph/labelLayer.ts: no React, no DOM of its own.
import type cytoscape from 'cytoscape';
import { diffElements, isNode, type AtlasElement, type AtlasNode } from './elements.ts';
import {
  applyLabels,
  LABEL_OPTIONS,
  labelCandidates,
  labelInput,
  MUST_NAME,
  nameOverhang,
  planLabels,
  updateLabels,
  type LabelCandidate,
  type LabelPlan,
} from './labelLayer.ts';
import {
  centroid,
  expansionLayout,
  fitViewportWithNames,
  fullLayout,
  seedPositions,
  viewportExtent,
  withSeededRandom,
  type Position,
  type Size,
} from './layouts.ts';
import { roomForNames, type LaidOut } from './nameRoom.ts';
import { EMPTY_PICTURE, positionOf, viewportToPan, type Picture } from './positions.ts';
import { applyRenderSettings, renderSettings } from './render.ts';

/** reset: a fresh layout; restored: every node where the picture had it; expanded: new nodes laid out. */
export type SyncOutcome = 'reset' | 'restored' | 'expanded' | 'updated' | 'unchanged';

export interface SyncOptions {
  /** A new organisation was chosen: replace everything. */
  reset: boolean;
  /** The bottom-left corner of the view covered by the legend, kept clear when fitting (see fitToView). */
  covered?: Size;
  /** Positions (and the viewport) to restore. */
  picture?: Picture;
  /**
   * Called once the nodes are where they belong (after the layout, when one runs). `fitting`: the view is fitted
   * to them right after, which places the names (graph/labelLayer.ts) for the classes done has set; otherwise
   * done places them if it changes anything they depend on.
   */
  done?: (outcome: SyncOutcome, fitting: boolean) => void;
}

const NOTHING_LAID_OUT: ReadonlySet<string> = new Set();
const NO_CORNER: Size = { width: 0, height: 0 };

export function applyElements(
  cy: cytoscape.Core,
  next: readonly AtlasElement[],
  options: SyncOptions,
): SyncOutcome {
  const picture = options.picture ?? EMPTY_PICTURE;
  /** `laidOut`: the nodes a layout has just placed, moved to make room for names that must show before a fit. */
  const finish = (outcome: SyncOutcome, fit: boolean, laidOut: LaidOut = NOTHING_LAID_OUT) => {
    // done first: the classes it sets (the chosen organisation, the selection) decide which names the fit makes room for.
    options.done?.(outcome, fit);
    if (fit) fitAfterLayout(cy, options.covered ?? NO_CORNER, laidOut);
    return outcome;
  };
  if (options.reset || cy.nodes().empty()) {
    cy.elements().remove();
    // The stylesheet for this size before the elements come in (so they are styled once) and before anything
    // is laid out, measured or drawn (graph/render.ts).
    applyRenderSettings(cy, renderSettings(next.length));
    cy.batch(() => {
      cy.add(next.map((element) => withKnownPosition(element, picture)));
    });
    const nodes = cy.nodes();
    if (nodes.empty()) return finish('reset', false);
    const known = nodes.filter((node) => positionOf(picture, node.id()) !== undefined);
    if (known.length === nodes.length) {
      if (picture.viewport) cy.viewport(viewportToPan(picture.viewport, cy.width(), cy.height()));
      return finish('restored', picture.viewport === null);
    }
    if (known.empty()) {
      // Organisations added beside the view (a partner suggestion, a path, an expansion: each has an anchor)
      // come after the rest, placed next to the node they were added beside, as when they arrive after it: the
      // picture is the same whichever answer came first, and fcose does not tile those with no tie drawn in a
      // grid of their own beside the graph.
      const added = nodes.filter((node) => node.data('anchor') !== undefined);
      const rest = nodes.difference(added);
      if (added.empty() || rest.empty()) {
        runLayout(cy, fullLayout(nodes.length), () => finish('reset', true, 'all'));
      } else {
        runLayout(rest.union(rest.edgesWith(rest)), fullLayout(rest.length), () =>
          placeAround(cy, rest, added, () => finish('reset', true, 'all')),
        );
      }
      return 'reset';
    }
    // Some nodes are new since the picture was taken: place them around the ones it knows.
    placeUnknown(cy, known, nodes.difference(known), picture, finish);
    return 'expanded';
  }

  const { added, removedIds } = diffElements(new Set(cy.elements().map((element) => element.id())), next);
  const changedData = updateNodeData(cy, next);
  if (added.length === 0 && removedIds.length === 0)
    return finish(changedData ? 'updated' : 'unchanged', false);

  const addedNodes = added.filter(isNode);
  const unknown = addedNodes.filter((node) => positionOf(picture, node.data.id) === undefined);
  const laidOut = new Set(unknown.map((node) => node.data.id));
  let fixed: { id: string; position: Position }[] = [];
  cy.batch(() => {
    for (const id of removedIds) cy.getElementById(id).remove();
    const centre = centroid(cy.nodes().map((node) => ({ ...node.position() })));
    const seeds = seedsFor(cy, unknown, centre);
    cy.add(
      added.map((element) =>
        isNode(element)
          ? { ...element, position: positionOf(picture, element.data.id) ?? seeds.get(element.data.id) }
          : element,
      ),
    );
    fixed = cy
      .nodes()
      .filter((node) => !laidOut.has(node.id()))
      .nodes()
      .map((node) => ({ id: node.id(), position: { ...node.position() } }));
  });
  applyRenderSettings(cy);
  if (unknown.length === 0) return finish('updated', false);

  const layout = expansionLayout(cy.nodes().length, fixed);
  if (layout) runLayout(cy, layout, () => finish('expanded', true, laidOut));
  else finish('expanded', true, laidOut);
  return 'expanded';
}

function withKnownPosition(element: AtlasElement, picture: Picture): AtlasElement & { position?: Position } {
  if (!isNode(element)) return element;
  const position = positionOf(picture, element.data.id);
  return position ? { ...element, position: { ...position } } : element;
}

/** Seeds the nodes the picture does not know next to their anchors and lays out only them. */
function placeUnknown(
  cy: cytoscape.Core,
  known: cytoscape.NodeCollection,
  unknown: cytoscape.NodeCollection,
  picture: Picture,
  finish: (outcome: SyncOutcome, fit: boolean, laidOut: ReadonlySet<string>) => void,
): void {
  placeAround(cy, known, unknown, () => {
    if (picture.viewport) cy.viewport(viewportToPan(picture.viewport, cy.width(), cy.height()));
    finish('expanded', picture.viewport === null, new Set(unknown.map((node) => node.id())));
  });
}

/** Seeds `unknown` next to their anchors (or around the centre of `known`) and lays out only them, then `done`. */
function placeAround(
  cy: cytoscape.Core,
  known: cytoscape.NodeCollection,
  unknown: cytoscape.NodeCollection,
  done: () => void,
): void {
  const centre = centroid(known.map((node) => ({ ...node.position() })));
  // Only placed nodes anchor others (as in an expansion, where an anchor added with them is not drawn yet).
  const placed = new Set(known.map((node) => node.id()));
  const seeds = seedsFor(
    cy,
    unknown.map((node) => ({ group: 'nodes', data: node.data() }) as AtlasNode),
    centre,
    placed,
  );
  cy.batch(() => {
    unknown.forEach((node) => {
      node.position(seeds.get(node.id()) ?? centre);
    });
  });
  const fixed = known.map((node) => ({ id: node.id(), position: { ...node.position() } }));
  const layout = expansionLayout(cy.nodes().length, fixed);
  if (layout) runLayout(cy, layout, done);
  else done();
}

/** Screen px from the top of the graph within which a marked element must start to count as covering it. */
const TOP_REACH = 100;

/**
 * How far down from the top of the graph what is drawn over it reaches: the page's elements marked
 * `data-over-graph="top"` beside the graph's container (the list button, the toolbar, the pathway card) that
 * start near its top (TOP_REACH: the pathway's sheet at the bottom of a phone's screen does not count), in
 * screen px; 0 for a graph without a container (headless).
 */
export function coveredTop(container: HTMLElement | null): number {
  if (!container) return 0;
  const area = container.getBoundingClientRect();
  let bottom = 0;
  container.parentElement?.querySelectorAll('[data-over-graph="top"]').forEach((element) => {
    const box = element.getBoundingClientRect();
    if (box.height > 0 && box.top - area.top <= TOP_REACH) bottom = Math.max(bottom, box.bottom - area.top);
  });
  return Math.min(bottom, area.height);
}

/**
 * How far up from the bottom of the graph what is drawn over it reaches: the page's elements marked
 * `data-over-graph="bottom"` (a phone's details sheet, while it is drawn over the graph rather than below
 * it) that overlap the graph's container, in screen px; 0 for a graph without a container (headless).
 */
export function coveredBottom(container: HTMLElement | null): number {
  if (!container) return 0;
  const area = container.getBoundingClientRect();
  let top = area.bottom;
  container.ownerDocument.querySelectorAll('[data-over-graph="bottom"]').forEach((element) => {
    const box = element.getBoundingClientRect();
    const over = box.height > 0 && box.top < area.bottom && box.bottom > area.top;
    if (over && box.left < area.right && box.right > area.left) top = Math.min(top, box.top);
  });
  return Math.min(area.bottom - top, area.height);
}

/** A fit worked out for the current nodes: the viewport and the names the label layer draws there. */
interface PlannedFit {
  viewport: { zoom: number; pan: Position };
  /** The plan made for exactly that viewport, when the last one tried was it (see fitViewportWithNames). */
  plan?: LabelPlan;
  /** The drawn nodes as the label layer ranked them for it. */
  candidates: readonly LabelCandidate[];
}

/** The fit fitToView applies (fitViewportWithNames), without touching the graph; null when there is no room. */
function planFit(cy: cytoscape.Core, corner: Size): PlannedFit | null {
  // The container may have changed size since Cytoscape last measured it (a phone's details sheet going
  // half-way over the graph makes the graph taller) before the ResizeObserver tells it (GraphView): a fit
  // for the old size would leave part of the graph under the sheet.
  if (cy.container()) cy.resize();
  const drawn = cy.elements().filter((element) => element.style('display') !== 'none');
  const view = { width: cy.width(), height: cy.height() };
  if (drawn.empty() || view.width <= 0 || view.height <= 0) return null;
  const candidates = labelCandidates(cy);
  const planned: { viewport?: { zoom: number; pan: Position }; plan?: LabelPlan } = {};
  const viewport = fitViewportWithNames(
    // Without the names drawn now: they were placed for another zoom.
    drawn.boundingBox({ includeLabels: false }),
    view,
    { corner, top: coveredTop(cy.container()), bottom: coveredBottom(cy.container()) },
    (tried) => {
      const bounds = viewportExtent(tried, view);
      const plan = planLabels({ zoom: tried.zoom, width: view.width, bounds }, candidates);
      planned.viewport = tried;
      planned.plan = plan;
      return plan.extent;
    },
    nameOverhang(view.width),
  );
  if (!viewport) return null;
  return planned.plan && planned.viewport === viewport
    ? { viewport, plan: planned.plan, candidates }
    : { viewport, candidates };
}

/**
 * Shows the whole graph with every name drawn whole, below the controls along the top of the view
 * (coveredTop), above a sheet drawn over its bottom (coveredBottom) and clear of the part of the view covered
 * by `corner` at the bottom left (the legend), and
 * places the names for the new view. Names are the label layer's (graph/labelLayer.ts): their
 * size in model units and which of them show depend on the zoom, so the fit asks the layer which names it
 * would draw at each zoom tried (fitViewportWithNames) and then applies exactly those.
 */
export function fitToView(cy: cytoscape.Core, corner: Size = NO_CORNER): void {
  applyFit(cy, planFit(cy, corner));
}

/** Moves the view to a planned fit and places the names for it. */
function applyFit(cy: cytoscape.Core, fit: PlannedFit | null): void {
  // Nothing to fit, or no room to fit it in: the names are still placed (callers leave them to the fit).
  if (!fit) {
    updateLabels(cy);
    return;
  }
  cy.viewport(fit.viewport);
  // The names last placed were for this very view (Cytoscape's extent() is then what viewportExtent gave).
  if (fit.plan) applyLabels(cy, fit.plan);
  else updateLabels(cy);
}

/** Rounds of making room for the names that must show (one usually does it). */
const ROOM_ROUNDS = 3;

/**
 * fitToView after a layout. While the fit would leave the chosen organisation or the selection (MUST_NAME)
 * unnamed because other nodes' bodies take every place beside it, the nodes in the way first move aside
 * (graph/nameRoom.ts): those just laid out (`laidOut`; 'all' after a fresh layout) when that is enough, else
 * the fewest drawn before; at the font size of the fit's zoom. Each round fits again, since moved nodes can
 * change the zoom and with it the names' size. When the names show, this costs nothing beyond the fit.
 */
function fitAfterLayout(cy: cytoscape.Core, corner: Size, laidOut: LaidOut): void {
  let fit = planFit(cy, corner);
  const must = new Set(
    cy
      .nodes(MUST_NAME)
      .filter((node) => node.style('display') !== 'none')
      .map((node) => node.id()),
  );
  for (let round = 0; round < ROOM_ROUNDS && fit?.plan; round++) {
    if (!fit.plan.choices.some((choice) => must.has(choice.id) && choice.text === '')) break;
    const { nodes, room } = labelInput({ zoom: fit.viewport.zoom, width: cy.width() }, fit.candidates);
    // Most important first, as the label layer places them (the candidates are ranked).
    const names = nodes.filter((node) => must.has(node.id) && node.text !== '');
    const moves = roomForNames(nodes, names, laidOut, { ...LABEL_OPTIONS, ...(room ? { room } : {}) });
    if (moves.size === 0) break;
    cy.batch(() => {
      for (const [id, position] of moves) cy.getElementById(id).position(position);
    });
    fit = planFit(cy, corner);
  }
  applyFit(cy, fit);
}

/**
 * Runs a layout of `target` (the whole graph, or some of its elements) with seeded randomness: the same
 * graph is laid out the same way every time.
 */
export function runLayout(
  target: cytoscape.Core | cytoscape.Collection,
  options: cytoscape.LayoutOptions,
  then: () => void,
): void {
  const layout = target.layout(options);
  layout.one('layoutstop', then);
  withSeededRandom(target.nodes().length, () => layout.run());
}

/** Seeds next to each node's anchor, when it is drawn (and, with `placed`, among those); else around `centre`. */
function seedsFor(
  cy: cytoscape.Core,
  nodes: readonly AtlasNode[],
  centre: Position,
  placed?: ReadonlySet<string>,
): Map<string, Position> {
  const byAnchor = new Map<string, AtlasNode[]>();
  for (const node of nodes) {
    const anchor = node.data.anchor ?? '';
    byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), node]);
  }
  const seeds = new Map<string, Position>();
  for (const [anchor, group] of byAnchor) {
    const anchorNode =
      anchor === '' || (placed !== undefined && !placed.has(anchor))
        ? cy.collection()
        : cy.getElementById(anchor);
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
