// Layouts: fcose and the layout of big scenes (graph/bigLayout.ts) registered here and only here, their options
// for a fresh view and for an expansion, and the seed positions that put expanded nodes next to the node they
// came from.
import type cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { BIG_LAYOUT_DEFAULTS, bigLayout, type BigLayoutSettings } from './bigLayout.ts';
import type { Box } from './labels.ts';
import { seededRandom } from './random.ts';

/** Above this many nodes fcose runs in 'draft' quality (spectral only): the full force pass takes seconds. */
export const DRAFT_ABOVE = 300;
/**
 * Above this many nodes a fresh view is laid out by graph/bigLayout.ts (the same spectral placement as fcose's
 * draft, over typed arrays): fcose's draft spends most of its time finding components with Cytoscape
 * collections, over a second at 5,000 nodes. Up to it, fcose exactly as before.
 */
export const BIG_LAYOUT_ABOVE = 1000;
/** The name the layout of big scenes is registered under. */
export const BIG_LAYOUT = 'atlas-big';
/** Px kept free around the graph when fitting it to the view. */
export const FIT_PADDING = 40;
/** Fitting never zooms in further than this: a handful of nodes should not fill a big screen. */
export const MAX_FIT_ZOOM = 1.2;
export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 3;

export interface Position {
  x: number;
  y: number;
}

/** The fcose options used here; defaults documented in cytoscape-fcose's README. */
export interface FcoseOptions extends cytoscape.BaseLayoutOptions {
  name: 'fcose';
  quality: 'draft' | 'default' | 'proof';
  randomize: boolean;
  animate: boolean;
  /** Off: the view fits itself afterwards, around what covers the graph (see fitViewport). */
  fit: boolean;
  padding: number;
  /** Off: names are chosen after the layout (graph/labels.ts), which keeps them clear of other nodes. */
  nodeDimensionsIncludeLabels: boolean;
  /** Spacing: longer edges and more repulsion than the defaults leave room for labels under the nodes. */
  idealEdgeLength: number;
  nodeRepulsion: number;
  nodeSeparation: number;
  fixedNodeConstraint?: { nodeId: string; position: Position }[];
}

/** The options of the layout of big scenes (graph/bigLayout.ts). */
export interface BigLayoutOptions extends cytoscape.BaseLayoutOptions, BigLayoutSettings {
  name: typeof BIG_LAYOUT;
}

const registered = new WeakSet<typeof cytoscape>();

/** Registers the layouts the client uses with this Cytoscape; safe to call more than once. */
export function registerLayouts(cy: typeof cytoscape): void {
  if (registered.has(cy)) return;
  cy.use(fcose);
  (cy as unknown as (type: 'layout', name: string, layout: unknown) => void)('layout', BIG_LAYOUT, BigLayout);
  registered.add(cy);
}

interface BigLayoutInstance {
  options: BigLayoutOptions & { eles: cytoscape.Collection };
}

/**
 * A Cytoscape layout (constructor and run, as the extension API wants): the node and tie indexes go to
 * bigLayout, the positions come back in one batch through layoutPositions, which fires layoutstart, layoutready
 * and layoutstop like Cytoscape's own layouts.
 */
function BigLayout(this: BigLayoutInstance, options: BigLayoutInstance['options']): void {
  this.options = options;
}
BigLayout.prototype.run = function run(this: BigLayoutInstance) {
  const { eles } = this.options;
  const nodes = eles.nodes();
  const index = new Map<string, number>();
  nodes.forEach((node, i) => {
    index.set(node.id(), i);
  });
  const ends: number[] = [];
  eles.edges().forEach((edge) => {
    const source = index.get(edge.data('source') as string);
    const target = index.get(edge.data('target') as string);
    if (source !== undefined && target !== undefined) ends.push(source, target);
  });
  const count = ends.length / 2;
  const sources = new Int32Array(count);
  const targets = new Int32Array(count);
  for (let e = 0; e < count; e++) {
    sources[e] = ends[2 * e]!;
    targets[e] = ends[2 * e + 1]!;
  }
  const positions = bigLayout({ nodeCount: nodes.length, sources, targets }, this.options);
  nodes.layoutPositions(
    // @types/cytoscape types the first argument as a string; Cytoscape takes the layout (it emits the events on it).
    this as unknown as string,
    { ...this.options, fit: false, animate: false } as cytoscape.LayoutPositionOptions,
    (_node: cytoscape.NodeSingular, i: number) => ({ x: positions[2 * i]!, y: positions[2 * i + 1]! }),
  );
  return this;
};
BigLayout.prototype.stop = function stop(this: BigLayoutInstance) {
  return this;
};

