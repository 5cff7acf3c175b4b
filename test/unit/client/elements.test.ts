import { describe, expect, it } from 'vitest';
import {
  diffElements,
  isNode,
  mergeNeighbourhood,
  neighbourhoodToElements,
  type AtlasElement,
  type AtlasNode,
} from '../../../client/graph/elements.ts';
import { sizeForDegree } from '../../../client/graph/style.ts';
import { edge, node, star } from './fixtures.ts';

const ids = (elements: AtlasElement[], group: 'nodes' | 'edges') =>
  elements.filter((element) => element.group === group).map((element) => element.data.id);
const nodeById = (elements: AtlasElement[], id: string) =>
  elements.find((element): element is AtlasNode => isNode(element) && element.data.id === id);

describe('neighbourhoodToElements', () => {
  it('keeps every node and edge with its id and the data the view and tests rely on', () => {
    const elements = neighbourhoodToElements({
      nodes: [node('a', 0, 'GOVERNMENT', 9), node('b', 1, 'COMPANY', 1)],
      edges: [edge('r1', 'a', 'b', 'FUNDING', 'DISPUTED')],
    });
    expect(elements).toEqual([
      {
        group: 'nodes',
        data: {
          id: 'a',
          label: 'Organisation a',
          sector: 'GOVERNMENT',
          kind: null,
          degree: 9,
          distance: 0,
          size: sizeForDegree(9),
          role: 'organisation',
        },
      },
      {
        group: 'nodes',
        data: {
          id: 'b',
          label: 'Organisation b',
          sector: 'COMPANY',
          kind: null,
          degree: 1,
          distance: 1,
          size: sizeForDegree(1),
          role: 'organisation',
        },
      },
      {
        group: 'edges',
        data: {
          id: 'r1',
          relationshipId: 'r1',
          source: 'a',
          target: 'b',
          kind: 'FUNDING',
          trust: 'DISPUTED',
          since: '2020-01-01',
          until: null,
        },
      },
    ]);
  });

  it('drops edges whose ends are not in the neighbourhood', () => {
    const elements = neighbourhoodToElements({
      nodes: [node('a', 0), node('b')],
      edges: [edge('ok', 'a', 'b'), edge('dangling-target', 'a', 'x'), edge('dangling-source', 'y', 'b')],
    });
    expect(ids(elements, 'edges')).toEqual(['ok']);
  });

  it('renames an edge whose id is also a node id, since Cytoscape shares ids between nodes and edges', () => {
    const elements = neighbourhoodToElements({
      nodes: [node('a', 0), node('b')],
      edges: [edge('a', 'a', 'b')],
    });
    const [relationship] = elements.filter((element) => !isNode(element));
    expect(relationship?.data).toMatchObject({ id: 'relationship:a', relationshipId: 'a' });
    expect(new Set(elements.map((element) => element.data.id)).size).toBe(elements.length);
  });
});

describe('mergeNeighbourhood', () => {
  const first = neighbourhoodToElements(star('root', ['b', 'c']));

  it('adds the new nodes and edges once, keeping what was there', () => {
    const merged = mergeNeighbourhood(first, star('b', ['root', 'd', 'e']), { anchorId: 'b' });
    expect(ids(merged, 'nodes').sort()).toEqual(['b', 'c', 'd', 'e', 'root']);
    expect(ids(merged, 'edges').sort()).toEqual(['b-d', 'b-e', 'b-root', 'root-b', 'root-c']);
    expect(new Set(merged.map((element) => element.data.id)).size).toBe(merged.length);
  });

  it('is idempotent: merging the same neighbourhood again changes nothing', () => {
    const once = mergeNeighbourhood(first, star('b', ['d']), { anchorId: 'b' });
    expect(mergeNeighbourhood(once, star('b', ['d']), { anchorId: 'b' })).toEqual(once);
    expect(mergeNeighbourhood(first, star('root', ['b', 'c']))).toEqual(first);
  });

  it('dedupes edges by relationship id even when they arrive from both ends', () => {
    const fromB = {
      nodes: [node('b', 0), node('root')],
      edges: [edge('root-b', 'root', 'b')],
      truncated: false,
    };
    const merged = mergeNeighbourhood(first, fromB, { anchorId: 'b' });
    expect(ids(merged, 'edges').filter((id) => id === 'root-b')).toHaveLength(1);
  });

  it('counts new distances from the anchor and never lengthens an existing one', () => {
    const merged = mergeNeighbourhood(first, star('b', ['root', 'd']), { anchorId: 'b' });
    expect(nodeById(merged, 'root')?.data.distance).toBe(0);
    expect(nodeById(merged, 'b')?.data.distance).toBe(1);
    expect(nodeById(merged, 'd')?.data.distance).toBe(2);
  });

  it('marks the nodes an expansion brought in with their anchor, and only those', () => {
    const merged = mergeNeighbourhood(first, star('b', ['root', 'd']), { anchorId: 'b' });
    expect(nodeById(merged, 'd')?.data.anchor).toBe('b');
    expect(nodeById(merged, 'b')?.data.anchor).toBeUndefined();
    expect(nodeById(merged, 'root')?.data.anchor).toBeUndefined();
  });

  it('drops edges to nodes the merged view does not have', () => {
    const partial = { nodes: [node('b', 0)], edges: [edge('b-zz', 'b', 'zz')], truncated: true };
    expect(ids(mergeNeighbourhood(first, partial, { anchorId: 'b' }), 'edges')).not.toContain('b-zz');
  });
});

describe('diffElements', () => {
  it('lists what to add and what to remove by id', () => {
    const next = neighbourhoodToElements(star('root', ['b', 'd']));
    const { added, removedIds } = diffElements(new Set(['root', 'b', 'c', 'root-b', 'root-c']), next);
    expect(added.map((element) => element.data.id).sort()).toEqual(['d', 'root-d']);
    expect(removedIds.sort()).toEqual(['c', 'root-c']);
  });
});
