// Turns up to $limit of a run's STAGED_RELATIONSHIPs (new ties between organisations stored before the
// run) into relationships of their real kind. Run repeatedly in the final transaction until it returns 0.
// Params: $runId, $limit
MATCH (a)-[s:STAGED_RELATIONSHIP {createdInRun: $runId}]->(b)
WITH a, s, b LIMIT toInteger($limit)
CREATE (a)-[r:$(s.stagedKind)]->(b)
SET r = properties(s)
REMOVE r.stagedKind
DELETE s
RETURN count(r) AS published
