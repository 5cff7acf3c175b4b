// Deletes relationships by their stable id and kind (an import replacing them with another kind or other
// ends); one index seek per row. An id that is already gone is skipped.
// Params: $relationships: [{id, kind}]
// Returns one row: deleted.
UNWIND $relationships AS row
CALL (row) {
  WITH row WHERE row.kind = 'PARTNERSHIP'
  MATCH ()-[r:PARTNERSHIP {id: row.id}]->() USING INDEX r:PARTNERSHIP(id)
  RETURN r
  UNION ALL
  WITH row WHERE row.kind = 'FUNDING'
  MATCH ()-[r:FUNDING {id: row.id}]->() USING INDEX r:FUNDING(id)
  RETURN r
  UNION ALL
  WITH row WHERE row.kind = 'MEMBERSHIP'
  MATCH ()-[r:MEMBERSHIP {id: row.id}]->() USING INDEX r:MEMBERSHIP(id)
  RETURN r
  UNION ALL
  WITH row WHERE row.kind = 'PART_OF'
  MATCH ()-[r:PART_OF {id: row.id}]->() USING INDEX r:PART_OF(id)
  RETURN r
  UNION ALL
  WITH row WHERE row.kind = 'INVESTMENT'
  MATCH ()-[r:INVESTMENT {id: row.id}]->() USING INDEX r:INVESTMENT(id)
  RETURN r
  UNION ALL
  WITH row WHERE row.kind = 'DATA_SHARING'
  MATCH ()-[r:DATA_SHARING {id: row.id}]->() USING INDEX r:DATA_SHARING(id)
  RETURN r
  UNION ALL
  WITH row WHERE row.kind = 'ADOPTION'
  MATCH ()-[r:ADOPTION {id: row.id}]->() USING INDEX r:ADOPTION(id)
  RETURN r
}
DELETE r
RETURN count(r) AS deleted
