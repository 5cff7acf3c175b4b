// A run's new relationships between two organisations that were stored before the run: kept as
// STAGED_RELATIONSHIP (a type no reader matches), turned into their real kind when the run is published.
// Params: $relationships: [{id, kind, source, target, since, until, props}], $runId, $now, $importedBy
UNWIND $relationships AS row
MATCH (a:Organisation {id: row.source}) USING INDEX a:Organisation(id)
MATCH (b:Organisation {id: row.target}) USING INDEX b:Organisation(id)
CREATE (a)-[s:STAGED_RELATIONSHIP]->(b)
SET s += row.props,
    s.id = row.id,
    s.stagedKind = row.kind,
    s.since = date(row.since),
    s.until = date(row.until),
    s.recordedBy = coalesce(row.props.recordedBy, $importedBy),
    s.recordedAt = coalesce(row.props.recordedAt, $now),
    s.createdInRun = $runId,
    s.changedInRun = $runId
RETURN count(s) AS created
