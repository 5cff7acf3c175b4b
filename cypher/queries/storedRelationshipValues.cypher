// The stored relationships with the given ids, whatever their kind, with their ends and values: one index
// seek per kind. A run compares them with what it reads to tell new, changed, unchanged and replaced ones.
// Params: $ids: [string]
UNWIND $ids AS id
CALL (id) {
  MATCH (a)-[r:PARTNERSHIP {id: id}]->(b) USING INDEX r:PARTNERSHIP(id)
  RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:FUNDING {id: id}]->(b) USING INDEX r:FUNDING(id)
  RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:MEMBERSHIP {id: id}]->(b) USING INDEX r:MEMBERSHIP(id)
  RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:PART_OF {id: id}]->(b) USING INDEX r:PART_OF(id)
  RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:INVESTMENT {id: id}]->(b) USING INDEX r:INVESTMENT(id)
  RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:DATA_SHARING {id: id}]->(b) USING INDEX r:DATA_SHARING(id)
  RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:ADOPTION {id: id}]->(b) USING INDEX r:ADOPTION(id)
  RETURN r, a, b
}
RETURN id, type(r) AS kind, a.id AS source, b.id AS target, r {.*} AS stored