/** Spacing: longer edges and more repulsion than fcose's defaults leave room for names between nodes. */
const SPACING = {
  idealEdgeLength: 110,
  nodeRepulsion: 9000,
  nodeSeparation: 110,
  nodeDimensionsIncludeLabels: false,
} as const;

/**
 * A full layout of a freshly loaded view. Never animated: the first picture should be the final one. Above
 * BIG_LAYOUT_ABOVE nodes, the layout of big scenes, seeded by the node count (runLayout seeds fcose the same way).
 */
export function fullLayout(nodeCount: number): FcoseOptions | BigLayoutOptions {
  if (nodeCount > BIG_LAYOUT_ABOVE) {
    return {
      name: BIG_LAYOUT,
      ...BIG_LAYOUT_DEFAULTS,
      edgeLength: SPACING.idealEdgeLength,
      seed: nodeCount,
    };
  }
  return {
    name: 'fcose',
    quality: nodeCount > DRAFT_ABOVE ? 'draft' : 'default',
    randomize: true,
    animate: false,
    fit: false,
    padding: FIT_PADDING,
    ...SPACING,
  };
}

/**
 * After an expansion: existing nodes stay where they are (fixed constraints) and only the new ones, starting
 * from their seed positions, are moved by the forces. Null above DRAFT_ABOVE nodes: the seeds are kept as they are.
 */
export function expansionLayout(
  nodeCount: number,
  fixed: readonly { id: string; position: Position }[],
): FcoseOptions | null {
  if (nodeCount > DRAFT_ABOVE) return null;
  return {
    name: 'fcose',
    quality: 'default',
    randomize: false,
    animate: false,
    fit: false,
    padding: FIT_PADDING,
    ...SPACING,
    fixedNodeConstraint: fixed.map(({ id, position }) => ({ nodeId: id, position: { ...position } })),
  };
}

/**
 * Runs `work` with Math.random seeded, so fcose (which draws its random samples from Math.random) lays the
 * same graph out the same way every time: reopening an organisation gives the picture seen before.
 * fcose runs synchronously when not animated, so nothing else draws from the seeded generator.
 */
export function withSeededRandom<T>(seed: number, work: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(seed);
  try {
    return work();
  } finally {
    Math.random = original;
  }
}

/**
 * Positions for `count` new nodes around `anchor`: a fan opening away from `awayFrom` (the centre of what is
 * already shown), widening to full rings when there are many, so new nodes land in the emptier side.
 */
export function seedPositions(anchor: Position, count: number, awayFrom: Position, radius = 120): Position[] {
  const dx = anchor.x - awayFrom.x;
  const dy = anchor.y - awayFrom.y;
  const outward = dx === 0 && dy === 0 ? -Math.PI / 2 : Math.atan2(dy, dx);
  const positions: Position[] = [];
  const perRing = 12;
  for (let i = 0; i < count; i++) {
    const ring = Math.floor(i / perRing);
    const inRing = Math.min(perRing, count - ring * perRing);
    // A half circle for a few nodes, a full one when the ring is full.
    const spread = inRing >= perRing ? 2 * Math.PI : Math.PI;
    const step = inRing > 1 ? spread / (spread === 2 * Math.PI ? inRing : inRing - 1) : 0;
    const start = outward - (inRing > 1 && spread < 2 * Math.PI ? spread / 2 : 0);
    const angle = start + step * (i % perRing);
    const r = radius * (1 + ring * 0.8);
    positions.push({ x: anchor.x + r * Math.cos(angle), y: anchor.y + r * Math.sin(angle) });
  }
  return positions;
}

