// Upserts initiatives and their themes.
// Params: $initiatives: [{id, props, startDate, endDate, themeIds, recordedBy, recordedAt}], $now, $importedBy
UNWIND $initiatives AS row
MERGE (i:Initiative {id: row.id})
  ON CREATE SET i.createdAt = datetime($now)
SET i += row.props,
    i.startDate = date(row.startDate),
    i.endDate = date(row.endDate),
    i.recordedBy = coalesce(row.recordedBy, i.recordedBy, $importedBy),
    i.recordedAt = coalesce(row.recordedAt, i.recordedAt, $now)
WITH i, row
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
RETURN count(i) AS initiatives
