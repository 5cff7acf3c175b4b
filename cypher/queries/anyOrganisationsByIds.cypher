// Organisations with the given ids WHATEVER THEIR STATUS (pending, archived), for their owners and
// curators only: the domain authorises before calling it. Same shape as organisationsByIds: place chain
// (most specific first) and themes (degree comes from the network snapshot).
// Params: $ids: [string]
UNWIND range(0, size($ids) - 1) AS idx
MATCH (o:Organisation {id: $ids[idx]}) USING INDEX o:Organisation(id)
OPTIONAL MATCH (o)-[:LOCATED_IN]->(p:Place)
OPTIONAL MATCH chain = (p)-[:IN*0..2]->(top:Place)
WHERE NOT (top)-[:IN]->(:Place)
RETURN o {.*} AS organisation,
       [n IN coalesce(nodes(chain), []) | n {.id, .name, .level, .latitude, .longitude}] AS places,
       COLLECT { MATCH (o)-[:WORKS_ON]->(t:Theme) RETURN t {.id, .name} ORDER BY t.name } AS themes
ORDER BY idx
