// After a failed run's staging data is gone: removes the places and themes the run created that nothing
// uses (no organisation or initiative, no child place). Children first, so run it until it returns 0.
// Params: $runId
CALL () {
  MATCH (p:Place {createdInRun: $runId})
  WHERE NOT EXISTS { MATCH (p)<-[:LOCATED_IN|IN]-() }
  DETACH DELETE p
  RETURN count(*) AS n
  UNION ALL
  MATCH (t:Theme {createdInRun: $runId})
  WHERE NOT EXISTS { MATCH (t)<-[:WORKS_ON|ADDRESSES]-() }
  DELETE t
  RETURN count(*) AS n
}
RETURN sum(n) AS removed
