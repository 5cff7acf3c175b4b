// Published organisations with the given ids, in the order given, each with its place chain
// (most specific first) and themes. (Degree comes from the network snapshot: one definition.) An id may
// be an alias (a merged record's id): it finds the organisation it was merged into.
// Params: $ids: [string]
UNWIND range(0, size($ids) - 1) AS idx
CALL (idx) {
  MATCH (o:Organisation {id: $ids[idx]}) USING INDEX o:Organisation(id)
  RETURN o
  UNION
  MATCH (:Alias {id: $ids[idx]})-[:ALIAS_OF]->(o:Organisation)
  RETURN o
}
WITH idx, o
WHERE o.status = 'PUBLISHED'
OPTIONAL MATCH (o)-[:LOCATED_IN]->(p:Place)
OPTIONAL MATCH chain = (p)-[:IN*0..2]->(top:Place)
WHERE NOT (top)-[:IN]->(:Place)
RETURN $ids[idx] AS requested, o {.*} AS organisation,
       [n IN coalesce(nodes(chain), []) | n {.id, .name, .level, .latitude, .longitude}] AS places,
       COLLECT { MATCH (o)-[:WORKS_ON]->(t:Theme) RETURN t {.id, .name} ORDER BY t.name } AS themes
ORDER BY idx
