// Applies a run's changes to organisations stored before it (in the run's final transaction): the changed
// properties (a null removes one), and themes or place when they changed.
// Params: $organisations: [{id, set, closedOn, themeIds, placeId, placeChanged}], $runId, $now
UNWIND $organisations AS row
MATCH (o:Organisation {id: row.id}) USING INDEX o:Organisation(id)
SET o += row.set,
    o.closedOn = date(row.closedOn),
    o.updatedAt = datetime($now),
    o.changedInRun = $runId
WITH o, row
CALL (o, row) {
  WITH o, row WHERE row.themeIds IS NOT NULL
  OPTIONAL MATCH (o)-[old:WORKS_ON]->(:Theme)
  DELETE old
  WITH DISTINCT o, row
  UNWIND row.themeIds AS themeId
  MATCH (t:Theme {id: themeId})
  MERGE (o)-[:WORKS_ON]->(t)
}
CALL (o, row) {
  WITH o, row WHERE row.placeChanged
  OPTIONAL MATCH (o)-[old:LOCATED_IN]->(:Place)
  DELETE old
  WITH DISTINCT o, row WHERE row.placeId IS NOT NULL
  MATCH (p:Place {id: row.placeId})
  MERGE (o)-[:LOCATED_IN]->(p)
}
RETURN count(o) AS updated
