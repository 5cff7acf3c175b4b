// Creates a run's new organisations under the StagedOrganisation label: invisible to every reader (they
// all match :Organisation) until publishStagedOrganisations relabels them in the run's final transaction.
// Params: $organisations: [{id, props, themeIds, placeId, closedOn}], $runId, $now, $importedBy
UNWIND $organisations AS row
CREATE (o:StagedOrganisation {id: row.id})
SET o += row.props,
    o.createdAt = datetime($now),
    o.updatedAt = datetime($now),
    o.closedOn = date(row.closedOn),
    o.recordedBy = coalesce(row.props.recordedBy, $importedBy),
    o.recordedAt = coalesce(row.props.recordedAt, $now),
    o.createdInRun = $runId,
    o.changedInRun = $runId
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
RETURN count(o) AS created
