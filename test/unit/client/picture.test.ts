// The explorer's pure picture rules: names never over another node or name, the picture in the URL
// fragment, and the classes for filter, suggestions, broker and path.
import { describe, expect, it } from 'vitest';
import { decorate } from '../../../client/graph/decorations.ts';
import { neighbourhoodToElements } from '../../../client/graph/elements.ts';
import {
  labelBox,
  placedLabelBox,
  placeLabels,
  type Box,
  type LabelChoice,
  type LabelNode,
} from '../../../client/graph/labels.ts';
import {
  decodePicture,
  EMPTY_PICTURE,
  encodePicture,
  panToViewport,
  positionOf,
  viewportToPan,
  withFallback,
} from '../../../client/graph/positions.ts';
import { edge, node } from './fixtures.ts';

const measure = (text: string, fontSize: number) => text.length * fontSize * 0.6;
const OPTIONS = { measure, margin: 4, padding: 3 };

function labelled(id: string, x: number, y: number, text: string, priority = 0): LabelNode {
  return { id, x, y, size: 30, text, priority, fontSize: 11, bold: false };
}

/** The boxes of the names placed (as placeLabels measures them with OPTIONS). */
function labelBoxes(
  nodes: readonly LabelNode[],
  choices: readonly LabelChoice[],
): { id: string; box: Box }[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return choices
    .filter((c) => c.text !== '')
    .map((c) => {
      const n = byId.get(c.id)!;
      const width = measure(c.text, n.fontSize) + 6;
      return { id: c.id, box: labelBox(n, c.placement, width, n.fontSize * 1.25 + 6, 1) };
    });
}

const meets = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

describe('placeLabels', () => {
  it('prints no name over another node or name, however crowded', () => {
    const nodes: LabelNode[] = [];
    for (let i = 0; i < 60; i++)
      nodes.push(labelled(`n${i}`, (i % 8) * 45, Math.floor(i / 8) * 40, `Organisation number ${i}`, i));
    const boxes = labelBoxes(nodes, placeLabels(nodes, OPTIONS));
    expect(boxes.length).toBeGreaterThan(5);
    expect(boxes.length).toBeLessThan(60);
    for (const { id, box } of boxes) {
      for (const other of nodes) {
        if (other.id === id) continue;
        const body = { x1: other.x - 15, y1: other.y - 15, x2: other.x + 15, y2: other.y + 15 };
        expect(meets(box, body), `${id}'s name over ${other.id}`).toBe(false);
      }
      for (const other of boxes) if (other.id !== id) expect(meets(box, other.box)).toBe(false);
    }
  });

  it('names the most important node first, and shortens a name before dropping it', () => {
    const crowded = [
      labelled('low', 0, 0, 'A long organisation name here', 1),
      labelled('high', 0, 40, 'The chosen one', 9),
    ];
    const choices = new Map(placeLabels(crowded, OPTIONS).map((c) => [c.id, c]));
    expect(choices.get('high')!.text).toBe('The chosen one');
    const alone = placeLabels(
      [labelled('x', 0, 0, 'Department for Education and Skills of the Realm of Somewhere')],
      OPTIONS,
    );
    expect(alone[0]!.text.endsWith('…')).toBe(true);
  });

  it('lets an emphasised name that fits nowhere else cover stepped-back bodies, never a name or a plain body', () => {
    // A node boxed in on every side, close enough that no placement clears the neighbours' bodies.
    const ring = (yields: boolean): LabelNode[] =>
      [
        [0, -32],
        [0, 32],
        [-32, 0],
        [32, 0],
        [-32, -32],
        [32, -32],
        [-32, 32],
        [32, 32],
      ].map(([x, y], i) => ({ ...labelled(`r${i}`, x!, y!, ''), priority: -Infinity, yields }));
    const centre = (emphasised: boolean): LabelNode => ({
      ...labelled('c', 0, 0, 'Path end', 5),
      emphasised,
    });
    const nameOf = (nodes: LabelNode[]) => placeLabels(nodes, OPTIONS).find((c) => c.id === 'c')!.text;
    expect(nameOf([centre(false), ...ring(true)])).toBe('');
    expect(nameOf([centre(true), ...ring(false)])).toBe('');
    expect(nameOf([centre(true), ...ring(true)])).toBe('Path end');
    // The covered bodies' own names still avoid the emphasised name.
    const named = ring(true).map((n, i) => ({ ...n, text: `Faded ${i}`, priority: 0 }));
    const all = [centre(true), ...named];
    const boxes = labelBoxes(all, placeLabels(all, OPTIONS)).map((b) => b.box);
    for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(meets(a, b)).toBe(false);
  });

  it('places the names that must show (the chosen organisation, the selection) together: the first leaves the second a place', () => {
    // r's first place (below) takes the only place s has (its left): the others are held by bodies.
    const r = { ...labelled('r', 0, 0, 'Chosen', 2), emphasised: true };
    const s = { ...labelled('s', 90, 40, 'Selected one', 1), emphasised: true };
    const around = [
      [90, 80],
      [90, 0],
      [160, 40],
    ].map(([x, y], i) => ({ ...labelled(`b${i}`, x!, y!, ''), priority: -Infinity }));
    const place = (must: boolean) =>
      new Map(
        placeLabels([{ ...r, mustShow: must }, { ...s, mustShow: must }, ...around], OPTIONS).map((c) => [
          c.id,
          c,
        ]),
      );
    const alone = place(false);
    expect(alone.get('r')).toMatchObject({ text: 'Chosen', placement: 'below' });
    expect(alone.get('s')!.text).toBe('');
    const together = place(true);
    expect(together.get('r')).toMatchObject({ text: 'Chosen', placement: 'above' });
    expect(together.get('s')).toMatchObject({ text: 'Selected one', placement: 'left' });
    const nodes = [r, s, ...around];
    const boxes = labelBoxes(nodes, [...together.values()]);
    for (const { id, box } of boxes) {
      for (const other of nodes) {
        const body = { x1: other.x - 15, y1: other.y - 15, x2: other.x + 15, y2: other.y + 15 };
        if (other.id !== id) expect(meets(box, body), `${id}'s name over ${other.id}`).toBe(false);
      }
    }
    expect(meets(boxes[0]!.box, boxes[1]!.box)).toBe(false);
  });

  it('prefers, for an emphasised name, a place inside the visible area to one the edge of the view would cut', () => {
    const bounds = { x1: 0, y1: 0, x2: 400, y2: 300 };
    const choose = (n: LabelNode, withBounds = true) =>
      placeLabels([{ ...n, emphasised: true }], withBounds ? { ...OPTIONS, bounds } : OPTIONS)[0]!;
    // At the bottom edge: below would be cut, so above.
    const bottom = labelled('b', 200, 290, 'Bottom edge');
    expect(choose(bottom, false).placement).toBe('below');
    expect(choose(bottom)).toMatchObject({ text: 'Bottom edge', placement: 'above' });
    // Near the right edge: below (its first choice) would be cut, so the full name goes to the left.
    const right = labelled('r', 380, 280, 'Hadrian Community Partnerships');
    expect(choose(right, false)).toMatchObject({
      text: 'Hadrian Community Partnerships',
      placement: 'below',
    });
    expect(choose(right)).toMatchObject({ text: 'Hadrian Community Partnerships', placement: 'left' });
    // In a narrow view no full name fits inside: the shortened one does.
    const narrow = placeLabels([{ ...right, emphasised: true }], {
      ...OPTIONS,
      bounds: { ...bounds, x1: 250 },
    })[0]!;
    expect(narrow).toMatchObject({ text: 'Hadrian…', placement: 'left' });
    // Names that are not emphasised ignore the view (a zoom or a pan moves none of them).
    expect(placeLabels([bottom], { ...OPTIONS, bounds })[0]!.placement).toBe('below');
    // Nothing fits inside at all (a node half out of view): the name is still printed, as without bounds.
    const out = labelled('o', 399, 299, 'Half out of view');
    expect(choose(out)).toEqual(choose(out, false));
  });
});

