// Room for the names that must show (the chosen organisation's and the selection's) after a layout: in a dense
// picture every place beside such a node can hold another node's body, and as no name prints over another node
// (graph/labels.ts) the name was left out. So other nodes are pushed off one place beside each such node, which
// the label layer, placing these names first, then finds free: the nodes just laid out if moving them is
// enough, else the fewest of those drawn before. Pure: tested without a browser.
import {
  inside,
  labelTexts,
  overlaps,
  PLACEMENTS,
  placedLabelBox,
  together,
  type Box,
  type LabelNode,
  type LabelOptions,
  type Placement,
} from './labels.ts';

export interface Body {
  id: string;
  /** Centre, model coordinates. */
  x: number;
  y: number;
  /** Width and height of what the body covers (as LabelNode.size), model px. */
  size: number;
}

export type RoomOptions = Pick<LabelOptions, 'measure' | 'margin' | 'padding' | 'lineHeight' | 'room'>;

/** The nodes a layout has just placed, moved first: all of them (after a fresh layout), or these. */
export type LaidOut = 'all' | ReadonlySet<string>;

/** At most this many further steps for one pushed node to find a spot clear of every other body. */
const MAX_STEPS = 200;

/** The way a body is pushed: never back towards the node the name belongs to. */
type Direction = 'up' | 'down' | 'left' | 'right';
const DIRECTIONS: readonly Direction[] = ['down', 'up', 'right', 'left'];
const TOWARDS_OWNER: Record<Placement, Direction> = {
  below: 'up',
  above: 'down',
  right: 'left',
  left: 'right',
};

interface Option {
  box: Box;
  placement: Placement;
  /** 1 for the shortened name, 0 for the full one. */
  short: number;
  blockers: string[];
  /** How many of the blockers were drawn before the layout (moved only when nothing else does). */
  drawnBefore: number;
  /** How far the blockers move in all, model px. */
  cost: number;
}

/** How good a set of places is, in turn: fewer nodes drawn before moved, fewer shortened names, less moving. */
type Score = [number, number, number];
const scoreOf = (options: readonly Option[]): Score =>
  options.reduce<Score>((s, o) => [s[0] + o.drawnBefore, s[1] + o.short, s[2] + o.cost], [0, 0, 0]);
const lower = (a: Score, b: Score) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
/** Whether a set of places is better than another (Score). */
const better = (a: readonly Option[], b: readonly Option[]) => lower(scoreOf(a), scoreOf(b)) < 0;

/**
 * New positions for some nodes so that each of `names` (most important first; font sizes as the label layer
 * will draw them) has a place beside its node clear of every other body and of the other names: of the places
 * beside each node (below, above, right, left; the full name or the shortened one; inside `roomOptions.room`;
 * never over the body of another of these nodes, which never move), the set that moves the fewest nodes drawn
 * before the layout (not in `laidOut`), then has the fewest shortened names, then moves nodes least (not at
 * all, when the places are free already). When no set holds all the names, the most important ones get room.
 * A pushed node goes straight out of a name's way, to the nearest side but the one towards the name's node,
 * and on past any body or name it would land on. Only moved nodes are in the result.
 */
export function roomForNames(
  bodies: readonly Body[],
  names: readonly LabelNode[],
  laidOut: LaidOut,
  roomOptions: RoomOptions,
): Map<string, { x: number; y: number }> {
  const at = new Map(bodies.map((b) => [b.id, { x: b.x, y: b.y, r: b.size / 2 }]));
  const owners = new Set(names.map((name) => name.id));
  // Moved bodies keep this much clear of a name and of each other (the name's own padding aside).
  const gap = roomOptions.padding;
  const boxOf = (id: string, grow = 0): Box => {
    const b = at.get(id)!;
    return { x1: b.x - b.r - grow, y1: b.y - b.r - grow, x2: b.x + b.r + grow, y2: b.y + b.r + grow };
  };
  const reserved: Box[] = [];
  const moved = new Map<string, { x: number; y: number }>();

  /** How far `id` must go in `direction` for its body to clear `box` by the gap (0: it does already). */
  const shift = (id: string, box: Box, direction: Direction): number => {
    const b = boxOf(id, gap);
    if (!overlaps(b, box)) return 0;
    if (direction === 'down') return box.y2 - b.y1;
    if (direction === 'up') return b.y2 - box.y1;
    if (direction === 'right') return box.x2 - b.x1;
    return b.x2 - box.x1;
  };
  const move = (id: string, direction: Direction, by: number) => {
    const b = at.get(id)!;
    if (direction === 'down') b.y += by;
    else if (direction === 'up') b.y -= by;
    else if (direction === 'right') b.x += by;
    else b.x -= by;
    moved.set(id, { x: b.x, y: b.y });
  };
  /** The nearest way out of `box` for `id`, but towards the name's node. */
  const wayOut = (id: string, box: Box, placement: Placement) =>
    DIRECTIONS.filter((d) => d !== TOWARDS_OWNER[placement])
      .map((direction) => ({ direction, by: shift(id, box, direction) }))
      .reduce((best, next) => (next.by < best.by ? next : best));

  // Every place beside each name's node inside the room and clear of the other names' nodes, with what moving
  // its blockers out of the way costs.
  const lists = names.map((name) => {
    const owner = at.get(name.id);
    if (!owner) return [];
    const node = { ...name, x: owner.x, y: owner.y };
    const options: Option[] = [];
    for (const [index, text] of labelTexts(name.text).entries()) {
      for (const placement of PLACEMENTS) {
        const box = placedLabelBox(node, text, placement, roomOptions);
        if (roomOptions.room && !inside(box, roomOptions.room)) continue;
        const blockers = bodies
          .filter((b) => b.id !== name.id && overlaps(boxOf(b.id), box))
          .map((b) => b.id);
        if (blockers.some((id) => owners.has(id))) continue;
        options.push({
          box,
          placement,
          short: index,
          blockers,
          drawnBefore: laidOut === 'all' ? 0 : blockers.filter((id) => !laidOut.has(id)).length,
          cost: blockers.reduce((sum, id) => sum + wayOut(id, box, placement).by, 0),
        });
      }
    }
    return options;
  });
  // All of them if they can be placed together, else as many as can, the most important first.
  let chosen: Option[] | null = null;
  for (let count = names.length; count > 0 && chosen === null; count--)
    chosen = together(lists.slice(0, count), better);
  if (chosen === null) return moved;
  reserved.push(...chosen.map((option) => option.box));
  for (const { box, placement, blockers } of chosen) {
    for (const id of blockers) {
      const { direction, by } = wayOut(id, box, placement);
      move(id, direction, by);
      // On past whatever it now lands on: another body, or a name given room.
      for (let step = 0; step < MAX_STEPS; step++) {
        const here = boxOf(id, gap);
        const hit =
          reserved.find((r) => overlaps(here, r)) ??
          bodies.map((b) => (b.id === id ? null : boxOf(b.id))).find((box) => box && overlaps(here, box));
        if (!hit) break;
        move(id, direction, shift(id, hit, direction));
      }
    }
  }
  return moved;
}
