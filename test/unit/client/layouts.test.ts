import cytoscape from 'cytoscape';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  isNode,
  mergeNeighbourhood,
  neighbourhoodToElements,
  withExtras,
} from '../../../client/graph/elements.ts';
import type { GraphOrganisation, GraphRelationship } from '../../../client/api/types.ts';
import { BIG_LAYOUT_DEFAULTS, bigLayout, type IndexedGraph } from '../../../client/graph/bigLayout.ts';
import {
  BIG_LAYOUT,
  BIG_LAYOUT_ABOVE,
  centroid,
  DRAFT_ABOVE,
  expansionLayout,
  FIT_PADDING,
  fitViewport,
  FIT_ROUNDS,
  fitViewportWithNames,
  fullLayout,
  MAX_FIT_ZOOM,
  MIN_FIT_AREA,
  MIN_ZOOM,
  NAME_AIR,
  registerLayouts,
  seedPositions,
} from '../../../client/graph/layouts.ts';
import { positionKey } from '../../../client/graph/positions.ts';
import { LARGE_STYLE_ABOVE } from '../../../client/graph/render.ts';
import { buildStylesheet } from '../../../client/graph/style.ts';
import { applyElements } from '../../../client/graph/sync.ts';
import { edge, node, star } from './fixtures.ts';

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.hypot(a.x - b.x, a.y - b.y);

describe('layout options', () => {
  it('use full-quality fcose up to the threshold, draft above it, never animated, fitted by us', () => {
    expect(fullLayout(DRAFT_ABOVE)).toMatchObject({
      name: 'fcose',
      quality: 'default',
      animate: false,
      fit: false,
    });
    expect(fullLayout(DRAFT_ABOVE + 1)).toMatchObject({ name: 'fcose', quality: 'draft', animate: false });
  });

  it('use the layout of big scenes above BIG_LAYOUT_ABOVE nodes only, seeded by the node count', () => {
    expect(fullLayout(BIG_LAYOUT_ABOVE)).toMatchObject({ name: 'fcose', quality: 'draft' });
    expect(fullLayout(BIG_LAYOUT_ABOVE + 1)).toMatchObject({
      name: BIG_LAYOUT,
      seed: BIG_LAYOUT_ABOVE + 1,
      edgeLength: 110,
    });
  });

  it('fix every existing node during an expansion, and skip the force pass on large graphs', () => {
    const fixed = [{ id: 'a', position: { x: 1, y: 2 } }];
    expect(expansionLayout(10, fixed)).toMatchObject({
      randomize: false,
      fixedNodeConstraint: [{ nodeId: 'a', position: { x: 1, y: 2 } }],
    });
    expect(expansionLayout(DRAFT_ABOVE + 1, fixed)).toBeNull();
  });
});

describe('seedPositions', () => {
  it('places new nodes around the anchor, on the side away from the rest of the graph', () => {
    const anchor = { x: 100, y: 0 };
    const seeds = seedPositions(anchor, 5, { x: 0, y: 0 }, 50);
    expect(seeds).toHaveLength(5);
    for (const seed of seeds) {
      expect(distance(seed, anchor)).toBeCloseTo(50);
      expect(seed.x).toBeGreaterThanOrEqual(anchor.x - 1e-9);
    }
    expect(new Set(seeds.map((s) => `${s.x.toFixed(3)},${s.y.toFixed(3)}`)).size).toBe(5);
  });

  it('opens further rings when there are many', () => {
    const seeds = seedPositions({ x: 0, y: 0 }, 30, { x: 0, y: 0 }, 50);
    expect(new Set(seeds.map((s) => `${s.x.toFixed(3)},${s.y.toFixed(3)}`)).size).toBe(30);
    expect(Math.max(...seeds.map((s) => distance(s, { x: 0, y: 0 })))).toBeGreaterThan(50);
  });

  it('centroid is the mean position', () => {
    expect(
      centroid([
        { x: 0, y: 0 },
        { x: 4, y: 2 },
      ]),
    ).toEqual({ x: 2, y: 1 });
    expect(centroid([])).toEqual({ x: 0, y: 0 });
  });
});