export function centroid(positions: readonly Position[]): Position {
  if (positions.length === 0) return { x: 0, y: 0 };
  let x = 0;
  let y = 0;
  for (const p of positions) {
    x += p.x;
    y += p.y;
  }
  return { x: x / positions.length, y: y / positions.length };
}

export interface Size {
  width: number;
  height: number;
}

export interface BoundingBox {
  x1: number;
  y1: number;
  w: number;
  h: number;
}

/** Screen px to keep free on each side of a box when fitting it, beyond the padding (room for names). */
export interface Margins {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const NO_MARGINS: Margins = { left: 0, right: 0, top: 0, bottom: 0 };

/**
 * What covers the view: a card in its bottom-left corner (the legend), a band along its top (the toolbars) and
 * one along its bottom (a phone's details sheet drawn over the graph).
 */
export interface Covered {
  corner: Size;
  /** Screen px from the top of the view down to the bottom of the controls there. */
  top: number;
  /** Screen px from the bottom of the view up to the top of what covers it there; none when absent. */
  bottom?: number;
}

export const NOTHING_COVERED: Covered = { corner: { width: 0, height: 0 }, top: 0 };

/**
 * Screen px, within the padding, that an area must have each way for the graph to be fitted into it: a thin
 * strip left beside what covers the view would draw the graph as a few dots.
 */
export const MIN_FIT_AREA = 120;

/**
 * The zoom and pan that show `box` (model coordinates) in a `view` partly covered by `covered`: the graph goes
 * between the bands along the top and the bottom, and either above the corner card or to its right, whichever
 * shows it larger (when neither leaves MIN_FIT_AREA, between the bands over the corner card; failing that, as
 * if there were no band along the bottom; failing that, the whole view).
 * `margins` keeps that many more screen px free on each side of the box (the names at the edge of the graph).
 * Null when the view has no room at all (e.g. not laid out yet).
 */
export function fitViewport(
  box: BoundingBox,
  view: Size,
  covered: Covered = NOTHING_COVERED,
  padding = FIT_PADDING,
  margins: Margins = NO_MARGINS,
): { zoom: number; pan: Position } | null {
  const areas = (insets: { left: number; top: number; bottom: number }[]) =>
    insets
      .map(({ left, top, bottom }) => ({
        left,
        top,
        width: view.width - left - 2 * padding,
        height: view.height - top - bottom - 2 * padding,
      }))
      .filter((area) => area.width > 0 && area.height > 0);
  const { corner, top } = covered;
  const sheet = covered.bottom ?? 0;
  const roomy = (list: ReturnType<typeof areas>) =>
    list.filter((area) => area.width >= MIN_FIT_AREA && area.height >= MIN_FIT_AREA);
  // Clear of everything when that leaves room (a corner card under the sheet is no longer in the way); else
  // between the bands only (the graph goes under the corner card, which folds). A sheet that leaves no room
  // (drawn open over nearly all the graph) is then ignored. Failing all, the whole view (a tiny view, or a
  // band reaching nearly to the bottom).
  const tiers = (bottom: number) => [
    roomy(
      areas([
        { left: 0, top, bottom: Math.max(corner.height, bottom) },
        { left: corner.width, top, bottom },
      ]),
    ),
    roomy(areas([{ left: 0, top, bottom }])),
  ];
  const candidates =
    [...tiers(sheet), ...(sheet > 0 ? tiers(0) : [])].find((list) => list.length > 0) ??
    areas([{ left: 0, top: 0, bottom: 0 }]);
  let best: { zoom: number; pan: Position } | null = null;
  for (const area of candidates) {
    // What is left for the box itself once the margins are kept free (at least a pixel).
    const width = Math.max(1, area.width - margins.left - margins.right);
    const height = Math.max(1, area.height - margins.top - margins.bottom);
    const zoom = Math.max(
      MIN_ZOOM,
      Math.min(MAX_FIT_ZOOM, box.w > 0 ? width / box.w : Infinity, box.h > 0 ? height / box.h : Infinity),
    );
    if (best !== null && zoom <= best.zoom) continue;
    const centre = {
      x: area.left + padding + margins.left + width / 2,
      y: area.top + padding + margins.top + height / 2,
    };
    best = {
      zoom,
      pan: { x: centre.x - (box.x1 + box.w / 2) * zoom, y: centre.y - (box.y1 + box.h / 2) * zoom },
    };
  }
  return best;
}

/** The visible area of `view` at `viewport`, model coordinates (what Cytoscape's extent() then gives). */
export function viewportExtent(viewport: { zoom: number; pan: Position }, view: Size): Box {
  const { zoom, pan } = viewport;
  return {
    x1: (0 - pan.x) / zoom,
    y1: (0 - pan.y) / zoom,
    x2: (view.width - pan.x) / zoom,
    y2: (view.height - pan.y) / zoom,
  };
}

/** At most this many placements of the names per fit (one or two are usual: see fitViewportWithNames). */
export const FIT_ROUNDS = 5;
/** Screen px kept between a name and the edge of the view: names may use the rest of FIT_PADDING. */
export const NAME_AIR = 8;

/**
 * fitViewport for `box` (the drawn nodes and ties) and the names drawn next to them. Names keep about the same
 * size on screen whatever the zoom, and which names are drawn, and on which side, depends on the zoom too:
 * `names(viewport)` gives the box the names cover when drawn at that viewport (model coordinates), or null
 * when none is. Names may reach into the padding up to NAME_AIR px from the edge. So each round fits the box
 * keeping free, on each side, what the names of the previous round needed beyond the padding, and asks for the
 * names at that fit; it ends when they fit. The margins only grow; as names stick out by about the same
 * screen px at any zoom, the first or second round usually holds them. Names never stick out by more than
 * `overhang` screen px (graph/labelLayer.ts, nameOverhang): when the rounds are spent, the fit keeps that much
 * free on every side, which always holds them.
 */
export function fitViewportWithNames(
  box: BoundingBox,
  view: Size,
  covered: Covered | undefined,
  names: (viewport: { zoom: number; pan: Position }) => Box | null,
  overhang: number,
): { zoom: number; pan: Position } | null {
  const padding = FIT_PADDING;
  // Screen px a name sticking out by `px` needs beyond the padding.
  const beyond = (px: number) => Math.max(0, px + Math.min(NAME_AIR, padding) - padding);
  let margins = NO_MARGINS;
  let viewport = fitViewport(box, view, covered, padding, margins);
  for (let round = 0; viewport !== null && round < FIT_ROUNDS; round++) {
    const shown = names(viewport);
    if (shown === null) return viewport;
    const { zoom } = viewport;
    // How far the names stick out of the box, in screen px at this zoom, beyond the padding.
    const needed: Margins = {
      left: beyond((box.x1 - shown.x1) * zoom),
      right: beyond((shown.x2 - box.x1 - box.w) * zoom),
      top: beyond((box.y1 - shown.y1) * zoom),
      bottom: beyond((shown.y2 - box.y1 - box.h) * zoom),
    };
    const slack = 0.5;
    if (
      needed.left <= margins.left + slack &&
      needed.right <= margins.right + slack &&
      needed.top <= margins.top + slack &&
      needed.bottom <= margins.bottom + slack
    ) {
      return viewport;
    }
    if (zoom <= MIN_ZOOM) return viewport;
    margins = {
      left: Math.max(margins.left, needed.left),
      right: Math.max(margins.right, needed.right),
      top: Math.max(margins.top, needed.top),
      bottom: Math.max(margins.bottom, needed.bottom),
    };
    viewport = fitViewport(box, view, covered, padding, margins);
  }
  // Rounds spent: names never stick out by more than `overhang`, so that much room on every side holds them.
  const all = Math.max(beyond(overhang), margins.left, margins.right, margins.top, margins.bottom);
  return fitViewport(box, view, covered, padding, { left: all, right: all, top: all, bottom: all });
}
