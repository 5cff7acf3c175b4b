/// <reference lib="dom" />
// The page of the rendering benchmark (test/bench/render.ts bundles it with Vite and drives it in Chromium):
// a deterministic scene shaped like the explorer's (sectors, organisation kinds, tie kinds and trust states of
// the product), drawn either with the explorer's own Cytoscape settings ("ours": the stylesheet, options,
// layout and renderer settings of client/graph) or with plain Cytoscape defaults ("baseline").
import cytoscape from 'cytoscape';
import type { GraphEdge, GraphNode, RelationshipKind, Sector, TrustState } from '../../client/api/types.ts';
import { neighbourhoodToElements } from '../../client/graph/elements.ts';
import { indexHitTests } from '../../client/graph/hitTest.ts';
import { updateLabels } from '../../client/graph/labelLayer.ts';
import { fullLayout, registerLayouts } from '../../client/graph/layouts.ts';
import { seededRandom } from '../../client/graph/random.ts';
import { applyRenderSettings, cytoscapeOptions, renderSettings } from '../../client/graph/render.ts';
import { KIND_STYLES, SECTOR_STYLES } from '../../client/graph/style.ts';
import { fitToView, runLayout } from '../../client/graph/sync.ts';

export type Side = 'ours' | 'baseline';

export interface SceneSize {
  nodes: number;
  edges: number;
  seed: number;
}

export interface LayoutRun {
  /** From starting the layout to its layoutstop event. */
  ms: number;
  /** The layout was stopped at the cap before it finished by itself. */
  capped: boolean;
  layout: string;
}

export interface FrameRecording {
  /** Intervals between consecutive animation frames, ms. */
  frames: number[];
  /** Pan and zoom at the end, to prove the input moved the view. */
  zoomRange: [number, number];
  panned: number;
}

export interface RenderBench {
  scene(size: SceneSize): { nodes: number; edges: number; sectors: Record<string, number> };
  layout(side: Side, capMs: number): Promise<LayoutRun>;
  /** Draws the scene at the positions of the last layout of ours, fitted; resolves after its first frame. */
  show(side: Side): Promise<{ firstFrameMs: number; settings: string }>;
  /** A point of the view with no node under it (where a drag pans instead of moving a node). */
  emptyPoint(): { x: number; y: number };
  /** The instance drawn (for diagnostics from the console). */
  core(): cytoscape.Core | null;
  startRecording(): void;
  stopRecording(): FrameRecording;
}

declare global {
  interface Window {
    renderBench: RenderBench;
  }
}

const ORGANISATION_KINDS: Record<Sector, string[]> = {
  GOVERNMENT: ['council', 'ministry', 'agency'],
  NGO: ['charity', 'foundation', 'association'],
  COMPANY: ['company', 'social enterprise'],
  CIVIC_INNOVATOR: ['civic tech group', 'lab'],
  ACADEMIC: ['university', 'research institute'],
};
/** Mostly imported and sourced ties, some one-sided (dashed) and contested (dotted), as in the demo data. */
const TRUST_WEIGHTS: [TrustState, number][] = [
  ['IMPORTED', 0.4],
  ['SOURCED', 0.25],
  ['CONFIRMED', 0.2],
  ['CLAIMED', 0.1],
  ['DISPUTED', 0.05],
];
const WORDS = ['North', 'River', 'Civic', 'Open', 'Data', 'Future', 'Green', 'Bridge', 'Digital', 'Commons'];

let graph: { nodes: GraphNode[]; edges: GraphEdge[] } = { nodes: [], edges: [] };
let positions = new Map<string, { x: number; y: number }>();
let cy: cytoscape.Core | null = null;
let recording: { frames: number[]; last: number; handle: number; zooms: number[] } | null = null;

function container(): HTMLElement {
  const element = document.getElementById('cy');
  if (!element) throw new Error('the page has no #cy element');
  return element;
}

/**
 * Clusters of 50 (a place and its neighbours): 70 % of the ties inside a cluster, the rest across; ends
 * drawn towards the first members of a cluster, so degrees are skewed as in real networks (a few hubs).
 */
