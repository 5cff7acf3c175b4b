// Upserts organisations with their themes and place. New ones are created outright; existing ones are
// updated, and their updatedAt moves only when a property, the themes or the place changed (themeIds
// must be sorted), so importing the same file twice changes nothing. Missing provenance defaults on
// first import only. (A concurrent writer creating the same id makes the CREATE fail the uniqueness
// constraint: the import then plans again.)
// Params: $organisations: [{id, props, themeIds, placeId, recordedBy, recordedAt}], $now (ISO date-time),
//         $importedBy (who records facts that name no recorder)
// Returns one row: created, updated, unchanged.
UNWIND $organisations AS row
OPTIONAL MATCH (existing:Organisation {id: row.id})
CALL (row, existing) {
  WITH row, existing WHERE existing IS NULL
  CREATE (o:Organisation {id: row.id})
  SET o += row.props,
      o.createdAt = datetime($now),
      o.updatedAt = datetime($now),
      o.recordedBy = coalesce(row.recordedBy, $importedBy),
      o.recordedAt = coalesce(row.recordedAt, $now)
  WITH o, row
  CALL (o, row) {
    UNWIND row.themeIds AS themeId
    MATCH (t:Theme {id: themeId})
    CREATE (o)-[:WORKS_ON]->(t)
  }
  CALL (o, row) {
    WITH o, row WHERE row.placeId IS NOT NULL
    MATCH (p:Place {id: row.placeId})
    CREATE (o)-[:LOCATED_IN]->(p)
  }
  RETURN 'created' AS outcome
  UNION ALL
  WITH row, existing WHERE existing IS NOT NULL
  WITH row, existing AS o,
       [k IN keys(row.props) WHERE NOT coalesce(existing[k] = row.props[k], existing[k] IS NULL AND row.props[k] IS NULL)] +
       CASE WHEN COLLECT { MATCH (existing)-[:WORKS_ON]->(t:Theme) RETURN t.id ORDER BY t.id } <> row.themeIds
            THEN ['themes'] ELSE [] END +
       CASE WHEN coalesce(COLLECT { MATCH (existing)-[:LOCATED_IN]->(p:Place) RETURN p.id }[0], '') <> coalesce(row.placeId, '')
            THEN ['place'] ELSE [] END AS changed
  SET o += row.props,
      o.recordedBy = coalesce(row.recordedBy, o.recordedBy, $importedBy),
      o.recordedAt = coalesce(row.recordedAt, o.recordedAt, $now),
      o.updatedAt = CASE WHEN size(changed) > 0 THEN datetime($now) ELSE o.updatedAt END
  WITH o, row, size(changed) > 0 AS isChanged
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
  RETURN CASE WHEN isChanged THEN 'updated' ELSE 'unchanged' END AS outcome
}
RETURN sum(CASE WHEN outcome = 'created' THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN outcome = 'updated' THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN outcome = 'unchanged' THEN 1 ELSE 0 END) AS unchanged
