// Small neighbourhoods for the client's unit tests.
import type {
  GraphEdge,
  GraphNode,
  Neighbourhood,
  RelationshipKind,
  Sector,
  TrustState,
} from '../../../client/api/types.ts';

export function node(id: string, distance = 1, sector: Sector = 'NGO', degree = 2): GraphNode {
  return { id, name: `Organisation ${id}`, sector, kind: null, distance, degree, organisation: null };
}

export function edge(
  id: string,
  source: string,
  target: string,
  kind: RelationshipKind = 'PARTNERSHIP',
  trust: TrustState = 'CONFIRMED',
): GraphEdge {
  return { id, source, target, kind, trust, since: '2020-01-01', until: null };
}

/** A star: `centre` at distance 0 tied to each of `leaves`. */
export function star(centre: string, leaves: string[], prefix = `${centre}-`): Neighbourhood {
  return {
    nodes: [node(centre, 0, 'GOVERNMENT', leaves.length), ...leaves.map((leaf) => node(leaf))],
    edges: leaves.map((leaf) => edge(`${prefix}${leaf}`, centre, leaf)),
    truncated: false,
    groups: [],
  };
}