describe('fitViewportWithNames', () => {
  const view = { width: 390, height: 539 };
  const box = { x1: 0, y1: 0, w: 600, h: 300 };
  type Viewport = { zoom: number; pan: { x: number; y: number } };
  const onScreen = (fit: Viewport, x: number) => x * fit.zoom + fit.pan.x;

  it('makes room for names that stick out of the box by the same screen px at any zoom', () => {
    // Names 70 px past the box on the right, 10 px on the left (a fixed screen size: more model px zoomed out).
    let asked = 0;
    const names = (fit: Viewport) => {
      asked += 1;
      return { x1: box.x1 - 10 / fit.zoom, y1: 0, x2: box.x1 + box.w + 70 / fit.zoom, y2: 300 };
    };
    const fit = fitViewportWithNames(box, view, undefined, names, 100)!;
    // The names reach into the padding up to NAME_AIR px from the edge, and no further.
    expect(onScreen(fit, box.x1 + box.w) + 70).toBeCloseTo(view.width - NAME_AIR);
    expect(onScreen(fit, box.x1) - 10).toBeGreaterThanOrEqual(NAME_AIR);
    // Not needlessly small: the box gets what the names leave of the view.
    expect(fit.zoom).toBeCloseTo((view.width - FIT_PADDING - (70 + NAME_AIR)) / box.w);
    expect(asked).toBe(2);
  });

  it('is fitViewport when no name sticks out, or none is drawn', () => {
    const plain = fitViewport(box, view)!;
    expect(fitViewportWithNames(box, view, undefined, () => null, 100)).toEqual(plain);
    const within = () => ({ x1: 10, y1: 10, x2: 590, y2: 290 });
    expect(fitViewportWithNames(box, view, undefined, within, 100)).toEqual(plain);
  });

  it('when the names keep moving, still holds them: never more than the overhang they never exceed', () => {
    // Names that jump from side to side, by 35 to 60 px, as the zoom changes.
    let asked = 0;
    const restless = (fit: Viewport) => {
      asked += 1;
      const step = Math.floor(fit.zoom * 1e4);
      const px = 35 + (step % 26);
      return step % 2 === 0
        ? { x1: -px / fit.zoom, y1: 0, x2: 600, y2: 300 }
        : { x1: 0, y1: 0, x2: 600 + px / fit.zoom, y2: 300 };
    };
    const fit = fitViewportWithNames(box, view, undefined, restless, 60)!;
    const names = restless(fit);
    expect(onScreen(fit, names.x1)).toBeGreaterThanOrEqual(NAME_AIR - 1e-6);
    expect(onScreen(fit, names.x2)).toBeLessThanOrEqual(view.width - NAME_AIR + 1e-6);
    expect(fit.zoom).toBeGreaterThan(MIN_ZOOM);
    expect(asked).toBeLessThanOrEqual(FIT_ROUNDS + 1);
  });
});

