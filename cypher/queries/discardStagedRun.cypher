// Removes up to $limit of a failed run's staging data: staged organisations and initiatives (with their
// aliases and relationships), staged relationships and participations between stored organisations. Run
// repeatedly until it returns 0; nothing a reader could see is touched.
// Params: $runId, $limit
CALL () {
  MATCH (o:StagedOrganisation {createdInRun: $runId}) USING INDEX o:StagedOrganisation(createdInRun)
  WITH o LIMIT toInteger($limit)
  OPTIONAL MATCH (a:Alias)-[:ALIAS_OF]->(o)
  DETACH DELETE a, o
  RETURN count(*) AS n
  UNION ALL
  MATCH (i:StagedInitiative {createdInRun: $runId}) USING INDEX i:StagedInitiative(createdInRun)
  WITH i LIMIT toInteger($limit)
  DETACH DELETE i
  RETURN count(*) AS n
  UNION ALL
  MATCH ()-[s:STAGED_RELATIONSHIP {createdInRun: $runId}]->()
  WITH s LIMIT toInteger($limit)
  DELETE s
  RETURN count(*) AS n
  UNION ALL
  MATCH ()-[s:STAGED_PARTICIPATION {createdInRun: $runId}]->()
  WITH s LIMIT toInteger($limit)
  DELETE s
  RETURN count(*) AS n
}
RETURN sum(n) AS removed
