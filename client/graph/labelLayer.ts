// Applies graph/labels.ts to a Cytoscape instance: names keep about the same size on screen at any zoom (so
// zooming in makes room for more of them), and each drawn node gets the label text and placement chosen.
import type cytoscape from 'cytoscape';
import { placeLabels, type LabelNode, type Placement } from './labels.ts';
import { LABEL_FONT_FAMILY, LABEL_MARGIN } from './style.ts';

/** Font size of names on screen, px (at zoom 1 and below; zoomed in they grow with the graph). */
export const SCREEN_FONT = 11;
/** Names of these nodes are a little larger and bold (see the stylesheet). */
const EMPHASIS = 'node.root, node:selected, node.highlight, node.broker';
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

/** Chooses and applies every drawn node's label for the current zoom. Returns how many got a name. */
export function updateLabels(cy: cytoscape.Core, priority: LabelPriority = defaultPriority): number {
  const base = modelFontSize(cy.zoom());
  const drawn = cy
    .nodes()
    .filter((node) => node.style('display') !== 'none')
    .nodes();
  const emphasis = new Set(drawn.filter(EMPHASIS).map((node) => node.id()));
  const ranked = drawn.map((node) => ({ node, priority: priority(node) }));
  ranked.sort((a, b) => b.priority - a.priority);
  const labelled = ranked.slice(0, MAX_LABELLED);
  const candidates: LabelNode[] = labelled.map(({ node, priority: p }) => {
    const position = node.position();
    const strong = emphasis.has(node.id());
    return {
      id: node.id(),
      x: position.x,
      y: position.y,
      // The border (2–4 px) is drawn outside the body.
      size: Number(node.data('size') ?? 30) + 8,
      text: String(node.data('label') ?? ''),
      priority: p,
      fontSize: strong ? base * 1.15 : base,
      bold: strong,
      yields: node.hasClass('faded'),
      emphasised: strong || node.hasClass('path'),
    };
  });
  // Every other drawn node still blocks names: its body counts, with no name of its own.
  for (const { node } of ranked.slice(MAX_LABELLED)) {
    const position = node.position();
    candidates.push({
      id: node.id(),
      x: position.x,
      y: position.y,
      size: Number(node.data('size') ?? 30) + 8,
      text: '',
      priority: -Infinity,
      fontSize: base,
      bold: false,
      yields: node.hasClass('faded'),
    });
  }
  // A view not laid out yet (or a headless instance) has no area: no bounds then.
  const { x1, y1, x2, y2, w, h } = cy.extent();
  const choices = placeLabels(candidates, {
    measure: measureText,
    margin: LABEL_MARGIN,
    padding: 5,
    ...(w > 0 && h > 0 ? { bounds: { x1, y1, x2, y2 } } : {}),
  });
  let named = 0;
  const touched = cy.collection();
  cy.batch(() => {
    for (const choice of choices) {
      const node = cy.getElementById(choice.id);
      const fontSize = emphasis.has(choice.id) ? base * 1.15 : base;
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
  if (touched.nonempty()) touched.boundingBox();
  return named;
}
