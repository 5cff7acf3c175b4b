// The stored relationships that have the given ids, whatever their kind: one index seek per kind (a
// dynamic type in MATCH would scan every relationship). The import runs it in its write transaction
// before writing anything, so the seeks see only committed relationships and stay fast.
// Params: $ids: [string]
UNWIND $ids AS id
CALL (id) {
  MATCH (a)-[r:PARTNERSHIP {id: id}]->(b) USING INDEX r:PARTNERSHIP(id)
  RETURN type(r) AS kind, a.id AS source, b.id AS target
  UNION ALL
  MATCH (a)-[r:FUNDING {id: id}]->(b) USING INDEX r:FUNDING(id)
  RETURN type(r) AS kind, a.id AS source, b.id AS target
  UNION ALL
  MATCH (a)-[r:MEMBERSHIP {id: id}]->(b) USING INDEX r:MEMBERSHIP(id)
  RETURN type(r) AS kind, a.id AS source, b.id AS target
  UNION ALL
  MATCH (a)-[r:PART_OF {id: id}]->(b) USING INDEX r:PART_OF(id)
  RETURN type(r) AS kind, a.id AS source, b.id AS target
  UNION ALL
  MATCH (a)-[r:INVESTMENT {id: id}]->(b) USING INDEX r:INVESTMENT(id)
  RETURN type(r) AS kind, a.id AS source, b.id AS target
  UNION ALL
  MATCH (a)-[r:DATA_SHARING {id: id}]->(b) USING INDEX r:DATA_SHARING(id)
  RETURN type(r) AS kind, a.id AS source, b.id AS target
  UNION ALL
  MATCH (a)-[r:ADOPTION {id: id}]->(b) USING INDEX r:ADOPTION(id)
  RETURN type(r) AS kind, a.id AS source, b.id AS target
}
RETURN id, kind, source, target
