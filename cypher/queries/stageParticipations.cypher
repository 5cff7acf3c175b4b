// Creates a run's new participations. When the organisation or the initiative is new (staged), the real
// PARTICIPATES_IN is created (invisible: readers match :Organisation and :Initiative); between two stored
// ones a STAGED_PARTICIPATION is created instead, turned into PARTICIPATES_IN when the run is published.
// Params: $participations: [{organisation, initiative, organisationStaged, initiativeStaged, since, until, props}], $runId, $now, $importedBy
UNWIND $participations AS row
CALL (row) {
  WITH row WHERE row.organisationStaged
  MATCH (o:StagedOrganisation {id: row.organisation}) USING INDEX o:StagedOrganisation(id)
  RETURN o
  UNION ALL
  WITH row WHERE NOT row.organisationStaged
  MATCH (o:Organisation {id: row.organisation}) USING INDEX o:Organisation(id)
  RETURN o
}
CALL (row) {
  WITH row WHERE row.initiativeStaged
  MATCH (i:StagedInitiative {id: row.initiative}) USING INDEX i:StagedInitiative(id)
  RETURN i
  UNION ALL
  WITH row WHERE NOT row.initiativeStaged
  MATCH (i:Initiative {id: row.initiative}) USING INDEX i:Initiative(id)
  RETURN i
}
WITH o, i, row, row.organisationStaged OR row.initiativeStaged AS direct
CALL (o, i, row, direct) {
  WITH o, i, row WHERE direct
  CREATE (o)-[p:PARTICIPATES_IN]->(i)
  RETURN p
  UNION ALL
  WITH o, i, row WHERE NOT direct
  CREATE (o)-[p:STAGED_PARTICIPATION]->(i)
  RETURN p
}
SET p += row.props,
    p.since = date(row.since),
    p.until = date(row.until),
    p.recordedBy = coalesce(row.props.recordedBy, $importedBy),
    p.recordedAt = coalesce(row.props.recordedAt, $now),
    p.createdInRun = $runId,
    p.changedInRun = $runId
RETURN count(p) AS created
