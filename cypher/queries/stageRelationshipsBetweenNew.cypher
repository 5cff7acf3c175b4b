// Creates a run's new relationships whose two ends are both new (staged) organisations of this run, with
// their real type (invisible until the run is published: readers match both ends as :Organisation). The
// common case of a first import, with one index seek per end.
// Params: $relationships: [{id, kind, source, target, since, until, props}], $runId, $now, $importedBy
UNWIND $relationships AS row
MATCH (a:StagedOrganisation {id: row.source}) USING INDEX a:StagedOrganisation(id)
MATCH (b:StagedOrganisation {id: row.target}) USING INDEX b:StagedOrganisation(id)
CREATE (a)-[r:$(row.kind) {id: row.id}]->(b)
SET r += row.props,
    r.since = date(row.since),
    r.until = date(row.until),
    r.recordedBy = coalesce(row.props.recordedBy, $importedBy),
    r.recordedAt = coalesce(row.props.recordedAt, $now),
    r.createdInRun = $runId,
    r.changedInRun = $runId
RETURN count(r) AS created
