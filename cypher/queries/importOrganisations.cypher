// Upserts organisations with their themes and place. updatedAt moves only when a property, the themes
// or the place changed (themeIds must be sorted), so importing the same file twice changes nothing.
// Missing provenance defaults on first import only.
// Params: $organisations: [{id, props, themeIds, placeId, recordedBy, recordedAt}], $now (ISO date-time),
//         $importedBy (who records facts that name no recorder)
// Returns one row: created, updated, unchanged.
UNWIND $organisations AS row
OPTIONAL MATCH (existing:Organisation {id: row.id})
WITH row, existing IS NULL AS isNew
MERGE (o:Organisation {id: row.id})
  ON CREATE SET o.createdAt = datetime($now), o.updatedAt = datetime($now)
WITH o, row, isNew,
     [k IN keys(row.props) WHERE NOT coalesce(o[k] = row.props[k], o[k] IS NULL AND row.props[k] IS NULL)] +
     CASE WHEN COLLECT { MATCH (o)-[:WORKS_ON]->(t:Theme) RETURN t.id ORDER BY t.id } <> row.themeIds
          THEN ['themes'] ELSE [] END +
     CASE WHEN coalesce(COLLECT { MATCH (o)-[:LOCATED_IN]->(p:Place) RETURN p.id }[0], '') <> coalesce(row.placeId, '')
          THEN ['place'] ELSE [] END AS changed
SET o += row.props,
    o.recordedBy = coalesce(row.recordedBy, o.recordedBy, $importedBy),
    o.recordedAt = coalesce(row.recordedAt, o.recordedAt, $now),
    o.updatedAt = CASE WHEN size(changed) > 0 AND NOT isNew THEN datetime($now) ELSE o.updatedAt END
WITH o, row, isNew, size(changed) > 0 AS isChanged
CALL (o, row) {
  OPTIONAL MATCH (o)-[old:WORKS_ON]->(t:Theme)
  WHERE NOT t.id IN row.themeIds
  DELETE old
}
CALL (o, row) {
  UNWIND row.themeIds AS themeId
  MATCH (t:Theme {id: themeId})
  MERGE (o)-[:WORKS_ON]->(t)
}
CALL (o, row) {
  OPTIONAL MATCH (o)-[old:LOCATED_IN]->(p:Place)
  WHERE row.placeId IS NULL OR p.id <> row.placeId
  DELETE old
}
CALL (o, row) {
  WITH o, row WHERE row.placeId IS NOT NULL
  MATCH (p:Place {id: row.placeId})
  MERGE (o)-[:LOCATED_IN]->(p)
}
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT isNew AND isChanged THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN NOT isNew AND NOT isChanged THEN 1 ELSE 0 END) AS unchanged
