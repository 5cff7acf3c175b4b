// Creates typed relationships that are new to the database (the import read the stored ids first, in
// the same transaction). Returns one row: created.
// CREATE with a dynamic type stays fast inside a large transaction; MERGE with one does not.
// Params: $relationships: [{id, kind, source, target, since, until, props, recordedBy, recordedAt}], $now, $importedBy
UNWIND $relationships AS row
MATCH (a:Organisation {id: row.source}) USING INDEX a:Organisation(id)
MATCH (b:Organisation {id: row.target}) USING INDEX b:Organisation(id)
CREATE (a)-[r:$(row.kind) {id: row.id}]->(b)
SET r += row.props,
    r.since = date(row.since),
    r.until = date(row.until),
    r.recordedBy = coalesce(row.recordedBy, $importedBy),
    r.recordedAt = coalesce(row.recordedAt, $now)
RETURN count(r) AS created
