// Every GraphQL document the client sends, in one place, so components never build query strings.

const PLACE_FIELDS = `
  place {
    id
    name
    level
    parent {
      id
      name
      level
      parent {
        id
        name
        level
      }
    }
  }`;

const SUMMARY_FIELDS = `
  id
  name
  sector
  kind
  ${PLACE_FIELDS}`;

const PROVENANCE_FIELDS = `
  provenance {
    sourceUrl
    sourceDataset
    sourceRecord
    recordedBy
    recordedAt
  }`;

export const SEARCH_ORGANISATIONS = `
query SearchOrganisations($query: String!, $first: Int) {
  searchOrganisations(query: $query, first: $first) {${SUMMARY_FIELDS}
  }
}`;

export const ORGANISATION = `
query Organisation($id: ID!) {
  organisation(id: $id) {${SUMMARY_FIELDS}
    description
    website
    degree
    themes {
      id
      name
    }
    identifiers {
      scheme
      value
    }${PROVENANCE_FIELDS}
    relationships(first: 100) {
      id
      kind
      since
      until
      amount
      currency
      trust
      description
      source {
        id
        name
        sector
      }
      target {
        id
        name
        sector
      }${PROVENANCE_FIELDS}
    }
  }
}`;

export const NEIGHBOURHOOD = `
query Neighbourhood($ids: [ID!]!, $depth: Int, $limit: Int) {
  neighbourhood(ids: $ids, depth: $depth, limit: $limit) {
    nodes {
      id
      name
      sector
      kind
      distance
      degree
    }
    edges {
      id
      source
      target
      kind
      trust
      since
      until
    }
    truncated
  }
}`;

/** Words whose best match makes a good first example in the empty state; each is an alias in EXAMPLES. */
export const EXAMPLE_WORDS = ['council', 'foundation', 'university'] as const;

export const EXAMPLES = `
query Examples {
  council: searchOrganisations(query: "council", first: 1) {${SUMMARY_FIELDS}
  }
  foundation: searchOrganisations(query: "foundation", first: 1) {${SUMMARY_FIELDS}
  }
  university: searchOrganisations(query: "university", first: 1) {${SUMMARY_FIELDS}
  }
}`;
