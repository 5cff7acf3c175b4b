// What an account submitted for review, newest first, with the organisations each is about.
// Params: $accountId, $first
MATCH (s:Account {id: $accountId})-[:SUBMITTED]->(r:Request)
RETURN r {.id, .kind, .status, .reason, .evidence, .decisionReason, .relationshipId, .createdAt, .decidedAt} AS request,
       s {.id, .name} AS submittedBy,
       COLLECT { MATCH (r)-[:ABOUT]->(o:Organisation) RETURN o.id ORDER BY o.id } AS organisationIds
ORDER BY r.createdAt DESC, r.id
LIMIT toInteger($first)
