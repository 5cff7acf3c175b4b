// For each organisation id, its relationships to other published organisations, newest first and
// undated last (Cypher sorts nulls first in DESC order).
// One query for a whole level of a GraphQL response (batched by a DataLoader).
// Params: $ids: [string], $first (max relationships per organisation)
UNWIND $ids AS id
CALL (id) {
  MATCH (o:Organisation {id: id})-[r:PARTNERSHIP|FUNDING|MEMBERSHIP|PART_OF|INVESTMENT|DATA_SHARING|ADOPTION]-(m:Organisation)
  WHERE m.status = 'PUBLISHED'
  WITH r ORDER BY r.since IS NULL, r.since DESC, r.id
  LIMIT toInteger($first)
  RETURN collect(r {.*, kind: type(r), sourceId: startNode(r).id, targetId: endNode(r).id}) AS relationships
}
RETURN id, relationships
