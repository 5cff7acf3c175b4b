// Upserts initiatives and their themes (themeIds must be sorted).
// Params: $initiatives: [{id, props, startDate, endDate, themeIds, recordedBy, recordedAt}], $now, $importedBy
// Returns one row: created, updated, unchanged.
UNWIND $initiatives AS row
OPTIONAL MATCH (existing:Initiative {id: row.id})
WITH row, existing IS NULL AS isNew
MERGE (i:Initiative {id: row.id})
  ON CREATE SET i.createdAt = datetime($now)
WITH i, row, isNew,
     [k IN keys(row.props) WHERE NOT coalesce(i[k] = row.props[k], i[k] IS NULL AND row.props[k] IS NULL)] +
     CASE WHEN coalesce(i.startDate = date(row.startDate), i.startDate IS NULL AND row.startDate IS NULL)
          THEN [] ELSE ['startDate'] END +
     CASE WHEN coalesce(i.endDate = date(row.endDate), i.endDate IS NULL AND row.endDate IS NULL)
          THEN [] ELSE ['endDate'] END +
     CASE WHEN COLLECT { MATCH (i)-[:ADDRESSES]->(t:Theme) RETURN t.id ORDER BY t.id } <> row.themeIds
          THEN ['themes'] ELSE [] END AS changed
SET i += row.props,
    i.startDate = date(row.startDate),
    i.endDate = date(row.endDate),
    i.recordedBy = coalesce(row.recordedBy, i.recordedBy, $importedBy),
    i.recordedAt = coalesce(row.recordedAt, i.recordedAt, $now)
WITH i, row, isNew, size(changed) > 0 AS isChanged
CALL (i, row) {
  OPTIONAL MATCH (i)-[old:ADDRESSES]->(t:Theme)
  WHERE NOT t.id IN row.themeIds
  DELETE old
}
CALL (i, row) {
  UNWIND row.themeIds AS themeId
  MATCH (t:Theme {id: themeId})
  MERGE (i)-[:ADDRESSES]->(t)
}
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT isNew AND isChanged THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN NOT isNew AND NOT isChanged THEN 1 ELSE 0 END) AS unchanged
