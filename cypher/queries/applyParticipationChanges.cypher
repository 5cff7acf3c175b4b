// Applies a run's changes to participations stored before it (in the run's final transaction).
// Params: $participations: [{organisation, initiative, set, since, until}], $runId
UNWIND $participations AS row
MATCH (o:Organisation {id: row.organisation})-[p:PARTICIPATES_IN]->(i:Initiative {id: row.initiative})
SET p += row.set,
    p.since = date(row.since),
    p.until = date(row.until),
    p.changedInRun = $runId
RETURN count(p) AS updated
