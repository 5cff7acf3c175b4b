// Applies graph/labels.ts to a Cytoscape instance: names keep about the same size on screen at any zoom (so
// zooming in makes room for more of them), and each drawn node gets the label text and placement chosen.
import type cytoscape from 'cytoscape';
import { placeLabels, type Box, type LabelChoice, type LabelNode, type Placement } from './labels.ts';
import { FIT_PADDING, NAME_AIR } from './layouts.ts';
import { LABEL_FONT_FAMILY, LABEL_MARGIN } from './style.ts';

/** Font size of names on screen, px (at zoom 1 and below; zoomed in they grow with the graph). */
export const SCREEN_FONT = 11;
/**
 * Names stay within the box of the drawn nodes and some screen px around it (shortened, or left out, when they
 * cannot), so a fit never needs more than that much room for names beyond the nodes (graph/sync.ts, fitToView):
 * the padding the fit keeps anyway (FIT_PADDING less NAME_AIR), so on a phone the graph is as large as its
 * nodes allow; or, when that is more, NAME_OVERHANG_SHARE of the view's width, so that a wide view, which has
 * room to spare beside the graph, keeps the full names at its edge.
 */
export const NAME_OVERHANG_SHARE = 0.08;

/** Screen px by which names may stick out of the nodes' box in a view `width` px wide. */
export function nameOverhang(width: number): number {
  return Math.max(FIT_PADDING - NAME_AIR, NAME_OVERHANG_SHARE * width);
}

/** Names of these nodes are a little larger and bold (see the stylesheet). */
const EMPHASIS = 'node.root, node:selected, node.highlight, node.broker';
/**
 * The nodes whose names must show: the chosen organisation and the selection. After a layout the nodes allowed
 * to move make room for them (graph/nameRoom.ts, graph/sync.ts) where other nodes' bodies leave none.
 */
export const MUST_NAME = 'node.root, node:selected';
/** Above this many drawn nodes, only the most important get a name: placing thousands costs more than it shows. */
export const MAX_LABELLED = 1500;
/**
 * Up to this many nodes, names are placed again after a pan too, so that an emphasised name the edge of the view
 * cut moves inside it; in bigger scenes only a zoom places them again (placing thousands after a pan costs a frame).
 */
export const PLACE_AFTER_PAN_MAX = 1000;

const PLACEMENT_CLASSES: Record<Placement, string> = {
  below: '',
  above: 'label-above',
  right: 'label-right',
  left: 'label-left',
};
const PLACEMENT_CLASS_LIST = Object.values(PLACEMENT_CLASSES).filter((name) => name !== '');

let context: CanvasRenderingContext2D | null | undefined;
const widths = new Map<string, number>();

