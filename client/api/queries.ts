// Every GraphQL document the client sends, typed by codegen from client/api/operations/*.graphql, so
// components never build query strings and a document that no longer fits the schema fails the build.
export {
  ExamplesDocument as EXAMPLES,
  NeighbourhoodDocument as NEIGHBOURHOOD,
  OrganisationDocument as ORGANISATION,
  PathwayDocument as PATHWAY,
  SearchOrganisationsDocument as SEARCH_ORGANISATIONS,
} from './generated/graphql.ts';
export type { TypedDocumentString } from './generated/graphql.ts';

/** The aliases of the Examples query, in the order they are offered. */
export const EXAMPLE_WORDS = ['council', 'foundation', 'university'] as const;
