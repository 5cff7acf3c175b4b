// Upserts typed relationships between organisations, keyed by id. Properties are replaced by the file's
// values; missing provenance (who, when) defaults on first import only.
// Params: $relationships: [{id, kind, source, target, props, recordedBy, recordedAt}], $now, $importedBy
UNWIND $relationships AS row
MATCH (a:Organisation {id: row.source})
MATCH (b:Organisation {id: row.target})
MERGE (a)-[r:$(row.kind) {id: row.id}]->(b)
SET r += row.props,
    r.since = date(row.since),
    r.until = date(row.until),
    r.recordedBy = coalesce(row.recordedBy, r.recordedBy, $importedBy),
    r.recordedAt = coalesce(row.recordedAt, r.recordedAt, $now)
RETURN count(r) AS relationships
