// Closes a request: APPROVED or REJECTED, with the deciding account and its reason. Its openKey goes,
// so a new request of the same kind can be filed later.
// Params: $id, $status, $reason, $deciderId, $now (ISO date-time)
MATCH (r:Request {id: $id})
SET r.status = $status, r.decisionReason = $reason, r.decidedAt = datetime($now)
REMOVE r.openKey
WITH r
CALL (r) {
  MATCH (d:Account {id: $deciderId})
  CREATE (d)-[:DECIDED]->(r)
}
RETURN r.id AS id