/** Text width at 100 px, measured once per text and weight with the font the graph draws with. */
export function measureText(text: string, fontSize: number, bold: boolean): number {
  const key = `${bold ? 'b' : 'n'}${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    if (context === undefined) {
      context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    }
    if (context) {
      context.font = `${bold ? 'bold ' : ''}100px ${LABEL_FONT_FAMILY}`;
      width = context.measureText(text).width;
    } else {
      width = text.length * 60; // no canvas (a headless test, or Node): a generous average glyph width
    }
    if (widths.size > 20_000) widths.clear();
    widths.set(key, width);
  }
  return (width * fontSize) / 100;
}

/**
 * Model font size for names at this zoom: SCREEN_FONT px on screen at zoom 1, and below it SCREEN_FONT to
 * 1.4 × SCREEN_FONT, the zoom being taken in steps of a factor √2. A size that followed every zoom would
 * change every name after each settled zoom, and Cytoscape then redraws the whole graph from scratch (its
 * cached layers are thrown away); within a step nothing changes.
 */
export function modelFontSize(zoom: number): number {
  const z = Math.min(1, Math.max(zoom, 0.05));
  return SCREEN_FONT / 2 ** (Math.floor(2 * Math.log2(z) + 1e-9) / 2);
}

/**
 * The top of the zoom step `zoom` is in (steps of a factor √2, 1 among their ends, as modelFontSize takes them
 * below 1): `zoom` itself at the top of one (e.g. at zoom 1), else a little more.
 */
export function roomZoom(zoom: number): number {
  const z = Math.max(zoom, 0.05);
  return 2 ** (Math.ceil(2 * Math.log2(z) - 1e-9) / 2);
}

export interface LabelPriority {
  (node: cytoscape.NodeSingular): number;
}

/** Importance by default: emphasised nodes first, then by degree, nearer the chosen organisation first. */
export const defaultPriority: LabelPriority = (node) => {
  let p = Number(node.data('degree') ?? 0) - Number(node.data('distance') ?? 0) * 0.5;
  if (node.hasClass('root')) p += 1e9;
  if (node.selected()) p += 1e8;
  if (node.hasClass('highlight') || node.hasClass('broker')) p += 1e7;
  if (node.hasClass('path') || node.hasClass('suggestion')) p += 1e6;
  if (node.hasClass('faded')) p -= 1e6;
  return p;
};

/** A drawn node as the label layer sees it: everything but its font size, which follows the zoom. */
export interface LabelCandidate extends Omit<LabelNode, 'fontSize'> {
  /** Emphasised (the chosen organisation, the selection, a highlight): its name is larger and bold. */
  strong: boolean;
}

/**
 * The drawn nodes, most important first, as the label layer places them: the first MAX_LABELLED may get a name,
 * the others only block names with their bodies. Nothing here depends on the zoom, so a fit that places names
 * at several zooms ranks the nodes once.
 */
export function labelCandidates(
  cy: cytoscape.Core,
  priority: LabelPriority = defaultPriority,
): LabelCandidate[] {
  const drawn = cy
    .nodes()
    .filter((node) => node.style('display') !== 'none')
    .nodes();
  const emphasis = new Set(drawn.filter(EMPHASIS).map((node) => node.id()));
  const must = new Set(drawn.filter(MUST_NAME).map((node) => node.id()));
  const ranked = drawn.map((node) => ({ node, priority: priority(node) }));
  ranked.sort((a, b) => b.priority - a.priority);
  return ranked.map(({ node, priority: p }, rank) => {
    const position = node.position();
    const named = rank < MAX_LABELLED;
    const strong = emphasis.has(node.id());
    return {
      id: node.id(),
      x: position.x,
      y: position.y,
      // The border (2–4 px) is drawn outside the body.
      size: Math.max(Number(node.data('size') ?? 30), Number(node.data('badgeWidth') ?? 0)) + 8,
      // Every other drawn node still blocks names: its body counts, with no name of its own.
      // An "and N more" tile writes its count inside itself (graph/style.ts).
      text: named && node.data('role') !== 'more' ? String(node.data('label') ?? '') : '',
      priority: named ? p : -Infinity,
      bold: named && strong,
      strong,
      yields: node.hasClass('faded'),
      ...(named ? { emphasised: strong || node.hasClass('path') } : {}),
      ...(named && must.has(node.id()) ? { mustShow: true } : {}),
    };
  });
}

/**
 * The view names are placed for: the zoom, its width in screen px, and the visible area in model coordinates
 * (none before layout). Where the view is does not change which names show, except emphasised ones.
 */
export interface LabelView {
  zoom: number;
  width: number;
  bounds?: Box;
}

/** What the label layer draws in one view: each drawn node's name and side, and the box the names cover. */
export interface LabelPlan {
  /** Model font size of names (emphasised ones are EMPHASIS_SCALE times larger). */
  fontSize: number;
  choices: LabelChoice[];
  /** Ids of the emphasised nodes. */
  strong: Set<string>;
  /** The box of the names drawn with the room kept around each (model coordinates); null when none is. */
  extent: Box | null;
}

/** How names are measured and spaced (graph/labels.ts's options besides the view's). */
export const LABEL_OPTIONS = { measure: measureText, margin: LABEL_MARGIN, padding: 5 } as const;
/** Emphasised names are this much larger than the others. */
const EMPHASIS_SCALE = 1.15;

/** The drawn nodes as graph/labels.ts places them in `view` (font sizes for its zoom), and the room for names. */
export interface LabelInput {
  nodes: LabelNode[];
  /** Ids of the emphasised nodes. */
  strong: Set<string>;
  /** The nodes' box and nameOverhang screen px around it (model coordinates); undefined without nodes. */
  room?: Box;
}

/** What planLabels places in `view`: the candidates at the zoom's font size, and the room names keep within. */
export function labelInput(view: LabelView, candidates: readonly LabelCandidate[]): LabelInput {
  const base = modelFontSize(view.zoom);
  const nodes: LabelNode[] = [];
  const strong = new Set<string>();
  // The nodes' box and nameOverhang screen px around it: names keep inside it (graph/labels.ts).
  const room = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  for (const { strong: isStrong, ...candidate } of candidates) {
    nodes.push({ ...candidate, fontSize: candidate.bold ? base * EMPHASIS_SCALE : base });
    if (isStrong) strong.add(candidate.id);
    const r = candidate.size / 2;
    room.x1 = Math.min(room.x1, candidate.x - r);
    room.y1 = Math.min(room.y1, candidate.y - r);
    room.x2 = Math.max(room.x2, candidate.x + r);
    room.y2 = Math.max(room.y2, candidate.y + r);
  }
  if (nodes.length === 0) return { nodes, strong };
  // In model units at the top of the zoom's step (steps of √2, as modelFontSize takes them): at most
  // nameOverhang px on screen, and the same room for every zoom within a step, so a zoom inside one moves no
  // name at the edge (a moved name makes Cytoscape redraw the whole graph: slow frames in big scenes).
  const overhang = nameOverhang(view.width) / roomZoom(view.zoom);
  room.x1 -= overhang;
  room.y1 -= overhang;
  room.x2 += overhang;
  room.y2 += overhang;
  return { nodes, strong, room };
}

/** The names the label layer draws in `view`, without touching the graph. */
export function planLabels(view: LabelView, candidates: readonly LabelCandidate[]): LabelPlan {
  const { nodes, strong, room } = labelInput(view, candidates);
  const choices = placeLabels(nodes, {
    ...LABEL_OPTIONS,
    ...(view.bounds ? { bounds: view.bounds } : {}),
    ...(room ? { room } : {}),
  });
  let extent: Box | null = null;
  for (const { box } of choices) {
    if (box === null) continue;
    extent =
      extent === null
        ? box
        : {
            x1: Math.min(extent.x1, box.x1),
            y1: Math.min(extent.y1, box.y1),
            x2: Math.max(extent.x2, box.x2),
            y2: Math.max(extent.y2, box.y2),
          };
  }
  return { fontSize: modelFontSize(view.zoom), choices, strong, extent };
}

/** The visible area of `cy` in model coordinates, or undefined while it has no area (not laid out, headless). */
export function visibleBounds(cy: cytoscape.Core): Box | undefined {
  const { x1, y1, x2, y2, w, h } = cy.extent();
  return w > 0 && h > 0 ? { x1, y1, x2, y2 } : undefined;
}

/** Chooses and applies every drawn node's label for the current zoom. Returns how many got a name. */
export function updateLabels(cy: cytoscape.Core, priority: LabelPriority = defaultPriority): number {
  const bounds = visibleBounds(cy);
  return applyLabels(
    cy,
    planLabels(
      { zoom: cy.zoom(), width: cy.width(), ...(bounds ? { bounds } : {}) },
      labelCandidates(cy, priority),
    ),
  );
}

/** Applies a plan (made for the current view): each node's name, font size and side. Returns how many got a name. */
export function applyLabels(cy: cytoscape.Core, plan: LabelPlan): number {
  const { choices, strong } = plan;
  const base = plan.fontSize;
  let named = 0;
  const touched = cy.collection();
  cy.batch(() => {
    for (const choice of choices) {
      const node = cy.getElementById(choice.id);
      const fontSize = strong.has(choice.id) ? base * EMPHASIS_SCALE : base;
      let changed = false;
      if (node.data('shown') !== choice.text) {
        node.data('shown', choice.text);
        changed = true;
      }
      // The size only matters for a drawn name: below zoom 1 it changes with every zoom, and setting it on
      // the unnamed nodes would restyle and redraw all of them after each settled zoom.
      if ((choice.text !== '' || node.data('fs') === undefined) && node.data('fs') !== fontSize) {
        node.data('fs', fontSize);
        changed = true;
      }
      // Only real changes touch the node: Cytoscape restyles (and redraws from scratch) every node given a
      // class change, even one that changes nothing, which after a zoom was every unlabelled node.
      const wanted = choice.text === '' ? '' : PLACEMENT_CLASSES[choice.placement];
      const current = PLACEMENT_CLASS_LIST.find((name) => node.hasClass(name)) ?? '';
      if (current !== wanted) {
        if (current !== '') node.removeClass(current);
        if (wanted !== '') node.addClass(wanted);
        changed = true;
      }
      if (changed) touched.merge(node);
      if (choice.text !== '') named += 1;
    }
  });
  // Measure the changed names now. Otherwise Cytoscape measures them while drawing the next frame, which
  // marks those nodes and their ties dirty once more, and the cached picture that frame built is thrown away.
  // Without its cache: right after a data change Cytoscape's cached size of the name is the old one (it only
  // learns of the change while measuring), and the bounding box made of it would be kept, so that the name
  // was then drawn clipped to the old name's box (seen after "Fit to view").
  // (@types/cytoscape does not list the useCache option Cytoscape's boundingBox takes.)
  if (touched.nonempty()) touched.boundingBox({ useCache: false } as cytoscape.BoundingBoxOptions);
  const { x, y } = cy.pan();
  placedFor.set(cy, { zoom: cy.zoom(), x, y });
  return named;
}

/**
 * The view (zoom and pan) each graph's names were last placed for. Kept here rather than in cy.scratch():
 * with the core's scratch data set on every placement, the render benchmark's 5,000 nodes spent 44–47 % of
 * the pan-and-zoom time in slow frames, against 3 % this way.
 */
const placedFor = new WeakMap<cytoscape.Core, { zoom: number; x: number; y: number }>();

/**
 * Whether the names drawn were placed for the view `cy` shows now (e.g. by the fit that moved it there), so
 * that placing them again for it would change nothing.
 */
export function labelsPlacedForView(cy: cytoscape.Core): boolean {
  const at = placedFor.get(cy);
  const { x, y } = cy.pan();
  return at !== undefined && at.zoom === cy.zoom() && at.x === x && at.y === y;
}
