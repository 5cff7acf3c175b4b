// Upserts typed relationships between organisations, keyed by id. An id names one record: when the
// file gives it another kind or other ends, the stored relationship is replaced. Properties are replaced
// by the file's values; missing provenance (who, when) defaults on first import only.
// Params: $relationships: [{id, kind, source, target, since, until, props, recordedBy, recordedAt}], $now, $importedBy
UNWIND $relationships AS row
CALL (row) {
  CALL (row) {
    // One index seek per kind (a dynamic type in MATCH would scan every relationship). The index hints
  // keep the plan right when it is made on an empty or freshly imported database (stale statistics).
    MATCH (a)-[old:PARTNERSHIP {id: row.id}]->(b) USING INDEX old:PARTNERSHIP(id) RETURN old, a, b
    UNION
    MATCH (a)-[old:FUNDING {id: row.id}]->(b) USING INDEX old:FUNDING(id) RETURN old, a, b
    UNION
    MATCH (a)-[old:MEMBERSHIP {id: row.id}]->(b) USING INDEX old:MEMBERSHIP(id) RETURN old, a, b
    UNION
    MATCH (a)-[old:PART_OF {id: row.id}]->(b) USING INDEX old:PART_OF(id) RETURN old, a, b
    UNION
    MATCH (a)-[old:INVESTMENT {id: row.id}]->(b) USING INDEX old:INVESTMENT(id) RETURN old, a, b
    UNION
    MATCH (a)-[old:DATA_SHARING {id: row.id}]->(b) USING INDEX old:DATA_SHARING(id) RETURN old, a, b
    UNION
    MATCH (a)-[old:ADOPTION {id: row.id}]->(b) USING INDEX old:ADOPTION(id) RETURN old, a, b
  }
  WITH row, old, a, b
  WHERE type(old) <> row.kind OR a.id <> row.source OR b.id <> row.target
  DELETE old
}
MATCH (a:Organisation {id: row.source}) USING INDEX a:Organisation(id)
MATCH (b:Organisation {id: row.target}) USING INDEX b:Organisation(id)
MERGE (a)-[r:$(row.kind) {id: row.id}]->(b)
SET r += row.props,
    r.since = date(row.since),
    r.until = date(row.until),
    r.recordedBy = coalesce(row.recordedBy, r.recordedBy, $importedBy),
    r.recordedAt = coalesce(row.recordedAt, r.recordedAt, $now)
RETURN count(r) AS relationships
