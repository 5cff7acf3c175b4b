// Neighbourhood results → Cytoscape element definitions, and merging later neighbourhoods into what is shown.
import type { GraphEdge, GraphNode, Neighbourhood, Sector } from '../api/types.ts';
import { sizeForDegree } from './style.ts';

export type AtlasNodeData = {
  id: string;
  label: string;
  sector: Sector;
  kind: string | null;
  degree: number;
  /** Hops from the organisation the view was opened on (through expansions, when it came from one). */
  distance: number;
  /** Diameter in px, from the degree. */
  size: number;
  /** The expanded node that brought this node in, so the view can place it nearby. */
  anchor?: string;
};

/** A relationship as an edge. `id` is the relationship id, unless it collides with a node id (Cytoscape ids
 * are shared by nodes and edges); `relationshipId` always is. */
export type AtlasEdgeData = GraphEdge & { relationshipId: string };

export type AtlasNode = { group: 'nodes'; data: AtlasNodeData };
export type AtlasEdge = { group: 'edges'; data: AtlasEdgeData; selectable: false };
export type AtlasElement = AtlasNode | AtlasEdge;

export function isNode(element: AtlasElement): element is AtlasNode {
  return element.group === 'nodes';
}

export function neighbourhoodToElements(neighbourhood: Neighbourhood): AtlasElement[] {
  return mergeNeighbourhood([], neighbourhood);
}

/**
 * Adds a neighbourhood to existing elements without duplicates. Existing nodes keep their data except a
 * shorter distance; with `anchorId` (the node that was expanded) new distances count from the anchor's.
 * Edges whose ends are not both present are dropped: Cytoscape refuses them.
 */
export function mergeNeighbourhood(
  existing: readonly AtlasElement[],
  next: Neighbourhood,
  options: { anchorId?: string } = {},
): AtlasElement[] {
  const nodes = new Map<string, AtlasNode>();
  const edges = new Map<string, AtlasEdge>();
  for (const element of existing) {
    if (isNode(element)) nodes.set(element.data.id, element);
    else edges.set(element.data.relationshipId, element);
  }

  const anchorDistance =
    options.anchorId === undefined ? 0 : (nodes.get(options.anchorId)?.data.distance ?? 0);
  for (const node of next.nodes) {
    const distance = anchorDistance + node.distance;
    const current = nodes.get(node.id);
    if (!current) nodes.set(node.id, toNode(node, distance, options.anchorId));
    else if (distance < current.data.distance) {
      nodes.set(node.id, { ...current, data: { ...current.data, distance } });
    }
  }
  for (const edge of next.edges) {
    if (!edges.has(edge.id)) edges.set(edge.id, toEdge(edge));
  }

  const connected: AtlasEdge[] = [];
  for (const edge of edges.values()) {
    if (!nodes.has(edge.data.source) || !nodes.has(edge.data.target)) continue;
    const id = edgeElementId(edge.data.relationshipId, nodes);
    connected.push(id === edge.data.id ? edge : { ...edge, data: { ...edge.data, id } });
  }
  return [...nodes.values(), ...connected];
}

function edgeElementId(relationshipId: string, nodes: ReadonlyMap<string, AtlasNode>): string {
  return nodes.has(relationshipId) ? `relationship:${relationshipId}` : relationshipId;
}

function toNode(node: GraphNode, distance: number, anchorId: string | undefined): AtlasNode {
  const data: AtlasNodeData = {
    id: node.id,
    label: node.name,
    sector: node.sector,
    kind: node.kind,
    degree: node.degree,
    distance,
    size: sizeForDegree(node.degree),
  };
  if (anchorId !== undefined && anchorId !== node.id) data.anchor = anchorId;
  return { group: 'nodes', data };
}

function toEdge(edge: GraphEdge): AtlasEdge {
  return {
    group: 'edges',
    selectable: false,
    data: {
      id: edge.id,
      relationshipId: edge.id,
      source: edge.source,
      target: edge.target,
      kind: edge.kind,
      trust: edge.trust,
      since: edge.since,
      until: edge.until,
    },
  };
}

/** What to add to and remove from a view holding `currentIds` so that it shows `next`. */
export function diffElements(
  currentIds: ReadonlySet<string>,
  next: readonly AtlasElement[],
): { added: AtlasElement[]; removedIds: string[] } {
  const nextIds = new Set(next.map((element) => element.data.id));
  return {
    added: next.filter((element) => !currentIds.has(element.data.id)),
    removedIds: [...currentIds].filter((id) => !nextIds.has(id)),
  };
}
