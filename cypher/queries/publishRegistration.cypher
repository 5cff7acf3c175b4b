// Approves a registration: the organisation is published, and its registrant becomes a verified owner.
// Params: $organisationId, $accountId (the registrant, or null), $now (ISO date-time)
MATCH (o:Organisation {id: $organisationId})
SET o.status = 'PUBLISHED', o.updatedAt = datetime($now)
WITH o
CALL (o) {
  MATCH (:Account {id: $accountId})-[w:OWNS]->(o)
  SET w.verified = true, w.verifiedAt = datetime($now)
}
RETURN o.id AS id
