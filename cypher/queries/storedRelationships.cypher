// The stored relationships that have the given ids, whatever their kind: one index seek per kind
// (a dynamic type in MATCH would scan every relationship). Read before an import's write transaction,
// where seeks against a large uncommitted state would be slow.
// Params: $ids: [string]
UNWIND $ids AS id
CALL (id) {
  MATCH (a)-[r:PARTNERSHIP {id: id}]->(b) USING INDEX r:PARTNERSHIP(id)
  RETURN elementId(r) AS elementId, type(r) AS kind, a.id AS source, b.id AS target
  UNION
  MATCH (a)-[r:FUNDING {id: id}]->(b) USING INDEX r:FUNDING(id)
  RETURN elementId(r) AS elementId, type(r) AS kind, a.id AS source, b.id AS target
  UNION
  MATCH (a)-[r:MEMBERSHIP {id: id}]->(b) USING INDEX r:MEMBERSHIP(id)
  RETURN elementId(r) AS elementId, type(r) AS kind, a.id AS source, b.id AS target
  UNION
  MATCH (a)-[r:PART_OF {id: id}]->(b) USING INDEX r:PART_OF(id)
  RETURN elementId(r) AS elementId, type(r) AS kind, a.id AS source, b.id AS target
  UNION
  MATCH (a)-[r:INVESTMENT {id: id}]->(b) USING INDEX r:INVESTMENT(id)
  RETURN elementId(r) AS elementId, type(r) AS kind, a.id AS source, b.id AS target
  UNION
  MATCH (a)-[r:DATA_SHARING {id: id}]->(b) USING INDEX r:DATA_SHARING(id)
  RETURN elementId(r) AS elementId, type(r) AS kind, a.id AS source, b.id AS target
  UNION
  MATCH (a)-[r:ADOPTION {id: id}]->(b) USING INDEX r:ADOPTION(id)
  RETURN elementId(r) AS elementId, type(r) AS kind, a.id AS source, b.id AS target
}
RETURN id, elementId, kind, source, target
