// The client's names for the shapes its GraphQL documents select. Everything here is generated from
// server/graphql/schema and client/api/operations (npm run codegen); nothing is written twice.
import type {
  GraphEdgeFieldsFragment,
  GraphNodeFieldsFragment,
  GraphOrganisationFragment,
  GraphRelationshipFragment,
  InterpretSearchQuery,
  NeighbourhoodQuery,
  NodeAttributesFragment,
  OrganisationDetailsFragment,
  OrganisationFilter as OrganisationFilterInput,
  OrganisationListItemFragment,
  OrganisationListQuery,
  OrganisationOrder as OrganisationOrderValue,
  OrganisationQuery,
  OrganisationRefFragment,
  OrganisationSummaryFragment,
  PathwayQuery,
  PartnerSuggestionsQuery,
  PathFilter as PathFilterInput,
  PlaceChainFragment,
  ProvenanceFieldsFragment,
  RelationshipDetailsFragment,
  RelationshipFilter as RelationshipFilterInput,
  ShortestPathsQuery,
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
export type OrganisationListItem = OrganisationListItemFragment;
export type RelationshipDetails = RelationshipDetailsFragment;
export type OrganisationDetails = OrganisationDetailsFragment;
export type GraphNode = GraphNodeFieldsFragment;
export type GraphEdge = GraphEdgeFieldsFragment;
export type NodeAttributes = NodeAttributesFragment;
export type GraphOrganisation = GraphOrganisationFragment;
export type GraphRelationship = GraphRelationshipFragment;
export type Neighbourhood = NeighbourhoodQuery['neighbourhood'];
export type NeighbourGroup = Neighbourhood['groups'][number];
export type OrganisationResult = OrganisationQuery;
/** One initiative's pathway, as the pathway timeline selects it. */
export type PathwayNode = PathwayQuery['innovationPathways']['nodes'][number];
export type OrganisationFilter = OrganisationFilterInput;
export type OrganisationOrder = OrganisationOrderValue;
export type PathFilter = PathFilterInput;
export type RelationshipFilter = RelationshipFilterInput;
export type OrganisationListResult = OrganisationListQuery;
export type SearchInterpretation = InterpretSearchQuery['interpretSearch'];
export type SearchChip = SearchInterpretation['chips'][number];
export type PartnerSuggestion = PartnerSuggestionsQuery['partnerSuggestions'][number];
export type SuggestionReason = PartnerSuggestion['reasons'][number];
export type Path = ShortestPathsQuery['shortestPaths'][number];
