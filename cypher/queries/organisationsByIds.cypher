// Published organisations with the given ids, in the order given, each with its place chain
// (most specific first) and themes. (Degree comes from the network snapshot: one definition.)
// Params: $ids: [string]
UNWIND range(0, size($ids) - 1) AS idx
MATCH (o:Organisation {id: $ids[idx]}) USING INDEX o:Organisation(id)
WHERE o.status = 'PUBLISHED'
OPTIONAL MATCH (o)-[:LOCATED_IN]->(p:Place)
OPTIONAL MATCH chain = (p)-[:IN*0..2]->(top:Place)
WHERE NOT (top)-[:IN]->(:Place)
RETURN o {.*} AS organisation,
       [n IN coalesce(nodes(chain), []) | n {.id, .name, .level, .latitude, .longitude}] AS places,
       COLLECT { MATCH (o)-[:WORKS_ON]->(t:Theme) RETURN t {.id, .name} ORDER BY t.name } AS themes
ORDER BY idx
