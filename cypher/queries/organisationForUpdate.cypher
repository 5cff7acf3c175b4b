// Locks an organisation for an edit (concurrent edits wait for this transaction) and returns its
// properties, its place chain (most specific first), its theme names and the editing account's ownership.
// Params: $id, $accountId
MATCH (o:Organisation {id: $id})
SET o.revision = coalesce(o.revision, 0) + 1
WITH o
OPTIONAL MATCH (:Account {id: $accountId})-[w:OWNS]->(o)
OPTIONAL MATCH (o)-[:LOCATED_IN]->(p:Place)
OPTIONAL MATCH chain = (p)-[:IN*0..2]->(top:Place)
WHERE NOT (top)-[:IN]->(:Place)
RETURN o {.*} AS organisation, w.verified AS verified,
       [n IN coalesce(nodes(chain), []) | n {.name, .level}] AS places,
       COLLECT { MATCH (o)-[:WORKS_ON]->(t:Theme) RETURN t.name ORDER BY t.name } AS themes