describe('fitViewport', () => {
  const box = { x1: -100, y1: -50, w: 200, h: 100 };
  const toScreen = (fit: { zoom: number; pan: { x: number; y: number } }, x: number, y: number) => ({
    x: x * fit.zoom + fit.pan.x,
    y: y * fit.zoom + fit.pan.y,
  });

  it('centres the graph in an uncovered view, zoomed to fit within the padding', () => {
    const fit = fitViewport(box, { width: 400 + 2 * FIT_PADDING, height: 400 + 2 * FIT_PADDING })!;
    expect(fit.zoom).toBeCloseTo(Math.min(MAX_FIT_ZOOM, 2));
    expect(toScreen(fit, 0, 0)).toEqual({ x: 200 + FIT_PADDING, y: 200 + FIT_PADDING });
  });

  it('keeps the graph clear of the covered bottom-left corner, above or beside it', () => {
    const view = { width: 1000, height: 700 };
    const legend = (width: number, height: number) => ({ corner: { width, height }, top: 0 });
    const wideLegend = fitViewport({ x1: 0, y1: 0, w: 1000, h: 1000 }, view, legend(700, 180))!;
    const bottom = toScreen(wideLegend, 0, 1000);
    expect(bottom.y).toBeLessThanOrEqual(700 - 180 - FIT_PADDING + 1e-6);

    const tallLegend = fitViewport({ x1: 0, y1: 0, w: 1000, h: 1000 }, view, legend(200, 600))!;
    const left = toScreen(tallLegend, 0, 0);
    expect(left.x).toBeGreaterThanOrEqual(200 + FIT_PADDING - 1e-6);
  });

  it('keeps the graph below the controls along the top, and the names too', () => {
    const view = { width: 1000, height: 700 };
    const tall = { x1: 0, y1: 0, w: 100, h: 1000 };
    const covered = { corner: { width: 0, height: 0 }, top: 50 };
    const fit = fitViewport(tall, view, covered)!;
    // Fitted to the height left below the band, centred in it.
    expect(fit.zoom).toBeCloseTo((700 - 50 - 2 * FIT_PADDING) / 1000);
    expect(toScreen(fit, 0, 0).y).toBeCloseTo(50 + FIT_PADDING);
    expect(toScreen(fit, 0, 1000).y).toBeCloseTo(700 - FIT_PADDING);
    // Names above the top node reach into the padding below the band, never under it.
    const names = (at: { zoom: number }) => ({ x1: 0, y1: -30 / at.zoom, x2: 100, y2: 1000 });
    const named = fitViewportWithNames(tall, view, covered, names, 100)!;
    expect(toScreen(named, 0, 0).y - 30).toBeGreaterThanOrEqual(50 + NAME_AIR - 1e-6);
    // A view the band and the padding leave no room in is fitted whole.
    expect(fitViewport(tall, { width: 1000, height: 120 }, covered)).toEqual(
      fitViewport(tall, { width: 1000, height: 120 }),
    );
  });

  it('fits into the band below the controls, over the corner card, when clear of both leaves only a strip', () => {
    const view = { width: 1000, height: 700 };
    const square = { x1: 0, y1: 0, w: 1000, h: 1000 };
    // Above the card: 700 - 420 - 180 - 2 × padding = 20 px high; beside it: 1000 - 900 - 2 × padding = 20 px wide.
    const strips = { corner: { width: 900, height: 180 }, top: 420 };
    const fit = fitViewport(square, view, strips)!;
    expect(fit.zoom).toBeCloseTo((700 - 420 - 2 * FIT_PADDING) / 1000);
    expect(toScreen(fit, 0, 0).y).toBeCloseTo(420 + FIT_PADDING);
    expect(toScreen(fit, 500, 0).x).toBeCloseTo(500);
    // With room beside the card, that room is used: the card is not covered.
    const beside = fitViewport(square, view, {
      corner: { width: 900 - MIN_FIT_AREA, height: 180 },
      top: 420,
    })!;
    expect(toScreen(beside, 0, 0).x).toBeGreaterThanOrEqual(900 - MIN_FIT_AREA + FIT_PADDING - 1e-6);
    // A band that leaves less than MIN_FIT_AREA below it: the whole view.
    const deep = { corner: { width: 0, height: 0 }, top: 700 - 2 * FIT_PADDING - MIN_FIT_AREA + 1 };
    expect(fitViewport(square, view, deep)).toEqual(fitViewport(square, view));
  });

  it('keeps the graph above a sheet drawn over the bottom of the view, over the corner card it covers', () => {
    const phone = { width: 390, height: 792 };
    const tall = { x1: 0, y1: 0, w: 100, h: 1000 };
    // A half-way sheet 396 px high over a folded legend (its corner card lies under the sheet), controls 50 px.
    const covered = { corner: { width: 110, height: 60 }, top: 50, bottom: 396 };
    const fit = fitViewport(tall, phone, covered)!;
    expect(fit.zoom).toBeCloseTo((792 - 50 - 396 - 2 * FIT_PADDING) / 1000);
    expect(toScreen(fit, 0, 0).y).toBeCloseTo(50 + FIT_PADDING);
    expect(toScreen(fit, 0, 1000).y).toBeCloseTo(792 - 396 - FIT_PADDING);
    // A corner card taller than the sheet still keeps the graph above it, or beside it.
    const card = fitViewport(tall, phone, { ...covered, corner: { width: 110, height: 500 } })!;
    expect(toScreen(card, 0, 1000).y).toBeLessThanOrEqual(792 - 396 + 1e-6);
    // A sheet open over nearly all the graph leaves no room above it: fitted as without it.
    const open = { ...covered, bottom: 700 };
    expect(fitViewport(tall, phone, open)).toEqual(fitViewport(tall, phone, { ...open, bottom: 0 }));
  });

  it('keeps the margins free beside the box, beyond the padding', () => {
    const view = { width: 1000, height: 1000 };
    const margins = { left: 100, right: 20, top: 0, bottom: 0 };
    const fit = fitViewport({ x1: 0, y1: 0, w: 1000, h: 100 }, view, undefined, FIT_PADDING, margins)!;
    expect(fit.zoom).toBeCloseTo((1000 - 2 * FIT_PADDING - 120) / 1000);
    expect(toScreen(fit, 0, 0).x).toBeCloseTo(FIT_PADDING + 100);
    expect(toScreen(fit, 1000, 0).x).toBeCloseTo(1000 - FIT_PADDING - 20);
  });

  it('never zooms in past MAX_FIT_ZOOM, and gives up on a view without room', () => {
    expect(fitViewport({ x1: 0, y1: 0, w: 0, h: 0 }, { width: 800, height: 600 })?.zoom).toBe(MAX_FIT_ZOOM);
    expect(fitViewport(box, { width: 0, height: 0 })).toBeNull();
  });
});