describe("placeLabels with room (the nodes' box and a little around it)", () => {
  const room = { x1: 0, y1: 0, x2: 300, y2: 300 };
  const inside = (b: Box) => b.x1 >= room.x1 && b.y1 >= room.y1 && b.x2 <= room.x2 && b.y2 <= room.y2;

  it('keeps every name inside it: pointing inward at the edge of the graph, else shortened, else none', () => {
    // At the right edge, below (its first choice) would stick out: the full name goes to the left.
    const right = labelled('r', 285, 150, 'Hadrian Community Partnerships');
    expect(placeLabels([right], OPTIONS)[0]).toMatchObject({ placement: 'below' });
    expect(placeLabels([right], { ...OPTIONS, room })[0]).toMatchObject({
      text: 'Hadrian Community Partnerships',
      placement: 'left',
    });
    // In a narrow room only the shortened name fits; in a tiny one none, and the node stays unnamed.
    expect(placeLabels([right], { ...OPTIONS, room: { ...room, x1: 150 } })[0]).toMatchObject({
      text: 'Hadrian…',
      placement: 'left',
    });
    expect(placeLabels([right], { ...OPTIONS, room: { ...room, x1: 250 } })[0]!.text).toBe('');
    // An emphasised name too (with the view as bounds, as the label layer gives it).
    const emphasised = { ...right, emphasised: true };
    const bounds = { x1: -1000, y1: -1000, x2: 1000, y2: 1000 };
    expect(placeLabels([emphasised], { ...OPTIONS, bounds, room: { ...room, x1: 250 } })[0]!.text).toBe('');
  });

  it('gives, through placedLabelBox, the box of each name placed, inside the room however crowded', () => {
    const nodes: LabelNode[] = [];
    for (let i = 0; i < 36; i++)
      nodes.push(labelled(`n${i}`, 20 + (i % 6) * 52, 20 + Math.floor(i / 6) * 52, `Organisation ${i}`, i));
    const choices = placeLabels(nodes, { ...OPTIONS, room });
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const named = choices.filter((c) => c.text !== '');
    expect(named.length).toBeGreaterThan(5);
    const boxes = named.map((c) => placedLabelBox(byId.get(c.id)!, c.text, c.placement, OPTIONS));
    for (const box of boxes) expect(inside(box)).toBe(true);
    // The same boxes as placeLabels kept clear of each other.
    for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(meets(a, b)).toBe(false);
  });
});

