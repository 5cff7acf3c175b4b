// Relationships by id, whatever their kind, for curation and consent (one index seek per kind), with the status of both ends and
// the accounts that proposed, confirmed or disputed them. Unknown ids give no row.
// Params: $ids: [string]
UNWIND $ids AS id
CALL (id) {
  MATCH (a:Organisation)-[r:PARTNERSHIP {id: id}]->(b:Organisation) USING INDEX r:PARTNERSHIP(id)
  RETURN r, a, b
  UNION ALL
  MATCH (a:Organisation)-[r:FUNDING {id: id}]->(b:Organisation) USING INDEX r:FUNDING(id)
  RETURN r, a, b
  UNION ALL
  MATCH (a:Organisation)-[r:MEMBERSHIP {id: id}]->(b:Organisation) USING INDEX r:MEMBERSHIP(id)
  RETURN r, a, b
  UNION ALL
  MATCH (a:Organisation)-[r:PART_OF {id: id}]->(b:Organisation) USING INDEX r:PART_OF(id)
  RETURN r, a, b
  UNION ALL
  MATCH (a:Organisation)-[r:INVESTMENT {id: id}]->(b:Organisation) USING INDEX r:INVESTMENT(id)
  RETURN r, a, b
  UNION ALL
  MATCH (a:Organisation)-[r:DATA_SHARING {id: id}]->(b:Organisation) USING INDEX r:DATA_SHARING(id)
  RETURN r, a, b
  UNION ALL
  MATCH (a:Organisation)-[r:ADOPTION {id: id}]->(b:Organisation) USING INDEX r:ADOPTION(id)
  RETURN r, a, b
}
OPTIONAL MATCH (p:Account {id: r.proposedBy})
OPTIONAL MATCH (c:Account {id: r.confirmedBy})
OPTIONAL MATCH (d:Account {id: r.disputedBy})
RETURN id, r {.*, kind: type(r), sourceId: a.id, targetId: b.id} AS relationship,
       a.status AS sourceStatus, b.status AS targetStatus,
       p {.id, .name} AS proposedBy, c {.id, .name} AS confirmedBy, d {.id, .name} AS disputedBy
