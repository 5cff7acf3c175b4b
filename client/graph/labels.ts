// Which node names to print, where and how long, so that no name prints over another node or name: the most
// important nodes choose first (the chosen organisation and the selection, together, so that one does not take
// the other's only place; then what a path or a suggestion shows, then the best connected); each tries its
// full name below, above, right and left of the node, then a shortened name, and otherwise stays unlabelled
// (its tooltip still names it). Names keep within the nodes' box and a little around it (the room), so names
// at the edge of the graph point inward; for an emphasised node, a name inside the visible area is preferred
// to one the edge of the view would cut.
// Pure: tested without a browser.

export type Placement = 'below' | 'above' | 'right' | 'left';

export interface LabelNode {
  id: string;
  /** Centre, model coordinates. */
  x: number;
  y: number;
  /** Diameter of the node body, model px (its border included). */
  size: number;
  text: string;
  /** Higher chooses first. */
  priority: number;
  /** Font size in model px, and whether it is bold (measured as such). */
  fontSize: number;
  bold: boolean;
  /** A stepped-back (faded) node: an emphasised name that fits nowhere else may print over its body. */
  yields?: boolean;
  /** An emphasised node (the chosen one, a path, a suggestion): its name may cover yielding bodies. */
  emphasised?: boolean;
  /**
   * A name that must show (the chosen organisation's, the selection's): these are placed first, together, so
   * that one does not take the only place the other had.
   */
  mustShow?: boolean;
}

export interface LabelChoice {
  id: string;
  /** '' when the node stays unlabelled. */
  text: string;
  placement: Placement;
  /** What the name covers with the room kept around it (placedLabelBox); null when the node stays unlabelled. */
  box: Box | null;
}

export interface LabelOptions {
  /** Width of `text` in model px at `fontSize`. */
  measure: (text: string, fontSize: number, bold: boolean) => number;
  /** Gap between a node and its label, model px. */
  margin: number;
  /** Room kept around a label (its outline and some air), model px. */
  padding: number;
  /** Line height as a multiple of the font size. */
  lineHeight?: number;
  /**
   * The visible area, model coordinates: for an emphasised node, a placement inside it (full name, then
   * shortened) is chosen before one that the edge of the view would cut, used only when nothing fits inside.
   */
  bounds?: Box;
  /**
   * Room for names, model coordinates: usually the box of the nodes' bodies with a little more around it. Every
   * name stays inside it (full, else shortened, else none; an emphasised one, with bounds, inside the view too
   * if it can), so that the names at the edge of the graph point inward and a view fitted to the nodes needs
   * only that little more for them. It never depends on where the view is.
   */
  room?: Box;
}

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Longest name printed in full; longer ones end in "…". */
export const FULL_LABEL_CHARS = 34;
/** A shortened name: whole words up to this many characters, then "…". */
export const SHORT_LABEL_CHARS = 16;

export function truncateLabel(text: string, max: number): string {
  const clean = text.trim().replace(/\s+/g, ' ');
  if (clean.length <= max) return clean;
  let cut = '';
  for (const word of clean.split(' ')) {
    const next = cut === '' ? word : `${cut} ${word}`;
    if (next.length > max - 1) break;
    cut = next;
  }
  if (cut === '') cut = clean.slice(0, max - 1);
  return `${cut.replace(/[\s,.;:–-]+$/, '')}…`;
}

/** The places a name tries, in turn. */
export const PLACEMENTS: readonly Placement[] = ['below', 'above', 'right', 'left'];

/** Box of a label of `width` × `height` placed next to `node`. */
export function labelBox(
  node: LabelNode,
  placement: Placement,
  width: number,
  height: number,
  margin: number,
): Box {
  const r = node.size / 2;
  switch (placement) {
    case 'below':
      return {
        x1: node.x - width / 2,
        x2: node.x + width / 2,
        y1: node.y + r + margin,
        y2: node.y + r + margin + height,
      };
    case 'above':
      return {
        x1: node.x - width / 2,
        x2: node.x + width / 2,
        y1: node.y - r - margin - height,
        y2: node.y - r - margin,
      };
    case 'right':
      return {
        x1: node.x + r + margin,
        x2: node.x + r + margin + width,
        y1: node.y - height / 2,
        y2: node.y + height / 2,
      };
    case 'left':
      return {
        x1: node.x - r - margin - width,
        x2: node.x - r - margin,
        y1: node.y - height / 2,
        y2: node.y + height / 2,
      };
  }
}

/**
 * The box `placeLabels` gives `text` placed next to `node`: the name with the room kept around it (padding),
 * model coordinates. What a name covers when drawn, e.g. for fitting the view around the names shown.
 */
export function placedLabelBox(
  node: LabelNode,
  text: string,
  placement: Placement,
  options: Pick<LabelOptions, 'measure' | 'margin' | 'padding' | 'lineHeight'>,
): Box {
  const pad = options.padding;
  const width = options.measure(text, node.fontSize, node.bold) + 2 * pad;
  const height = node.fontSize * (options.lineHeight ?? 1.25) + 2 * pad;
  return labelBox(node, placement, width, height, options.margin - pad);
}

export const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
export const inside = (a: Box, b: Box) => a.x1 >= b.x1 && a.x2 <= b.x2 && a.y1 >= b.y1 && a.y2 <= b.y2;

/** The texts a name is tried in, in turn: in full (up to FULL_LABEL_CHARS), then shortened if that differs. */
export function labelTexts(text: string): string[] {
  const full = truncateLabel(text, FULL_LABEL_CHARS);
  const short = truncateLabel(text, SHORT_LABEL_CHARS);
  return short === full ? [full] : [full, short];
}

