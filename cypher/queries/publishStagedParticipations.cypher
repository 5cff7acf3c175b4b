// Turns up to $limit of a run's STAGED_PARTICIPATIONs into PARTICIPATES_IN. Run repeatedly in the final
// transaction until it returns 0.
// Params: $runId, $limit
MATCH (o)-[s:STAGED_PARTICIPATION {createdInRun: $runId}]->(i)
WITH o, s, i LIMIT toInteger($limit)
CREATE (o)-[p:PARTICIPATES_IN]->(i)
SET p = properties(s)
DELETE s
RETURN count(p) AS published
