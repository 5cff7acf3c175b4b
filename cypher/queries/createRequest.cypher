// Files a request: a registration, a claim, a proposed relationship or a dispute, PENDING until decided.
// While open it has an openKey, unique (constraint request_open_key): the same claim twice fails.
// Params: $accountId, $request: {id, kind, openKey, evidence, reason, relationshipId}, $organisationIds, $now
MATCH (a:Account {id: $accountId})
CREATE (a)-[:SUBMITTED]->(r:Request {
  id: $request.id, kind: $request.kind, status: 'PENDING', openKey: $request.openKey,
  evidence: $request.evidence, reason: $request.reason, relationshipId: $request.relationshipId,
  createdAt: datetime($now)
})
WITH r
CALL (r) {
  UNWIND $organisationIds AS organisationId
  MATCH (o:Organisation {id: organisationId})
  CREATE (r)-[:ABOUT]->(o)
}
RETURN r.id AS id
