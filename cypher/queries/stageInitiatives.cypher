// Creates a run's new initiatives under the StagedInitiative label (invisible until published), with
// their themes.
// Params: $initiatives: [{id, props, startDate, endDate, themeIds}], $runId, $now, $importedBy
UNWIND $initiatives AS row
CREATE (i:StagedInitiative {id: row.id})
SET i += row.props,
    i.startDate = date(row.startDate),
    i.endDate = date(row.endDate),
    i.createdAt = datetime($now),
    i.recordedBy = coalesce(row.props.recordedBy, $importedBy),
    i.recordedAt = coalesce(row.props.recordedAt, $now),
    i.createdInRun = $runId,
    i.changedInRun = $runId
WITH i, row
CALL (i, row) {
  UNWIND row.themeIds AS themeId
  MATCH (t:Theme {id: themeId})
  CREATE (i)-[:ADDRESSES]->(t)
}
RETURN count(i) AS created
