// Creates a registered organisation, PENDING until a curator approves it, owned (not yet verified) by
// the account that registered it, with its themes and place (created beforehand). Its identity key
// (normalised name | site) is unique (constraint organisation_identity_key), so a concurrent
// registration of the same organisation fails here, in the database.
// Params: $accountId, $organisation: {id, props, themeIds, placeId}, $now (ISO date-time)
MATCH (a:Account {id: $accountId})
CREATE (o:Organisation {id: $organisation.id})
SET o += $organisation.props,
    o.status = 'PENDING',
    o.createdAt = datetime($now),
    o.updatedAt = datetime($now),
    o.recordedAt = $now
CREATE (a)-[:OWNS {verified: false, since: datetime($now)}]->(o)
WITH o
CALL (o) {
  UNWIND $organisation.themeIds AS themeId
  MATCH (t:Theme {id: themeId})
  CREATE (o)-[:WORKS_ON]->(t)
}
CALL (o) {
  WITH o WHERE $organisation.placeId IS NOT NULL
  MATCH (p:Place {id: $organisation.placeId})
  CREATE (o)-[:LOCATED_IN]->(p)
}
RETURN o.id AS id
