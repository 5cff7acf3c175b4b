// Applies a run's changes to relationships stored before it (in the run's final transaction), found by
// their stable id and kind: the changed values (a null removes one) and the dates.
// Params: $relationships: [{id, kind, set, since, until}], $runId
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
SET r += row.set,
    r.since = date(row.since),
    r.until = date(row.until),
    r.changedInRun = $runId
RETURN count(r) AS updated
