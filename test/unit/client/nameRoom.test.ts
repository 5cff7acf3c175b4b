// Room for the names that must show: after a layout, nodes in the way of the chosen organisation's and the
// selection's names are pushed aside (client/graph/nameRoom.ts), so that the label layer names them and still
// prints no name over another node.
import { describe, expect, it } from 'vitest';
import { placedLabelBox, placeLabels, type Box, type LabelNode } from '../../../client/graph/labels.ts';
import { roomForNames, type Body } from '../../../client/graph/nameRoom.ts';

const measure = (text: string, fontSize: number) => text.length * fontSize * 0.6;
const OPTIONS = { measure, margin: 4, padding: 3 };
const SIZE = 30;

function labelled(id: string, x: number, y: number, text: string, priority = 0): LabelNode {
  return { id, x, y, size: SIZE, text, priority, fontSize: 11, bold: false };
}

const meets = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
const bodyOf = (n: Body): Box => ({
  x1: n.x - n.size / 2,
  y1: n.y - n.size / 2,
  x2: n.x + n.size / 2,
  y2: n.y + n.size / 2,
});

/** The nodes with `moves` applied. */
function moved(
  nodes: readonly LabelNode[],
  moves: ReadonlyMap<string, { x: number; y: number }>,
): LabelNode[] {
  return nodes.map((n) => ({ ...n, ...moves.get(n.id) }));
}

/** What placeLabels names, and the names it prints over another node's body or another name. */
function placed(nodes: readonly LabelNode[]): { names: Map<string, string>; clashes: string[] } {
  const choices = placeLabels(nodes, OPTIONS);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const boxes = choices
    .filter((c) => c.text !== '')
    .map((c) => ({ id: c.id, box: placedLabelBox(byId.get(c.id)!, c.text, c.placement, OPTIONS) }));
  const clashes: string[] = [];
  for (const { id, box } of boxes) {
    for (const other of nodes)
      if (other.id !== id && meets(box, bodyOf(other))) clashes.push(`${id} over ${other.id}`);
    for (const other of boxes)
      if (other.id !== id && meets(box, other.box)) clashes.push(`${id} over ${other.id}'s name`);
  }
  return { names: new Map(choices.map((c) => [c.id, c.text])), clashes };
}

/** A node boxed in on every side by a ring of eight, close enough that no place beside it is free. */
function boxedIn(): { centre: LabelNode; ring: LabelNode[] } {
  const centre = { ...labelled('c', 0, 0, 'Chosen Org', 10), mustShow: true, emphasised: true };
  const ring = [
    [0, -40],
    [0, 40],
    [-40, 0],
    [40, 0],
    [-40, -40],
    [40, -40],
    [-40, 40],
    [40, 40],
  ].map(([x, y], i) => labelled(`r${i}`, x!, y!, `Ring ${i}`, i));
  return { centre, ring };
}

describe('roomForNames', () => {
  it('moves nodes out of the way of a name that must show, so that it is printed over no other node', () => {
    const { centre, ring } = boxedIn();
    const nodes = [centre, ...ring];
    expect(placed(nodes).names.get('c'), 'boxed in, unnamed').toBe('');

    const moves = roomForNames(nodes, [centre], 'all', OPTIONS);
    expect(moves.size).toBeGreaterThan(0);
    expect(moves.has('c'), 'the named node stays').toBe(false);
    const after = moved(nodes, moves);
    const { names, clashes } = placed(after);
    expect(names.get('c')).toBe('Chosen Org');
    expect(clashes).toEqual([]);
    // No moved node lands on another.
    for (const id of moves.keys()) {
      const body = bodyOf(after.find((n) => n.id === id)!);
      for (const other of after)
        if (other.id !== id) expect(meets(body, bodyOf(other)), `${id} on ${other.id}`).toBe(false);
    }
  });

  it('moves nothing when the name has a free place already', () => {
    const { centre, ring } = boxedIn();
    const open = ring.filter((n) => n.y <= 0);
    expect(placed([centre, ...open]).names.get('c')).toBe('Chosen Org');
    expect(roomForNames([centre, ...open], [centre], 'all', OPTIONS).size).toBe(0);
  });

  it('moves the nodes just laid out first, and only failing that the fewest drawn before', () => {
    // Each side blocked by one node; only the one below was just laid out.
    const centre = { ...labelled('c', 0, 0, 'Chosen Org', 10), mustShow: true };
    const sides = [
      labelled('new', 0, 30, ''),
      labelled('up', 0, -30, ''),
      labelled('left', -50, 0, ''),
      labelled('right', 50, 0, ''),
    ];
    const nodes = [centre, ...sides];
    expect(placed(nodes).names.get('c')).toBe('');
    const first = roomForNames(nodes, [centre], new Set(['new']), OPTIONS);
    expect([...first.keys()]).toEqual(['new']);
    expect(placed(moved(nodes, first)).names.get('c')).toBe('Chosen Org');

    const none = roomForNames(nodes, [centre], new Set<string>(), OPTIONS);
    expect(none.size).toBe(1);
    const after = placed(moved(nodes, none));
    expect(after.names.get('c')).toBe('Chosen Org');
    expect(after.clashes).toEqual([]);
  });

  it('makes room for the chosen organisation and the selection together, never moving either', () => {
    const { centre, ring } = boxedIn();
    // The selection is one of the ring: the chosen organisation's name may not go over it.
    const selected = { ...ring[1]!, priority: 9, mustShow: true, emphasised: true };
    const nodes = [centre, selected, ...ring.filter((n) => n.id !== selected.id)];
    const moves = roomForNames(nodes, [centre, selected], 'all', OPTIONS);
    expect(moves.has('c')).toBe(false);
    expect(moves.has(selected.id)).toBe(false);
    const { names, clashes } = placed(moved(nodes, moves));
    expect(names.get('c')).toBe('Chosen Org');
    expect(names.get(selected.id)).toBe(selected.text);
    expect(clashes).toEqual([]);
  });

  it('keeps names inside the room: a name that fits only outside it gets none', () => {
    const centre = { ...labelled('c', 0, 0, 'Chosen Org'), mustShow: true };
    const room = { x1: -20, y1: -20, x2: 20, y2: 20 };
    expect(roomForNames([centre, labelled('n', 0, 30, '')], [centre], 'all', { ...OPTIONS, room }).size).toBe(
      0,
    );
  });
});
