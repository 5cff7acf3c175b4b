// The relationships of one page of relationships(filter), paged over the network snapshot, by stable id
// and kind (one index seek each) in the order given: those with both ends still published, as
// relationshipsByIds gives them; and the data version they were read at, so the list checks the snapshot
// it paged over in this same round trip.
// Params: $relationships: [{id, kind}]
OPTIONAL MATCH (m:AtlasMeta {id: 'atlas'})
WITH coalesce(m.dataVersion, 0) AS dataVersion
CALL () {
  UNWIND range(0, size($relationships) - 1) AS idx
  WITH idx, $relationships[idx] AS row
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
  WITH idx, r, startNode(r) AS a, endNode(r) AS b
  WHERE a.status = 'PUBLISHED' AND b.status = 'PUBLISHED'
  WITH idx, r {.*, kind: type(r), sourceId: a.id, targetId: b.id} AS relationship
  ORDER BY idx
  RETURN collect(relationship) AS relationships
}
RETURN dataVersion, relationships
