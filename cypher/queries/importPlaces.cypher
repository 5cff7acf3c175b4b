// Creates places (country > region > city) and links each to its parent; coordinates only when given.
// Params: $places: [{id, name, level, parentId, latitude, longitude}], ordered parents first.
UNWIND $places AS row
MERGE (p:Place {id: row.id})
  ON CREATE SET p.name = row.name, p.level = row.level
SET p.latitude = coalesce(row.latitude, p.latitude),
    p.longitude = coalesce(row.longitude, p.longitude)
WITH p, row
WHERE row.parentId IS NOT NULL
MATCH (parent:Place {id: row.parentId})
MERGE (p)-[:IN]->(parent)