function scene(size: SceneSize) {
  const next = seededRandom(size.seed);
  const sectors = Object.keys(SECTOR_STYLES) as Sector[];
  const kinds = Object.keys(KIND_STYLES) as RelationshipKind[];
  const cluster = 50;
  const clusters = Math.max(1, Math.ceil(size.nodes / cluster));
  const pick = (c: number) => {
    const first = c * cluster;
    const count = Math.min(cluster, size.nodes - first);
    return first + Math.floor(next() ** 2 * count);
  };
  const pairs = new Set<string>();
  const edges: GraphEdge[] = [];
  const degree = new Array<number>(size.nodes).fill(0);
  while (edges.length < size.edges) {
    const a = pick(Math.floor(next() * clusters));
    const b = next() < 0.7 ? pick(Math.floor(a / cluster)) : pick(Math.floor(next() * clusters));
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (a === b || pairs.has(key)) continue;
    pairs.add(key);
    let r = next();
    const trust = TRUST_WEIGHTS.find(([, w]) => (r -= w) < 0)?.[0] ?? 'IMPORTED';
    edges.push({
      id: `r${edges.length}`,
      source: `o${a}`,
      target: `o${b}`,
      kind: kinds[Math.floor(next() * kinds.length)]!,
      trust,
      since: null,
      until: null,
    });
    degree[a]! += 1;
    degree[b]! += 1;
  }
  const count: Record<string, number> = {};
  const nodes: GraphNode[] = degree.map((d, i) => {
    const sector = sectors[Math.floor(next() * sectors.length)]!;
    const options = ORGANISATION_KINDS[sector];
    count[sector] = (count[sector] ?? 0) + 1;
    return {
      id: `o${i}`,
      name: `${WORDS[i % WORDS.length]} ${WORDS[Math.floor(i / WORDS.length) % WORDS.length]} ${options[i % options.length]} ${i}`,
      sector,
      kind: options[i % options.length]!,
      distance: i === 0 ? 0 : 1,
      degree: d,
      organisation: null,
    };
  });
  graph = { nodes, edges };
  positions = new Map();
  return { nodes: nodes.length, edges: edges.length, sectors: count };
}

function fresh(): void {
  cy?.destroy();
  cy = null;
}

function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

/** The explorer's elements (client/graph/elements.ts) for ours; ids and ends only for the baseline. */
function elementsFor(side: Side, withPositions: boolean): cytoscape.ElementDefinition[] {
  if (side === 'ours') {
    return neighbourhoodToElements(graph).map((element) =>
      withPositions && element.group === 'nodes'
        ? { ...element, position: { ...positions.get(element.data.id)! } }
        : element,
    );
  }
  return [
    ...graph.nodes.map((n) => ({
      group: 'nodes' as const,
      data: { id: n.id },
      ...(withPositions ? { position: { ...positions.get(n.id)! } } : {}),
    })),
    ...graph.edges.map((e) => ({
      group: 'edges' as const,
      data: { id: e.id, source: e.source, target: e.target },
    })),
  ];
}

/** Ours: the options GraphView.tsx creates its instance with, and its hit-test index. Baseline: Cytoscape's defaults. */
function create(side: Side): cytoscape.Core {
  fresh();
  if (side === 'ours') {
    registerLayouts(cytoscape);
    cy = cytoscape(cytoscapeOptions(container()));
    indexHitTests(cy);
  } else {
    cy = cytoscape({ container: container() });
  }
  return cy;
}

async function layout(side: Side, capMs: number): Promise<LayoutRun> {
  const core = create(side);
  const elements = elementsFor(side, false);
  // What applyElements (client/graph/sync.ts) does for a freshly opened view: the settings for this size
  // (the stylesheet for big scenes among them) before the elements come in, then the layout.
  if (side === 'ours') applyRenderSettings(core, renderSettings(elements.length));
  core.add(elements);
  await nextFrame();
  const started = performance.now();
  let capped = false;
  const layout = fullLayout(core.nodes().length);
  const name = side === 'ours' ? layout.name : 'cose';
  await new Promise<void>((resolve) => {
    if (side === 'ours') {
      runLayout(core, layout, resolve);
      return;
    }
    // cose with its defaults (animated, so it runs in frames and can be stopped at the cap), one iteration
    // per frame instead of 20 so that it stops close to the cap; the positions it computes are the same.
    const running = core.layout({ name: 'cose', refresh: 1 } as cytoscape.LayoutOptions);
    running.one('layoutstop', () => resolve());
    const timer = window.setTimeout(() => {
      capped = true;
      running.stop();
    }, capMs);
    running.one('layoutstop', () => window.clearTimeout(timer));
    running.run();
  });
  const ms = performance.now() - started;
  if (side === 'ours') {
    positions = new Map(core.nodes().map((node) => [node.id(), { ...node.position() }]));
  }
  return { ms, capped, layout: name };
}

/** Quiet time after the last pan or zoom before GraphView.tsx places names again. */
const SETTLE_MS = 180;

