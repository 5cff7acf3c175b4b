// The layout of big scenes (above BIG_LAYOUT_ABOVE nodes, graph/layouts.ts): the same kind of picture as fcose's
// 'draft' quality (a spectral placement from graph distances to a few pivot nodes, components packed side by
// side), computed over typed arrays instead of Cytoscape collections.
//
// Why: fcose's draft of 5,000 nodes / 10,000 edges took 1.5 s on an idle CPU-only machine, about 60 % of it in
// finding connected components with Cytoscape collection operations, which no fcose option skips. Force layouts
// over typed arrays were measured too (Node, same scene, load average about 10): 100 iterations took 6.8–32 s
// with graphology-layout-forceatlas2 (Barnes–Hut) and 7.9–10.4 s with d3-force, the whole placement 0.1–0.4 s.
// This one is Pivot MDS (Brandes & Pich, "Eigensolver methods for progressive multidimensional scaling of large
// data", 2006): breadth-first distances from k pivots, double centring, the two leading eigenvectors of the
// k×k matrix CᵀC by power iteration. Each component is then scaled to a disc with room for every node, and a
// few passes of local repulsion spread nodes that share a place (the same distances to every pivot).
// Everything is deterministic for a given seed.

import { seededRandom } from './random.ts';

/** A graph as node count and edge ends (indexes into the nodes). */
export interface IndexedGraph {
  nodeCount: number;
  sources: Int32Array;
  targets: Int32Array;
}

export interface BigLayoutSettings {
  /** Spacing, px (the explorer's ideal tie length): a node gets (half of it)² of room, components are half apart. */
  edgeLength: number;
  /** Number of pivots per component. */
  pivots: number;
  /** Seed of the generator drawing the first pivot and the power iteration's start vectors. */
  seed: number;
  /** Passes of local repulsion after the spectral placement. */
  spreadPasses: number;
}

export const BIG_LAYOUT_DEFAULTS: Omit<BigLayoutSettings, 'seed'> = {
  edgeLength: 110,
  pivots: 50,
  spreadPasses: 3,
};

/** Compressed adjacency: the neighbours of i are adjacency[offsets[i] .. offsets[i + 1]). */
function adjacencyOf(graph: IndexedGraph): { offsets: Int32Array; adjacency: Int32Array } {
  const n = graph.nodeCount;
  const offsets = new Int32Array(n + 1);
  const m = graph.sources.length;
  for (let e = 0; e < m; e++) {
    const s = graph.sources[e]!;
    const t = graph.targets[e]!;
    if (s === t) continue;
    offsets[s + 1]! += 1;
    offsets[t + 1]! += 1;
  }
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, n);
  const adjacency = new Int32Array(offsets[n]!);
  for (let e = 0; e < m; e++) {
    const s = graph.sources[e]!;
    const t = graph.targets[e]!;
    if (s === t) continue;
    adjacency[fill[s]!++] = t;
    adjacency[fill[t]!++] = s;
  }
  return { offsets, adjacency };
}

/** Connected components, each a list of node indexes in breadth-first order from its lowest index. */
function componentsOf(n: number, offsets: Int32Array, adjacency: Int32Array): Int32Array[] {
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  const components: Int32Array[] = [];
  for (let start = 0; start < n; start++) {
    if (seen[start]) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    seen[start] = 1;
    while (head < tail) {
      const v = queue[head++]!;
      for (let a = offsets[v]!; a < offsets[v + 1]!; a++) {
        const w = adjacency[a]!;
        if (!seen[w]) {
          seen[w] = 1;
          queue[tail++] = w;
        }
      }
    }
    components.push(queue.slice(0, tail));
  }
  return components;
}

/** Hop distances from `source` to every node of its component, written into `distance` (indexed by node). */
function breadthFirst(
  source: number,
  offsets: Int32Array,
  adjacency: Int32Array,
  distance: Int32Array,
  queue: Int32Array,
): void {
  let head = 0;
  let tail = 0;
  queue[tail++] = source;
  distance[source] = 0;
  while (head < tail) {
    const v = queue[head++]!;
    const d = distance[v]! + 1;
    for (let a = offsets[v]!; a < offsets[v + 1]!; a++) {
      const w = adjacency[a]!;
      if (distance[w] === -1) {
        distance[w] = d;
        queue[tail++] = w;
      }
    }
  }
}

