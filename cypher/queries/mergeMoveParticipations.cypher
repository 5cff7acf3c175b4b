// Merge, step 2: the merged organisation's initiative participations move to the kept one; where the
// kept one already takes part in the same initiative, its own participation stays (one per pair).
// Params: $keep, $merge
MATCH (m:Organisation {id: $merge})-[p:PARTICIPATES_IN]->(i:Initiative)
MATCH (k:Organisation {id: $keep})
WITH k, p, i, properties(p) AS props, EXISTS { (k)-[:PARTICIPATES_IN]->(i) } AS keptAlready
DELETE p
WITH k, i, props, keptAlready
CALL (k, i, props, keptAlready) {
  WITH k, i, props, keptAlready WHERE NOT keptAlready
  CREATE (k)-[q:PARTICIPATES_IN]->(i)
  SET q = props
}
RETURN i.id AS initiativeId, keptAlready