async function show(side: Side): Promise<{ firstFrameMs: number; settings: string }> {
  if (positions.size === 0)
    throw new Error('run a layout of ours first: both sides are drawn at its positions');
  const core = create(side);
  const started = performance.now();
  if (side === 'ours') {
    // What applyElements (client/graph/sync.ts) does with known positions (the settings for this size, then
    // the elements, then fitting), then GraphView.tsx once the nodes are where they belong (names), and names
    // again on every settled zoom.
    const elements = elementsFor('ours', true);
    applyRenderSettings(core, renderSettings(elements.length));
    core.add(elements);
    fitToView(core);
    updateLabels(core);
    let lastZoom = core.zoom();
    let settle: number | undefined;
    core.on('viewport', () => {
      window.clearTimeout(settle);
      settle = window.setTimeout(() => {
        if (core.zoom() !== lastZoom) {
          lastZoom = core.zoom();
          updateLabels(core);
        }
      }, SETTLE_MS);
    });
  } else {
    core.add(elementsFor('baseline', true));
    core.fit();
  }
  await nextFrame();
  await nextFrame();
  const renderer = (
    core as unknown as {
      renderer(): {
        textureOnViewport?: boolean;
        hideEdgesOnViewport?: boolean;
        forcedPixelRatio?: number | null;
      };
    }
  ).renderer();
  const edge = core.edges().first();
  const settings = `textureOnViewport ${String(renderer.textureOnViewport)}, hideEdgesOnViewport ${String(renderer.hideEdgesOnViewport)}, pixelRatio ${renderer.forcedPixelRatio ?? `device (${window.devicePixelRatio})`}, ties ${String(edge.style('curve-style'))}${side === 'ours' ? ` (arrowheads ${core.edges('[kind = "FUNDING"]').first().style('target-arrow-shape') === 'none' ? 'off' : 'on'})` : ''}`;
  return { firstFrameMs: performance.now() - started, settings };
}

function emptyPoint(): { x: number; y: number } {
  const core = cy;
  if (!core) throw new Error('nothing is shown');
  const zoom = core.zoom();
  const pan = core.pan();
  const w = core.width();
  const h = core.height();
  // An occupancy grid of 20 px cells (a few ms for thousands of nodes, so it can run while recording).
  const cell = 20;
  const columns = Math.ceil(w / cell);
  const rows = Math.ceil(h / cell);
  const taken = new Uint8Array(columns * rows);
  core.nodes().forEach((node) => {
    const p = node.position();
    const x = p.x * zoom + pan.x;
    const y = p.y * zoom + pan.y;
    const r = (node.width() / 2 + 6) * zoom + cell;
    if (x + r < 0 || y + r < 0 || x - r > w || y - r > h) return;
    for (
      let cy0 = Math.max(0, Math.floor((y - r) / cell));
      cy0 <= Math.min(rows - 1, (y + r) / cell);
      cy0++
    ) {
      for (
        let cx = Math.max(0, Math.floor((x - r) / cell));
        cx <= Math.min(columns - 1, (x + r) / cell);
        cx++
      ) {
        taken[cy0 * columns + cx] = 1;
      }
    }
  });
  // Nearest the centre first, so the drag that follows stays inside the view.
  let best: { x: number; y: number } | null = null;
  let bestDistance = Infinity;
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      if (taken[row * columns + column]) continue;
      const x = column * cell + cell / 2;
      const y = row * cell + cell / 2;
      const d = Math.hypot(x - w / 2, y - h / 2);
      if (d < bestDistance) {
        bestDistance = d;
        best = { x, y };
      }
    }
  }
  if (!best) throw new Error('no empty point in the view to start a pan from');
  return best;
}

function startRecording(): void {
  const state = { frames: [] as number[], last: performance.now(), handle: 0, zooms: [] as number[] };
  const tick = (now: number) => {
    state.frames.push(now - state.last);
    state.last = now;
    if (cy) state.zooms.push(cy.zoom());
    state.handle = requestAnimationFrame(tick);
  };
  state.handle = requestAnimationFrame(tick);
  recording = state;
}

let panStart: { x: number; y: number } | null = null;

function stopRecording(): FrameRecording {
  if (!recording) throw new Error('not recording');
  cancelAnimationFrame(recording.handle);
  const { frames, zooms } = recording;
  recording = null;
  const pan = cy?.pan() ?? { x: 0, y: 0 };
  const moved = panStart ? Math.hypot(pan.x - panStart.x, pan.y - panStart.y) : 0;
  return {
    frames,
    zoomRange: [Math.min(...zooms), Math.max(...zooms)],
    panned: moved,
  };
}

window.renderBench = {
  scene,
  layout,
  show: async (side) => {
    const shown = await show(side);
    panStart = { ...cy!.pan() };
    return shown;
  },
  emptyPoint,
  core: () => cy,
  startRecording,
  stopRecording,
};
