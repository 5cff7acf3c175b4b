// Creates places (country > region > city) and links each to its parent; coordinates only when given.
// Params: $places: [{id, name, level, parentId, latitude, longitude}], ordered parents first.
// Returns one row: created, updated (coordinates changed), unchanged.
UNWIND $places AS row
OPTIONAL MATCH (existing:Place {id: row.id})
WITH row, existing IS NULL AS isNew,
     (row.latitude IS NOT NULL AND existing.latitude <> row.latitude) OR
     (row.longitude IS NOT NULL AND existing.longitude <> row.longitude) AS moved
MERGE (p:Place {id: row.id})
  ON CREATE SET p.name = row.name, p.level = row.level
SET p.latitude = coalesce(row.latitude, p.latitude),
    p.longitude = coalesce(row.longitude, p.longitude)
WITH p, row, isNew, coalesce(moved, false) AS moved
CALL (p, row) {
  WITH p, row WHERE row.parentId IS NOT NULL
  MATCH (parent:Place {id: row.parentId})
  MERGE (p)-[:IN]->(parent)
}
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT isNew AND moved THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN NOT isNew AND NOT moved THEN 1 ELSE 0 END) AS unchanged