describe('applyElements on a headless Cytoscape', () => {
  beforeAll(() => registerLayouts(cytoscape));
  const create = () =>
    cytoscape({
      headless: true,
      styleEnabled: true,
      style: buildStylesheet() as unknown as cytoscape.StylesheetStyle[],
    });
  const first = neighbourhoodToElements(star('root', ['b', 'c', 'd', 'e']));

  it('lays out a fresh view from scratch', () => {
    const cy = create();
    expect(applyElements(cy, first, { reset: true })).toBe('reset');
    expect(
      cy
        .nodes()
        .map((n) => n.id())
        .sort(),
    ).toEqual(['b', 'c', 'd', 'e', 'root']);
    const positions = cy.nodes().map((n) => `${n.position().x},${n.position().y}`);
    expect(new Set(positions).size).toBe(5);
  });

  it('keeps existing positions on expansion and places new nodes near their anchor', () => {
    const cy = create();
    applyElements(cy, first, { reset: true });
    const before = new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }]));
    const expanded = mergeNeighbourhood(first, star('b', ['root', 'x', 'y', 'z']), { anchorId: 'b' });

    expect(applyElements(cy, expanded, { reset: false })).toBe('expanded');
    for (const [id, position] of before) {
      // Locked nodes stay put; the layout's arithmetic may leave a drift of ~1e-14 px.
      const now = cy.getElementById(id).position();
      expect(now.x).toBeCloseTo(position.x, 6);
      expect(now.y).toBeCloseTo(position.y, 6);
    }
    const anchor = cy.getElementById('b').position();
    const spread = Math.max(...[...before.values()].map((p) => distance(p, before.get('root')!)));
    for (const id of ['x', 'y', 'z']) {
      expect(distance(cy.getElementById(id).position(), anchor)).toBeLessThan(spread * 2);
    }
    expect(cy.edges().map((e) => e.id())).toContain('b-x');
  });

  /** `first` with six organisations added beside 'b' and no tie to anything (partners suggested for their themes). */
  const withLoners = () => {
    const loners = ['s1', 's2', 's3', 's4', 's5', 's6'];
    const organisations = loners.map((id) => node(id)) as unknown as GraphOrganisation[];
    return { loners, elements: withExtras(first, organisations, [], () => 'b') };
  };

  /** The loners are near their anchor (within `reach`) and no node's body overlaps another's. */
  const expectPlacedBeside = (cy: cytoscape.Core, loners: string[], anchorId: string, reach: number) => {
    const anchor = cy.getElementById(anchorId).position();
    const bodies = cy.nodes().map((n) => ({ id: n.id(), box: n.boundingBox({ includeLabels: false }) }));
    for (const id of loners) {
      expect(distance(cy.getElementById(id).position(), anchor), id).toBeLessThan(reach);
      const mine = bodies.find((b) => b.id === id)!.box;
      for (const other of bodies) {
        if (other.id === id) continue;
        const b = other.box;
        const overlap = mine.x1 < b.x2 && mine.x2 > b.x1 && mine.y1 < b.y2 && mine.y2 > b.y1;
        expect(overlap, `${id} overlaps ${other.id}`).toBe(false);
      }
    }
  };

  it('places organisations added without ties next to their anchor, apart, in an expansion', () => {
    const cy = create();
    applyElements(cy, first, { reset: true });
    const { loners, elements } = withLoners();
    expect(applyElements(cy, elements, { reset: false })).toBe('expanded');
    expectPlacedBeside(cy, loners, 'b', 300);
  });

  it('lays out a fresh view as without the organisations added without ties, then places those beside their anchor', () => {
    const alone = create();
    applyElements(alone, first, { reset: true });
    const cy = create();
    const { loners, elements } = withLoners();
    expect(applyElements(cy, elements, { reset: true })).toBe('reset');
    // Not fcose's tiling, which packs nodes without ties in a grid of their own beside the graph.
    expectPlacedBeside(cy, loners, 'b', 300);
    alone.nodes().forEach((n) => {
      expect(cy.getElementById(n.id()).position().x, n.id()).toBeCloseTo(n.position().x, 6);
      expect(cy.getElementById(n.id()).position().y, n.id()).toBeCloseTo(n.position().y, 6);
    });
  });

  it('draws the same picture whether organisations added beside the view come with it or after it', () => {
    // Three partners of b (tied to it) and a path on from s1 (anchored to s1, which is added with it).
    const beside = ['s1', 's2', 's3'].map((id) => node(id)) as unknown as GraphOrganisation[];
    const ties = ['s1', 's2', 's3'].map((id) => ({
      ...edge(`b-${id}`, 'b', id),
      source: { id: 'b' },
      target: { id },
    })) as unknown as GraphRelationship[];
    const extended = withExtras(
      withExtras(first, beside, ties, () => 'b'),
      [node('p1')] as unknown as GraphOrganisation[],
      [
        { ...edge('s1-p1', 's1', 'p1'), source: { id: 's1' }, target: { id: 'p1' } },
      ] as unknown as GraphRelationship[],
      () => 's1',
    );
    const after = create();
    applyElements(after, first, { reset: true });
    applyElements(after, extended, { reset: false });
    const together = create();
    expect(applyElements(together, extended, { reset: true })).toBe('reset');
    after.nodes().forEach((n) => {
      expect(together.getElementById(n.id()).position().x, n.id()).toBeCloseTo(n.position().x, 6);
      expect(together.getElementById(n.id()).position().y, n.id()).toBeCloseTo(n.position().y, 6);
    });
  });

  it('removes what is gone without moving the rest (Back after an expansion)', () => {
    const cy = create();
    applyElements(cy, first, { reset: true });
    const expanded = mergeNeighbourhood(first, star('b', ['x']), { anchorId: 'b' });
    applyElements(cy, expanded, { reset: false });
    const before = new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }]));
    expect(applyElements(cy, first, { reset: false })).toBe('updated');
    expect(cy.getElementById('x').empty()).toBe(true);
    expect(cy.getElementById('root').position().x).toBeCloseTo(before.get('root')!.x, 6);
    expect(cy.getElementById('root').position().y).toBeCloseTo(before.get('root')!.y, 6);
    expect(applyElements(cy, first, { reset: false })).toBe('unchanged');
  });

  it('replaces everything on reset', () => {
    const cy = create();
    applyElements(cy, first, { reset: true });
    applyElements(cy, neighbourhoodToElements(star('other', ['p'])), { reset: true });
    expect(
      cy
        .nodes()
        .map((n) => n.id())
        .sort(),
    ).toEqual(['other', 'p']);
  });

  it('switches to the stylesheet for big scenes before laying one out, and back for a small one', () => {
    const cy = create();
    const leaves = Array.from({ length: LARGE_STYLE_ABOVE / 2 + 1 }, (_, i) => `l${i}`);
    const big = neighbourhoodToElements(star('hub', leaves));
    expect(big.length).toBeGreaterThan(LARGE_STYLE_ABOVE);
    // Every position known, so no layout runs; the stylesheet is chosen all the same.
    const picture = {
      positions: new Map(big.filter(isNode).map((n, i) => [positionKey(n.data.id), { x: i * 40, y: 0 }])),
      viewport: null,
    };
    expect(applyElements(cy, big, { reset: true, picture })).toBe('restored');
    expect(cy.edges().first().style('curve-style')).toBe('haystack');
    expect(cy.edges().first().style('target-arrow-shape')).toBe('none');

    applyElements(cy, first, { reset: true });
    expect(cy.edges().first().style('curve-style')).toBe('bezier');
  });
});

