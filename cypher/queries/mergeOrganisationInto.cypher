// Merge, step 3: the rest of the merged organisation moves to the kept one: themes, place (when the kept
// one has none), identifiers and websites ($props), verified owners, requests, merge candidates (the
// pair's are MERGED and point at the alias), history; then the merged organisation is deleted and its
// id becomes an Alias of the kept one (its own aliases are re-pointed), so the id keeps resolving.
// Stored ids of the merged one are rewritten: an open claim's openKey names the kept one (a claimant who
// already claimed or owns the kept one has the claim closed as REJECTED with $claimReason). Only published
// organisations are merged (merge.ts), so no pending registration is involved.
// Params: $keep, $merge, $props (map), $claimReason, $curatorId, $now (ISO date-time)
MATCH (k:Organisation {id: $keep})
MATCH (m:Organisation {id: $merge})
SET k += $props, k.updatedAt = datetime($now)
WITH k, m
CALL (k, m) {
  MATCH (m)-[:WORKS_ON]->(t:Theme)
  MERGE (k)-[:WORKS_ON]->(t)
}
CALL (k, m) {
  WITH k, m WHERE NOT EXISTS { (k)-[:LOCATED_IN]->(:Place) }
  MATCH (m)-[:LOCATED_IN]->(p:Place)
  MERGE (k)-[:LOCATED_IN]->(p)
}
CALL (k, m) {
  MATCH (a:Account)-[w:OWNS]->(m)
  WHERE w.verified
  MERGE (a)-[x:OWNS]->(k)
    ON CREATE SET x.since = w.since
  SET x.verified = true, x.verifiedAt = coalesce(x.verifiedAt, w.verifiedAt)
}
CALL (k, m) {
  MATCH (a:Account)-[:SUBMITTED]->(r:Request {kind: 'CLAIM', status: 'PENDING'})-[:ABOUT]->(m)
  WITH a, r, EXISTS { (a)-[:OWNS]->(k) } OR EXISTS { (a)-[:SUBMITTED]->(:Request {openKey: 'CLAIM|' + a.id + '|' + $keep}) } AS already
  CALL (r, already) {
    WITH r WHERE already
    SET r.status = 'REJECTED', r.decisionReason = $claimReason, r.decidedAt = datetime($now)
    REMOVE r.openKey
  }
  CALL (a, r, already) {
    WITH a, r WHERE NOT already
    SET r.openKey = 'CLAIM|' + a.id + '|' + $keep
  }
}
CALL (k, m) {
  MATCH (r:Request)-[x:ABOUT]->(m)
  MERGE (r)-[:ABOUT]->(k)
  DELETE x
}
CALL (k, m) {
  MATCH (c:MergeCandidate)-[:CANDIDATE_OF]->(m)
  WHERE EXISTS { (c)-[:CANDIDATE_OF]->(k) }
  SET c.status = 'MERGED', c.decidedAt = datetime($now), c.decidedBy = $curatorId
}
CALL (k, m) {
  MATCH (c:MergeCandidate)-[x:CANDIDATE_OF]->(m)
  WHERE NOT EXISTS { (c)-[:CANDIDATE_OF]->(k) }
  CREATE (c)-[:CANDIDATE_OF]->(k)
  DELETE x
}
CALL (k) {
  MATCH (c:Change {subjectId: $merge})
  WHERE c.subjectKind = 'organisation'
  SET c.subjectId = $keep, c.mergedFrom = coalesce(c.mergedFrom, $merge)
}
CALL (k, m) {
  MATCH (a:Alias)-[x:ALIAS_OF]->(m)
  CREATE (a)-[:ALIAS_OF]->(k)
  DELETE x
}
CREATE (alias:Alias {id: $merge, createdAt: datetime($now), mergedBy: $curatorId})-[:ALIAS_OF]->(k)
WITH k, m, alias
CALL (m, alias) {
  MATCH (c:MergeCandidate)-[x:CANDIDATE_OF]->(m)
  CREATE (c)-[:CANDIDATE_OF]->(alias)
  DELETE x
}
DETACH DELETE m
RETURN k.id AS id
