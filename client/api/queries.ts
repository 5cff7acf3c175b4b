// Every GraphQL document the client sends, typed by codegen from client/api/operations/*.graphql, so
// components never build query strings and a document that no longer fits the schema fails the build.
export {
  ExamplesDocument as EXAMPLES,
  InterpretSearchDocument as INTERPRET_SEARCH,
  NeighbourhoodDocument as NEIGHBOURHOOD,
  OrganisationDocument as ORGANISATION,
  OrganisationListDocument as ORGANISATION_LIST,
  OrganisationPageDocument as ORGANISATION_PAGE,
  PartnerSuggestionsDocument as PARTNER_SUGGESTIONS,
  PathwayDocument as PATHWAY,
  RelationshipCountsDocument as RELATIONSHIP_COUNTS,
  RelationshipPageDocument as RELATIONSHIP_PAGE,
  RelationshipsBetweenDocument as RELATIONSHIPS_BETWEEN,
  SearchOrganisationsDocument as SEARCH_ORGANISATIONS,
  ShortestPathsDocument as SHORTEST_PATHS,
  TiesAmongDocument as TIES_AMONG,
} from './generated/graphql.ts';
export type { TypedDocumentString } from './generated/graphql.ts';

/** The aliases of the Examples query, in the order they are offered. */
export const EXAMPLE_WORDS = ['council', 'foundation', 'university'] as const;

// Accounts, registration, consent and curation (issue 9's explorer side: client/account).
export {
  ApproveDocument as APPROVE,
  ClaimOrganisationDocument as CLAIM_ORGANISATION,
  ConfirmRelationshipDocument as CONFIRM_RELATIONSHIP,
  DismissMergeCandidateDocument as DISMISS_MERGE_CANDIDATE,
  DisputeRelationshipDocument as DISPUTE_RELATIONSHIP,
  LikelyMatchesDocument as LIKELY_MATCHES,
  MergeOrganisationsDocument as MERGE_ORGANISATIONS,
  MyItemsDocument as MY_ITEMS,
  OrganisationPermissionsDocument as ORGANISATION_PERMISSIONS,
  ProposeRelationshipDocument as PROPOSE_RELATIONSHIP,
  RegisterOrganisationDocument as REGISTER_ORGANISATION,
  RejectDocument as REJECT,
  RelationshipConsentDocument as RELATIONSHIP_CONSENT,
  ReviewQueueItemsDocument as REVIEW_QUEUE_ITEMS,
  SessionDocument as SESSION,
  SignInDocument as SIGN_IN,
  SignOutDocument as SIGN_OUT,
  SignUpDocument as SIGN_UP,
} from './generated/graphql.ts';
