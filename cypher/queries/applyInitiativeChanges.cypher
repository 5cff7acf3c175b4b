// Applies a run's changes to initiatives stored before it (in the run's final transaction).
// Params: $initiatives: [{id, set, startDate, endDate, themeIds}], $runId
UNWIND $initiatives AS row
MATCH (i:Initiative {id: row.id})
SET i += row.set,
    i.startDate = date(row.startDate),
    i.endDate = date(row.endDate),
    i.changedInRun = $runId
WITH i, row
CALL (i, row) {
  WITH i, row WHERE row.themeIds IS NOT NULL
  OPTIONAL MATCH (i)-[old:ADDRESSES]->(:Theme)
  DELETE old
  WITH DISTINCT i, row
  UNWIND row.themeIds AS themeId
  MATCH (t:Theme {id: themeId})
  MERGE (i)-[:ADDRESSES]->(t)
}
RETURN count(i) AS updated