describe('the picture in the URL fragment', () => {
  it('round-trips positions to a tenth of a pixel and the viewport', () => {
    const nodes = [
      { id: 'org-a', position: { x: 12.34, y: -56.78 } },
      { id: 'https://example.org/org/b?x=1', position: { x: -1000.04, y: 2000.06 } },
    ];
    const fragment = encodePicture(nodes, { zoom: 1.234, centre: { x: 10.5, y: -3.26 } });
    expect(fragment).toMatch(/^v=[^&]+&p=[0-9a-z,.-]+$/);
    const picture = decodePicture(`#${fragment}`);
    expect(positionOf(picture, 'org-a')!.x).toBeCloseTo(12.3, 5);
    expect(positionOf(picture, 'org-a')!.y).toBeCloseTo(-56.8, 5);
    expect(positionOf(picture, 'https://example.org/org/b?x=1')).toEqual({ x: -1000, y: 2000.1 });
    expect(picture.viewport).toEqual({ zoom: 1.234, centre: { x: 10.5, y: -3.3 } });
    expect(positionOf(picture, 'unknown')).toBeUndefined();
  });

  it('keeps the same centre on any window size', () => {
    const viewport = panToViewport(2, { x: 100, y: 50 }, 1440, 900);
    const { zoom, pan } = viewportToPan(viewport, 390, 600);
    expect(zoom).toBe(2);
    expect((195 - pan.x) / zoom).toBeCloseTo(viewport.centre.x, 9);
    expect((300 - pan.y) / zoom).toBeCloseTo(viewport.centre.y, 9);
  });

  it('falls back to the picture a link came with for the nodes the fragment no longer knows', () => {
    // The link knew a, b and c; once the first part of its view (a, b) is drawn, the fragment is rewritten
    // with a moved and c left out, and c must still go where the link had it.
    const arrived = decodePicture(
      encodePicture(
        [
          { id: 'a', position: { x: 1, y: 1 } },
          { id: 'b', position: { x: 2, y: 2 } },
          { id: 'c', position: { x: 3, y: 3 } },
        ],
        { zoom: 1, centre: { x: 0, y: 0 } },
      ),
    );
    const now = decodePicture(
      encodePicture(
        [
          { id: 'a', position: { x: 5, y: 5 } },
          { id: 'b', position: { x: 2, y: 2 } },
        ],
        { zoom: 2, centre: { x: 1, y: 1 } },
      ),
    );
    const picture = withFallback(now, arrived);
    expect(positionOf(picture, 'a')).toEqual({ x: 5, y: 5 });
    expect(positionOf(picture, 'c')).toEqual({ x: 3, y: 3 });
    expect(picture.viewport).toEqual({ zoom: 2, centre: { x: 1, y: 1 } });
    expect(withFallback(EMPTY_PICTURE, arrived).viewport).toEqual(arrived.viewport);
    expect(withFallback(now, EMPTY_PICTURE)).toBe(now);
  });

  it('ignores a malformed fragment', () => {
    expect(decodePicture('#v=zz,!!,1&p=abc&q=1')).toEqual({ positions: new Map(), viewport: null });
  });
});

describe('decorate', () => {
  const elements = neighbourhoodToElements({
    nodes: [node('a', 0), node('b'), node('c'), node('d')],
    edges: [edge('ab', 'a', 'b'), edge('bc', 'b', 'c'), edge('ad', 'a', 'd')],
  });
  const all = new Set(elements.map((e) => e.data.id));

  it('marks what the filter hides, the root and the suggestions', () => {
    const classes = decorate(elements, {
      rootId: 'a',
      selectedId: 'a',
      visible: new Set([...all].filter((id) => id !== 'd' && id !== 'ad')),
      suggestions: new Set(['c']),
      focus: null,
    });
    expect(classes.get('a')).toEqual(['root']);
    expect(classes.get('d')).toEqual(['filtered']);
    expect(classes.get('ad')).toEqual(['filtered', 'incident']);
    expect(classes.get('c')).toEqual(['suggestion']);
  });

  it('highlights a suggestion with its broker and fades the rest', () => {
    const classes = decorate(elements, {
      rootId: 'a',
      selectedId: 'a',
      visible: all,
      suggestions: new Set(['c']),
      focus: { highlight: new Set(['c', 'ab', 'bc']), broker: new Set(['b']), path: new Set() },
    });
    expect(classes.get('b')).toEqual(['broker']);
    expect(classes.get('c')).toEqual(['suggestion', 'highlight']);
    expect(classes.get('d')).toEqual(['faded']);
    expect(classes.get('a')).toEqual(['root']);
  });
});
