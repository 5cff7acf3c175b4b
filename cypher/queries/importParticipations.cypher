// Upserts one PARTICIPATES_IN relationship per (organisation, initiative) pair.
// Params: $participations: [{organisation, initiative, props, since, until, recordedBy, recordedAt}], $now, $importedBy
UNWIND $participations AS row
MATCH (o:Organisation {id: row.organisation}) USING INDEX o:Organisation(id)
MATCH (i:Initiative {id: row.initiative}) USING INDEX i:Initiative(id)
MERGE (o)-[p:PARTICIPATES_IN]->(i)
SET p += row.props,
    p.since = date(row.since),
    p.until = date(row.until),
    p.recordedBy = coalesce(row.recordedBy, p.recordedBy, $importedBy),
    p.recordedAt = coalesce(row.recordedAt, p.recordedAt, $now)
RETURN count(p) AS participations
