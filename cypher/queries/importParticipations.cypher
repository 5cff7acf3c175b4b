// Upserts one PARTICIPATES_IN relationship per (organisation, initiative) pair.
// Params: $participations: [{organisation, initiative, props, since, until, recordedBy, recordedAt}], $now, $importedBy
// Returns one row: created, updated, unchanged.
UNWIND $participations AS row
MATCH (o:Organisation {id: row.organisation}) USING INDEX o:Organisation(id)
MATCH (i:Initiative {id: row.initiative}) USING INDEX i:Initiative(id)
OPTIONAL MATCH (o)-[existing:PARTICIPATES_IN]->(i)
WITH o, i, row, existing IS NULL AS isNew
MERGE (o)-[p:PARTICIPATES_IN]->(i)
WITH p, row, isNew,
     [k IN keys(row.props) WHERE NOT coalesce(p[k] = row.props[k], p[k] IS NULL AND row.props[k] IS NULL)] +
     CASE WHEN coalesce(p.since = date(row.since), p.since IS NULL AND row.since IS NULL) THEN [] ELSE ['since'] END +
     CASE WHEN coalesce(p.until = date(row.until), p.until IS NULL AND row.until IS NULL) THEN [] ELSE ['until'] END
     AS changed
SET p += row.props,
    p.since = date(row.since),
    p.until = date(row.until),
    p.recordedBy = coalesce(row.recordedBy, p.recordedBy, $importedBy),
    p.recordedAt = coalesce(row.recordedAt, p.recordedAt, $now)
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT isNew AND size(changed) > 0 THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN NOT isNew AND size(changed) = 0 THEN 1 ELSE 0 END) AS unchanged
