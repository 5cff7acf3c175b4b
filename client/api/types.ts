// The client's view of the GraphQL contract (server/graphql/schema.graphql): its enums as const lists, and the
// shapes selected by the documents in queries.ts. Hand-written for now; a unit test keeps the enums in step.

export const SECTORS = ['GOVERNMENT', 'NGO', 'COMPANY', 'CIVIC_INNOVATOR', 'ACADEMIC'] as const;
export type Sector = (typeof SECTORS)[number];

export const RELATIONSHIP_KINDS = [
  'PARTNERSHIP',
  'FUNDING',
  'MEMBERSHIP',
  'PART_OF',
  'INVESTMENT',
  'DATA_SHARING',
  'ADOPTION',
] as const;
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];

export const TRUST_STATES = ['CLAIMED', 'CONFIRMED', 'SOURCED', 'IMPORTED', 'DISPUTED'] as const;
export type TrustState = (typeof TRUST_STATES)[number];

/** A place with up to two enclosing levels (city → region → country), as the queries select it. */
export interface PlaceRef {
  id: string;
  name: string;
  level: string;
  /** Absent on the outermost level the query selects. */
  parent?: PlaceRef | null;
}

export interface Provenance {
  sourceUrl: string | null;
  sourceDataset: string | null;
  sourceRecord: string | null;
  recordedBy: string | null;
  recordedAt: string | null;
}

export interface OrganisationSummary {
  id: string;
  name: string;
  sector: Sector;
  kind: string | null;
  place: PlaceRef | null;
}

export interface OrganisationRef {
  id: string;
  name: string;
  sector: Sector;
}

export interface RelationshipDetails {
  id: string;
  kind: RelationshipKind;
  source: OrganisationRef;
  target: OrganisationRef;
  since: string | null;
  until: string | null;
  amount: number | null;
  currency: string | null;
  trust: TrustState;
  description: string | null;
  provenance: Provenance;
}

export interface OrganisationDetails extends OrganisationSummary {
  description: string | null;
  website: string | null;
  degree: number;
  themes: { id: string; name: string }[];
  identifiers: { scheme: string; value: string }[];
  provenance: Provenance;
  relationships: RelationshipDetails[];
}

export interface GraphNode {
  id: string;
  name: string;
  sector: Sector;
  kind: string | null;
  distance: number;
  degree: number;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: RelationshipKind;
  trust: TrustState;
  since: string | null;
  until: string | null;
}

export interface Neighbourhood {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}

export interface SearchResult {
  searchOrganisations: OrganisationSummary[];
}
export interface SearchVariables {
  query: string;
  first: number;
}

export interface OrganisationResult {
  organisation: OrganisationDetails | null;
}
export interface OrganisationVariables {
  id: string;
}

export interface NeighbourhoodResult {
  neighbourhood: Neighbourhood;
}
export interface NeighbourhoodVariables {
  ids: string[];
  depth: number;
  limit: number;
}

export type ExamplesResult = Record<string, OrganisationSummary[]>;