/** A uniform grid over model space: boxes are found by the cells they cover. */
class Grid {
  private readonly cells = new Map<string, { owner: string; box: Box }[]>();
  constructor(private readonly cell: number) {}

  private keys(box: Box): string[] {
    const keys: string[] = [];
    for (let gx = Math.floor(box.x1 / this.cell); gx <= Math.floor(box.x2 / this.cell); gx++) {
      for (let gy = Math.floor(box.y1 / this.cell); gy <= Math.floor(box.y2 / this.cell); gy++)
        keys.push(`${gx}:${gy}`);
    }
    return keys;
  }

  add(owner: string, box: Box): void {
    for (const key of this.keys(box)) {
      const list = this.cells.get(key);
      if (list) list.push({ owner, box });
      else this.cells.set(key, [{ owner, box }]);
    }
  }

  /** Whether `box` meets any box but those of `owner` (and of the owners in `ignored`). */
  hits(box: Box, owner: string, ignored?: ReadonlySet<string>): boolean {
    for (const key of this.keys(box)) {
      for (const other of this.cells.get(key) ?? [])
        if (other.owner !== owner && !ignored?.has(other.owner) && overlaps(box, other.box)) return true;
    }
    return false;
  }
}

/** The areas a name tries in turn (undefined: anywhere), as placeLabels documents. */
function areasFor(node: LabelNode, options: LabelOptions): (Box | undefined)[] {
  const { room, bounds } = options;
  if (!node.emphasised || !bounds) return [room];
  if (!room) return [bounds, undefined];
  const both = {
    x1: Math.max(room.x1, bounds.x1),
    y1: Math.max(room.y1, bounds.y1),
    x2: Math.min(room.x2, bounds.x2),
    y2: Math.min(room.y2, bounds.y2),
  };
  return both.x1 < both.x2 && both.y1 < both.y2 ? [both, room] : [room];
}

/** A place for a node's name, as placeLabels tries them; `ignored`: the yielding bodies it may cover. */
interface Spot {
  text: string;
  placement: Placement;
  box: Box;
  ignored: ReadonlySet<string> | undefined;
}

/** The places `node`'s name tries, in turn, as placeLabels documents (inside the areas; bodies not checked). */
function* spotsFor(node: LabelNode, options: LabelOptions, yielding: ReadonlySet<string>): Generator<Spot> {
  const texts = labelTexts(node.text);
  // An emphasised name that fits nowhere may then cover stepped-back bodies (never a name or another body).
  const passes = node.emphasised && yielding.size > 0 ? [undefined, yielding] : [undefined];
  // An emphasised name, with bounds: first only placements the view shows whole, then (nothing fitted) any
  // (with room: any inside it). Other names ignore the view, so that a zoom or a pan does not move them all
  // (each moved name makes Cytoscape restyle and redraw its node: slow frames in big scenes).
  for (const bounds of areasFor(node, options)) {
    for (const ignored of passes) {
      for (const text of texts) {
        for (const placement of PLACEMENTS) {
          const box = placedLabelBox(node, text, placement, options);
          if (bounds && !inside(box, bounds)) continue;
          yield { text, placement, box, ignored };
        }
      }
    }
  }
}

/**
 * One box from each list, keeping clear of each other: the first such set, lists and boxes taken in turn, or
 * with `better`, the best of all such sets (`better(a, b)`: whether a is better than b). Null when none is.
 */
export function together<T extends { box: Box }>(
  lists: readonly (readonly T[])[],
  better?: (a: readonly T[], b: readonly T[]) => boolean,
): T[] | null {
  let best: T[] | null = null;
  const picked: T[] = [];
  // True to stop: the first set found, when there is no `better` to look further for.
  const search = (i: number): boolean => {
    const list = lists[i];
    if (list === undefined) {
      if (best === null || better?.(picked, best)) best = [...picked];
      return better === undefined;
    }
    for (const item of list) {
      if (picked.some((other) => overlaps(other.box, item.box))) continue;
      picked.push(item);
      if (search(i + 1)) return true;
      picked.pop();
    }
    return false;
  };
  search(0);
  return best;
}

export function placeLabels(nodes: readonly LabelNode[], options: LabelOptions): LabelChoice[] {
  const largest = nodes.reduce((m, n) => Math.max(m, n.fontSize), 1);
  const grid = new Grid(Math.max(largest * 8, 40));
  for (const node of nodes) {
    const r = node.size / 2;
    grid.add(node.id, { x1: node.x - r, y1: node.y - r, x2: node.x + r, y2: node.y + r });
  }
  // Only the bodies of yielding nodes are ignored: their names, placed later, still avoid the rest.
  const yielding = new Set(nodes.filter((n) => n.yields).map((n) => n.id));
  const order = [...nodes].sort(
    (a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const choices = new Map<string, LabelChoice>();
  const keep = (node: LabelNode, { text, placement, box }: Spot) => {
    grid.add(node.id, box);
    choices.set(node.id, { id: node.id, text, placement, box });
  };
  // The names that must show go first and together: where the first one's first free place would leave the
  // next none, the first takes another.
  const must = order.filter((node) => node.mustShow && node.text.trim() !== '');
  if (must.length > 1) {
    const free = must.map((node) =>
      [...spotsFor(node, options, yielding)].filter((spot) => !grid.hits(spot.box, node.id, spot.ignored)),
    );
    together(free)?.forEach((spot, i) => keep(must[i]!, spot));
  }
  for (const node of order) {
    if (choices.has(node.id)) continue;
    for (const spot of spotsFor(node, options, yielding)) {
      if (grid.hits(spot.box, node.id, spot.ignored)) continue;
      keep(node, spot);
      break;
    }
  }
  return order.map(
    (node) => choices.get(node.id) ?? { id: node.id, text: '', placement: 'below', box: null },
  );
}