/** Places one component of three or more nodes; returns x and y per member (in the component's order). */
function pivotMds(
  members: Int32Array,
  offsets: Int32Array,
  adjacency: Int32Array,
  distance: Int32Array,
  queue: Int32Array,
  pivots: number,
  random: () => number,
): { x: Float64Array; y: Float64Array } {
  const n = members.length;
  const k = Math.min(pivots, n);
  // C: n × k squared distances, column j from pivot j. Pivots by max–min distance, the first one drawn.
  const c = new Float64Array(n * k);
  const nearest = new Float64Array(n).fill(Infinity);
  let pivot = members[Math.floor(random() * n)]!;
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < n; i++) distance[members[i]!] = -1;
    breadthFirst(pivot, offsets, adjacency, distance, queue);
    let farthest = 0;
    let next = pivot;
    for (let i = 0; i < n; i++) {
      const d = distance[members[i]!]!;
      c[i * k + j] = d * d;
      if (d < nearest[i]!) nearest[i] = d;
      if (nearest[i]! > farthest) {
        farthest = nearest[i]!;
        next = members[i]!;
      }
    }
    pivot = next;
  }
  // Double centring: −½ (d² − row mean − column mean + grand mean).
  const rowMean = new Float64Array(n);
  const columnMean = new Float64Array(k);
  let grand = 0;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < k; j++) {
      const v = c[i * k + j]!;
      sum += v;
      columnMean[j]! += v;
    }
    rowMean[i] = sum / k;
    grand += sum;
  }
  for (let j = 0; j < k; j++) columnMean[j]! /= n;
  grand /= n * k;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < k; j++) c[i * k + j] = -0.5 * (c[i * k + j]! - rowMean[i]! - columnMean[j]! + grand);
  // B = CᵀC (k × k), then its two leading eigenvectors by power iteration (the second kept orthogonal).
  const b = new Float64Array(k * k);
  for (let i = 0; i < n; i++) {
    const row = i * k;
    for (let p = 0; p < k; p++) {
      const cp = c[row + p]!;
      if (cp === 0) continue;
      for (let q = p; q < k; q++) b[p * k + q]! += cp * c[row + q]!;
    }
  }
  for (let p = 0; p < k; p++) for (let q = 0; q < p; q++) b[p * k + q] = b[q * k + p]!;
  const vectors: Float64Array[] = [];
  for (let e = 0; e < 2; e++) {
    let v = new Float64Array(k);
    for (let p = 0; p < k; p++) v[p] = random() - 0.5;
    for (let iteration = 0; iteration < 200; iteration++) {
      for (const u of vectors) {
        let dot = 0;
        for (let p = 0; p < k; p++) dot += u[p]! * v[p]!;
        for (let p = 0; p < k; p++) v[p]! -= dot * u[p]!;
      }
      const w = new Float64Array(k);
      for (let p = 0; p < k; p++) {
        let sum = 0;
        for (let q = 0; q < k; q++) sum += b[p * k + q]! * v[q]!;
        w[p] = sum;
      }
      let norm = 0;
      for (let p = 0; p < k; p++) norm += w[p]! * w[p]!;
      norm = Math.sqrt(norm);
      if (norm === 0) break;
      let change = 0;
      for (let p = 0; p < k; p++) {
        w[p]! /= norm;
        change += Math.abs(w[p]! - v[p]!);
      }
      v = w;
      if (change < 1e-9) break;
    }
    vectors.push(v);
  }
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const [v1, v2] = vectors as [Float64Array, Float64Array];
  for (let i = 0; i < n; i++) {
    let sx = 0;
    let sy = 0;
    for (let p = 0; p < k; p++) {
      sx += c[i * k + p]! * v1[p]!;
      sy += c[i * k + p]! * v2[p]!;
    }
    x[i] = sx;
    y[i] = sy;
  }
  return { x, y };
}

/** Each node of a big component gets about (AREA_SHARE × tie length)² of room. */
const AREA_SHARE = 0.5;

/**
 * Scales a component to a disc of about `gap`² per node: the median distance from its centre becomes that of a
 * uniform disc of this area (the spectral placement squeezes a big component into a few hops across, far too
 * dense to read), and the few nodes further out than its radius are drawn in (to at most 1.3 radii), so that
 * stragglers do not make the whole picture too large to fit.
 */
function scaleToArea(x: Float64Array, y: Float64Array, gap: number): void {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  const radii = new Float64Array(n);
  for (let i = 0; i < n; i++) radii[i] = Math.hypot(x[i]! - mx, y[i]! - my);
  const median = Float64Array.from(radii).sort()[Math.floor(n / 2)]!;
  const radius = Math.sqrt((n * gap * gap) / Math.PI);
  const factor = median > 1e-9 ? radius / Math.SQRT2 / median : 1;
  for (let i = 0; i < n; i++) {
    const r = radii[i]! * factor;
    const drawn = r > radius ? radius * (1 + 0.3 * (1 - radius / r)) : r;
    const k = radii[i]! > 1e-12 ? drawn / radii[i]! : 0;
    x[i] = (x[i]! - mx) * k;
    y[i] = (y[i]! - my) * k;
  }
}

/**
 * Pushes apart nodes closer than `gap` (a grid of cells `gap` wide, so each pass is linear), which spreads the
 * nodes the spectral placement put on one spot without undoing its large-scale picture.
 */
