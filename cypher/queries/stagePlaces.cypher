// Creates the places a run's organisations name (parents first) and links each to its parent. A place
// the run creates remembers the run, so a failed run can remove the ones nothing else uses. Coordinates
// are set only on places that have none.
// Params: $places: [{id, name, level, parentId, latitude, longitude}], $runId
UNWIND $places AS row
MERGE (p:Place {id: row.id})
  ON CREATE SET p.name = row.name, p.level = row.level, p.createdInRun = $runId
SET p.latitude = coalesce(p.latitude, row.latitude),
    p.longitude = coalesce(p.longitude, row.longitude)
WITH p, row
CALL (p, row) {
  WITH p, row WHERE row.parentId IS NOT NULL
  MATCH (parent:Place {id: row.parentId})
  MERGE (p)-[:IN]->(parent)
}
RETURN count(p) AS places
