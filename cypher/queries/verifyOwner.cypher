// Approves a claim: the account becomes a verified owner of the organisation.
// Params: $organisationId, $accountId, $now (ISO date-time)
MATCH (a:Account {id: $accountId})
MATCH (o:Organisation {id: $organisationId})
MERGE (a)-[w:OWNS]->(o)
  ON CREATE SET w.since = datetime($now)
SET w.verified = true, w.verifiedAt = datetime($now)
RETURN o.id AS id
