// Network analytics against graphology's reference implementations, on small graphs.
import { MultiDirectedGraph, UndirectedGraph } from 'graphology';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import { describe, expect, it } from 'vitest';
import louvainModule from 'graphology-communities-louvain';
import {
  betweenness,
  buildGraph,
  communities,
  components,
  louvainView,
  pageRank,
  simpleGraph,
} from '../../../server/domain/network/analytics.ts';
import { seededRandom } from '../../../server/common/seededRandom.ts';
import { tinySnapshot } from './helpers.ts';

const referencePageRank = pagerankModule as unknown as (
  g: MultiDirectedGraph,
  o: object,
) => Record<string, number>;
const referenceBetweenness = betweennessModule as unknown as (
  g: UndirectedGraph,
  o: object,
) => Record<string, number>;

// A small network: two triangles joined by a bridge, a pendant, an isolated organisation, and a second
// tie between a and b (parallel ties count once for paths, twice for rank).
const orgs = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => ({ id }));
const ties: [string, string, string?, string?][] = [
  ['a', 'b', 'PARTNERSHIP'],
  ['a', 'b', 'FUNDING'],
  ['b', 'c', 'PARTNERSHIP'],
  ['c', 'a', 'FUNDING'],
  ['c', 'd', 'DATA_SHARING'],
  ['d', 'e', 'MEMBERSHIP'],
  ['e', 'f', 'PARTNERSHIP'],
  ['f', 'd', 'ADOPTION'],
  ['f', 'g', 'FUNDING'],
];
const s = tinySnapshot(orgs, ties);
const g = simpleGraph(s);
const louvain = louvainModule as unknown as (
  g: UndirectedGraph,
  o: { rng: () => number; getEdgeWeight: string },
) => Record<string, number>;

/** A seeded random network: clusters with parallel ties, self-ties, bridges and isolated organisations. */
function randomNetwork(size: number, tieCount: number, seed: number) {
  const random = seededRandom(seed);
  const ids = Array.from({ length: size }, (_, k) => `o${String(k).padStart(4, '0')}`);
  const kinds = ['PARTNERSHIP', 'FUNDING', 'MEMBERSHIP', 'DATA_SHARING', 'ADOPTION'];
  const randomTies: [string, string, string][] = [];
  for (let k = 0; k < tieCount; k++) {
    const a = Math.floor(random() * (size - 5));
    // Mostly within a cluster of 20, sometimes anywhere (never the last 5: isolated).
    const b =
      random() < 0.8
        ? Math.min(size - 6, a - (a % 20) + Math.floor(random() * 20))
        : Math.floor(random() * (size - 5));
    randomTies.push([ids[a]!, ids[b]!, kinds[Math.floor(random() * kinds.length)]!]);
  }
  return tinySnapshot(
    ids.map((id) => ({ id })),
    randomTies,
  );
}

const byId = (values: ArrayLike<number>) =>
  Object.fromEntries(Array.from(values, (v, p) => [s.ids[g.nodes[p]!]!, v]));

