// The client's names for the shapes its GraphQL documents select. Everything here is generated from
// server/graphql/schema and client/api/operations (npm run codegen); nothing is written twice.
import type {
  GraphEdgeFieldsFragment,
  GraphNodeFieldsFragment,
  NeighbourhoodQuery,
  OrganisationDetailsFragment,
  OrganisationQuery,
  OrganisationRefFragment,
  OrganisationSummaryFragment,
  PathwayQuery,
  PlaceChainFragment,
  ProvenanceFieldsFragment,
  RelationshipDetailsFragment,
} from './generated/graphql.ts';
import {
  RelationshipKind as RelationshipKindValues,
  Sector as SectorValues,
  TrustState as TrustStateValues,
} from './generated/vocabulary.ts';

export type Sector = (typeof SectorValues)[keyof typeof SectorValues];
export const SECTORS: readonly Sector[] = Object.values(SectorValues);

export type RelationshipKind = (typeof RelationshipKindValues)[keyof typeof RelationshipKindValues];
export const RELATIONSHIP_KINDS: readonly RelationshipKind[] = Object.values(RelationshipKindValues);

export type TrustState = (typeof TrustStateValues)[keyof typeof TrustStateValues];
export const TRUST_STATES: readonly TrustState[] = Object.values(TrustStateValues);

/** A place with up to two enclosing levels (city → region → country), as the queries select it. */
export type PlaceRef = Omit<PlaceChainFragment, 'parent'> & { parent?: PlaceRef | null };
export type Provenance = ProvenanceFieldsFragment;
export type OrganisationSummary = OrganisationSummaryFragment;
export type OrganisationRef = OrganisationRefFragment;
export type RelationshipDetails = RelationshipDetailsFragment;
export type OrganisationDetails = OrganisationDetailsFragment;
export type GraphNode = GraphNodeFieldsFragment;
export type GraphEdge = GraphEdgeFieldsFragment;
export type Neighbourhood = NeighbourhoodQuery['neighbourhood'];
export type OrganisationResult = OrganisationQuery;
/** One initiative's pathway, as the pathway timeline selects it. */
export type PathwayNode = PathwayQuery['innovationPathways']['nodes'][number];
