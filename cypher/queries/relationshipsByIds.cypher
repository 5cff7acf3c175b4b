// Relationships by stable id, grouped by kind (one index seek each; one branch per kind, each run once for
// its ids): those with both ends still published, in no particular order (callers match them by kind and
// id); and the data version, read after them, so that relationships(filter) checks the snapshot it paged
// over in this same round trip (a version read last that is still the snapshot's means no later write was
// seen by the reads before it). Also the DataLoader's read of relationships by id, which ignores the version.
// Params: $byKind: {PARTNERSHIP: [id], FUNDING: [id], …} (a kind without ids may be left out)
CALL () {
  CALL () {
    UNWIND coalesce($byKind.PARTNERSHIP, []) AS id
    MATCH ()-[r:PARTNERSHIP {id: id}]->() USING INDEX r:PARTNERSHIP(id)
    RETURN r
    UNION ALL
    UNWIND coalesce($byKind.FUNDING, []) AS id
    MATCH ()-[r:FUNDING {id: id}]->() USING INDEX r:FUNDING(id)
    RETURN r
    UNION ALL
    UNWIND coalesce($byKind.MEMBERSHIP, []) AS id
    MATCH ()-[r:MEMBERSHIP {id: id}]->() USING INDEX r:MEMBERSHIP(id)
    RETURN r
    UNION ALL
    UNWIND coalesce($byKind.PART_OF, []) AS id
    MATCH ()-[r:PART_OF {id: id}]->() USING INDEX r:PART_OF(id)
    RETURN r
    UNION ALL
    UNWIND coalesce($byKind.INVESTMENT, []) AS id
    MATCH ()-[r:INVESTMENT {id: id}]->() USING INDEX r:INVESTMENT(id)
    RETURN r
    UNION ALL
    UNWIND coalesce($byKind.DATA_SHARING, []) AS id
    MATCH ()-[r:DATA_SHARING {id: id}]->() USING INDEX r:DATA_SHARING(id)
    RETURN r
    UNION ALL
    UNWIND coalesce($byKind.ADOPTION, []) AS id
    MATCH ()-[r:ADOPTION {id: id}]->() USING INDEX r:ADOPTION(id)
    RETURN r
  }
  WITH r, startNode(r) AS a, endNode(r) AS b
  WHERE a.status = 'PUBLISHED' AND b.status = 'PUBLISHED'
  RETURN collect(r {.*, kind: type(r), sourceId: a.id, targetId: b.id}) AS relationships
}
OPTIONAL MATCH (m:AtlasMeta {id: 'atlas'})
RETURN coalesce(m.dataVersion, 0) AS dataVersion, relationships