function spread(x: Float64Array, y: Float64Array, gap: number, passes: number, random: () => number): void {
  const n = x.length;
  if (n < 2) return;
  const cellOf = new Int32Array(n);
  const next = new Int32Array(n);
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  for (let pass = 0; pass < passes; pass++) {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      minX = Math.min(minX, x[i]!);
      minY = Math.min(minY, y[i]!);
      maxX = Math.max(maxX, x[i]!);
      maxY = Math.max(maxY, y[i]!);
    }
    // Cells at least `gap` wide, and not many more of them than nodes (a sparse picture has bigger cells).
    const size = Math.max(gap, Math.sqrt(((maxX - minX) * (maxY - minY)) / (2 * n)));
    const columns = Math.floor((maxX - minX) / size) + 1;
    const rows = Math.floor((maxY - minY) / size) + 1;
    const head = new Int32Array(columns * rows).fill(-1);
    for (let i = 0; i < n; i++) {
      const cx = Math.min(columns - 1, Math.floor((x[i]! - minX) / size));
      const cy = Math.min(rows - 1, Math.floor((y[i]! - minY) / size));
      const cell = cy * columns + cx;
      cellOf[i] = cell;
      next[i] = head[cell]!;
      head[cell] = i;
    }
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < n; i++) {
      const cx = cellOf[i]! % columns;
      const cy = Math.floor(cellOf[i]! / columns);
      for (let oy = -1; oy <= 1; oy++) {
        const ry = cy + oy;
        if (ry < 0 || ry >= rows) continue;
        for (let ox = -1; ox <= 1; ox++) {
          const rx = cx + ox;
          if (rx < 0 || rx >= columns) continue;
          for (let j = head[ry * columns + rx]!; j !== -1; j = next[j]!) {
            if (j <= i) continue;
            let ex = x[i]! - x[j]!;
            let ey = y[i]! - y[j]!;
            let d = Math.hypot(ex, ey);
            if (d >= gap) continue;
            if (d < 1e-6) {
              const angle = random() * 2 * Math.PI;
              ex = Math.cos(angle);
              ey = Math.sin(angle);
              d = 1e-6;
            } else {
              ex /= d;
              ey /= d;
            }
            const push = (gap - d) / 4;
            dx[i]! += ex * push;
            dy[i]! += ey * push;
            dx[j]! -= ex * push;
            dy[j]! -= ey * push;
          }
        }
      }
    }
    for (let i = 0; i < n; i++) {
      // No node moves further than a gap in one pass: crowded spots open up over the passes.
      const d = Math.hypot(dx[i]!, dy[i]!);
      const limit = d > gap ? gap / d : 1;
      x[i]! += dx[i]! * limit;
      y[i]! += dy[i]! * limit;
    }
  }
}

/**
 * Positions (x at 2i, y at 2i + 1) for every node: each connected component placed by Pivot MDS and spread,
 * then the components packed in rows, largest first, a tie's length apart.
 */
export function bigLayout(graph: IndexedGraph, settings: BigLayoutSettings): Float64Array {
  const n = graph.nodeCount;
  const out = new Float64Array(2 * n);
  if (n === 0) return out;
  const random = seededRandom(settings.seed);
  const { offsets, adjacency } = adjacencyOf(graph);
  const components = componentsOf(n, offsets, adjacency);
  const distance = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const gap = settings.edgeLength;
  const boxes: { members: Int32Array; x: Float64Array; y: Float64Array; w: number; h: number }[] = [];
  for (const members of components) {
    let x: Float64Array;
    let y: Float64Array;
    if (members.length <= 2) {
      x = Float64Array.from(members, (_, i) => i * gap);
      y = new Float64Array(members.length);
    } else {
      ({ x, y } = pivotMds(members, offsets, adjacency, distance, queue, settings.pivots, random));
      scaleToArea(x, y, gap * AREA_SHARE);
      spread(x, y, gap * AREA_SHARE, settings.spreadPasses, random);
    }
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < members.length; i++) {
      minX = Math.min(minX, x[i]!);
      minY = Math.min(minY, y[i]!);
      maxX = Math.max(maxX, x[i]!);
      maxY = Math.max(maxY, y[i]!);
    }
    for (let i = 0; i < members.length; i++) {
      x[i]! -= minX;
      y[i]! -= minY;
    }
    boxes.push({ members, x, y, w: maxX - minX, h: maxY - minY });
  }
  // Rows as wide as the largest component or as a 16:9 rectangle of the total area, whichever is wider; the
  // components half a tie apart.
  const margin = gap / 2;
  boxes.sort((p, q) => q.members.length - p.members.length || p.members[0]! - q.members[0]!);
  const area = boxes.reduce((sum, box) => sum + (box.w + margin) * (box.h + margin), 0);
  const width = Math.max(boxes[0]!.w, Math.sqrt((area * 16) / 9));
  let left = 0;
  let top = 0;
  let rowHeight = 0;
  for (const box of boxes) {
    if (left > 0 && left + box.w > width) {
      left = 0;
      top += rowHeight + margin;
      rowHeight = 0;
    }
    for (let i = 0; i < box.members.length; i++) {
      const v = box.members[i]!;
      out[2 * v] = left + box.x[i]!;
      out[2 * v + 1] = top + box.y[i]!;
    }
    left += box.w + margin;
    rowHeight = Math.max(rowHeight, box.h);
  }
  return out;
}
