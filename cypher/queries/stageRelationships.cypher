// Creates a run's new relationships that have at least one new (staged) end, with their real type: a
// reader never sees them, since it matches both ends as :Organisation, until the run is published.
// Each end is a staged organisation of this run or a stored one, as the row says.
// Params: $relationships: [{id, kind, source, target, sourceStaged, targetStaged, since, until, props}], $runId, $now, $importedBy
UNWIND $relationships AS row
CALL (row) {
  WITH row WHERE row.sourceStaged
  MATCH (a:StagedOrganisation {id: row.source}) USING INDEX a:StagedOrganisation(id)
  RETURN a
  UNION ALL
  WITH row WHERE NOT row.sourceStaged
  MATCH (a:Organisation {id: row.source}) USING INDEX a:Organisation(id)
  RETURN a
}
CALL (row) {
  WITH row WHERE row.targetStaged
  MATCH (b:StagedOrganisation {id: row.target}) USING INDEX b:StagedOrganisation(id)
  RETURN b
  UNION ALL
  WITH row WHERE NOT row.targetStaged
  MATCH (b:Organisation {id: row.target}) USING INDEX b:Organisation(id)
  RETURN b
}
CREATE (a)-[r:$(row.kind) {id: row.id}]->(b)
SET r += row.props,
    r.since = date(row.since),
    r.until = date(row.until),
    r.recordedBy = coalesce(row.props.recordedBy, $importedBy),
    r.recordedAt = coalesce(row.props.recordedAt, $now),
    r.createdInRun = $runId,
    r.changedInRun = $runId
RETURN count(r) AS created
