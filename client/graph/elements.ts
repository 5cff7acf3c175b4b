// Neighbourhood results → Cytoscape element definitions: merging later neighbourhoods into what is shown,
// "and N more" group nodes for neighbours left out, and organisations added by suggestions and paths.
import type {
  GraphEdge,
  GraphNode,
  GraphOrganisation,
  GraphRelationship,
  Neighbourhood,
  NeighbourGroup,
  NodeAttributes,
  PlaceRef,
  Sector,
} from '../api/types.ts';
import { MORE_BADGE_FONT, sizeForDegree } from './style.ts';

/** What a node stands for: an organisation, or the neighbours of one that are not drawn ("and 120 more"). */
export type NodeRole = 'organisation' | 'more';

export type AtlasNodeData = {
  id: string;
  /** The full name (the label drawn is chosen by graph/labels.ts, see `shown`). */
  label: string;
  sector: Sector;
  kind: string | null;
  degree: number;
  /** Hops from the organisation the view was opened on (through expansions, when it came from one). */
  distance: number;
  /** Diameter in px, from the degree. */
  size: number;
  role: NodeRole;
  /** The node this one was added next to (an expansion, a suggestion, a path), so it is placed nearby. */
  anchor?: string;
  /** Group nodes: the organisation whose neighbours these are, how many, and how many per sector. */
  moreOf?: string;
  total?: number;
  bySector?: { sector: Sector; count: number }[];
  /** Group nodes: the count written inside the tile ("+120"), and the tile's width to hold it. */
  badge?: string;
  badgeWidth?: number;
};

/** A relationship as an edge. `id` is the relationship id, unless it collides with a node id (Cytoscape ids
 * are shared by nodes and edges); `relationshipId` always is. Group edges have no relationship. */
export type AtlasEdgeData = GraphEdge & { relationshipId: string; role?: 'more' };

export type AtlasNode = { group: 'nodes'; data: AtlasNodeData; selectable?: false };
export type AtlasEdge = { group: 'edges'; data: AtlasEdgeData; selectable?: false };
export type AtlasElement = AtlasNode | AtlasEdge;

/** What the explorer knows of an organisation on the map beyond its node: for filters and tooltips. */
export interface NodeInfo {
  themes: { id: string; name: string }[];
  place: PlaceRef | null;
}

export function isNode(element: AtlasElement): element is AtlasNode {
  return element.group === 'nodes';
}

export function neighbourhoodToElements(
  neighbourhood: Pick<Neighbourhood, 'nodes' | 'edges'>,
): AtlasElement[] {
  return mergeNeighbourhood([], neighbourhood);
}

/**
 * Adds a neighbourhood to existing elements without duplicates. Existing nodes keep their data except a
 * shorter distance; with `anchorId` (the node that was expanded) new distances count from the anchor's.
 * Edges whose ends are not both present are dropped: Cytoscape refuses them.
 */
export function mergeNeighbourhood(
  existing: readonly AtlasElement[],
  next: Pick<Neighbourhood, 'nodes' | 'edges'>,
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
  return connect(nodes, edges);
}

function connect(
  nodes: ReadonlyMap<string, AtlasNode>,
  edges: ReadonlyMap<string, AtlasEdge>,
): AtlasElement[] {
  const connected: AtlasEdge[] = [];
  for (const edge of edges.values()) {
    if (!nodes.has(edge.data.source) || !nodes.has(edge.data.target)) continue;
    const id = edge.data.role === 'more' ? edge.data.id : edgeElementId(edge.data.relationshipId, nodes);
    connected.push(id === edge.data.id ? edge : { ...edge, data: { ...edge.data, id } });
  }
  return [...nodes.values(), ...connected];
}

function edgeElementId(relationshipId: string, nodes: ReadonlyMap<string, AtlasNode>): string {
  return nodes.has(relationshipId) ? `relationship:${relationshipId}` : relationshipId;
}

