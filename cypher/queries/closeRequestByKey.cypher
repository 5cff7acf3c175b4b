// Closes the open request with this key, if any (e.g. a proposal answered by the other side): APPROVED
// or REJECTED, with who decided and why. Its openKey goes, so a new one can be filed later.
// Params: $openKey, $status, $reason, $deciderId, $now (ISO date-time)
MATCH (r:Request {openKey: $openKey})
SET r.status = $status, r.decisionReason = $reason, r.decidedAt = datetime($now)
REMOVE r.openKey
WITH r
CALL (r) {
  MATCH (d:Account {id: $deciderId})
  CREATE (d)-[:DECIDED]->(r)
}
RETURN r.id AS id
