// Requests by id, in the order given, with who submitted them and the organisations they are about.
// Params: $ids: [string]
UNWIND range(0, size($ids) - 1) AS idx
MATCH (r:Request {id: $ids[idx]})
OPTIONAL MATCH (s:Account)-[:SUBMITTED]->(r)
RETURN r {.id, .kind, .status, .reason, .evidence, .decisionReason, .relationshipId, .createdAt, .decidedAt} AS request,
       s {.id, .name} AS submittedBy,
       COLLECT { MATCH (r)-[:ABOUT]->(o:Organisation) RETURN o.id ORDER BY o.id } AS organisationIds
ORDER BY idx