function toNode(
  node: Pick<GraphNode, 'id' | 'name' | 'sector' | 'kind' | 'degree'>,
  distance: number,
  anchorId: string | undefined,
): AtlasNode {
  const data: AtlasNodeData = {
    id: node.id,
    label: node.name,
    sector: node.sector,
    kind: node.kind,
    degree: node.degree,
    distance,
    size: sizeForDegree(node.degree),
    role: 'organisation',
  };
  if (anchorId !== undefined && anchorId !== node.id) data.anchor = anchorId;
  return { group: 'nodes', data };
}

function toEdge(edge: GraphEdge): AtlasEdge {
  return {
    group: 'edges',
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

/** The id of the group node of `organisationId`'s neighbours left out. */
export function moreNodeId(organisationId: string): string {
  return `more:${organisationId}`;
}

/**
 * Group nodes ("and 120 more: 80 NGOs, 40 companies") for the organisations of `groups` that are drawn,
 * each tied to its organisation by a dashed edge; clicking one opens the next batch.
 */
export function withGroups(
  elements: readonly AtlasElement[],
  groups: readonly NeighbourGroup[],
): AtlasElement[] {
  const present = new Map<string, AtlasNode>();
  for (const element of elements) if (isNode(element)) present.set(element.data.id, element);
  const added: AtlasElement[] = [];
  for (const group of groups) {
    const owner = present.get(group.organisationId);
    if (!owner || group.total <= 0) continue;
    const id = moreNodeId(group.organisationId);
    if (present.has(id)) continue;
    const count = group.total.toLocaleString('en-GB');
    const badge = `+${count}`;
    added.push(
      {
        group: 'nodes',
        // Tapping it opens the next batch; it is never "selected".
        selectable: false,
        data: {
          id,
          label: `and ${count} more`,
          badge,
          badgeWidth: Math.max(30, Math.ceil(badge.length * MORE_BADGE_FONT * 0.62) + 12),
          sector: group.bySector[0]?.sector ?? owner.data.sector,
          kind: null,
          degree: 0,
          distance: owner.data.distance + 1,
          size: 30,
          role: 'more',
          anchor: group.organisationId,
          moreOf: group.organisationId,
          total: group.total,
          bySector: group.bySector.map(({ sector, count }) => ({ sector, count })),
        },
      },
      {
        group: 'edges',
        selectable: false,
        data: {
          id: `${id}:edge`,
          relationshipId: `${id}:edge`,
          role: 'more',
          source: group.organisationId,
          target: id,
          kind: 'PARTNERSHIP',
          trust: 'IMPORTED',
          since: null,
          until: null,
        },
      },
    );
  }
  return added.length === 0 ? [...elements] : [...elements, ...added];
}

/**
 * Organisations and ties that are not on the map yet (suggestions, their brokers, paths): new organisations
 * are placed next to `anchorOf(id)` (a node that is on the map); ties are added when both ends are drawn.
 */
export function withExtras(
  elements: readonly AtlasElement[],
  organisations: readonly GraphOrganisation[],
  relationships: readonly GraphRelationship[],
  anchorOf: (id: string) => string | undefined,
): AtlasElement[] {
  const nodes = new Map<string, AtlasNode>();
  const edges = new Map<string, AtlasEdge>();
  for (const element of elements) {
    if (isNode(element)) nodes.set(element.data.id, element);
    else edges.set(element.data.relationshipId, element);
  }
  let changed = false;
  for (const organisation of organisations) {
    if (nodes.has(organisation.id)) continue;
    const anchor = anchorOf(organisation.id);
    const anchorNode = anchor === undefined ? undefined : nodes.get(anchor);
    nodes.set(
      organisation.id,
      toNode(organisation, (anchorNode?.data.distance ?? 0) + 1, anchorNode?.data.id),
    );
    changed = true;
  }
  for (const relationship of relationships) {
    if (edges.has(relationship.id)) continue;
    edges.set(
      relationship.id,
      toEdge({
        id: relationship.id,
        source: relationship.source.id,
        target: relationship.target.id,
        kind: relationship.kind,
        trust: relationship.trust,
        since: relationship.since,
        until: relationship.until,
      }),
    );
    changed = true;
  }
  return changed ? connect(nodes, edges) : [...elements];
}

export function nodeInfo(attributes: NodeAttributes | null | undefined): NodeInfo {
  return { themes: attributes?.themes ?? [], place: attributes?.place ?? null };
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
