// Locks a request for a decision (a second curator deciding at the same time waits, then sees it
// decided) and returns it as requestsByIds does.
// Params: $id
MATCH (r:Request {id: $id})
SET r.revision = coalesce(r.revision, 0) + 1
WITH r
OPTIONAL MATCH (s:Account)-[:SUBMITTED]->(r)
RETURN r {.id, .kind, .status, .reason, .evidence, .decisionReason, .relationshipId, .createdAt, .decidedAt} AS request,
       s {.id, .name} AS submittedBy,
       COLLECT { MATCH (r)-[:ABOUT]->(o:Organisation) RETURN o.id ORDER BY o.id } AS organisationIds
