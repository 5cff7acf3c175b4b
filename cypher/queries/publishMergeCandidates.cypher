// Stores merge candidates (two organisations that may be one) for curators, in the run's final
// transaction. A candidate already stored for the same pair and rule is left as it is (a curator may have
// dismissed it). Returns how many were new.
// Params: $candidates: [{id, rule, evidence, score, a, b}], $runId, $now, $status
UNWIND $candidates AS row
MATCH (a:Organisation {id: row.a}) USING INDEX a:Organisation(id)
MATCH (b:Organisation {id: row.b}) USING INDEX b:Organisation(id)
OPTIONAL MATCH (existing:MergeCandidate {id: row.id})
WITH a, b, row, existing WHERE existing IS NULL
CREATE (c:MergeCandidate {id: row.id})
SET c.rule = row.rule, c.evidence = row.evidence, c.score = row.score, c.status = $status,
    c.createdAt = datetime($now), c.importRunId = $runId
CREATE (c)-[:CANDIDATE_OF]->(a)
CREATE (c)-[:CANDIDATE_OF]->(b)
RETURN count(c) AS created
