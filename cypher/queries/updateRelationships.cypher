// Updates stored relationships, found by their stable id and kind (one index seek each), with the file's
// values; missing provenance (who, when) keeps what was recorded first. Returns the ids it found, and
// whether anything changed: an id that is gone (deleted since it was read) is absent, and the caller
// creates it.
// Params: $relationships: [{id, kind, since, until, props, recordedBy, recordedAt}], $now, $importedBy
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
WITH row, r,
     [k IN keys(row.props) WHERE NOT coalesce(r[k] = row.props[k], r[k] IS NULL AND row.props[k] IS NULL)] +
     CASE WHEN coalesce(r.since = date(row.since), r.since IS NULL AND row.since IS NULL) THEN [] ELSE ['since'] END +
     CASE WHEN coalesce(r.until = date(row.until), r.until IS NULL AND row.until IS NULL) THEN [] ELSE ['until'] END
     AS changed
SET r += row.props,
    r.since = date(row.since),
    r.until = date(row.until),
    r.recordedBy = coalesce(row.recordedBy, r.recordedBy, $importedBy),
    r.recordedAt = coalesce(row.recordedAt, r.recordedAt, $now)
RETURN row.id AS id, size(changed) > 0 AS changed