/** `clusters` rings of `size` nodes with a chord each, one tie from each ring to the next, and `isolated` loners. */
function clustered(clusters: number, size: number, isolated: number): IndexedGraph {
  const sources: number[] = [];
  const targets: number[] = [];
  for (let c = 0; c < clusters; c++) {
    const first = c * size;
    for (let i = 0; i < size; i++) {
      sources.push(first + i);
      targets.push(first + ((i + 1) % size));
    }
    sources.push(first);
    targets.push(first + Math.floor(size / 2));
    if (c > 0) {
      sources.push(first);
      targets.push(first - size);
    }
  }
  return {
    nodeCount: clusters * size + isolated,
    sources: Int32Array.from(sources),
    targets: Int32Array.from(targets),
  };
}

const at = (positions: Float64Array, i: number) => ({ x: positions[2 * i]!, y: positions[2 * i + 1]! });

describe('bigLayout', () => {
  const graph = clustered(12, 30, 20);
  const settings = { ...BIG_LAYOUT_DEFAULTS, seed: 7 };

  it('is deterministic for a seed, and places every node at a finite, distinct spot', () => {
    const positions = bigLayout(graph, settings);
    expect(bigLayout(graph, settings)).toEqual(positions);
    expect(positions.every(Number.isFinite)).toBe(true);
    const spots = new Set(
      Array.from(
        { length: graph.nodeCount },
        (_, i) => `${at(positions, i).x.toFixed(2)},${at(positions, i).y.toFixed(2)}`,
      ),
    );
    expect(spots.size).toBe(graph.nodeCount);
  });

  it('keeps tied nodes closer than others, and a cluster closer together than to the rest', () => {
    const positions = bigLayout(graph, settings);
    const connected = 12 * 30;
    let tied = 0;
    for (let e = 0; e < graph.sources.length; e++)
      tied += distance(at(positions, graph.sources[e]!), at(positions, graph.targets[e]!));
    tied /= graph.sources.length;
    let inside = 0;
    let insideCount = 0;
    let across = 0;
    let acrossCount = 0;
    for (let i = 0; i < connected; i += 3) {
      for (let j = i + 1; j < connected; j += 3) {
        const d = distance(at(positions, i), at(positions, j));
        if (Math.floor(i / 30) === Math.floor(j / 30)) {
          inside += d;
          insideCount++;
        } else {
          across += d;
          acrossCount++;
        }
      }
    }
    expect(tied).toBeLessThan(across / acrossCount / 2);
    expect(inside / insideCount).toBeLessThan(across / acrossCount / 2);
  });

  it('packs components apart: no loner inside the bounds of the big component', () => {
    const positions = bigLayout(graph, settings);
    const connected = Array.from({ length: 12 * 30 }, (_, i) => at(positions, i));
    const box = {
      x1: Math.min(...connected.map((p) => p.x)),
      x2: Math.max(...connected.map((p) => p.x)),
      y1: Math.min(...connected.map((p) => p.y)),
      y2: Math.max(...connected.map((p) => p.y)),
    };
    for (let i = 12 * 30; i < graph.nodeCount; i++) {
      const p = at(positions, i);
      expect(p.x >= box.x1 && p.x <= box.x2 && p.y >= box.y1 && p.y <= box.y2).toBe(false);
    }
  });
});