describe('analytics', () => {
  it('finds the connected components, largest first', () => {
    const c = components(g);
    expect(c.sizes).toEqual([7, 1]);
    expect(byId(c.of)).toMatchObject({ a: 0, g: 0, h: 1 });
  });

  it('computes PageRank as graphology does for the same directed graph', () => {
    const reference = new MultiDirectedGraph();
    for (const id of s.ids) reference.addNode(id);
    for (const [source, target, kind] of ties) {
      reference.addEdge(source, target);
      if (kind === 'PARTNERSHIP' || kind === 'DATA_SHARING') reference.addEdge(target, source);
    }
    const expected = referencePageRank(reference, {
      alpha: 0.85,
      tolerance: 1e-12,
      maxIterations: 1000,
      getEdgeWeight: null,
    });
    const ours = byId(pageRank(s, g));
    for (const id of s.ids) expect(ours[id]).toBeCloseTo(expected[id]!, 6);
    expect(Object.values(ours).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it('computes normalised betweenness as graphology does, exactly and from a full sample', () => {
    const reference = new UndirectedGraph();
    for (const id of s.ids) reference.addNode(id);
    for (const [source, target] of ties)
      if (!reference.hasEdge(source, target)) reference.addEdge(source, target);
    const expected = referenceBetweenness(reference, { normalized: true });
    const exact = betweenness(g);
    expect(exact.exact).toBe(true);
    for (const id of s.ids) expect(byId(exact.values)[id]).toBeCloseTo(expected[id]!, 9);
    // The sampling path with every organisation sampled gives the exact values back.
    const sampled = betweenness(g, 0, g.nodes.length);
    expect(sampled.exact).toBe(false);
    for (const id of s.ids) expect(byId(sampled.values)[id]).toBeCloseTo(expected[id]!, 9);
  });

  it('computes betweenness as graphology does on random networks with parallel ties and self-ties', () => {
    for (const seed of [1, 2, 3]) {
      const rs = randomNetwork(300, 900, seed);
      const rg = simpleGraph(rs);
      const reference = new UndirectedGraph();
      for (let p = 0; p < rg.nodes.length; p++) reference.addNode(String(p));
      for (let p = 0; p < rg.nodes.length; p++)
        for (let k = rg.start[p]!; k < rg.start[p + 1]!; k++)
          if (rg.other[k]! > p) reference.addEdge(String(p), String(rg.other[k]!));
      const expected = referenceBetweenness(reference, { normalized: true });
      const ours = betweenness(rg).values;
      for (let p = 0; p < rg.nodes.length; p++) expect(ours[p]).toBeCloseTo(expected[String(p)]!, 9);
    }
  });

  it('finds the same Louvain communities on its read-only view as on a built graphology graph', () => {
    for (const seed of [1, 2, 3, 4]) {
      const rg = simpleGraph(randomNetwork(400, 1200, seed));
      const view = louvainView(rg);
      const built = buildGraph(rg);
      expect(view.order).toBe(built.order);
      expect(view.size).toBe(built.size);
      expect(louvain(view, { rng: seededRandom(seed), getEdgeWeight: 'weight' })).toEqual(
        louvain(built, { rng: seededRandom(seed), getEdgeWeight: 'weight' }),
      );
    }
  });

  it('estimates betweenness from a sample without bias on a path', () => {
    // On a path of 101 nodes the middle one lies on every path between its two halves.
    const path = Array.from({ length: 101 }, (_, k) => ({ id: `n${String(k).padStart(3, '0')}` }));
    const pathTies = path.slice(1).map((o, k) => [path[k]!.id, o.id] as [string, string]);
    const ps = tinySnapshot(path, pathTies);
    const pg = simpleGraph(ps);
    const exact = betweenness(pg).values;
    const estimate = betweenness(pg, 0, 60, 7).values;
    const middle = pg.position[ps.index.get('n050')!]!;
    expect(estimate[middle]).toBeCloseTo(exact[middle]!, 1);
  });

  it('leaves organisations without a tie out of the sources: exact while few have ties, the same sample whatever their number', () => {
    const path = Array.from({ length: 41 }, (_, k) => ({ id: `n${String(k).padStart(3, '0')}` }));
    const pathTies = path.slice(1).map((o, k) => [path[k]!.id, o.id] as [string, string]);
    const lone = (count: number) => Array.from({ length: count }, (_, k) => ({ id: `z${k}` }));
    const withLone = tinySnapshot([...path, ...lone(200)], pathTies);
    const wg = simpleGraph(withLone);
    // 241 organisations, 41 with a tie: exact under a limit of 41.
    const exact = betweenness(wg, 41);
    expect(exact.exact).toBe(true);
    expect(exact.sources).toBe(41);
    const reference = new UndirectedGraph();
    for (const id of withLone.ids) reference.addNode(id);
    for (const [a, b] of pathTies) reference.addEdge(a, b);
    const expected = referenceBetweenness(reference, { normalized: true });
    for (const id of withLone.ids)
      expect(exact.values[wg.position[withLone.index.get(id)!]!]).toBeCloseTo(expected[id]!, 12);
    // Sampled: more organisations without a tie change only the normalisation, not the sample.
    const unnormalised = (count: number) => {
      const ls = tinySnapshot([...path, ...lone(count)], pathTies);
      const lg = simpleGraph(ls);
      const n = ls.ids.length;
      const { values, exact: isExact } = betweenness(lg, 10, 12, 3);
      expect(isExact).toBe(false);
      return path.map((o) => values[lg.position[ls.index.get(o.id)!]!]! * ((n - 1) * (n - 2)));
    };
    const few = unnormalised(1);
    const many = unnormalised(300);
    few.forEach((value, k) => expect(many[k]).toBeCloseTo(value, 6));
  });

  it('finds the two triangles as communities, the same every time', () => {
    const two = tinySnapshot(
      ['a', 'b', 'c', 'x', 'y', 'z'].map((id) => ({ id })),
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
        ['x', 'y'],
        ['y', 'z'],
        ['z', 'x'],
        ['c', 'x'],
      ],
    );
    const tg = simpleGraph(two);
    const first = communities(two, tg);
    expect(first.sizes).toEqual([3, 3]);
    const of = Object.fromEntries(Array.from(first.of, (c, p) => [two.ids[tg.nodes[p]!]!, c]));
    expect(of.a).toBe(of.b);
    expect(of.b).toBe(of.c);
    expect(of.x).toBe(of.z);
    expect(of.a).not.toBe(of.x);
    expect(Array.from(communities(two, tg).of)).toEqual(Array.from(first.of));
  });
});