describe('a fresh view above BIG_LAYOUT_ABOVE nodes', () => {
  beforeAll(() => registerLayouts(cytoscape));
  const nodes = BIG_LAYOUT_ABOVE + 50;
  const elements = neighbourhoodToElements({
    nodes: Array.from({ length: nodes }, (_, i) => node(`n${i}`, i === 0 ? 0 : 1)),
    edges: Array.from({ length: nodes - 1 }, (_, i) => edge(`e${i}`, `n${Math.floor(i / 4)}`, `n${i + 1}`)),
  });
  const layOut = () => {
    const cy = cytoscape({ headless: true, styleEnabled: true });
    let outcome: string | null = null;
    let layout: unknown = null;
    cy.on('layoutstop', (event) => {
      layout = (event.layout as { options: { name: string } }).options.name;
    });
    applyElements(cy, elements, { reset: true, done: (o) => (outcome = o) });
    return { cy, outcome, layout };
  };

  it('is laid out by the layout of big scenes, to layoutstop, the same way every time', () => {
    const first = layOut();
    expect(first.outcome).toBe('reset');
    expect(first.layout).toBe(BIG_LAYOUT);
    const positions = first.cy.nodes().map((n) => ({ ...n.position() }));
    expect(new Set(positions.map((p) => `${p.x.toFixed(2)},${p.y.toFixed(2)}`)).size).toBe(nodes);
    expect(
      layOut()
        .cy.nodes()
        .map((n) => ({ ...n.position() })),
    ).toEqual(positions);
  });
});
